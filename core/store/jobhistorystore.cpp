#include "core/store/jobhistorystore.h"

#include "core/store/localstore.h"
#include "core/store/storesql.h"
#include "core/store/storetransaction.h"

using namespace Qt::StringLiterals;

namespace {

StatusChange changeFrom(const QSqlQuery &query)
{
    return { query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
        StoreSql::timeFrom(query.value(3)) };
}

StatusTransition transitionFrom(const QSqlQuery &query)
{
    return { query.value(0).toString(), StoreSql::timeFrom(query.value(1)),
        StoreSql::timeFrom(query.value(2)), query.value(3).toString() };
}

} // namespace

JobHistoryStore::JobHistoryStore(LocalStore &store)
    : m_store(store)
{ }

StoreResult<bool> JobHistoryStore::recordStatus(const QString &connection, const StatusChange &change)
{
    return recordStatuses(connection, { change }).map(StoreSql::anyChanged);
}

StoreResult<int> JobHistoryStore::recordStatuses(
    const QString &connection, const QList<StatusChange> &changes)
{
    const QString what = tr("Could not record the status of a training job");
    const QDateTime now = m_store.clock()->now();
    // One statement does the "only changes" test and the insert; it is prepared once for the whole batch.
    const QString sql
        = u"INSERT INTO job_status_history (connection, job, status, secondary_status, observed_ms) "
          "SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS ("
          " SELECT 1 FROM (SELECT status, secondary_status FROM job_status_history"
          "  WHERE connection = ? AND job = ? AND observed_ms <= ?"
          "  ORDER BY observed_ms DESC, id DESC LIMIT 1)"
          " WHERE status = ? AND secondary_status = ?)"_s;
    return StoreTransaction::write(m_store, [&](const QSqlDatabase &db) {
        return StoreSql::changeEach(db, sql, changes, what, [&](const StatusChange &change) {
            const QVariant time = StoreSql::timeValue(change.time.isValid() ? change.time : now);
            return QVariantList { connection, change.jobName, change.status, change.secondaryStatus, time,
                connection, change.jobName, time, change.status, change.secondaryStatus };
        });
    });
}

StoreResult<int> JobHistoryStore::mergeTransitions(
    const QString &connection, const QString &jobName, const QList<StatusTransition> &transitions)
{
    for (const StatusTransition &transition : transitions) {
        if (!transition.startTime.isValid())
            return StoreResult<int>::failure(
                tr("Could not store the status transitions of %1: the transition "
                   "\"%2\" has no start time.")
                    .arg(jobName, transition.status));
    }
    const QString what = tr("Could not store the status transitions of %1").arg(jobName);
    // The WHERE on the update makes a repeat a no-op, so the changed-row count is the merge's real effect.
    const QString sql = u"INSERT INTO job_transitions (connection, job, status, start_ms, end_ms, message) "
                        "VALUES (?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT (connection, job, status, start_ms) DO UPDATE SET "
                        " end_ms = coalesce(excluded.end_ms, end_ms),"
                        " message = CASE WHEN excluded.message <> '' THEN excluded.message ELSE message END "
                        "WHERE (excluded.end_ms IS NOT NULL AND excluded.end_ms IS NOT end_ms)"
                        " OR (excluded.message <> '' AND excluded.message IS NOT message)"_s;
    return StoreTransaction::write(m_store, [&](const QSqlDatabase &db) {
        return StoreSql::changeEach(db, sql, transitions, what, [&](const StatusTransition &transition) {
            return QVariantList { connection, jobName, transition.status,
                StoreSql::timeValue(transition.startTime), StoreSql::timeValue(transition.endTime),
                transition.statusMessage };
        });
    });
}

StoreResult<QList<StatusChange>> JobHistoryStore::history(
    const QString &connection, const QString &jobName) const
{
    return StoreSql::rows<StatusChange>(m_store,
        u"SELECT job, status, secondary_status, observed_ms FROM job_status_history "
        "WHERE connection = ? AND job = ? ORDER BY observed_ms, id"_s,
        { connection, jobName }, tr("Could not read the status history of %1").arg(jobName), changeFrom);
}

StoreResult<QList<StatusTransition>> JobHistoryStore::transitions(
    const QString &connection, const QString &jobName) const
{
    return StoreSql::rows<StatusTransition>(m_store,
        u"SELECT status, start_ms, end_ms, message FROM job_transitions "
        "WHERE connection = ? AND job = ? ORDER BY start_ms, rowid"_s,
        { connection, jobName }, tr("Could not read the status transitions of %1").arg(jobName),
        transitionFrom);
}

StoreResult<std::optional<StatusChange>> JobHistoryStore::lastStatus(
    const QString &connection, const QString &jobName) const
{
    return StoreSql::rows<StatusChange>(m_store,
        u"SELECT job, status, secondary_status, observed_ms FROM job_status_history "
        "WHERE connection = ? AND job = ? ORDER BY observed_ms DESC, id DESC LIMIT 1"_s,
        { connection, jobName }, tr("Could not read the status history of %1").arg(jobName), changeFrom)
        .map(StoreSql::first<StatusChange>);
}

StoreResult<QHash<QString, StatusChange>> JobHistoryStore::lastStatuses(const QString &connection) const
{
    return StoreSql::rows<StatusChange>(m_store,
        u"SELECT job, status, secondary_status, observed_ms FROM ("
        " SELECT job, status, secondary_status, observed_ms,"
        "  row_number() OVER (PARTITION BY job ORDER BY observed_ms DESC, id DESC) AS newest"
        " FROM job_status_history WHERE connection = ?) WHERE newest = 1"_s,
        { connection }, tr("Could not read the last known job statuses"), changeFrom)
        .map([](const QList<StatusChange> &changes) {
            QHash<QString, StatusChange> byJob;
            byJob.reserve(changes.size());
            for (const StatusChange &change : changes)
                byJob.insert(change.jobName, change);
            return byJob;
        });
}
