#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

struct JobSummaryRecord;

// One row of the fleet timeline: a training job from its creation to its end, or to now while it runs.
struct FleetBar
{
    QString jobName;
    QString status; // TrainingJobStatus
    QDateTime start; // CreationTime
    QDateTime end;
    bool running = false;

    qint64 seconds() const { return start.secsTo(end); }

    // The jobs whose life overlaps the days before now, newest first. A job that has ended without a
    // TrainingEndTime in the record ends at its LastModifiedTime.
    static QList<FleetBar> fromJobs(const QList<JobSummaryRecord> &jobs, const QDateTime &now, int days);
};
