#pragma once

#include "core/store/statuschange.h"
#include "core/store/statustransition.h"
#include "core/store/storeresult.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <optional>

class LocalStore;

// The observed status history of training jobs, per connection key (profile + region + endpoint, as the
// monitor spells it). Two sources, kept side by side: what the monitor saw change (StatusChange), and the
// SecondaryStatusTransitions the service reports (StatusTransition), which cover the time the program was
// not watching.
class JobHistoryStore
{
    Q_DECLARE_TR_FUNCTIONS(JobHistoryStore)

public:
    explicit JobHistoryStore(LocalStore &store);

    // Records each change unless it repeats the job's status and secondary status as last recorded at or
    // before its time; an invalid time is stamped with the store's clock. All in one transaction. Returns
    // how many were recorded.
    StoreResult<int> recordStatuses(const QString &connection, const QList<StatusChange> &changes);
    // The same for one change; false when it was a repeat.
    StoreResult<bool> recordStatus(const QString &connection, const StatusChange &change);

    // Stores the transitions of one job, each identified by (status, start time): new ones are added, a
    // known one takes a newly reported end time or message, and a repeat changes nothing. All in one
    // transaction. Returns how many were added or changed. A transition without a start time is an error.
    StoreResult<int> mergeTransitions(
        const QString &connection, const QString &jobName, const QList<StatusTransition> &transitions);

    // Oldest first.
    StoreResult<QList<StatusChange>> history(const QString &connection, const QString &jobName) const;
    // By start time.
    StoreResult<QList<StatusTransition>> transitions(const QString &connection, const QString &jobName) const;
    StoreResult<std::optional<StatusChange>> lastStatus(
        const QString &connection, const QString &jobName) const;
    // The last recorded change of every job of the connection, by job name: what the monitor compares with
    // after a restart.
    StoreResult<QHash<QString, StatusChange>> lastStatuses(const QString &connection) const;

private:
    LocalStore &m_store;
};
