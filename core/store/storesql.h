#pragma once

#include "core/store/localstore.h"
#include "core/store/storeresult.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <optional>

// The few things every section of the store does with QtSql, written once: run a statement and turn a
// failure into a readable message, and map times to and from the stored form (UTC milliseconds since the
// epoch, NULL for "unknown").
namespace StoreSql {

// "<what>: <the driver's message>", e.g. "Could not save the draft: database is locked".
QString failureText(const QString &what, const QSqlError &error);

StoreResult<> prepare(QSqlQuery &query, const QString &sql, const QString &what);
StoreResult<> exec(QSqlQuery &query, const QString &what);
// Runs one statement without parameters.
StoreResult<> execute(const QSqlDatabase &db, const QString &sql, const QString &what);
// Binds values to a prepared statement's placeholders in order.
void bind(QSqlQuery &query, const QVariantList &values);
// Prepares sql, binds values to its placeholders in order and runs it; query is left on its result rows.
StoreResult<> run(QSqlQuery &query, const QString &sql, const QVariantList &values, const QString &what);
// Runs a statement that returns no rows; the result is the number of rows it changed.
StoreResult<int> change(
    const QSqlDatabase &db, const QString &sql, const QVariantList &values, const QString &what);

// Prepares sql once and runs it for every item with the values valuesOf(item) gives; the result is the
// number of rows changed in all. The batch path of the store: call it inside one transaction.
template<typename Item, typename ValuesOf>
StoreResult<int> changeEach(const QSqlDatabase &db, const QString &sql, const QList<Item> &items,
    const QString &what, ValuesOf valuesOf)
{
    QSqlQuery query(db);
    if (auto done = prepare(query, sql, what); !done)
        return StoreResult<int>::failure(done.error());
    int changed = 0;
    for (const Item &item : items) {
        bind(query, valuesOf(item));
        if (auto done = exec(query, what); !done)
            return StoreResult<int>::failure(done.error());
        changed += query.numRowsAffected();
    }
    return changed;
}

// Runs a query and turns each result row into a T with read(const QSqlQuery &).
template<typename T, typename Read>
StoreResult<QList<T>> rows(
    const QSqlDatabase &db, const QString &sql, const QVariantList &values, const QString &what, Read read)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (auto done = run(query, sql, values, what); !done)
        return StoreResult<QList<T>>::failure(done.error());
    QList<T> result;
    while (query.next())
        result.append(read(query));
    if (query.lastError().isValid())
        return StoreResult<QList<T>>::failure(failureText(what, query.lastError()));
    return result;
}

// The same, for a section of a store: fail with the store's reason when it is not open.
StoreResult<int> change(
    const LocalStore &store, const QString &sql, const QVariantList &values, const QString &what);

template<typename T, typename Read>
StoreResult<QList<T>> rows(
    const LocalStore &store, const QString &sql, const QVariantList &values, const QString &what, Read read)
{
    if (auto readable = store.checkReadable(); !readable)
        return StoreResult<QList<T>>::failure(readable.error());
    return rows<T>(store.database(), sql, values, what, read);
}

inline bool anyChanged(int changedRows)
{
    return changedRows > 0;
}

template<typename T>
std::optional<T> first(const QList<T> &list)
{
    return list.isEmpty() ? std::nullopt : std::optional<T>(list.constFirst());
}

QVariant timeValue(const QDateTime &time);
QDateTime timeFrom(const QVariant &value);
QVariant dateValue(const QDate &date);
QDate dateFrom(const QVariant &value);
// Empty strings are stored as NULL where NULL means "keep what is stored" in an upsert.
QVariant textOrNull(const QString &text);

} // namespace StoreSql
