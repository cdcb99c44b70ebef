#pragma once

#include "core/sagemaker/trainingjobrecord.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>
#include <utility>
#include <vector>

// The training jobs a JobMonitor knows of on one connection, with what a round decides from: whether a
// list entry is new or changed, which known jobs are still active, and how many of those the next list
// page would show (listing it may save describes). Pure data: no requests, no store.
class KnownJobs
{
public:
    enum class Change {
        None,
        New, // not known before
        Changed, // status, secondary status or LastModifiedTime differ
    };

    void clear();
    // Replaces the table (the store's cached summaries at start).
    void load(const QList<TrainingJobRecord> &records);
    // Merges a list summary: the describe-only fields of the known record stay (see
    // TrainingJobRecord::keepDetailsFrom).
    Change applySummary(const TrainingJobRecord &summary);
    // Takes a description, merged the same way.
    Change applyDescription(const TrainingJobRecord &description);

    const TrainingJobRecord *find(const QString &name) const;
    bool contains(const QString &name) const { return m_jobs.contains(name); }
    qsizetype size() const { return m_jobs.size(); }
    bool isEmpty() const { return m_jobs.isEmpty(); }
    // Newest first (CreationTime descending, as the monitor lists).
    QList<TrainingJobRecord> records() const;
    // The active jobs (InProgress, Stopping), newest first.
    QStringList activeJobs() const;
    qsizetype activeCount() const { return m_active.size(); }
    // Of the count known jobs that come right after the given one in newest-first order, how many are
    // active and not in covered.
    int activeAmongOlder(const TrainingJobRecord &after, int count, const QSet<QString> &covered) const;
    // Invalid when nothing is known.
    QDateTime oldestCreationTime() const;
    // Of names, in their order and at most count, the known ended jobs only list summaries have filled (no
    // details), leaving out those in skip.
    QStringList endedWithoutDetails(const QStringList &names, int count, const QSet<QString> &skip) const;

private:
    Change apply(TrainingJobRecord record);
    void ensureOrder() const;

    QHash<QString, TrainingJobRecord> m_jobs;
    QSet<QString> m_active;
    // (CreationTime in ms, name), newest first; jobs added since are merged in when it is next needed.
    mutable std::vector<std::pair<qint64, QString>> m_order;
    mutable std::vector<std::pair<qint64, QString>> m_added;
};
