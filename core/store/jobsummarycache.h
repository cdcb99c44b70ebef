#pragma once

#include "core/store/jobsummaryrecord.h"
#include "core/store/storeresult.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <optional>

class LocalStore;

// The dashboard's last known table of training jobs per connection key, so it fills at start before the
// first poll. Built for tens of thousands of rows: a batch is one transaction through one prepared
// statement.
class JobSummaryCache
{
    Q_DECLARE_TR_FUNCTIONS(JobSummaryCache)

public:
    explicit JobSummaryCache(LocalStore &store);

    // Inserts or updates every record in one transaction. A field the record leaves empty keeps its
    // stored value (see JobSummaryRecord), so list results and describe results can be upserted in turn.
    StoreResult<> upsert(const QString &connection, const QList<JobSummaryRecord> &records);
    // Newest (by creation time) first.
    StoreResult<QList<JobSummaryRecord>> summaries(const QString &connection) const;
    StoreResult<std::optional<JobSummaryRecord>> summary(
        const QString &connection, const QString &jobName) const;
    // LastModifiedTime by job name: what the monitor compares list pages with after a restart.
    StoreResult<QHash<QString, QDateTime>> lastModifiedTimes(const QString &connection) const;

private:
    LocalStore &m_store;
};
