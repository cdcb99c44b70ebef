#include "ui/dashboard/jobnotifier.h"

#include "ui/dashboard/notificationbar.h"

#include <QApplication>
#include <QStyle>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace {

constexpr int trayMessageMs = 15000;

} // namespace

JobNotifier::JobNotifier(NotificationBar *bar, QObject *parent)
    : QObject(parent)
    , m_bar(bar)
    , m_trayEnabled(QSystemTrayIcon::isSystemTrayAvailable())
{
    if (m_bar)
        connect(m_bar, &NotificationBar::openJobRequested, this, &JobNotifier::openJobRequested);
}

JobNotifier::~JobNotifier() = default;

void JobNotifier::setSystemTrayEnabled(bool enabled)
{
    m_trayEnabled = enabled;
    if (!usesSystemTray() && m_tray) {
        delete m_tray;
        m_tray = nullptr;
    }
}

bool JobNotifier::usesSystemTray() const
{
    return m_trayEnabled && QSystemTrayIcon::isSystemTrayAvailable();
}

JobNotifier::Notification JobNotifier::compose(
    const QString &jobName, const QString &status, const QString &failureReason)
{
    Notification n { jobName, status, {}, jobName };
    if (status == "Completed"_L1)
        n.title = tr("Training job completed");
    else if (status == "Failed"_L1)
        n.title = tr("Training job failed");
    else if (status == "Stopped"_L1)
        n.title = tr("Training job stopped");
    else
        n.title = tr("Training job ended (%1)").arg(status);
    if (!failureReason.isEmpty())
        n.text = tr("%1 — %2").arg(jobName, failureReason);
    return n;
}

void JobNotifier::notifyJobEnded(const QString &jobName, const QString &status, const QString &failureReason)
{
    m_last = compose(jobName, status, failureReason);
    if (!usesSystemTray()) {
        if (m_bar)
            m_bar->add(m_last.jobName, m_last.status, m_last.title, m_last.text);
        return;
    }
    if (!m_tray) {
        QIcon icon = QApplication::windowIcon();
        if (icon.isNull())
            icon = QApplication::style()->standardIcon(QStyle::SP_ComputerIcon);
        m_tray = new QSystemTrayIcon(icon, this);
        m_tray->setToolTip(u"SageDesk"_s);
        // The tray says which message was clicked only by timing: the last one shown.
        connect(m_tray, &QSystemTrayIcon::messageClicked, this,
            [this] { emit openJobRequested(m_last.jobName); });
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] { emit openJobRequested(m_last.jobName); });
        m_tray->show();
    }
    const auto icon = status == "Failed"_L1 ? QSystemTrayIcon::Critical
        : status == "Completed"_L1          ? QSystemTrayIcon::Information
                                            : QSystemTrayIcon::Warning;
    m_tray->showMessage(m_last.title, m_last.text, icon, trayMessageMs);
}
