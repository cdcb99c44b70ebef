#include "core/store/jobsummarycache.h"

#include "core/store/localstore.h"
#include "core/store/storesql.h"
#include "core/store/storetransaction.h"

using namespace Qt::StringLiterals;

namespace {

const QString SelectSummary
    = u"SELECT job, arn, status, secondary_status, instance_type, instance_count, creation_ms, "
      "training_start_ms, end_ms, last_modified_ms, billable_seconds, training_seconds, failure_reason, "
      "described FROM job_summaries "_s;

std::optional<qint64> secondsFrom(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

QVariant secondsValue(const std::optional<qint64> &seconds)
{
    return seconds ? QVariant(*seconds) : QVariant();
}

JobSummaryRecord summaryFrom(const QSqlQuery &query)
{
    JobSummaryRecord record;
    record.jobName = query.value(0).toString();
    record.arn = query.value(1).toString();
    record.status = query.value(2).toString();
    record.secondaryStatus = query.value(3).toString();
    record.instanceType = query.value(4).toString();
    record.instanceCount = query.value(5).toInt();
    record.creationTime = StoreSql::timeFrom(query.value(6));
    record.trainingStartTime = StoreSql::timeFrom(query.value(7));
    record.endTime = StoreSql::timeFrom(query.value(8));
    record.lastModifiedTime = StoreSql::timeFrom(query.value(9));
    record.billableSeconds = secondsFrom(query.value(10));
    record.trainingSeconds = secondsFrom(query.value(11));
    record.failureReason = query.value(12).toString();
    record.described = query.value(13).toInt() == 1;
    return record;
}

} // namespace

JobSummaryCache::JobSummaryCache(LocalStore &store)
    : m_store(store)
{ }

StoreResult<> JobSummaryCache::upsert(const QString &connection, const QList<JobSummaryRecord> &records)
{
    // Empty fields are bound as NULL, which coalesce turns into "keep the stored value".
    const QString sql
        = u"INSERT INTO job_summaries (connection, job, arn, status, secondary_status, instance_type, "
          "instance_count, creation_ms, training_start_ms, end_ms, last_modified_ms, billable_seconds, "
          "training_seconds, failure_reason, described) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (connection, job) DO UPDATE SET"
          " arn = coalesce(excluded.arn, arn),"
          " status = coalesce(excluded.status, status),"
          " secondary_status = coalesce(excluded.secondary_status, secondary_status),"
          " instance_type = coalesce(excluded.instance_type, instance_type),"
          " instance_count = coalesce(excluded.instance_count, instance_count),"
          " creation_ms = coalesce(excluded.creation_ms, creation_ms),"
          " training_start_ms = coalesce(excluded.training_start_ms, training_start_ms),"
          " end_ms = coalesce(excluded.end_ms, end_ms),"
          " last_modified_ms = coalesce(excluded.last_modified_ms, last_modified_ms),"
          " billable_seconds = coalesce(excluded.billable_seconds, billable_seconds),"
          " training_seconds = coalesce(excluded.training_seconds, training_seconds),"
          " failure_reason = coalesce(excluded.failure_reason, failure_reason),"
          " described = coalesce(excluded.described, described)"_s;
    const QString what = tr("Could not save the training job list");
    return StoreResult<>::from(StoreTransaction::write(m_store, [&](const QSqlDatabase &db) {
        return StoreSql::changeEach(db, sql, records, what, [&](const JobSummaryRecord &record) {
            return QVariantList { connection, record.jobName, StoreSql::textOrNull(record.arn),
                StoreSql::textOrNull(record.status), StoreSql::textOrNull(record.secondaryStatus),
                StoreSql::textOrNull(record.instanceType),
                record.instanceCount > 0 ? QVariant(record.instanceCount) : QVariant(),
                StoreSql::timeValue(record.creationTime), StoreSql::timeValue(record.trainingStartTime),
                StoreSql::timeValue(record.endTime), StoreSql::timeValue(record.lastModifiedTime),
                secondsValue(record.billableSeconds), secondsValue(record.trainingSeconds),
                StoreSql::textOrNull(record.failureReason), record.described ? QVariant(1) : QVariant() };
        });
    }));
}

StoreResult<QList<JobSummaryRecord>> JobSummaryCache::summaries(const QString &connection) const
{
    return StoreSql::rows<JobSummaryRecord>(m_store,
        SelectSummary + u"WHERE connection = ? ORDER BY creation_ms DESC, job"_s, { connection },
        tr("Could not read the saved training job list"), summaryFrom);
}

StoreResult<std::optional<JobSummaryRecord>> JobSummaryCache::summary(
    const QString &connection, const QString &jobName) const
{
    return StoreSql::rows<JobSummaryRecord>(m_store, SelectSummary + u"WHERE connection = ? AND job = ?"_s,
        { connection, jobName }, tr("Could not read the saved training job list"), summaryFrom)
        .map(StoreSql::first<JobSummaryRecord>);
}

StoreResult<QHash<QString, QDateTime>> JobSummaryCache::lastModifiedTimes(const QString &connection) const
{
    using Entry = std::pair<QString, QDateTime>;
    return StoreSql::rows<Entry>(m_store,
        u"SELECT job, last_modified_ms FROM job_summaries WHERE connection = ? AND last_modified_ms IS NOT NULL"_s,
        { connection }, tr("Could not read the saved training job list"),
        [](const QSqlQuery &query) {
            return Entry(query.value(0).toString(), StoreSql::timeFrom(query.value(1)));
        })
        .map([](const QList<Entry> &entries) {
            QHash<QString, QDateTime> byJob;
            byJob.reserve(entries.size());
            for (const Entry &entry : entries)
                byJob.insert(entry.first, entry.second);
            return byJob;
        });
}
