#include "core/store/draftstore.h"
#include "core/store/jobhistorystore.h"
#include "core/store/jobsummarycache.h"
#include "core/store/localstore.h"
#include "core/store/storemigrations.h"
#include "tests/store/temporarystore.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// A raw connection to a file, outside LocalStore, to build old or odd files and to look at what LocalStore
// wrote. The connection is removed when the object goes away.
class RawDatabase
{
public:
    explicit RawDatabase(const QString &path)
        : m_name(u"raw-"_s + path)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawDatabase()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    QVariant value(const QString &sql) const
    {
        QSqlQuery query(db());
        return query.exec(sql) && query.next() ? query.value(0) : QVariant();
    }
    bool exec(const QString &sql) const { return QSqlQuery(db()).exec(sql); }
    // The schema as SQLite prints it, to compare two files.
    QStringList schema() const
    {
        QSqlQuery query(db());
        query.exec(
            u"SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema ORDER BY name"_s);
        QStringList lines;
        while (query.next())
            lines << query.value(0).toString();
        return lines;
    }

private:
    QString m_name;
};

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes, qint64 offset = -1)
{
    QFile file(path);
    if (!file.open(offset < 0 ? QIODevice::WriteOnly : QIODevice::ReadWrite))
        return false;
    if (offset >= 0 && !file.seek(offset))
        return false;
    return file.write(bytes) == bytes.size();
}

Draft sampleDraft(const QString &id)
{
    Draft draft;
    draft.id = id;
    draft.kind = DocumentKind::TrainingJob;
    draft.title = u"job-"_s + id;
    draft.document = u"{\"TrainingJobName\": \"job-"_s + id + u"\"}"_s;
    return draft;
}

} // namespace

class TestLocalStore : public QObject
{
    Q_OBJECT

private slots:
    void freshStoreHasLatestSchemaAndSettings();
    void migratesFromOlderVersion_data();
    void migratesFromOlderVersion();
    void jobSummariesOfVersion2GainTheDescribedFields();
    void migrationStepsAgreeWithFreshSchema();
    void newerSchemaOpensReadOnly();
    void damagedFileIsMovedAside_data();
    void damagedFileIsMovedAside();
    void unusableLocationFailsWithMessage();
    void twoStoresInOneProcess();
    void oneFileSharedByTwoStores();
};

void TestLocalStore::freshStoreHasLatestSchemaAndSettings()
{
    TemporaryStore temp;
    auto opened = temp.open();
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    QVERIFY(temp.store().isWritable());
    QVERIFY(temp.store().recoveryMessage().isEmpty());
    QCOMPARE(temp.store().schemaVersion(), LocalStore::latestSchemaVersion());

    QSqlQuery query(temp.store().database());
    const auto pragma = [&query](const QString &name) {
        return query.exec(u"PRAGMA "_s + name) && query.next() ? query.value(0).toString() : QString();
    };
    QCOMPARE(pragma(u"user_version"_s), QString::number(LocalStore::latestSchemaVersion()));
    QCOMPARE(pragma(u"journal_mode"_s), u"wal"_s);
    QCOMPARE(pragma(u"synchronous"_s), u"1"_s); // NORMAL
    QVERIFY(pragma(u"busy_timeout"_s).toInt() > 0);
}

void TestLocalStore::migratesFromOlderVersion_data()
{
    QTest::addColumn<int>("fromVersion");
    QTest::addColumn<bool>("fileExists");
    QTest::newRow("no file yet") << 0 << false;
    QTest::newRow("empty file (version 0)") << 0 << true;
    QTest::newRow("version 1: drafts, no job history") << 1 << true;
    QTest::newRow("version 3: drafts without a clone's origin") << 3 << true;
}

void TestLocalStore::migratesFromOlderVersion()
{
    QFETCH(int, fromVersion);
    QFETCH(bool, fileExists);
    TemporaryStore temp;
    if (fileExists) {
        RawDatabase raw(temp.path());
        auto reached = StoreMigrations::migrate(raw.db(), fromVersion);
        QVERIFY2(reached.ok(), qPrintable(reached.error()));
        QCOMPARE(*reached, fromVersion);
        if (fromVersion >= 1)
            QVERIFY(raw.exec(u"INSERT INTO drafts (id, kind, title, document, created_ms, updated_ms, state) "
                             "VALUES ('old', 'model', 'm', '{ }', 1, 2, 'unsent')"_s));
    }

    auto opened = temp.open();
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    QCOMPARE(temp.store().schemaVersion(), LocalStore::latestSchemaVersion());

    DraftStore drafts(temp.store());
    auto old = drafts.load(u"old"_s);
    QVERIFY(old.ok());
    QCOMPARE(old->has_value(), fromVersion >= 1);
    if (fromVersion >= 1)
        QCOMPARE((*old)->document, u"{ }"_s);
    // A table of the last step works after the upgrade.
    JobHistoryStore history(temp.store());
    auto recorded = history.recordStatus(u"c"_s, { u"job"_s, u"InProgress"_s, u"Starting"_s, {} });
    QVERIFY2(recorded.ok(), qPrintable(recorded.error()));
}

void TestLocalStore::jobSummariesOfVersion2GainTheDescribedFields()
{
    // A store the dashboard filled before summaries kept the ARN, start, training time and failure reason.
    TemporaryStore temp;
    {
        RawDatabase raw(temp.path());
        auto reached = StoreMigrations::migrate(raw.db(), 2);
        QVERIFY2(reached.ok(), qPrintable(reached.error()));
        QVERIFY(raw.exec(
            u"INSERT INTO job_summaries (connection, job, status, secondary_status, instance_type, "
            "instance_count, creation_ms, end_ms, last_modified_ms, billable_seconds) VALUES "
            "('c', 'failed-job', 'Failed', 'Failed', 'ml.g5.2xlarge', 2, 1000, 61000, 62000, 50)"_s));
    }
    QVERIFY2(LocalStore::latestSchemaVersion() > 2, "the test upgrades from the version before the latest");

    auto opened = temp.open();
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    QCOMPARE(temp.store().schemaVersion(), LocalStore::latestSchemaVersion());
    JobSummaryCache cache(temp.store());
    const auto upgraded = cache.summary(u"c"_s, u"failed-job"_s);
    QVERIFY2(upgraded.ok(), qPrintable(upgraded.error()));
    QVERIFY(upgraded->has_value());
    JobSummaryRecord expected;
    expected.jobName = u"failed-job"_s;
    expected.status = u"Failed"_s;
    expected.secondaryStatus = u"Failed"_s;
    expected.instanceType = u"ml.g5.2xlarge"_s;
    expected.instanceCount = 2;
    expected.creationTime = QDateTime::fromMSecsSinceEpoch(1000, Qt::UTC);
    expected.endTime = QDateTime::fromMSecsSinceEpoch(61000, Qt::UTC);
    expected.lastModifiedTime = QDateTime::fromMSecsSinceEpoch(62000, Qt::UTC);
    expected.billableSeconds = 50;
    // The old row keeps what it had; it is not marked described, so the monitor asks for the rest once.
    QCOMPARE(**upgraded, expected);

    expected.arn = u"arn:aws:sagemaker:us-east-1:123456789012:training-job/failed-job"_s;
    expected.trainingStartTime = QDateTime::fromMSecsSinceEpoch(11000, Qt::UTC);
    expected.trainingSeconds = 50;
    expected.failureReason = u"AlgorithmError: ExitCode 1"_s;
    expected.described = true;
    QVERIFY(cache.upsert(u"c"_s, { expected }).ok());
    QCOMPARE(cache.summary(u"c"_s, u"failed-job"_s)->value(), expected);
}

void TestLocalStore::migrationStepsAgreeWithFreshSchema()
{
    // Upgrading step by step must give the same schema as creating a store at once.
    TemporaryStore fresh;
    QVERIFY(fresh.open().ok());
    fresh.store().close();

    TemporaryStore stepped;
    {
        RawDatabase raw(stepped.path());
        for (const StoreMigrations::Step &step : StoreMigrations::steps()) {
            auto reached = StoreMigrations::migrate(raw.db(), step.version);
            QVERIFY2(reached.ok(), qPrintable(reached.error()));
            QCOMPARE(*reached, step.version);
            QCOMPARE(StoreMigrations::userVersion(raw.db()).valueOr(-1), step.version);
        }
    }
    QCOMPARE(RawDatabase(stepped.path()).schema(), RawDatabase(fresh.path()).schema());
}

void TestLocalStore::newerSchemaOpensReadOnly()
{
    TemporaryStore temp;
    const int newer = LocalStore::latestSchemaVersion() + 5;
    {
        RawDatabase raw(temp.path());
        QVERIFY(StoreMigrations::migrate(raw.db()).ok());
        QVERIFY(raw.exec(u"PRAGMA user_version = %1"_s.arg(newer)));
    }
    auto opened = temp.open();
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    QVERIFY(temp.store().isOpen());
    QVERIFY(!temp.store().isWritable());
    QCOMPARE(temp.store().schemaVersion(), newer);
    QVERIFY2(temp.store().readOnlyReason().contains(u"newer version"_s),
        qPrintable(temp.store().readOnlyReason()));

    DraftStore drafts(temp.store());
    auto saved = drafts.save(sampleDraft(u"a"_s));
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error(), temp.store().readOnlyReason());
    QVERIFY(drafts.unsent().ok()); // reading still works
    temp.store().close();
    QCOMPARE(RawDatabase(temp.path()).value(u"PRAGMA user_version"_s).toInt(), newer);
}

void TestLocalStore::damagedFileIsMovedAside_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qint64>(
        "offset"); // -1: the file is replaced by bytes; else bytes overwrite a good store
    QTest::newRow("text, not a database")
        << QByteArray("this is not a database, it is a shopping list\n") << qint64(-1);
    QTest::newRow("random bytes") << QByteArray(8192, '\xA7') << qint64(-1);
    QTest::newRow("header overwritten") << QByteArray(16, 'x') << qint64(0);
    // Page 2 onward hold the tables; a smashed b-tree page passes the header check but fails quick_check.
    QTest::newRow("table page overwritten") << QByteArray(4096, '\x01') << qint64(4096);
}

void TestLocalStore::damagedFileIsMovedAside()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qint64, offset);
    TemporaryStore temp;
    if (offset >= 0) {
        QVERIFY(temp.open().ok());
        DraftStore drafts(temp.store());
        for (int i = 0; i < 50; ++i)
            QVERIFY(drafts.save(sampleDraft(QString::number(i))).ok());
        temp.store().close();
    }
    QVERIFY(writeFile(temp.path(), bytes, offset));
    const QByteArray damaged = readFile(temp.path());

    temp.clock().setNow(QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7), Qt::UTC));
    auto opened = temp.reopen();
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    const QString movedTo = temp.path() + u".corrupt-20260304-050607"_s;
    QCOMPARE(temp.store().movedAsidePath(), movedTo);
    QCOMPARE(readFile(movedTo), damaged);
    const QString message = temp.store().recoveryMessage();
    QVERIFY2(message.contains(u"damaged"_s) && message.contains(movedTo), qPrintable(message));

    QVERIFY(temp.store().isWritable());
    DraftStore drafts(temp.store());
    QVERIFY(drafts.save(sampleDraft(u"new"_s)).ok());
    QCOMPARE(drafts.unsent()->size(), 1);

    // The next start finds a sound file and says nothing.
    QVERIFY(temp.reopen().ok());
    QVERIFY(temp.store().recoveryMessage().isEmpty());
}

void TestLocalStore::unusableLocationFailsWithMessage()
{
    TemporaryStore temp;
    const QString notAFolder = temp.filePath(u"plain-file"_s);
    QVERIFY(writeFile(notAFolder, "x"));
    LocalStore store(notAFolder + u"/sagedesk.sqlite"_s, &temp.clock());
    auto opened = store.open();
    QVERIFY(!opened.ok());
    QVERIFY(!opened.error().isEmpty());
    QVERIFY(!store.isOpen());

    DraftStore drafts(store);
    auto saved = drafts.save(sampleDraft(u"a"_s));
    QVERIFY(!saved.ok());
    QVERIFY2(saved.error().contains(u"not open"_s), qPrintable(saved.error()));
    QVERIFY(!drafts.unsent().ok());
}

void TestLocalStore::twoStoresInOneProcess()
{
    TemporaryStore first;
    TemporaryStore second;
    QVERIFY(first.open().ok());
    QVERIFY(second.open().ok());
    QVERIFY(first.store().connectionName() != second.store().connectionName());

    DraftStore firstDrafts(first.store());
    DraftStore secondDrafts(second.store());
    QVERIFY(firstDrafts.save(sampleDraft(u"only-in-first"_s)).ok());
    QCOMPARE(firstDrafts.unsent()->size(), 1);
    QCOMPARE(secondDrafts.unsent()->size(), 0);

    first.store().close();
    QVERIFY(secondDrafts.save(sampleDraft(u"still-works"_s)).ok());
    QCOMPARE(secondDrafts.unsent()->size(), 1);
}

void TestLocalStore::oneFileSharedByTwoStores()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    LocalStore other(temp.path(), &temp.clock());
    QVERIFY(other.open().ok());

    QVERIFY(DraftStore(temp.store()).save(sampleDraft(u"shared"_s)).ok());
    auto seen = DraftStore(other).load(u"shared"_s);
    QVERIFY(seen.ok());
    QVERIFY(seen->has_value());
}

QTEST_GUILESS_MAIN(TestLocalStore)
#include "tst_localstore.moc"
