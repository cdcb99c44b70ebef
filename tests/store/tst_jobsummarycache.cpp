#include "core/store/jobsummarycache.h"
#include "tests/store/temporarystore.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Connection = u"default|us-east-1|"_s;
const QDateTime T0(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);

// What ListTrainingJobs returns for a job: no secondary status, instance type, start, billable time or
// failure reason.
JobSummaryRecord listed(const QString &name, const QString &status, const QDateTime &modified)
{
    JobSummaryRecord record;
    record.jobName = name;
    record.status = status;
    record.creationTime = T0;
    record.lastModifiedTime = modified;
    return record;
}

JobSummaryRecord described(int i)
{
    JobSummaryRecord record;
    record.jobName = u"job-%1"_s.arg(i, 5, 10, QChar(u'0'));
    record.arn = u"arn:aws:sagemaker:us-east-1:123456789012:training-job/"_s + record.jobName;
    const bool running = i % 200 == 0;
    const bool failed = !running && i % 2 == 1;
    record.status = running ? u"InProgress"_s : (failed ? u"Failed"_s : u"Completed"_s);
    record.secondaryStatus = running ? u"Training"_s : record.status;
    record.instanceType = i % 2 ? u"ml.m5.xlarge"_s : u"ml.g5.2xlarge"_s;
    record.instanceCount = 1 + i % 4;
    record.creationTime = T0.addSecs(60 * i);
    record.trainingStartTime = record.creationTime.addSecs(90);
    if (!running) {
        record.endTime = record.creationTime.addSecs(3600);
        record.billableSeconds = 3500 + i % 100;
        record.trainingSeconds = 3510 + i % 100;
    }
    if (failed)
        record.failureReason = u"AlgorithmError: ExitCode %1"_s.arg(i);
    record.lastModifiedTime = record.creationTime.addSecs(3600);
    record.described = true;
    return record;
}

} // namespace

class TestJobSummaryCache : public QObject
{
    Q_OBJECT

private slots:
    void emptyFieldsKeepStoredValues();
    void describedFieldsRoundTrip();
    void summariesAreNewestFirstPerConnection();
    void tenThousandSummaries();
};

void TestJobSummaryCache::emptyFieldsKeepStoredValues()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    JobSummaryCache cache(temp.store());
    JobSummaryRecord full = described(1);
    QVERIFY(cache.upsert(Connection, { full }).ok());

    // A later list page: status and LastModifiedTime change, the rest is not in the list.
    const QDateTime modified = full.lastModifiedTime.addSecs(60);
    JobSummaryRecord fromList = listed(full.jobName, u"Stopped"_s, modified);
    fromList.creationTime = full.creationTime;
    QVERIFY(cache.upsert(Connection, { fromList }).ok());

    JobSummaryRecord expected = full;
    expected.status = u"Stopped"_s;
    expected.lastModifiedTime = modified;
    QCOMPARE(cache.summary(Connection, full.jobName)->value(), expected);
}

void TestJobSummaryCache::describedFieldsRoundTrip()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    // Listed first, described later (the order a dashboard sees a job in), then read after a restart.
    JobSummaryRecord full = described(7);
    QVERIFY(!full.failureReason.isEmpty());
    JobSummaryRecord fromList = listed(full.jobName, full.status, full.lastModifiedTime);
    fromList.creationTime = full.creationTime;
    QVERIFY(JobSummaryCache(temp.store()).upsert(Connection, { fromList }).ok());
    const auto listedOnly = JobSummaryCache(temp.store()).summary(Connection, full.jobName).value();
    QVERIFY(listedOnly);
    QVERIFY(!listedOnly->described);
    QVERIFY(listedOnly->failureReason.isEmpty());
    QVERIFY(JobSummaryCache(temp.store()).upsert(Connection, { full }).ok());

    QVERIFY(temp.reopen().ok());
    QCOMPARE(JobSummaryCache(temp.store()).summary(Connection, full.jobName)->value(), full);
}

void TestJobSummaryCache::summariesAreNewestFirstPerConnection()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    JobSummaryCache cache(temp.store());
    QVERIFY(cache.upsert(Connection, { described(1), described(3), described(2) }).ok());
    QVERIFY(cache.upsert(u"other|eu-west-1|"_s, { described(4) }).ok());

    QStringList names;
    for (const JobSummaryRecord &record : *cache.summaries(Connection))
        names << record.jobName;
    QCOMPARE(names, (QStringList { u"job-00003"_s, u"job-00002"_s, u"job-00001"_s }));

    const auto modified = *cache.lastModifiedTimes(Connection);
    QCOMPARE(modified.size(), 3);
    QCOMPARE(modified.value(u"job-00002"_s), described(2).lastModifiedTime);
    QVERIFY(!cache.summary(Connection, u"job-00004"_s)->has_value());
}

// Not a timed test: the figures go to the log for the closing note; the test checks the data.
void TestJobSummaryCache::tenThousandSummaries()
{
    constexpr int Count = 10'000;
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    QList<JobSummaryRecord> records;
    records.reserve(Count);
    for (int i = 0; i < Count; ++i)
        records.append(described(i));

    JobSummaryCache cache(temp.store());
    QElapsedTimer timer;
    timer.start();
    auto inserted = cache.upsert(Connection, records);
    const qint64 insertMs = timer.elapsed();
    QVERIFY2(inserted.ok(), qPrintable(inserted.error()));

    for (JobSummaryRecord &record : records)
        record.lastModifiedTime = record.lastModifiedTime.addSecs(1);
    timer.restart();
    auto updated = cache.upsert(Connection, records);
    const qint64 updateMs = timer.elapsed();
    QVERIFY2(updated.ok(), qPrintable(updated.error()));

    QVERIFY(temp.reopen().ok()); // the dashboard's start: open the file, then fill the table
    JobSummaryCache reopened(temp.store());
    timer.restart();
    auto read = reopened.summaries(Connection);
    const qint64 readMs = timer.elapsed();
    QVERIFY(read.ok());
    timer.restart();
    auto modified = reopened.lastModifiedTimes(Connection);
    const qint64 modifiedMs = timer.elapsed();
    QVERIFY(modified.ok());
    timer.restart();
    QVERIFY(temp.reopen().ok());
    const qint64 openMs = timer.elapsed();

    QCOMPARE(read->size(), Count);
    QCOMPARE(read->constFirst(), records.constLast()); // newest first
    QCOMPARE(read->constLast(), records.constFirst());
    QCOMPARE(modified->size(), Count);
    QCOMPARE(modified->value(u"job-04321"_s), records.at(4321).lastModifiedTime);

    qInfo("10,000 job summaries: insert %lld ms, update %lld ms, read back %lld ms, "
          "LastModifiedTime map %lld ms, reopen with integrity check %lld ms",
        insertMs, updateMs, readMs, modifiedMs, openMs);
}

QTEST_GUILESS_MAIN(TestJobSummaryCache)
#include "tst_jobsummarycache.moc"
