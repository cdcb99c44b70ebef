#include "core/aws/localsandbox.h"
#include "core/session/session.h"
#include "tests/support/credentialprocessscript.h"
#include "ui/aboutdialog.h"
#include "ui/connection/connectiondialog.h"
#include "ui/connection/connectionstatuswidget.h"
#include "ui/mainwindow.h"
#include "ui/requestbudgetindicator.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

constexpr auto secretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
constexpr int sandboxWaitMs = 20000;

void writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

QString labelText(const QWidget *root, const QString &objectName)
{
    const auto *label = root->findChild<QLabel *>(objectName);
    return label ? label->text() : u"<no label %1>"_s.arg(objectName);
}

// Every text the window shows: labels, combo entries, line edits, window titles.
QStringList visibleTexts(const QWidget *root)
{
    QStringList texts { root->windowTitle(), root->toolTip() };
    for (const QLabel *label : root->findChildren<QLabel *>())
        texts << label->text() << label->toolTip();
    for (const QComboBox *combo : root->findChildren<QComboBox *>())
        for (int i = 0; i < combo->count(); ++i)
            texts << combo->itemText(i);
    for (const QLineEdit *edit : root->findChildren<QLineEdit *>())
        texts << edit->text();
    return texts;
}

// Connection > Connect…, as the user would; null if no dialog appears.
ConnectionDialog *openConnectionDialog(MainWindow &window)
{
    window.findChild<QAction *>(u"connect"_s)->trigger();
    ConnectionDialog *dialog = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] { return (dialog = window.findChild<ConnectionDialog *>()) && dialog->isVisible(); });
    return shown ? dialog : nullptr;
}

// The status bar of window as a PNG under $SAGEDESK_BINARY_DIR/screenshots, for a person to look at.
void saveStatusBar(QMainWindow *window, const QString &file)
{
    const QString directory
        = qEnvironmentVariable("SAGEDESK_BINARY_DIR", QDir::currentPath()) + u"/screenshots"_s;
    QVERIFY(QDir().mkpath(directory));
    QVERIFY(window->statusBar()->grab().save(directory + u'/' + file));
}

} // namespace

// Proves the main window a user meets: title follows the page, Ctrl+1..4 and the navigation switch pages,
// geometry and page survive a restart, the status bar tells the connection (profile, region, endpoint,
// credentials; the sandbox with its badge), About opens, every action is reachable by keyboard, and no
// secret key is ever shown.
class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void titleFollowsPage_data();
    void titleFollowsPage();
    void shortcutsSwitchPages_data();
    void shortcutsSwitchPages();
    void geometryAndPageRestored();
    void pluggedPageReplacesPlaceholder();
    void statusBarShowsConnection_data();
    void statusBarShowsConnection();
    void credentialsConfigured_data();
    void credentialsConfigured();
    void sandboxBadge();
    void credentialProcessShowsResolving();
    void sandboxOfferStartsSandbox();
    void connectionDialogListsProfilesWithoutSecrets();
    void connectionDialogTestIsRunByItsOpener();
    void requestBudgetSlot();
    void aboutActionOpensDialog();
    void everyActionHasShortcutOrMnemonic();
    void tabReachesNavigationAndPage();
    void renderScreenshots();

private:
    std::unique_ptr<Session> newSession() const;
    // A session whose sandbox runs a plain HTTP server instead of moto_server; null without python3.
    std::unique_ptr<Session> newSandboxSession();
    void writeDevProfile();

    std::unique_ptr<QTemporaryDir> m_home;
    QProcessEnvironment m_environment;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"SageDeskTest"_s);
    QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
}

void TestMainWindow::init()
{
    QSettings().clear();
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_environment = QProcessEnvironment();
    m_environment.insert(u"HOME"_s, m_home->path());
    m_environment.insert(u"AWS_EC2_METADATA_DISABLED"_s, u"true"_s);
}

void TestMainWindow::cleanup()
{
    for (QWidget *widget : QApplication::topLevelWidgets())
        widget->close();
    QSettings().clear();
}

std::unique_ptr<Session> TestMainWindow::newSession() const
{
    return std::make_unique<Session>(m_environment, m_home->path());
}

// Stands in for moto_server in the GUI tests: any HTTP server that listens where it is told.
std::unique_ptr<Session> TestMainWindow::newSandboxSession()
{
    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    if (python.isEmpty())
        return nullptr;
    const QString path = m_home->filePath(u"fake_moto_server"_s);
    writeFile(path,
        "#!/bin/sh\n# -H HOST -p PORT\nexec " + python.toUtf8() + " -m http.server --bind \"$2\" \"$4\"\n");
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    auto session = newSession();
    session->sandbox()->setExecutable(path);
    return session;
}

// Profile dev: keys in the credentials file (the secret must never show), region eu-west-2 in the config.
void TestMainWindow::writeDevProfile()
{
    writeFile(m_home->filePath(u".aws/config"_s),
        "[default]\nregion = us-east-1\n\n[profile dev]\nregion = eu-west-2\n");
    writeFile(m_home->filePath(u".aws/credentials"_s),
        "[dev]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = " + QByteArray(secretKey) + "\n");
}

void TestMainWindow::titleFollowsPage_data()
{
    QTest::addColumn<MainWindow::Page>("page");
    QTest::addColumn<QString>("title");
    QTest::newRow("training jobs") << MainWindow::Page::TrainingJobs << u"SageDesk – Training jobs"_s;
    QTest::newRow("models") << MainWindow::Page::Models << u"SageDesk – Models"_s;
    QTest::newRow("new training job") << MainWindow::Page::NewTrainingJob << u"SageDesk – New training job"_s;
    QTest::newRow("new model") << MainWindow::Page::NewModel << u"SageDesk – New model"_s;
}

void TestMainWindow::titleFollowsPage()
{
    QFETCH(MainWindow::Page, page);
    QFETCH(QString, title);
    auto session = newSession();
    MainWindow window(session.get());
    window.show();
    // Start elsewhere so the switch is a change.
    window.setCurrentPage(
        page == MainWindow::Page::Models ? MainWindow::Page::NewModel : MainWindow::Page::Models);
    QSignalSpy changed(&window, &MainWindow::currentPageChanged);

    // Through the navigation, as a click would.
    auto *navigation = window.findChild<QListWidget *>(u"navigation"_s);
    QVERIFY(navigation);
    navigation->setCurrentRow(int(page));
    QCOMPARE(window.currentPage(), page);
    QCOMPARE(window.windowTitle(), title);
    QCOMPARE(changed.count(), 1);
    auto *pages = window.findChild<QStackedWidget *>(u"pages"_s);
    QCOMPARE(pages->currentWidget(), window.pageWidget(page));
    QCOMPARE(labelText(pages->currentWidget(), u"pageHeading"_s), MainWindow::pageName(page));
}

void TestMainWindow::shortcutsSwitchPages_data()
{
    QTest::addColumn<Qt::Key>("key");
    QTest::addColumn<MainWindow::Page>("page");
    QTest::addColumn<QString>("actionName");
    QTest::newRow("Ctrl+1") << Qt::Key_1 << MainWindow::Page::TrainingJobs << u"showTrainingJobs"_s;
    QTest::newRow("Ctrl+2") << Qt::Key_2 << MainWindow::Page::Models << u"showModels"_s;
    QTest::newRow("Ctrl+3") << Qt::Key_3 << MainWindow::Page::NewTrainingJob << u"showNewTrainingJob"_s;
    QTest::newRow("Ctrl+4") << Qt::Key_4 << MainWindow::Page::NewModel << u"showNewModel"_s;
}

void TestMainWindow::shortcutsSwitchPages()
{
    QFETCH(Qt::Key, key);
    QFETCH(MainWindow::Page, page);
    QFETCH(QString, actionName);
    auto session = newSession();
    MainWindow window(session.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.setCurrentPage(
        page == MainWindow::Page::Models ? MainWindow::Page::NewModel : MainWindow::Page::Models);

    QTest::keyClick(&window, key, Qt::ControlModifier);
    QCOMPARE(window.currentPage(), page);
    QVERIFY(window.windowTitle().endsWith(MainWindow::pageName(page)));
    auto *action = window.findChild<QAction *>(actionName);
    QVERIFY(action);
    QVERIFY(action->isChecked());
    QCOMPARE(window.findChild<QListWidget *>(u"navigation"_s)->currentRow(), int(page));
}

void TestMainWindow::geometryAndPageRestored()
{
    auto session = newSession();
    const QRect geometry(60, 70, 900, 640);
    {
        MainWindow first(session.get());
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        first.setGeometry(geometry);
        first.setCurrentPage(MainWindow::Page::NewModel);
        QVERIFY(first.close());
    }
    MainWindow second(session.get());
    QCOMPARE(second.currentPage(), MainWindow::Page::NewModel);
    QCOMPARE(second.windowTitle(), u"SageDesk – New model"_s);
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    QCOMPARE(second.size(), geometry.size());
    QCOMPARE(second.geometry().topLeft(), geometry.topLeft());
}

void TestMainWindow::pluggedPageReplacesPlaceholder()
{
    auto session = newSession();
    MainWindow window(session.get());
    window.setCurrentPage(MainWindow::Page::Models);
    QPointer<QWidget> placeholder = window.pageWidget(MainWindow::Page::Models);
    auto *models = new QLabel(u"the real models page"_s);
    window.setPageWidget(MainWindow::Page::Models, models);
    QVERIFY(placeholder.isNull()); // deleted, not leaked
    QCOMPARE(window.pageWidget(MainWindow::Page::Models), models);
    QCOMPARE(window.findChild<QStackedWidget *>(u"pages"_s)->currentWidget(), models);
    QCOMPARE(window.currentPage(), MainWindow::Page::Models);
    QCOMPARE(window.windowTitle(), u"SageDesk – Models"_s);
    // The order of the other pages is untouched.
    window.setCurrentPage(MainWindow::Page::NewTrainingJob);
    QCOMPARE(labelText(window.pageWidget(MainWindow::Page::NewTrainingJob), u"pageHeading"_s),
        u"New training job"_s);
}

void TestMainWindow::statusBarShowsConnection_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("endpointOverride");
    QTest::addColumn<QString>("expectedProfile");
    QTest::addColumn<QString>("expectedRegion");
    QTest::addColumn<QString>("expectedEndpoint");
    QTest::addColumn<QString>("expectedCredentials");
    QTest::addColumn<QString>("tooltipPart");

    QTest::newRow("profile from the files")
        << u"dev"_s << QString() << QString() << u"dev"_s << u"eu-west-2"_s
        << u"https://api.sagemaker.eu-west-2.amazonaws.com"_s << u"Credentials resolved"_s
        << u"profile dev"_s;
    QTest::newRow("region and endpoint override")
        << u"dev"_s << u"us-west-2"_s << u"http://127.0.0.1:5999"_s << u"dev"_s << u"us-west-2"_s
        << u"http://127.0.0.1:5999"_s << u"Credentials resolved"_s << u"profile dev"_s;
    QTest::newRow("default profile without keys")
        << QString() << QString() << QString() << u"default"_s << u"—"_s << u"—"_s << u"Not resolved"_s
        << u"No AWS credentials"_s;
    QTest::newRow("unknown profile") << u"ghost"_s << QString() << QString() << u"ghost"_s << u"—"_s << u"—"_s
                                     << u"Not resolved"_s << u"ghost"_s;
}

void TestMainWindow::statusBarShowsConnection()
{
    QFETCH(QString, profile);
    QFETCH(QString, region);
    QFETCH(QString, endpointOverride);
    QFETCH(QString, expectedProfile);
    QFETCH(QString, expectedRegion);
    QFETCH(QString, expectedEndpoint);
    QFETCH(QString, expectedCredentials);
    QFETCH(QString, tooltipPart);

    writeDevProfile();
    auto session = newSession();
    MainWindow window(session.get());
    window.show();
    session->connectTo(ConnectionSettings {
        .profile = profile, .region = region, .endpointUrl = endpointOverride, .sandbox = false });

    const ConnectionStatusWidget *status = window.connectionStatus();
    QVERIFY(window.statusBar()->isAncestorOf(status));
    QVERIFY(status->isVisible());
    QCOMPARE(labelText(status, u"connectionProfile"_s), u"Profile: "_s + expectedProfile);
    QCOMPARE(labelText(status, u"connectionRegion"_s), u"Region: "_s + expectedRegion);
    QCOMPARE(labelText(status, u"connectionEndpoint"_s), u"Endpoint: "_s + expectedEndpoint);
    QCOMPARE(status->credentialsText(), expectedCredentials);
    QVERIFY2(status->toolTip().contains(tooltipPart), qPrintable(status->toolTip()));
    QVERIFY(window.findChild<QLabel *>(u"sandboxBadge"_s)->isHidden());

    // A temporary status message does not hide the connection.
    window.statusBar()->showMessage(u"Saved"_s);
    QVERIFY(status->isVisible());
    for (const QString &text : visibleTexts(&window))
        QVERIFY2(!text.contains(QLatin1String(secretKey)), qPrintable(text));
}

void TestMainWindow::credentialsConfigured_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("variable");
    QTest::addColumn<bool>("configured");
    QTest::newRow("nothing at all") << QByteArray() << QString() << false;
    QTest::newRow("keys in the environment") << QByteArray() << u"AWS_ACCESS_KEY_ID"_s << true;
    QTest::newRow("AWS_PROFILE") << QByteArray() << u"AWS_PROFILE"_s << true;
    QTest::newRow("a profile in the config file")
        << QByteArray("[profile ml]\nregion = eu-west-1\n") << QString() << true;
}

void TestMainWindow::credentialsConfigured()
{
    QFETCH(QByteArray, config);
    QFETCH(QString, variable);
    QFETCH(bool, configured);
    if (!config.isEmpty())
        writeFile(m_home->filePath(u".aws/config"_s), config);
    if (!variable.isEmpty())
        m_environment.insert(variable, u"x"_s);
    QCOMPARE(newSession()->credentialsConfigured(), configured);
}

// A profile's credential_process takes 2 s: the window stays responsive and the status bar says
// "Resolving credentials…" until the command has answered.
void TestMainWindow::credentialProcessShowsResolving()
{
    CredentialProcessScript script;
    script.writeCredentials(u"AKIDSLOW"_s);
    script.write(u"sleep"_s, "2");
    writeFile(m_home->filePath(u".aws/config"_s),
        "[profile tools]\nregion = eu-west-1\ncredential_process = " + script.command().toUtf8() + "\n");
    m_environment.insert(u"PATH"_s, CredentialProcessScript::environment().value(u"PATH"_s));
    auto session = newSession();
    MainWindow window(session.get());
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    session->connectTo(
        ConnectionSettings { .profile = u"tools"_s, .region = {}, .endpointUrl = {}, .sandbox = false });
    const ConnectionStatusWidget *status = window.connectionStatus();
    QCOMPARE(status->credentialsText(), u"Resolving credentials…"_s);
    QVERIFY2(status->toolTip().contains(u"profile tools"_s), qPrintable(status->toolTip()));
    QCOMPARE(labelText(&window, u"connectionProfile"_s), u"Profile: tools"_s);
    QCOMPARE(labelText(&window, u"connectionRegion"_s), u"Region: eu-west-1"_s);
    // The window goes on: a page switch is painted while the command runs.
    window.setCurrentPage(MainWindow::Page::Models);
    QTest::qWait(100);
    QCOMPARE(session->state(), Session::State::ResolvingCredentials);
    saveStatusBar(&window, u"statusbar-resolving.png"_s);
    QTRY_COMPARE_WITH_TIMEOUT(status->credentialsText(), u"Credentials resolved"_s, 10000);
    QCOMPARE(session->state(), Session::State::Connected);
}

void TestMainWindow::sandboxBadge()
{
    auto session = newSandboxSession();
    if (!session)
        QSKIP("python3 is not on PATH");
    MainWindow window(session.get());
    window.show();
    auto *badge = window.findChild<QLabel *>(u"sandboxBadge"_s);
    QVERIFY(badge);
    auto *sandboxAction = window.findChild<QAction *>(u"localSandbox"_s);
    QVERIFY(sandboxAction);

    session->connectTo(
        ConnectionSettings { .profile = {}, .region = {}, .endpointUrl = {}, .sandbox = true });
    QCOMPARE(session->state(), Session::State::StartingSandbox);
    QVERIFY(badge->isVisible());
    QCOMPARE(badge->text(), u"Local sandbox"_s);
    QCOMPARE(window.connectionStatus()->credentialsText(), u"Starting…"_s);
    QVERIFY(sandboxAction->isChecked());

    QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::State::Connected, sandboxWaitMs);
    QVERIFY(badge->isVisible());
    QVERIFY(window.findChild<QLabel *>(u"connectionProfile"_s)->isHidden()); // no profile for the sandbox
    QCOMPARE(labelText(&window, u"connectionRegion"_s), u"Region: us-east-1"_s);
    QCOMPARE(labelText(&window, u"connectionEndpoint"_s),
        u"Endpoint: "_s + session->sandbox()->endpoint().toString());
    QVERIFY(labelText(&window, u"connectionEndpoint"_s).contains(u"http://127.0.0.1:"_s));
    QCOMPARE(window.connectionStatus()->credentialsText(), u"Credentials resolved"_s);
    QCOMPARE(session->connection().credentialSource, u"local sandbox"_s);

    // Leaving the sandbox removes the badge and stops the server.
    const qint64 pid = session->sandbox()->processId();
    QVERIFY(pid > 0);
    session->connectTo(ConnectionSettings());
    QVERIFY(badge->isHidden());
    QVERIFY(!sandboxAction->isChecked());
    QCOMPARE(session->sandbox()->state(), LocalSandbox::State::Stopped);
    QVERIFY(!QFileInfo::exists(u"/proc/%1"_s.arg(pid)));
}

void TestMainWindow::sandboxOfferStartsSandbox()
{
    auto session = newSandboxSession();
    if (!session)
        QSKIP("python3 is not on PATH");
    MainWindow window(session.get());
    window.show();
    QVERIFY(!window.isSandboxOfferVisible());
    window.showSandboxOffer();
    QVERIFY(window.isSandboxOfferVisible());
    auto *start = window.findChild<QPushButton *>(u"startSandboxButton"_s);
    QVERIFY(start && start->isVisible());
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(session->isSandbox());
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::State::Connected, sandboxWaitMs);
    QVERIFY(!window.isSandboxOfferVisible());
    // The choice is saved for the next start (and holds nothing secret).
    QSettings settings;
    QCOMPARE(ConnectionSettings::load(settings).value_or(ConnectionSettings()).sandbox, true);
}

void TestMainWindow::connectionDialogListsProfilesWithoutSecrets()
{
    writeDevProfile();
    writeFile(m_home->filePath(u".aws/config"_s),
        "[profile dev]\nregion = eu-west-2\n\n[profile tools]\ncredential_process = /bin/false\n");
    auto session = newSession();
    MainWindow window(session.get());
    window.show();
    ConnectionDialog *dialog = openConnectionDialog(window);
    QVERIFY(dialog);

    auto *profiles = dialog->findChild<QComboBox *>(u"profileCombo"_s);
    QStringList names;
    for (int i = 0; i < profiles->count(); ++i)
        names << profiles->itemData(i).toString();
    QCOMPARE(names, (QStringList { QString(), u"dev"_s, u"tools"_s }));
    auto *regions = dialog->findChild<QComboBox *>(u"regionCombo"_s);
    QVERIFY(regions->isEditable());
    QVERIFY(regions->findText(u"eu-central-1"_s) >= 0);
    for (const QString &text : visibleTexts(dialog))
        QVERIFY2(
            !text.contains(QLatin1String(secretKey)) && !text.contains(u"AKIDEXAMPLE"_s), qPrintable(text));

    // Choosing and accepting applies the choice to the session and saves it.
    profiles->setCurrentIndex(1);
    regions->setCurrentText(u"eu-west-1"_s);
    dialog->accept();
    QCOMPARE(session->settings().profile, u"dev"_s);
    QCOMPARE(session->settings().region, u"eu-west-1"_s);
    QCOMPARE(session->connection().region, u"eu-west-1"_s);
    QSettings settings;
    const auto saved = ConnectionSettings::load(settings);
    QVERIFY(saved.has_value());
    QCOMPARE(saved->profile, u"dev"_s);
    for (const QString &key : settings.allKeys())
        QVERIFY2(!settings.value(key).toString().contains(QLatin1String(secretKey)), qPrintable(key));
}

void TestMainWindow::connectionDialogTestIsRunByItsOpener()
{
    // A profile whose endpoint is a closed loopback port: the test must run and report a network error,
    // which proves the window (not the dialog) sent it and answered the dialog.
    writeDevProfile();
    auto session = newSession();
    MainWindow window(session.get());
    window.show();
    ConnectionDialog *dialog = openConnectionDialog(window);
    QVERIFY(dialog);
    dialog->setSettings(ConnectionSettings { .profile = u"dev"_s,
        .region = u"us-east-1"_s,
        .endpointUrl = u"http://127.0.0.1:1"_s,
        .sandbox = false });
    QSignalSpy requested(dialog, &ConnectionDialog::testRequested);
    auto *result = dialog->findChild<QLabel *>(u"testResult"_s);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"testConnectionButton"_s), Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(u"No answer from http://127.0.0.1:1"_s), 15000);

    // A profile that does not resolve: the message of the resolver, no request.
    dialog->setSettings(
        ConnectionSettings { .profile = u"ghost"_s, .region = {}, .endpointUrl = {}, .sandbox = false });
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"testConnectionButton"_s), Qt::LeftButton);
    QTRY_VERIFY(result->text().contains(u"did not resolve"_s));
    QVERIFY(result->text().contains(u"ghost"_s));
    QCOMPARE(session->state(), Session::State::Disconnected); // testing chooses nothing
}

void TestMainWindow::requestBudgetSlot()
{
    auto session = newSession();
    MainWindow window(session.get());
    window.show();
    RequestBudgetIndicator *budget = window.requestBudgetIndicator();
    QVERIFY(window.statusBar()->isAncestorOf(budget));
    QVERIFY(budget->isHidden()); // until the monitor feeds it
    budget->setBudget(1.5, 2.0);
    QVERIFY(budget->isVisible());
    QCOMPARE(labelText(budget, u"requestBudgetText"_s), u"Requests: 1.5 of 2.0/s"_s);
    QVERIFY(!budget->isThrottled());
    budget->setThrottled(true);
    QVERIFY(budget->isThrottled());
    QVERIFY(budget->findChild<QLabel *>(u"throttledBadge"_s)->isVisible());
}

void TestMainWindow::aboutActionOpensDialog()
{
    auto session = newSession();
    MainWindow window(session.get());
    window.show();
    bool seen = false;
    QTimer::singleShot(0, &window, [&] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (auto *about = qobject_cast<AboutDialog *>(widget); about && about->isVisible()) {
                seen = true;
                about->close();
            }
        }
    });
    window.findChild<QAction *>(u"about"_s)->trigger();
    QTRY_VERIFY(seen);
    QTRY_VERIFY(!window.findChild<AboutDialog *>()); // closed dialogs are deleted
}

void TestMainWindow::everyActionHasShortcutOrMnemonic()
{
    auto session = newSession();
    MainWindow window(session.get());
    const QStringList expected { u"importJson"_s, u"exportJson"_s, u"quit"_s, u"undo"_s, u"redo"_s, u"cut"_s,
        u"copy"_s, u"paste"_s, u"selectAll"_s, u"showTrainingJobs"_s, u"showModels"_s,
        u"showNewTrainingJob"_s, u"showNewModel"_s, u"showToolBar"_s, u"connect"_s, u"localSandbox"_s,
        u"about"_s };
    QStringList inMenus;
    for (QAction *menuAction : window.menuBar()->actions()) {
        QVERIFY2(menuAction->text().contains(u'&'), qPrintable(menuAction->text()));
        QSet<QChar> mnemonics;
        for (QAction *action : menuAction->menu()->actions()) {
            if (action->isSeparator())
                continue;
            inMenus << action->objectName();
            const qsizetype amp = action->text().indexOf(u'&');
            QVERIFY2(amp >= 0 || !action->shortcut().isEmpty(), qPrintable(action->text()));
            if (amp >= 0) { // mnemonics unique within their menu
                const QChar mnemonic = action->text().at(amp + 1).toLower();
                QVERIFY2(!mnemonics.contains(mnemonic), qPrintable(action->text()));
                mnemonics.insert(mnemonic);
            }
        }
    }
    for (const QString &name : expected)
        QVERIFY2(inMenus.contains(name), qPrintable(name));
}

void TestMainWindow::tabReachesNavigationAndPage()
{
    auto session = newSession();
    MainWindow window(session.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *navigation = window.findChild<QListWidget *>(u"navigation"_s);
    navigation->setFocus();
    QVERIFY(navigation->hasFocus());
    auto *pages = window.findChild<QStackedWidget *>(u"pages"_s);
    QTest::keyClick(navigation, Qt::Key_Tab);
    QVERIFY2(pages->isAncestorOf(QApplication::focusWidget()),
        QApplication::focusWidget() ? qPrintable(QApplication::focusWidget()->objectName()) : "no focus");
    // And arrow keys in the navigation switch pages.
    navigation->setFocus();
    QTest::keyClick(navigation, Qt::Key_Down);
    QCOMPARE(window.currentPage(), MainWindow::Page::Models);
}

// Not a check: pictures for the developers and the README to look at. Each state gets a fresh window, shown
// after the connection is set, as the app does at start-up.
void TestMainWindow::renderScreenshots()
{
    const QString directory
        = qEnvironmentVariable("SAGEDESK_BINARY_DIR", QDir::currentPath()) + u"/screenshots"_s;
    QVERIFY(QDir().mkpath(directory));
    writeDevProfile();
    const auto render = [&](const QString &profile, bool offer, const QString &file) {
        auto session = newSession();
        session->connectTo(
            ConnectionSettings { .profile = profile, .region = {}, .endpointUrl = {}, .sandbox = false });
        auto window = std::make_unique<MainWindow>(session.get());
        window->resize(1280, 800);
        window->requestBudgetIndicator()->setBudget(0.4, 2.0);
        window->requestBudgetIndicator()->setThrottled(offer);
        if (offer)
            window->showSandboxOffer();
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return false;
        return window->grab().save(directory + u'/' + file);
    };
    QVERIFY(render(u"dev"_s, false, u"mainwindow.png"_s));
    QVERIFY(render(u"nobody"_s, true, u"mainwindow-offer.png"_s));

    auto session = newSession();
    MainWindow window(session.get());
    window.show();
    ConnectionDialog *dialog = openConnectionDialog(window);
    QVERIFY(dialog);
    dialog->showTestResult(false,
        u"http://127.0.0.1:5000 answered with an error: AccessDeniedException: User is not authorized (request id 4f1c)"_s);
    QVERIFY(dialog->grab().save(directory + u"/connectiondialog.png"_s));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
