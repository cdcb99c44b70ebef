#include "core/store/storesql.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace StoreSql {

QString failureText(const QString &what, const QSqlError &error)
{
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return detail.isEmpty() ? what : what + QStringLiteral(": ") + detail;
}

StoreResult<> prepare(QSqlQuery &query, const QString &sql, const QString &what)
{
    if (!query.prepare(sql))
        return StoreResult<>::failure(failureText(what, query.lastError()));
    return {};
}

StoreResult<> exec(QSqlQuery &query, const QString &what)
{
    if (!query.exec())
        return StoreResult<>::failure(failureText(what, query.lastError()));
    return {};
}

StoreResult<> execute(const QSqlDatabase &db, const QString &sql, const QString &what)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return StoreResult<>::failure(failureText(what, query.lastError()));
    return {};
}

void bind(QSqlQuery &query, const QVariantList &values)
{
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // The driver binds a null QString as SQL NULL; in the store an empty text is text. NULL is asked for
        // explicitly with an invalid QVariant (textOrNull, timeValue).
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.bindValue(int(i), u""_s);
        else
            query.bindValue(int(i), value);
    }
}

StoreResult<> run(QSqlQuery &query, const QString &sql, const QVariantList &values, const QString &what)
{
    if (auto done = prepare(query, sql, what); !done)
        return done;
    bind(query, values);
    return exec(query, what);
}

StoreResult<int> change(
    const QSqlDatabase &db, const QString &sql, const QVariantList &values, const QString &what)
{
    QSqlQuery query(db);
    if (auto done = run(query, sql, values, what); !done)
        return StoreResult<int>::failure(done.error());
    return query.numRowsAffected();
}

StoreResult<int> change(
    const LocalStore &store, const QString &sql, const QVariantList &values, const QString &what)
{
    if (auto writable = store.checkWritable(); !writable)
        return StoreResult<int>::failure(writable.error());
    return change(store.database(), sql, values, what);
}

QVariant timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

QDateTime timeFrom(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariant dateValue(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant();
}

QDate dateFrom(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDate::fromString(value.toString(), Qt::ISODate);
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace StoreSql
