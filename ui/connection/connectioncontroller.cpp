#include "ui/connection/connectioncontroller.h"

#include "core/aws/localsandbox.h"
#include "core/session/connectiontest.h"
#include "core/session/session.h"
#include "ui/connection/connectiondialog.h"

#include <QSettings>

ConnectionController::ConnectionController(Session *session, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_window(window)
{ }

ConnectionDialog *ConnectionController::dialog() const
{
    return m_dialog;
}

void ConnectionController::openDialog()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    QString profilesError;
    const QList<ProfileSummary> profiles = m_session->profiles(&profilesError);
    m_dialog = new ConnectionDialog(profiles, profilesError, LocalSandbox::isAvailable(), m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setSettings(m_session->settings());
    connect(m_dialog, &ConnectionDialog::testRequested, this, &ConnectionController::runTest);
    connect(m_dialog, &ConnectionDialog::accepted, this, [this] { apply(m_dialog->settings()); });
    m_dialog->open();
}

void ConnectionController::useSandbox(bool sandbox)
{
    ConnectionSettings choice = m_session->settings();
    choice.sandbox = sandbox;
    apply(choice);
}

void ConnectionController::apply(const ConnectionSettings &choice)
{
    QSettings settings;
    choice.save(settings);
    m_session->connectTo(choice);
}

void ConnectionController::runTest(const ConnectionSettings &choice)
{
    ConnectionDialog *dialog = m_dialog;
    if (!dialog)
        return;
    dialog->showTestRunning();
    auto test = [this, dialog, choice] {
        auto *connectionTest = new ConnectionTest(dialog);
        connect(connectionTest, &ConnectionTest::finished, dialog,
            [dialog, connectionTest](const ConnectionTest::Result &result) {
                dialog->showTestResult(result.success, result.text);
                connectionTest->deleteLater();
            });
        connectionTest->start(m_session->resolve(choice));
    };
    LocalSandbox *sandbox = m_session->sandbox();
    if (!choice.sandbox || sandbox->state() == LocalSandbox::State::Running) {
        test();
        return;
    }
    // The sandbox is tested before it is chosen: start it, test once it answers (or report why not).
    auto *waiter = new QObject(dialog);
    connect(sandbox, &LocalSandbox::ready, waiter, [waiter, test] {
        waiter->deleteLater();
        test();
    });
    connect(sandbox, &LocalSandbox::failed, waiter, [waiter, dialog](const QString &message) {
        waiter->deleteLater();
        dialog->showTestResult(false, message);
    });
    m_session->ensureSandboxStarted();
}
