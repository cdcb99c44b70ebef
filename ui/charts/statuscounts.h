#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QStringList>

struct JobSummaryRecord;
struct StatusChange;

// How many jobs were in each status, bucket by bucket (hours over a short range, days over a longer one),
// from the hour or day the earliest job was created up to now. A job counts in the status it had at the end
// of a bucket (at now for the bucket now falls in); before its creation it does not count.
struct StatusCounts
{
    enum class Bucket { Hour, Day };

    // Ranges up to this long are counted by the hour.
    static constexpr int maxHourlyDays = 3;
    // Counting starts at most this long ago.
    static constexpr int maxDays = 366;

    Bucket bucket = Bucket::Hour;
    QList<QDateTime> starts; // bucket i runs from starts[i] to bucketEnd(i)
    QDateTime now; // within the last bucket: where the counts end
    QStringList statuses; // in stacking order (StatusNames::sorted)
    QHash<QString, QList<int>> counts; // per status, one per bucket

    qsizetype size() const { return starts.size(); }
    QDateTime bucketEnd(qsizetype index) const;
    int count(const QString &status, qsizetype index) const;
    int total(qsizetype index) const;
    // The bucket time falls in, -1 outside.
    qsizetype bucketAt(const QDateTime &time) const;

    // histories: the changes the monitor observed per job name, oldest first; they refine the job's status
    // between its creation and its end. Without one, a job is InProgress from creation to its end.
    static StatusCounts compute(const QList<JobSummaryRecord> &jobs,
        const QHash<QString, QList<StatusChange>> &histories, const QDateTime &now);
};
