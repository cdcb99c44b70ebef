#include "ui/charts/statuscounts.h"

#include "core/store/jobsummaryrecord.h"
#include "core/store/statuschange.h"
#include "ui/charts/statusnames.h"

#include <algorithm>
#include <limits>

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

    // Milliseconds rather than QDateTime in the loop below: it runs jobs × buckets times, and comparing
    // QDateTimes costs far more than comparing numbers (10,000 jobs over a month, debug build: 180 ms with
    // QDateTime, 50 ms now).
    QList<qint64> samples;
    for (qsizetype i = 0; i < result.size(); ++i)
        samples << std::min(result.bucketEnd(i), now).toMSecsSinceEpoch();
    const qint64 nowMsecs = now.toMSecsSinceEpoch();

    QHash<QString, QList<int>> counts;
    const QString inProgress = u"InProgress"_s;
    const QList<StatusChange> noHistory;
    for (const JobSummaryRecord &job : jobs) {
        if (!job.creationTime.isValid() || job.creationTime > now)
            continue;
        const qint64 created = job.creationTime.toMSecsSinceEpoch();
        const QDateTime finalAt = finalTime(job);
        const qint64 ended
            = finalAt.isValid() ? finalAt.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
        const auto found = histories.constFind(job.jobName);
        const QList<StatusChange> &history = found == histories.cend() ? noHistory : *found;
        qsizetype seen = 0; // changes at or before the sample time
        const QString *counted = nullptr;
        QList<int> *row = nullptr;
        for (qsizetype i = 0; i < samples.size(); ++i) {
            const qint64 time = samples[i];
            if (time < created)
                continue;
            while (seen < history.size() && history[seen].time.toMSecsSinceEpoch() <= time)
                ++seen;
            const QString *status = &inProgress;
            if (time >= ended || (time >= nowMsecs && !job.status.isEmpty()))
                status = &job.status;
            else if (seen > 0 && !history[seen - 1].status.isEmpty())
                status = &history[seen - 1].status;
            if (!counted || *counted != *status) {
                counted = status;
                row = &counts[*status];
                if (row->isEmpty())
                    row->resize(result.size());
            }
            ++(*row)[i];
        }
    }
    result.statuses = StatusNames::sorted(counts.keys());
    result.counts = counts;
    return result;
}
