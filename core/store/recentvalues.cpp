#include "core/store/recentvalues.h"

#include "core/store/localstore.h"
#include "core/store/storesql.h"
#include "core/store/storetransaction.h"

#include <algorithm>

using namespace Qt::StringLiterals;

RecentValues::RecentValues(LocalStore &store, int capacity)
    : m_store(store)
    , m_capacity(std::max(1, capacity))
{ }

StoreResult<> RecentValues::use(const QString &key, const QString &value)
{
    if (value.trimmed().isEmpty())
        return {};
    const QString what = tr("Could not remember the recently used value");
    const QVariant now = StoreSql::timeValue(m_store.clock()->now());
    return StoreTransaction::write(m_store, [&](const QSqlDatabase &db) -> StoreResult<> {
        // REPLACE deletes and re-inserts, so the row gets the highest rowid: it orders values used within
        // the same millisecond.
        auto written = StoreSql::change(db,
            u"INSERT OR REPLACE INTO recent_values (key, value, used_ms) VALUES (?, ?, ?)"_s,
            { key, value, now }, what);
        if (!written)
            return StoreResult<>::from(written);
        return StoreResult<>::from(StoreSql::change(db,
            u"DELETE FROM recent_values WHERE key = ? AND rowid NOT IN "
            "(SELECT rowid FROM recent_values WHERE key = ? ORDER BY used_ms DESC, rowid DESC LIMIT ?)"_s,
            { key, key, m_capacity }, what));
    });
}

StoreResult<QStringList> RecentValues::values(const QString &key) const
{
    return StoreSql::rows<QString>(m_store,
        u"SELECT value FROM recent_values WHERE key = ? ORDER BY used_ms DESC, rowid DESC LIMIT ?"_s,
        { key, m_capacity }, tr("Could not read the recently used values"),
        [](const QSqlQuery &query) { return query.value(0).toString(); });
}

StoreResult<bool> RecentValues::remove(const QString &key, const QString &value)
{
    return StoreSql::change(m_store, u"DELETE FROM recent_values WHERE key = ? AND value = ?"_s,
        { key, value }, tr("Could not forget the recently used value"))
        .map(StoreSql::anyChanged);
}
