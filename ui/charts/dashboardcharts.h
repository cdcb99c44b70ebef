#pragma once

#include "core/store/statuschange.h"
#include "core/store/statustransition.h"

#include <QList>
#include <QObject>
#include <functional>

class Clock;
class DashboardPage;
class FleetTimeline;
class JobTimelineChart;
class QJsonObject;
class StatusCountsChart;
struct JobSummaryRecord;

// Puts the three charts into the dashboard page's slots and keeps them fed with what the page shows: the
// fleet and the status counts with the jobs its filters leave, the timeline with the selected job's
// description. A row clicked in the fleet selects the job in the table and back. A chart out of view is
// brought up to date when it is shown; while jobs run, the charts on view move on to now every minute.
class DashboardCharts : public QObject
{
    Q_OBJECT

public:
    // The changes the monitor observed for a job, oldest first.
    using HistorySource = std::function<QList<StatusChange>(const QString &jobName)>;

    static constexpr int refreshSeconds = 60;

    // Lives as long as page; page and clock must outlive it.
    DashboardCharts(DashboardPage *page, Clock *clock);

    // Where the timeline finds a job's phases when its description lists no SecondaryStatusTransitions (the
    // store's JobHistoryStore::history() of the monitor's connection). Without it such a job shows none.
    void setHistorySource(HistorySource source);

    JobTimelineChart *timeline() const { return m_timeline; }
    FleetTimeline *fleet() const { return m_fleet; }
    StatusCountsChart *statusCounts() const { return m_counts; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void jobsChanged();
    void refreshShown();
    QList<JobSummaryRecord> filteredJobs() const;
    void selectJob(const QString &jobName);
    void showJob(const QString &jobName);
    void showDescription(const QString &jobName, const QJsonObject &description);
    void updateTimeline();
    void scheduleTick();
    void tick();

    DashboardPage *m_page;
    Clock *m_clock;
    HistorySource m_history;
    JobTimelineChart *m_timeline;
    FleetTimeline *m_fleet;
    StatusCountsChart *m_counts;
    QString m_job; // the timeline's
    QList<StatusTransition> m_transitions;
    QList<StatusChange> m_observed;
    bool m_fleetStale = true;
    bool m_countsStale = true;
    bool m_refreshQueued = false;
};
