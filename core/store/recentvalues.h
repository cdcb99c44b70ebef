#pragma once

#include "core/store/storeresult.h"

#include <QCoreApplication>
#include <QStringList>

class LocalStore;

// Recently used values per key ("training-image", "role-arn", ...) for the forms' drop-downs: most recent
// first, each value once, at most capacity() per key.
class RecentValues
{
    Q_DECLARE_TR_FUNCTIONS(RecentValues)

public:
    static constexpr int DefaultCapacity = 20;

    explicit RecentValues(LocalStore &store, int capacity = DefaultCapacity);

    int capacity() const { return m_capacity; }

    // Moves value to the front of key's list (adding it if new) and drops the oldest beyond capacity().
    // An empty or blank value is not recorded.
    StoreResult<> use(const QString &key, const QString &value);
    StoreResult<QStringList> values(const QString &key) const;
    StoreResult<bool> remove(const QString &key, const QString &value);

private:
    LocalStore &m_store;
    int m_capacity;
};
