#include "core/store/storemigrations.h"

#include "core/store/storesql.h"
#include "core/store/storetransaction.h"

#include <QSqlDatabase>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

const QList<StoreMigrations::Step> &StoreMigrations::steps()
{
    // Times are UTC milliseconds since the epoch; NULL means unknown.
    static const QList<Step> all {
        { 1, u"forms: drafts, templates, recently used values, prices"_s,
            {
                uR"(CREATE TABLE drafts (
                    id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,
                    title TEXT NOT NULL DEFAULT '',
                    document TEXT NOT NULL,
                    created_ms INTEGER NOT NULL,
                    updated_ms INTEGER NOT NULL,
                    state TEXT NOT NULL DEFAULT 'unsent'))"_s,
                u"CREATE INDEX drafts_by_state ON drafts (state, updated_ms)"_s,
                uR"(CREATE TABLE templates (
                    kind TEXT NOT NULL,
                    name TEXT NOT NULL COLLATE NOCASE,
                    document TEXT NOT NULL,
                    created_ms INTEGER NOT NULL,
                    updated_ms INTEGER NOT NULL,
                    PRIMARY KEY (kind, name)))"_s,
                uR"(CREATE TABLE recent_values (
                    key TEXT NOT NULL,
                    value TEXT NOT NULL,
                    used_ms INTEGER NOT NULL,
                    PRIMARY KEY (key, value)))"_s,
                u"CREATE INDEX recent_values_by_use ON recent_values (key, used_ms)"_s,
                uR"(CREATE TABLE prices (
                    region TEXT NOT NULL,
                    instance_type TEXT NOT NULL,
                    source TEXT NOT NULL,
                    price_per_hour REAL NOT NULL,
                    currency TEXT NOT NULL,
                    fetched_ms INTEGER NOT NULL,
                    effective_date TEXT,
                    PRIMARY KEY (region, instance_type, source)))"_s,
                uR"(CREATE TABLE price_fetches (
                    region TEXT PRIMARY KEY,
                    fetched_ms INTEGER NOT NULL))"_s,
            } },
        { 2, u"monitor: job status history, transitions, summaries, watch list"_s,
            {
                uR"(CREATE TABLE job_status_history (
                    id INTEGER PRIMARY KEY,
                    connection TEXT NOT NULL,
                    job TEXT NOT NULL,
                    status TEXT NOT NULL,
                    secondary_status TEXT NOT NULL DEFAULT '',
                    observed_ms INTEGER NOT NULL))"_s,
                u"CREATE INDEX job_status_history_by_job ON job_status_history (connection, job, observed_ms)"_s,
                uR"(CREATE TABLE job_transitions (
                    connection TEXT NOT NULL,
                    job TEXT NOT NULL,
                    status TEXT NOT NULL,
                    start_ms INTEGER NOT NULL,
                    end_ms INTEGER,
                    message TEXT NOT NULL DEFAULT '',
                    PRIMARY KEY (connection, job, status, start_ms)))"_s,
                uR"(CREATE TABLE job_summaries (
                    connection TEXT NOT NULL,
                    job TEXT NOT NULL,
                    status TEXT,
                    secondary_status TEXT,
                    instance_type TEXT,
                    instance_count INTEGER,
                    creation_ms INTEGER,
                    end_ms INTEGER,
                    last_modified_ms INTEGER,
                    billable_seconds INTEGER,
                    PRIMARY KEY (connection, job)))"_s,
                u"CREATE INDEX job_summaries_by_creation ON job_summaries (connection, creation_ms)"_s,
                uR"(CREATE TABLE watched_jobs (
                    connection TEXT NOT NULL,
                    job TEXT NOT NULL,
                    since_ms INTEGER NOT NULL,
                    PRIMARY KEY (connection, job)))"_s,
            } },
        { 3, u"monitor: ARN, training start and time, failure reason of job summaries"_s,
            {
                u"ALTER TABLE job_summaries ADD COLUMN arn TEXT"_s,
                u"ALTER TABLE job_summaries ADD COLUMN training_start_ms INTEGER"_s,
                u"ALTER TABLE job_summaries ADD COLUMN training_seconds INTEGER"_s,
                u"ALTER TABLE job_summaries ADD COLUMN failure_reason TEXT"_s,
                // 1 once a description filled the row; NULL for rows of version 2, which lack the columns
                // above, so the monitor fetches them again.
                u"ALTER TABLE job_summaries ADD COLUMN described INTEGER"_s,
            } },
        { 4, u"forms: the request a cloned draft started from"_s,
            {
                u"ALTER TABLE drafts ADD COLUMN original TEXT NOT NULL DEFAULT ''"_s,
                u"ALTER TABLE drafts ADD COLUMN original_name TEXT NOT NULL DEFAULT ''"_s,
            } },
    };
    return all;
}

int StoreMigrations::latestVersion()
{
    return steps().constLast().version;
}

StoreResult<int> StoreMigrations::userVersion(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return StoreResult<int>::failure(
            StoreSql::failureText(tr("Could not read the local store's version"), query.lastError()));
    return query.value(0).toInt();
}

StoreResult<int> StoreMigrations::migrate(const QSqlDatabase &db, int targetVersion)
{
    auto version = userVersion(db);
    if (!version)
        return version;
    int reached = *version;
    for (const Step &step : steps()) {
        if (step.version <= reached)
            continue;
        if (step.version > targetVersion)
            break;
        StoreTransaction transaction(db);
        if (auto begun = transaction.begin(); !begun)
            return StoreResult<int>::failure(begun.error());
        // Another process may have upgraded the file while this one waited for the write lock.
        auto current = userVersion(db);
        if (!current)
            return current;
        if (*current >= step.version) {
            reached = *current;
            continue;
        }
        const QString what = tr("Could not upgrade the local store to version %1 (%2)")
                                 .arg(step.version)
                                 .arg(step.description);
        for (const QString &statement : step.statements) {
            if (auto done = StoreSql::execute(db, statement, what); !done)
                return StoreResult<int>::failure(done.error());
        }
        // PRAGMA takes no bound parameters; the number comes from the table above, not from input.
        if (auto done = StoreSql::execute(db, u"PRAGMA user_version = %1"_s.arg(step.version), what); !done)
            return StoreResult<int>::failure(done.error());
        if (auto done = transaction.commit(); !done)
            return StoreResult<int>::failure(done.error());
        reached = step.version;
    }
    return reached;
}
