#pragma once

#include "core/aws/clock.h"
#include "core/store/storeresult.h"

#include <QCoreApplication>
#include <QString>

class QSqlDatabase;

// The local SQLite file behind drafts, templates, recently used values, prices and job history (WAL mode,
// synchronous=NORMAL: a committed write survives the program being killed). It opens under its own
// connection name, so several stores can be open in one process. The sections that read and write live in
// their own classes (DraftStore, TemplateStore, RecentValues, JobHistoryStore, JobSummaryCache, WatchList,
// PriceCache) and take a LocalStore.
//
// open() never crashes on a bad file: a file that is not a database or fails its integrity check is moved
// aside to "<name>.corrupt-<yyyyMMdd-HHmmss>" and a fresh store is created; recoveryMessage() then says so
// in words the UI can show. A file written by a newer SageDesk (a schema version this code does not know)
// opens read-only: every write returns readOnlyReason().
//
// Use a store from the thread that opened it (a QtSql rule).
class LocalStore
{
    Q_DECLARE_TR_FUNCTIONS(LocalStore)

public:
    // path: the database file; empty means defaultPath().
    explicit LocalStore(QString path = {}, Clock *clock = Clock::system());
    ~LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    // <AppDataLocation>/sagedesk.sqlite
    static QString defaultPath();
    static int latestSchemaVersion();

    // Opens or creates the file and brings its schema up to date. Fails (and stays closed) only when no
    // usable store could be had at all: an unwritable folder, a locked file, a missing SQLite driver.
    StoreResult<> open();
    void close();

    bool isOpen() const { return !m_connectionName.isEmpty(); }
    bool isWritable() const { return isOpen() && m_readOnlyReason.isEmpty(); }
    QString path() const { return m_path; }
    int schemaVersion() const { return m_schemaVersion; }
    // Non-empty when the last open() found the file damaged and moved it aside.
    QString recoveryMessage() const { return m_recoveryMessage; }
    QString movedAsidePath() const { return m_movedAsidePath; }
    // Non-empty when the store is open read-only.
    QString readOnlyReason() const { return m_readOnlyReason; }
    Clock *clock() const { return m_clock; }
    QString connectionName() const { return m_connectionName; }

    // For the store's sections.
    QSqlDatabase database() const;
    StoreResult<> checkReadable() const;
    StoreResult<> checkWritable() const;

private:
    StoreResult<> openRecovering();
    StoreResult<> openConnection();
    void closeConnection();
    // An empty text when the file is sound, a description of the damage when it is not.
    StoreResult<QString> findDamage() const;
    StoreResult<> moveAside(const QString &damage);
    StoreResult<> prepareSchema();

    QString m_path;
    Clock *m_clock;
    QString m_connectionName;
    int m_schemaVersion = 0;
    QString m_openError;
    QString m_recoveryMessage;
    QString m_movedAsidePath;
    QString m_readOnlyReason;
};
