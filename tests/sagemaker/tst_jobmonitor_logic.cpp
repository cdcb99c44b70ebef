#include "core/sagemaker/jobhistoryrecorder.h"
#include "core/sagemaker/knownjobs.h"
#include "core/sagemaker/requestratemeter.h"
#include "core/store/jobsummaryrecord.h"
#include "tests/support/manualclock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// The monitor's pure logic, without a network or a store: reading list summaries and descriptions into
// records, the cache round trip, which fields a summary may not overwrite, change detection, the order and
// coverage estimate of the known jobs, the time a status change is recorded with, and the budget's use meter.
class TestJobMonitorLogic : public QObject
{
    Q_OBJECT

private slots:
    void recordFromSummary();
    void recordFromDescription();
    void heterogeneousClusterCountsAllGroups();
    void transitionsSkipEntriesWithoutStart();
    void cacheRoundTrip();
    void summaryKeepsDescribeOnlyFields_data();
    void summaryKeepsDescribeOnlyFields();
    void activeAndEnded_data();
    void activeAndEnded();
    void changeDetection_data();
    void changeDetection();
    void orderAndOldest();
    void activeAmongOlderCountsOnlyUncoveredActiveJobs();
    void endedWithoutDetails_data();
    void endedWithoutDetails();
    void changeTime_data();
    void changeTime();
    void rateMeterSlidesItsWindow();
};

namespace {

const QDateTime T(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

double epoch(const QDateTime &time)
{
    return double(time.toMSecsSinceEpoch()) / 1000.0;
}

QJsonObject summary(const QString &name, const QString &status, const QString &secondary,
    const QDateTime &created, const QDateTime &modified)
{
    return { { u"TrainingJobName"_s, name },
        { u"TrainingJobArn"_s, QString(u"arn:aws:sagemaker:us-east-1:1:training-job/"_s + name) },
        { u"TrainingJobStatus"_s, status }, { u"SecondaryStatus"_s, secondary },
        { u"CreationTime"_s, epoch(created) }, { u"LastModifiedTime"_s, epoch(modified) } };
}

TrainingJobRecord record(const QString &name, const QString &status, const QDateTime &created,
    const QString &secondary = {}, const QDateTime &modified = {})
{
    TrainingJobRecord r;
    r.name = name;
    r.status = status;
    r.secondaryStatus = secondary.isEmpty() ? status : secondary;
    r.creationTime = created;
    r.lastModifiedTime = modified.isValid() ? modified : created;
    return r;
}

} // namespace

void TestJobMonitorLogic::recordFromSummary()
{
    QJsonObject s = summary(u"job"_s, u"Completed"_s, u"Completed"_s, T, T.addSecs(600));
    s.insert(u"TrainingEndTime"_s, epoch(T.addSecs(600)));
    const TrainingJobRecord r = TrainingJobRecord::fromSummary(s);
    QCOMPARE(r.name, u"job"_s);
    QCOMPARE(r.arn, u"arn:aws:sagemaker:us-east-1:1:training-job/job"_s);
    QCOMPARE(r.status, u"Completed"_s);
    QCOMPARE(r.creationTime, T);
    QCOMPARE(r.trainingEndTime, T.addSecs(600));
    QCOMPARE(r.lastModifiedTime, T.addSecs(600));
    QVERIFY(!r.hasDetails);
    QVERIFY(r.instanceType.isEmpty());
    // The AWS CLI's ISO text reads the same as the API's epoch seconds.
    s.insert(u"CreationTime"_s, u"2026-03-02T09:00:00.000000+00:00"_s);
    QCOMPARE(TrainingJobRecord::fromSummary(s).creationTime, T);
}

void TestJobMonitorLogic::recordFromDescription()
{
    QJsonObject d = summary(u"job"_s, u"Failed"_s, u"Failed"_s, T, T.addSecs(300));
    d.insert(u"ResourceConfig"_s,
        QJsonObject { { u"InstanceType"_s, u"ml.p3.2xlarge"_s }, { u"InstanceCount"_s, 4 } });
    d.insert(u"TrainingStartTime"_s, epoch(T.addSecs(60)));
    d.insert(u"TrainingEndTime"_s, epoch(T.addSecs(300)));
    d.insert(u"BillableTimeInSeconds"_s, 240);
    d.insert(u"TrainingTimeInSeconds"_s, 240);
    d.insert(u"FailureReason"_s, u"AlgorithmError: boom"_s);
    const TrainingJobRecord r = TrainingJobRecord::fromDescription(d);
    QCOMPARE(r.instanceType, u"ml.p3.2xlarge"_s);
    QCOMPARE(r.instanceCount, 4);
    QCOMPARE(r.trainingStartTime, T.addSecs(60));
    QCOMPARE(r.billableSeconds, std::optional<qint64>(240));
    QCOMPARE(r.trainingSeconds, std::optional<qint64>(240));
    QCOMPARE(r.failureReason, u"AlgorithmError: boom"_s);
    QVERIFY(r.hasDetails);
    QVERIFY(!TrainingJobRecord::fromDescription(summary(u"x"_s, u"InProgress"_s, u"Starting"_s, T, T))
                 .billableSeconds);
}

void TestJobMonitorLogic::heterogeneousClusterCountsAllGroups()
{
    QJsonObject d = summary(u"job"_s, u"InProgress"_s, u"Training"_s, T, T);
    d.insert(u"ResourceConfig"_s,
        QJsonObject { { u"InstanceGroups"_s,
            QJsonArray { QJsonObject { { u"InstanceType"_s, u"ml.p4d.24xlarge"_s }, { u"InstanceCount"_s, 2 },
                             { u"InstanceGroupName"_s, u"gpu"_s } },
                QJsonObject { { u"InstanceType"_s, u"ml.c5.xlarge"_s }, { u"InstanceCount"_s, 3 },
                    { u"InstanceGroupName"_s, u"cpu"_s } } } } });
    const TrainingJobRecord r = TrainingJobRecord::fromDescription(d);
    QCOMPARE(r.instanceType, u"ml.p4d.24xlarge"_s);
    QCOMPARE(r.instanceCount, 5);
}

void TestJobMonitorLogic::transitionsSkipEntriesWithoutStart()
{
    const QJsonObject d { { u"SecondaryStatusTransitions"_s,
        QJsonArray { QJsonObject { { u"Status"_s, u"Starting"_s }, { u"StartTime"_s, epoch(T) },
                         { u"EndTime"_s, epoch(T.addSecs(30)) }, { u"StatusMessage"_s, u"Preparing"_s } },
            QJsonObject { { u"Status"_s, u"Downloading"_s } },
            QJsonObject { { u"Status"_s, u"Training"_s }, { u"StartTime"_s, epoch(T.addSecs(30)) } } } } };
    const QList<StatusTransition> transitions = TrainingJobRecord::transitions(d);
    QCOMPARE(transitions.size(), 2);
    QCOMPARE(transitions[0], (StatusTransition { u"Starting"_s, T, T.addSecs(30), u"Preparing"_s }));
    QCOMPARE(transitions[1], (StatusTransition { u"Training"_s, T.addSecs(30), {}, {} }));
}

void TestJobMonitorLogic::cacheRoundTrip()
{
    // Everything the table and the detail pane show of a described job comes back after a restart.
    TrainingJobRecord r = record(u"job"_s, u"Failed"_s, T, u"Failed"_s, T.addSecs(600));
    r.arn = u"arn:aws:sagemaker:us-east-1:1:training-job/job"_s;
    r.instanceType = u"ml.m5.xlarge"_s;
    r.instanceCount = 2;
    r.trainingStartTime = T.addSecs(100);
    r.trainingEndTime = T.addSecs(600);
    r.billableSeconds = 500;
    r.trainingSeconds = 510;
    r.failureReason = u"AlgorithmError: boom"_s;
    r.hasDetails = true;
    QCOMPARE(TrainingJobRecord::fromCache(r.toCache()), r);
    // A list summary: nothing only a describe gives, and the cache says so.
    const TrainingJobRecord listed = TrainingJobRecord::fromSummary(
        summary(u"listed"_s, u"Completed"_s, u"Completed"_s, T, T.addSecs(60)));
    QVERIFY(!listed.toCache().described);
    QCOMPARE(TrainingJobRecord::fromCache(listed.toCache()), listed);
}

void TestJobMonitorLogic::summaryKeepsDescribeOnlyFields_data()
{
    QTest::addColumn<QString>("newStatus");
    QTest::addColumn<bool>("keepsBillableAndReason");
    QTest::newRow("same status: everything kept") << u"Failed"_s << true;
    QTest::newRow("new status: billable time and reason are stale") << u"Stopped"_s << false;
}

void TestJobMonitorLogic::summaryKeepsDescribeOnlyFields()
{
    QFETCH(QString, newStatus);
    QFETCH(bool, keepsBillableAndReason);
    KnownJobs known;
    TrainingJobRecord described = record(u"job"_s, u"Failed"_s, T);
    described.instanceType = u"ml.g5.2xlarge"_s;
    described.instanceCount = 2;
    described.trainingStartTime = T.addSecs(60);
    described.billableSeconds = 100;
    described.failureReason = u"boom"_s;
    described.hasDetails = true;
    QCOMPARE(known.applyDescription(described), KnownJobs::Change::New);
    known.applySummary(record(u"job"_s, newStatus, T));
    const TrainingJobRecord *r = known.find(u"job"_s);
    QCOMPARE(r->status, newStatus);
    QCOMPARE(r->instanceType, u"ml.g5.2xlarge"_s);
    QCOMPARE(r->instanceCount, 2);
    QCOMPARE(r->trainingStartTime, T.addSecs(60));
    QVERIFY(r->hasDetails);
    QCOMPARE(r->billableSeconds.has_value(), keepsBillableAndReason);
    QCOMPARE(r->failureReason.isEmpty(), !keepsBillableAndReason);
}

void TestJobMonitorLogic::activeAndEnded_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("active");
    QTest::addColumn<bool>("ended");
    QTest::newRow("InProgress") << u"InProgress"_s << true << false;
    QTest::newRow("Stopping") << u"Stopping"_s << true << false;
    QTest::newRow("Completed") << u"Completed"_s << false << true;
    QTest::newRow("Failed") << u"Failed"_s << false << true;
    QTest::newRow("Stopped") << u"Stopped"_s << false << true;
    QTest::newRow("unknown yet") << QString() << false << false;
}

void TestJobMonitorLogic::activeAndEnded()
{
    QFETCH(QString, status);
    QFETCH(bool, active);
    QFETCH(bool, ended);
    TrainingJobRecord r;
    r.status = status;
    QCOMPARE(r.isActive(), active);
    QCOMPARE(r.isEnded(), ended);
}

void TestJobMonitorLogic::changeDetection_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("secondary");
    QTest::addColumn<int>("modifiedSeconds");
    QTest::addColumn<int>("expected");
    QTest::newRow("the same") << u"InProgress"_s << u"Training"_s << 60 << int(KnownJobs::Change::None);
    QTest::newRow("secondary status")
        << u"InProgress"_s << u"Uploading"_s << 60 << int(KnownJobs::Change::Changed);
    QTest::newRow("status") << u"Stopping"_s << u"Training"_s << 60 << int(KnownJobs::Change::Changed);
    QTest::newRow("LastModifiedTime only")
        << u"InProgress"_s << u"Training"_s << 61 << int(KnownJobs::Change::Changed);
}

void TestJobMonitorLogic::changeDetection()
{
    QFETCH(QString, status);
    QFETCH(QString, secondary);
    QFETCH(int, modifiedSeconds);
    QFETCH(int, expected);
    KnownJobs known;
    QCOMPARE(known.applySummary(record(u"job"_s, u"InProgress"_s, T, u"Training"_s, T.addSecs(60))),
        KnownJobs::Change::New);
    QCOMPARE(int(known.applySummary(record(u"job"_s, status, T, secondary, T.addSecs(modifiedSeconds)))),
        expected);
    QCOMPARE(known.activeCount(), 1);
}

void TestJobMonitorLogic::orderAndOldest()
{
    KnownJobs known;
    QVERIFY(!known.oldestCreationTime().isValid());
    known.load(
        { record(u"b"_s, u"Completed"_s, T.addSecs(10)), record(u"a"_s, u"InProgress"_s, T.addSecs(30)) });
    known.applySummary(record(u"c"_s, u"InProgress"_s, T.addSecs(20)));
    known.applySummary(record(u"d"_s, u"Completed"_s, T));
    // Same millisecond: by name, descending, as the service's descending order.
    known.applySummary(record(u"e"_s, u"Completed"_s, T.addSecs(10)));
    QStringList names;
    for (const TrainingJobRecord &r : known.records())
        names.append(r.name);
    QCOMPARE(names, (QStringList { u"a"_s, u"c"_s, u"e"_s, u"b"_s, u"d"_s }));
    QCOMPARE(known.activeJobs(), (QStringList { u"a"_s, u"c"_s }));
    QCOMPARE(known.oldestCreationTime(), T);
    // A job that ends leaves the active set.
    known.applySummary(record(u"a"_s, u"Completed"_s, T.addSecs(30)));
    QCOMPARE(known.activeJobs(), QStringList { u"c"_s });
    known.load({});
    QVERIFY(known.isEmpty());
    QCOMPARE(known.activeCount(), 0);
}

void TestJobMonitorLogic::activeAmongOlderCountsOnlyUncoveredActiveJobs()
{
    KnownJobs known;
    // job-9 is the newest; job-6, job-4 and job-1 run.
    for (int i = 0; i < 10; ++i) {
        const bool running = i == 6 || i == 4 || i == 1;
        known.applySummary(
            record(u"job-%1"_s.arg(i), running ? u"InProgress"_s : u"Completed"_s, T.addSecs(i)));
    }
    const TrainingJobRecord after = *known.find(u"job-7"_s);
    QCOMPARE(known.activeAmongOlder(after, 3, {}), 2); // job-6, job-5, job-4
    QCOMPARE(known.activeAmongOlder(after, 10, {}), 3); // down to job-0
    QCOMPARE(known.activeAmongOlder(after, 10, { u"job-4"_s }), 2); // job-4 was on a page already
    QCOMPARE(known.activeAmongOlder(*known.find(u"job-1"_s), 10, {}), 0);
}

void TestJobMonitorLogic::endedWithoutDetails_data()
{
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<int>("count");
    QTest::addColumn<QStringList>("skip");
    QTest::addColumn<QStringList>("expected");
    const QStringList all { u"listed-a"_s, u"running"_s, u"described"_s, u"unknown"_s, u"listed-b"_s,
        u"listed-c"_s };
    QTest::newRow("ended list summaries only, in the given order")
        << all << 5 << QStringList() << QStringList { u"listed-a"_s, u"listed-b"_s, u"listed-c"_s };
    QTest::newRow("at most count") << all << 2 << QStringList()
                                   << QStringList { u"listed-a"_s, u"listed-b"_s };
    QTest::newRow("none for count 0") << all << 0 << QStringList() << QStringList();
    QTest::newRow("skipped names left out")
        << all << 5 << QStringList { u"listed-b"_s } << QStringList { u"listed-a"_s, u"listed-c"_s };
    QTest::newRow("a name given twice counts once") << QStringList { u"listed-c"_s, u"listed-c"_s,
        u"listed-a"_s } << 5 << QStringList() << QStringList { u"listed-c"_s, u"listed-a"_s };
}

void TestJobMonitorLogic::endedWithoutDetails()
{
    QFETCH(QStringList, names);
    QFETCH(int, count);
    QFETCH(QStringList, skip);
    QFETCH(QStringList, expected);
    KnownJobs known;
    known.applySummary(record(u"listed-a"_s, u"Completed"_s, T.addSecs(5)));
    known.applySummary(record(u"running"_s, u"InProgress"_s, T.addSecs(4)));
    TrainingJobRecord described = record(u"described"_s, u"Failed"_s, T.addSecs(3));
    described.hasDetails = true;
    known.applyDescription(described);
    // A later list summary of a described job keeps it described.
    known.applySummary(record(u"described"_s, u"Failed"_s, T.addSecs(3)));
    known.applySummary(record(u"listed-b"_s, u"Stopped"_s, T.addSecs(2)));
    known.applySummary(record(u"listed-c"_s, u"Failed"_s, T.addSecs(1)));
    QCOMPARE(known.endedWithoutDetails(names, count, QSet<QString>(skip.cbegin(), skip.cend())), expected);
}

void TestJobMonitorLogic::changeTime_data()
{
    QTest::addColumn<QString>("secondary");
    QTest::addColumn<QDateTime>("modified");
    QTest::addColumn<QDateTime>("expected");
    // now is T + 100 s; the transitions end with Training from T + 40 s.
    QTest::newRow("the matching transition's start") << u"Training"_s << T.addSecs(50) << T.addSecs(40);
    QTest::newRow("LastModifiedTime when the last transition is another phase")
        << u"Uploading"_s << T.addSecs(90) << T.addSecs(90);
    QTest::newRow("now when LastModifiedTime is unknown") << u"Uploading"_s << QDateTime() << T.addSecs(100);
    QTest::newRow("never later than now") << u"Uploading"_s << T.addSecs(200) << T.addSecs(100);
}

void TestJobMonitorLogic::changeTime()
{
    QFETCH(QString, secondary);
    QFETCH(QDateTime, modified);
    QFETCH(QDateTime, expected);
    TrainingJobRecord r = record(u"job"_s, u"InProgress"_s, T, secondary);
    r.lastModifiedTime = modified;
    const QList<StatusTransition> transitions { { u"Starting"_s, T, T.addSecs(40), {} },
        { u"Training"_s, T.addSecs(40), {}, {} } };
    QCOMPARE(JobHistoryRecorder::changeTime(r, transitions, T.addSecs(100)), expected);
}

void TestJobMonitorLogic::rateMeterSlidesItsWindow()
{
    ManualClock clock(T);
    RequestRateMeter meter(&clock, 10s);
    QCOMPARE(meter.perSecond(), 0.0);
    meter.record(5);
    clock.advance(4s);
    meter.record(3);
    QCOMPARE(meter.perSecond(), 0.8);
    clock.advance(6s); // the first five are 10 s old: out of the window
    QCOMPARE(meter.perSecond(), 0.3);
    clock.advance(4s);
    QCOMPARE(meter.perSecond(), 0.0);
}

QTEST_GUILESS_MAIN(TestJobMonitorLogic)
#include "tst_jobmonitor_logic.moc"
