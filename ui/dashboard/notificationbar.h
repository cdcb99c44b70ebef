#pragma once

#include <QFrame>
#include <QStringList>

class QVBoxLayout;

// The in-window notifications: where the dashboard says that a watched job ended when the desktop has no
// system tray to show it (and in offscreen tests). The newest on top, each with "Open" (select the job)
// and a close button; at most a few are kept, older ones drop off. Hidden while empty.
class NotificationBar : public QFrame
{
    Q_OBJECT

public:
    static constexpr int maxEntries = 5;

    explicit NotificationBar(QWidget *parent = nullptr);

    // status: the job's TrainingJobStatus, which colours the entry.
    void add(const QString &jobName, const QString &status, const QString &title, const QString &text);
    void clear();
    int count() const;
    // The entries' texts, newest first (title and text on one line each).
    QStringList texts() const;

signals:
    void openJobRequested(const QString &jobName);

private:
    QVBoxLayout *m_entries;
};
