#pragma once

#include <QDateTime>
#include <QString>
#include <optional>

// What the dashboard table shows for one training job, cached per connection so the table fills at start
// before the first poll. ListTrainingJobs returns only some of these fields; an upsert keeps the stored
// value of every field the record leaves empty (empty string, 0 count, invalid time, no billable seconds).
struct JobSummaryRecord
{
    QString jobName;
    QString status;
    QString secondaryStatus;
    QString instanceType;
    int instanceCount = 0;
    QDateTime creationTime;
    QDateTime endTime; // TrainingEndTime
    QDateTime lastModifiedTime;
    std::optional<qint64> billableSeconds; // BillableTimeInSeconds

    friend bool operator==(const JobSummaryRecord &, const JobSummaryRecord &) = default;
};
