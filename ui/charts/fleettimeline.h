#pragma once

#include "core/aws/clock.h"
#include "core/store/jobsummaryrecord.h"
#include "ui/charts/chartpanel.h"

#include <QList>

class FleetGanttView;
class QSpinBox;

// Every job of the last N days as a Gantt chart: one row per job from creation to its end (or now),
// coloured by status, newest on top, scrolling for hundreds of jobs. Clicking a row activates its job.
//
// Painted by FleetGanttView rather than QtCharts: QtCharts would need a series and a category per job, keeps
// no axis in view while a tall chart scrolls, and has no notion of a clicked row.
class FleetTimeline : public ChartPanel
{
    Q_OBJECT

public:
    static constexpr int defaultDays = 7;
    static constexpr int maxDays = 365;

    explicit FleetTimeline(Clock *clock = Clock::system(), QWidget *parent = nullptr);

    // The jobs to draw (the dashboard's filtered list); those that did not live in the last days() days are
    // left out. Call again when they change; "now" is taken from the clock each time.
    void setJobs(const QList<JobSummaryRecord> &jobs);
    int days() const;
    void setDays(int days);
    // Highlights the job's row, e.g. when it was selected in the table; does not emit jobActivated.
    void setCurrentJob(const QString &name);

    FleetGanttView *view() const { return m_view; }

    QImage toImage(qreal scale) const override;
    QString suggestedFileName() const override;

signals:
    void jobActivated(const QString &name);
    void daysChanged(int days);

protected:
    QSize imageSize() const override;

private:
    void rebuild();

    Clock *m_clock;
    QList<JobSummaryRecord> m_jobs;
    QSpinBox *m_days;
    FleetGanttView *m_view;
};
