#include "core/store/storetransaction.h"

#include "core/store/storesql.h"

#include <QCoreApplication>

StoreTransaction::StoreTransaction(QSqlDatabase db)
    : m_db(std::move(db))
{ }

StoreTransaction::~StoreTransaction()
{
    // Reached only on a path that already returns an error to its caller; a failed rollback adds nothing
    // that caller could act on, and SQLite rolls back anyway when the connection closes.
    if (m_active)
        (void)StoreSql::execute(m_db, QStringLiteral("ROLLBACK"), QString());
}

StoreResult<> StoreTransaction::begin()
{
    auto result = StoreSql::execute(m_db, QStringLiteral("BEGIN IMMEDIATE"),
        QCoreApplication::translate("StoreTransaction", "Could not start writing to the local store"));
    m_active = result.ok();
    return result;
}

StoreResult<> StoreTransaction::commit()
{
    auto result = StoreSql::execute(m_db, QStringLiteral("COMMIT"),
        QCoreApplication::translate("StoreTransaction", "Could not finish writing to the local store"));
    if (result.ok())
        m_active = false;
    return result;
}
