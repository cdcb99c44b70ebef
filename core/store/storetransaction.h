#pragma once

#include "core/store/localstore.h"
#include "core/store/storeresult.h"

#include <QSqlDatabase>

// One write transaction. BEGIN IMMEDIATE takes the write lock up front, so two processes sharing the file
// wait on the busy timeout instead of failing half-way when a reader tries to become a writer. Whatever is
// not committed is rolled back when the object goes away, including on every early return.
class StoreTransaction
{
public:
    explicit StoreTransaction(QSqlDatabase db);
    ~StoreTransaction();
    StoreTransaction(const StoreTransaction &) = delete;
    StoreTransaction &operator=(const StoreTransaction &) = delete;

    StoreResult<> begin();
    StoreResult<> commit();

    // Runs body(const QSqlDatabase &) in one write transaction of store and commits when it returns a
    // success; body returns a StoreResult of any type, which becomes the result.
    template<typename Body>
    static auto write(const LocalStore &store, Body body)
        -> decltype(body(std::declval<const QSqlDatabase &>()))
    {
        using Result = decltype(body(std::declval<const QSqlDatabase &>()));
        if (auto writable = store.checkWritable(); !writable)
            return Result::failure(writable.error());
        StoreTransaction transaction(store.database());
        if (auto begun = transaction.begin(); !begun)
            return Result::failure(begun.error());
        auto result = body(transaction.m_db);
        if (!result)
            return result;
        if (auto done = transaction.commit(); !done)
            return Result::failure(done.error());
        return result;
    }

private:
    QSqlDatabase m_db;
    bool m_active = false;
};
