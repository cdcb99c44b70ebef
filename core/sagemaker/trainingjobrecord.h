#pragma once

#include "core/store/statustransition.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

struct JobSummaryRecord;

// What the dashboard shows for one training job: a ListTrainingJobs summary, completed by
// DescribeTrainingJob with what only a description carries (instance type and count, TrainingStartTime,
// billable time, failure reason). The JobMonitor keeps one per known job and hands out the changed ones.
struct TrainingJobRecord
{
    QString name;
    QString arn;
    QString status; // TrainingJobStatus
    QString secondaryStatus; // may be empty
    QString instanceType; // from a description; empty until then
    int instanceCount = 0;
    QDateTime creationTime;
    QDateTime trainingStartTime; // from a description
    QDateTime trainingEndTime;
    QDateTime lastModifiedTime;
    std::optional<qint64> billableSeconds; // BillableTimeInSeconds, once the job has ended
    std::optional<qint64> trainingSeconds; // TrainingTimeInSeconds
    QString failureReason;
    // The describe-only fields above are filled (from a description, or from the store's cache).
    bool hasDetails = false;

    // InProgress or Stopping: the job can still change.
    static bool isActiveStatus(const QString &status);
    bool isActive() const { return isActiveStatus(status); }
    // Completed, Failed, Stopped (or Deleting): what a watch waits for.
    bool isEnded() const { return !status.isEmpty() && !isActive(); }
    // Status, secondary status and LastModifiedTime agree: nothing the list shows has changed.
    bool sameState(const TrainingJobRecord &other) const;

    static TrainingJobRecord fromSummary(const QJsonObject &summary);
    static TrainingJobRecord fromDescription(const QJsonObject &description);
    // The description's SecondaryStatusTransitions; entries without a start time are left out.
    static QList<StatusTransition> transitions(const QJsonObject &description);

    static TrainingJobRecord fromCache(const JobSummaryRecord &cached);
    JobSummaryRecord toCache() const;

    // Takes the describe-only fields this record lacks from an older record of the same job: instance type,
    // count and start time never change; billable time and failure reason only while the status is the
    // same.
    void keepDetailsFrom(const TrainingJobRecord &older);

    friend bool operator==(const TrainingJobRecord &, const TrainingJobRecord &) = default;
};

Q_DECLARE_METATYPE(TrainingJobRecord)
