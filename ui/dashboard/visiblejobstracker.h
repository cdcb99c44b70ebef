#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <chrono>

class Clock;
class QTableView;

// Which jobs a table view shows: the names (nameRole) of the rows in its viewport, top first, or none while
// the view is hidden. Reported once scrolling, resizing, sorting, filtering and new rows have settled for a
// moment, and only when the list changed: the JobMonitor describes the ended jobs among them that lack their
// details, so a user scrolling through thousands of rows asks for nothing until they stop.
class VisibleJobsTracker : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds settleDelay { 300 };

    // view and its model must be set up; the tracker follows the model the view has now. clock must
    // outlive the tracker.
    VisibleJobsTracker(QTableView *view, int nameRole, Clock *clock, QObject *parent = nullptr);

    // The rows in view now (not debounced).
    QStringList visibleJobs() const;

signals:
    void visibleJobsChanged(const QStringList &jobNames);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void schedule();
    void settle(std::chrono::milliseconds wait);
    void report();

    QPointer<QTableView> m_view;
    int m_nameRole;
    Clock *m_clock;
    QDateTime m_lastChange;
    bool m_settling = false;
    QStringList m_reported;
};
