#pragma once

#include "core/aws/clock.h"
#include "core/store/jobsummaryrecord.h"
#include "core/store/statuschange.h"
#include "ui/charts/statuscounts.h"
#include "ui/charts/timechartpanel.h"

class QValueAxis;

// How many of the filtered jobs were in each status over time, as stacked areas by the hour or by the day,
// coloured like the status badges; hovering shows a bucket's counts.
class StatusCountsChart : public TimeChartPanel
{
    Q_OBJECT

public:
    explicit StatusCountsChart(Clock *clock = Clock::system(), QWidget *parent = nullptr);

    // jobs: the dashboard's filtered list; histories: the changes observed per job name, oldest first, where
    // the dashboard has them (see StatusCounts). "Now" is taken from the clock each time.
    void setJobs(
        const QList<JobSummaryRecord> &jobs, const QHash<QString, QList<StatusChange>> &histories = {});

    const StatusCounts &counts() const { return m_counts; }
    // What hovering bucket index shows: its time range and the count of each status.
    QString toolTipFor(qsizetype index) const;

    QString suggestedFileName() const override;

private:
    void rebuild();

    Clock *m_clock;
    StatusCounts m_counts;
    QValueAxis *m_countAxis;
};
