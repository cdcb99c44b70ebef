#include "core/store/localstore.h"

#include "core/store/storemigrations.h"
#include "core/store/storesql.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace {

constexpr int BusyTimeoutMs = 5000;

QAtomicInteger<quint64> s_connectionCounter;

// SQLITE_CORRUPT and SQLITE_NOTADB, as primary result codes (the low byte of an extended one).
bool isDamageError(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    return ok && (code == 11 || code == 26);
}

} // namespace

LocalStore::LocalStore(QString path, Clock *clock)
    : m_path(std::move(path))
    , m_clock(clock ? clock : Clock::system())
{ }

LocalStore::~LocalStore()
{
    close();
}

QString LocalStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/sagedesk.sqlite"_s;
}

int LocalStore::latestSchemaVersion()
{
    return StoreMigrations::latestVersion();
}

QSqlDatabase LocalStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

StoreResult<> LocalStore::checkReadable() const
{
    if (isOpen())
        return {};
    if (m_openError.isEmpty())
        return StoreResult<>::failure(tr("The local store is not open."));
    return StoreResult<>::failure(tr("The local store is not open: %1").arg(m_openError));
}

StoreResult<> LocalStore::checkWritable() const
{
    if (auto readable = checkReadable(); !readable)
        return readable;
    if (!m_readOnlyReason.isEmpty())
        return StoreResult<>::failure(m_readOnlyReason);
    return {};
}

StoreResult<> LocalStore::open()
{
    close();
    m_openError.clear();
    m_recoveryMessage.clear();
    m_movedAsidePath.clear();
    m_readOnlyReason.clear();
    m_schemaVersion = 0;
    if (m_path.isEmpty())
        m_path = defaultPath();
    auto opened = openRecovering();
    if (opened.ok())
        opened = prepareSchema();
    if (!opened) {
        closeConnection();
        m_openError = opened.error();
    }
    return opened;
}

StoreResult<> LocalStore::openRecovering()
{
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(folder))
        return StoreResult<>::failure(
            tr("Could not create the folder %1 for the local store.").arg(QDir::toNativeSeparators(folder)));
    if (auto opened = openConnection(); !opened)
        return opened;
    auto damage = findDamage();
    if (damage.ok() && !damage->isEmpty()) {
        closeConnection();
        if (auto moved = moveAside(*damage); !moved)
            return moved;
        if (auto opened = openConnection(); !opened)
            return opened;
        damage = findDamage();
    }
    if (!damage)
        return StoreResult<>::from(damage);
    if (!damage->isEmpty())
        return StoreResult<>::failure(tr("The new local store at %1 is damaged too: %2")
                                          .arg(QDir::toNativeSeparators(m_path), *damage));
    return {};
}

void LocalStore::close()
{
    closeConnection();
    m_schemaVersion = 0;
}

StoreResult<> LocalStore::openConnection()
{
    const QString name = u"sagedesk-store-%1"_s.arg(s_connectionCounter.fetchAndAddRelaxed(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        if (!db.isValid()) {
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return StoreResult<>::failure(
                tr("The SQLite driver for Qt is not installed (Debian package libqt6sql6-sqlite)."));
        }
        db.setDatabaseName(m_path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(BusyTimeoutMs));
        if (!db.open()) {
            const QString message = StoreSql::failureText(
                tr("Could not open the local store %1").arg(QDir::toNativeSeparators(m_path)),
                db.lastError());
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return StoreResult<>::failure(message);
        }
    }
    m_connectionName = name;
    return {};
}

void LocalStore::closeConnection()
{
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = database();
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

StoreResult<QString> LocalStore::findDamage() const
{
    // quick_check reads every page but skips the index-content cross-check of integrity_check: it finds a
    // damaged file at a fraction of the cost, which matters because it runs at every start.
    QSqlQuery query(database());
    QStringList problems;
    if (query.exec(u"PRAGMA quick_check"_s)) {
        while (query.next()) {
            const QString line = query.value(0).toString();
            if (line != u"ok")
                problems << line;
        }
    }
    if (query.lastError().isValid()) {
        if (!isDamageError(query.lastError()))
            return StoreResult<QString>::failure(StoreSql::failureText(
                tr("Could not read the local store %1").arg(QDir::toNativeSeparators(m_path)),
                query.lastError()));
        problems << query.lastError().databaseText();
    }
    return problems.join(u"; "_s);
}

StoreResult<> LocalStore::moveAside(const QString &damage)
{
    const QString base = m_path + u".corrupt-"_s + m_clock->now().toUTC().toString(u"yyyyMMdd-HHmmss"_s);
    QString target = base;
    for (int n = 2; QFile::exists(target); ++n)
        target = base + u'-' + QString::number(n);
    if (!QFile::rename(m_path, target))
        return StoreResult<>::failure(tr("The local store %1 is damaged (%2) and could not be moved aside.")
                                          .arg(QDir::toNativeSeparators(m_path), damage));
    // The write-ahead log belongs to the damaged file; left behind, SQLite would replay it into the new one.
    for (const QString &suffix : { u"-wal"_s, u"-shm"_s, u"-journal"_s }) {
        const QString sidecar = m_path + suffix;
        if (QFile::exists(sidecar) && !QFile::rename(sidecar, target + suffix) && !QFile::remove(sidecar))
            return StoreResult<>::failure(
                tr("The damaged local store was moved to %1, but %2 could not be moved "
                   "or removed; a new store cannot be created beside it.")
                    .arg(QDir::toNativeSeparators(target), QDir::toNativeSeparators(sidecar)));
    }
    m_movedAsidePath = target;
    m_recoveryMessage = tr("The local store was damaged (%1). It was moved to %2 and a new, empty store was "
                           "created. Drafts, templates and job history saved before are in the moved file.")
                            .arg(damage, QDir::toNativeSeparators(target));
    return {};
}

StoreResult<> LocalStore::prepareSchema()
{
    const QSqlDatabase db = database();
    auto version = StoreMigrations::userVersion(db);
    if (!version)
        return StoreResult<>::from(version);
    const int latest = StoreMigrations::latestVersion();
    if (*version > latest) {
        m_schemaVersion = *version;
        m_readOnlyReason
            = tr("The local store %1 was written by a newer version of SageDesk (schema version %2; "
                 "this version knows up to %3). It is open read-only, so nothing is saved: "
                 "drafts, templates, prices and job history are not kept until SageDesk is updated.")
                  .arg(QDir::toNativeSeparators(m_path))
                  .arg(*version)
                  .arg(latest);
        return {};
    }

    const QString what = tr("Could not set up the local store %1").arg(QDir::toNativeSeparators(m_path));
    const QStringList pragmas {
        // WAL lets readers work while the monitor writes and makes small commits cheap; on a file system
        // without shared memory SQLite keeps its rollback journal, slower but just as safe.
        u"PRAGMA journal_mode = WAL"_s,
        // In WAL mode a commit then survives the program being killed; only a power loss can take back
        // the last few commits, and it never corrupts the file.
        u"PRAGMA synchronous = NORMAL"_s,
        u"PRAGMA busy_timeout = %1"_s.arg(BusyTimeoutMs),
    };
    for (const QString &pragma : pragmas) {
        if (auto done = StoreSql::execute(db, pragma, what); !done)
            return done;
    }
    auto reached = StoreMigrations::migrate(db);
    if (!reached)
        return StoreResult<>::from(reached);
    m_schemaVersion = *reached;
    return {};
}
