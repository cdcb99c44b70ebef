#include "core/sagemaker/trainingjobrecord.h"

#include "core/api/timestamp.h"
#include "core/store/jobsummaryrecord.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

std::optional<qint64> optionalInteger(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (!value.isDouble())
        return std::nullopt;
    return value.toInteger();
}

} // namespace

bool TrainingJobRecord::isActiveStatus(const QString &status)
{
    return status == u"InProgress"_s || status == u"Stopping"_s;
}

bool TrainingJobRecord::sameState(const TrainingJobRecord &other) const
{
    return status == other.status && secondaryStatus == other.secondaryStatus
        && lastModifiedTime == other.lastModifiedTime;
}

TrainingJobRecord TrainingJobRecord::fromSummary(const QJsonObject &summary)
{
    TrainingJobRecord record;
    record.name = summary.value(u"TrainingJobName"_s).toString();
    record.arn = summary.value(u"TrainingJobArn"_s).toString();
    record.status = summary.value(u"TrainingJobStatus"_s).toString();
    record.secondaryStatus = summary.value(u"SecondaryStatus"_s).toString();
    record.creationTime = Timestamp::parse(summary.value(u"CreationTime"_s));
    record.trainingEndTime = Timestamp::parse(summary.value(u"TrainingEndTime"_s));
    record.lastModifiedTime = Timestamp::parse(summary.value(u"LastModifiedTime"_s));
    return record;
}

TrainingJobRecord TrainingJobRecord::fromDescription(const QJsonObject &description)
{
    TrainingJobRecord record = fromSummary(description);
    const QJsonObject resources = description.value(u"ResourceConfig"_s).toObject();
    record.instanceType = resources.value(u"InstanceType"_s).toString();
    record.instanceCount = resources.value(u"InstanceCount"_s).toInt();
    if (record.instanceType.isEmpty()) {
        // Heterogeneous clusters name their types per instance group: show the first, count them all.
        const QJsonArray groups = resources.value(u"InstanceGroups"_s).toArray();
        for (const QJsonValue &group : groups) {
            if (record.instanceType.isEmpty())
                record.instanceType = group.toObject().value(u"InstanceType"_s).toString();
            record.instanceCount += group.toObject().value(u"InstanceCount"_s).toInt();
        }
    }
    record.trainingStartTime = Timestamp::parse(description.value(u"TrainingStartTime"_s));
    record.billableSeconds = optionalInteger(description, u"BillableTimeInSeconds"_s);
    record.trainingSeconds = optionalInteger(description, u"TrainingTimeInSeconds"_s);
    record.failureReason = description.value(u"FailureReason"_s).toString();
    record.hasDetails = true;
    return record;
}

QList<StatusTransition> TrainingJobRecord::transitions(const QJsonObject &description)
{
    QList<StatusTransition> result;
    const QJsonArray entries = description.value(u"SecondaryStatusTransitions"_s).toArray();
    for (const QJsonValue &entry : entries) {
        const QJsonObject t = entry.toObject();
        StatusTransition transition { t.value(u"Status"_s).toString(),
            Timestamp::parse(t.value(u"StartTime"_s)), Timestamp::parse(t.value(u"EndTime"_s)),
            t.value(u"StatusMessage"_s).toString() };
        if (transition.startTime.isValid() && !transition.status.isEmpty())
            result.append(transition);
    }
    return result;
}

TrainingJobRecord TrainingJobRecord::fromCache(const JobSummaryRecord &cached)
{
    TrainingJobRecord record;
    record.name = cached.jobName;
    record.arn = cached.arn;
    record.status = cached.status;
    record.secondaryStatus = cached.secondaryStatus;
    record.instanceType = cached.instanceType;
    record.instanceCount = cached.instanceCount;
    record.creationTime = cached.creationTime;
    record.trainingStartTime = cached.trainingStartTime;
    record.trainingEndTime = cached.endTime;
    record.lastModifiedTime = cached.lastModifiedTime;
    record.billableSeconds = cached.billableSeconds;
    record.trainingSeconds = cached.trainingSeconds;
    record.failureReason = cached.failureReason;
    record.hasDetails = cached.described;
    return record;
}

JobSummaryRecord TrainingJobRecord::toCache() const
{
    JobSummaryRecord cached;
    cached.jobName = name;
    cached.arn = arn;
    cached.status = status;
    cached.secondaryStatus = secondaryStatus;
    cached.instanceType = instanceType;
    cached.instanceCount = instanceCount;
    cached.creationTime = creationTime;
    cached.trainingStartTime = trainingStartTime;
    cached.endTime = trainingEndTime;
    cached.lastModifiedTime = lastModifiedTime;
    cached.billableSeconds = billableSeconds;
    cached.trainingSeconds = trainingSeconds;
    cached.failureReason = failureReason;
    cached.described = hasDetails;
    return cached;
}

void TrainingJobRecord::keepDetailsFrom(const TrainingJobRecord &older)
{
    if (arn.isEmpty())
        arn = older.arn;
    if (instanceType.isEmpty()) {
        instanceType = older.instanceType;
        instanceCount = older.instanceCount;
    }
    if (!trainingStartTime.isValid())
        trainingStartTime = older.trainingStartTime;
    if (status == older.status) {
        if (!billableSeconds)
            billableSeconds = older.billableSeconds;
        if (!trainingSeconds)
            trainingSeconds = older.trainingSeconds;
        if (failureReason.isEmpty())
            failureReason = older.failureReason;
    }
    hasDetails = hasDetails || older.hasDetails;
}
