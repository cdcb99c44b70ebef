#pragma once

#include "core/store/storeresult.h"
#include "core/store/watchedjob.h"

#include <QCoreApplication>
#include <QList>

class LocalStore;

// The jobs the user watches, per connection key; the monitor reattaches them after a restart.
class WatchList
{
    Q_DECLARE_TR_FUNCTIONS(WatchList)

public:
    explicit WatchList(LocalStore &store);

    // Starts watching now (by the store's clock). Returns false when the job was watched already; it keeps
    // the time watching started then.
    StoreResult<bool> watch(const QString &connection, const QString &jobName);
    // Returns false when the job was not watched.
    StoreResult<bool> unwatch(const QString &connection, const QString &jobName);
    StoreResult<bool> isWatched(const QString &connection, const QString &jobName) const;
    // In the order watching started.
    StoreResult<QList<WatchedJob>> watched(const QString &connection) const;

private:
    LocalStore &m_store;
};
