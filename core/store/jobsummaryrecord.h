#pragma once

#include <QDateTime>
#include <QString>
#include <optional>

// What the dashboard table and detail pane show for one training job, cached per connection so the table
// fills at start before the first poll, as it stood before the restart. ListTrainingJobs returns only some
// of these fields; an upsert keeps the stored value of every field the record leaves empty (empty string,
// 0 count, invalid time, no seconds, described false).
struct JobSummaryRecord
{
    QString jobName;
    QString arn; // TrainingJobArn
    QString status;
    QString secondaryStatus;
    QString instanceType;
    int instanceCount = 0;
    QDateTime creationTime;
    QDateTime trainingStartTime; // TrainingStartTime (from a description)
    QDateTime endTime; // TrainingEndTime
    QDateTime lastModifiedTime;
    std::optional<qint64> billableSeconds; // BillableTimeInSeconds
    std::optional<qint64> trainingSeconds; // TrainingTimeInSeconds
    QString failureReason;
    // The describe-only fields come from a DescribeTrainingJob answer: the job need not be described again
    // for them.
    bool described = false;

    friend bool operator==(const JobSummaryRecord &, const JobSummaryRecord &) = default;
};
