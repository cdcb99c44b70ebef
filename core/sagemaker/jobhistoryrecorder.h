#pragma once

#include "core/sagemaker/trainingjobrecord.h"
#include "core/store/statuschange.h"
#include "core/store/statustransition.h"
#include "core/store/storeresult.h"

#include <QHash>
#include <QList>
#include <QString>

class LocalStore;

// Writes what the monitor observes of a connection's jobs to the store's job history: each change of
// status or secondary status with the time it happened, and the SecondaryStatusTransitions descriptions
// report (so the history covers the time the program was not watching). Changes are collected and written
// in one transaction per batch (a list page, a round's describes).
class JobHistoryRecorder
{
public:
    JobHistoryRecorder(LocalStore *store, QString connection);

    // The time the record's status was reached: the start of the matching transition when the description
    // has one, else LastModifiedTime, else now (never later than now).
    static QDateTime changeTime(
        const TrainingJobRecord &record, const QList<StatusTransition> &transitions, const QDateTime &now);

    // Queues the record's status and secondary status, seen for the first time or changed.
    void observe(
        const TrainingJobRecord &record, const QList<StatusTransition> &transitions, const QDateTime &now);
    qsizetype pending() const { return m_pending.size(); }
    // Writes what observe() queued. Returns how many changes were new to the store.
    StoreResult<int> flush();

    // Stores a job's transitions unless they are what was last stored for it. Returns how many entries
    // were added or changed.
    StoreResult<int> storeTransitions(const QString &jobName, const QList<StatusTransition> &transitions);

private:
    LocalStore *m_store;
    QString m_connection;
    QList<StatusChange> m_pending;
    QHash<QString, QList<StatusTransition>> m_stored;
};
