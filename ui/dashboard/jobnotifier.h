#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class NotificationBar;
class QSystemTrayIcon;

// Tells the user that a watched training job ended: completed, failed (with the failure reason) or
// stopped. A desktop notification through QSystemTrayIcon where the desktop has a tray; otherwise (and
// whenever the tray is switched off, as offscreen tests do) an entry in the dashboard's NotificationBar.
// Clicking either asks to open the job (openJobRequested).
class JobNotifier : public QObject
{
    Q_OBJECT

public:
    struct Notification
    {
        QString jobName;
        QString status;
        QString title; // "Training job failed"
        QString text; // the name, and the failure reason when there is one
    };

    // bar is where notifications go without a tray; it must outlive the notifier (or be destroyed first).
    explicit JobNotifier(NotificationBar *bar, QObject *parent = nullptr);
    ~JobNotifier() override;

    // Defaults to QSystemTrayIcon::isSystemTrayAvailable().
    void setSystemTrayEnabled(bool enabled);
    bool usesSystemTray() const;

    // status: Completed, Failed, Stopped (anything else reads "ended").
    void notifyJobEnded(const QString &jobName, const QString &status, const QString &failureReason);
    // The words of a notification, for the tray and the bar alike.
    static Notification compose(const QString &jobName, const QString &status, const QString &failureReason);
    // The last notification sent (for tests and for the tray's click).
    Notification last() const { return m_last; }

signals:
    void openJobRequested(const QString &jobName);

private:
    QPointer<NotificationBar> m_bar;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_trayEnabled;
    Notification m_last;
};
