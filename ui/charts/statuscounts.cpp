#include "ui/charts/statuscounts.h"

#include "core/store/jobsummaryrecord.h"
#include "core/store/statuschange.h"
#include "ui/charts/statusnames.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

bool isFinal(const QString &status)
{
    return status == "Completed"_L1 || status == "Failed"_L1 || status == "Stopped"_L1;
}

// When the job reached its final status, invalid while it runs or when the record does not say.
QDateTime finalTime(const JobSummaryRecord &job)
{
    if (!isFinal(job.status))
        return {};
    if (job.endTime.isValid())
        return job.endTime;
    return job.lastModifiedTime.isValid() ? job.lastModifiedTime : job.creationTime;
}

QDateTime floorTo(const QDateTime &time, StatusCounts::Bucket bucket)
{
    const QDateTime local = time.toLocalTime();
    if (bucket == StatusCounts::Bucket::Day)
        return QDateTime(local.date(), QTime(0, 0));
    return QDateTime(local.date(), QTime(local.time().hour(), 0));
}

QDateTime next(const QDateTime &start, StatusCounts::Bucket bucket)
{
    return bucket == StatusCounts::Bucket::Day ? start.addDays(1) : start.addSecs(3600);
}

} // namespace

QDateTime StatusCounts::bucketEnd(qsizetype index) const
{
    return next(starts.at(index), bucket);
}

int StatusCounts::count(const QString &status, qsizetype index) const
{
    const auto it = counts.constFind(status);
    return it == counts.cend() ? 0 : it->value(index);
}

int StatusCounts::total(qsizetype index) const
{
    int sum = 0;
    for (const QString &status : statuses)
        sum += count(status, index);
    return sum;
}

qsizetype StatusCounts::bucketAt(const QDateTime &time) const
{
    if (starts.isEmpty() || time < starts.first() || time >= bucketEnd(size() - 1))
        return -1;
    const auto it = std::upper_bound(starts.cbegin(), starts.cend(), time);
    return (it - starts.cbegin()) - 1;
}

StatusCounts StatusCounts::compute(const QList<JobSummaryRecord> &jobs,
    const QHash<QString, QList<StatusChange>> &histories, const QDateTime &now)
{
    StatusCounts result;
    result.now = now;
    QDateTime earliest;
    for (const JobSummaryRecord &job : jobs)
        if (job.creationTime.isValid() && job.creationTime <= now
            && (!earliest.isValid() || job.creationTime < earliest))
            earliest = job.creationTime;
    if (!earliest.isValid())
        return result;
    earliest = std::max(earliest, now.addDays(-maxDays));
    result.bucket = earliest.secsTo(now) <= qint64(maxHourlyDays) * 86400 ? Bucket::Hour : Bucket::Day;
    for (QDateTime start = floorTo(earliest, result.bucket); start <= now; start = next(start, result.bucket))
        result.starts << start;

    QList<QDateTime> samples;
    for (qsizetype i = 0; i < result.size(); ++i)
        samples << std::min(result.bucketEnd(i), now);

    QHash<QString, QList<int>> counts;
    const auto add = [&](const QString &status, qsizetype bucket) {
        QList<int> &row = counts[status];
        if (row.isEmpty())
            row.resize(result.size());
        ++row[bucket];
    };
    for (const JobSummaryRecord &job : jobs) {
        if (!job.creationTime.isValid() || job.creationTime > now)
            continue;
        const QDateTime ended = finalTime(job);
        const QList<StatusChange> history = histories.value(job.jobName);
        qsizetype seen = 0; // changes at or before the sample time
        for (qsizetype i = 0; i < samples.size(); ++i) {
            const QDateTime &time = samples[i];
            if (time < job.creationTime)
                continue;
            while (seen < history.size() && history[seen].time <= time)
                ++seen;
            QString status;
            if ((ended.isValid() && time >= ended) || (time >= now && !job.status.isEmpty()))
                status = job.status;
            else if (seen > 0 && !history[seen - 1].status.isEmpty())
                status = history[seen - 1].status;
            else
                status = u"InProgress"_s;
            add(status, i);
        }
    }
    result.statuses = StatusNames::sorted(counts.keys());
    result.counts = counts;
    return result;
}
