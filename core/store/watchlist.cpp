#include "core/store/watchlist.h"

#include "core/store/localstore.h"
#include "core/store/storesql.h"

using namespace Qt::StringLiterals;

WatchList::WatchList(LocalStore &store)
    : m_store(store)
{ }

StoreResult<bool> WatchList::watch(const QString &connection, const QString &jobName)
{
    return StoreSql::change(m_store,
        u"INSERT OR IGNORE INTO watched_jobs (connection, job, since_ms) VALUES (?, ?, ?)"_s,
        { connection, jobName, StoreSql::timeValue(m_store.clock()->now()) },
        tr("Could not add %1 to the watch list").arg(jobName))
        .map(StoreSql::anyChanged);
}

StoreResult<bool> WatchList::unwatch(const QString &connection, const QString &jobName)
{
    return StoreSql::change(m_store, u"DELETE FROM watched_jobs WHERE connection = ? AND job = ?"_s,
        { connection, jobName }, tr("Could not remove %1 from the watch list").arg(jobName))
        .map(StoreSql::anyChanged);
}

StoreResult<bool> WatchList::isWatched(const QString &connection, const QString &jobName) const
{
    return StoreSql::rows<bool>(m_store, u"SELECT 1 FROM watched_jobs WHERE connection = ? AND job = ?"_s,
        { connection, jobName }, tr("Could not read the watch list"), [](const QSqlQuery &) { return true; })
        .map([](const QList<bool> &found) { return !found.isEmpty(); });
}

StoreResult<QList<WatchedJob>> WatchList::watched(const QString &connection) const
{
    return StoreSql::rows<WatchedJob>(m_store,
        u"SELECT job, since_ms FROM watched_jobs WHERE connection = ? ORDER BY since_ms, job"_s,
        { connection }, tr("Could not read the watch list"), [](const QSqlQuery &query) {
            return WatchedJob { query.value(0).toString(), StoreSql::timeFrom(query.value(1)) };
        });
}
