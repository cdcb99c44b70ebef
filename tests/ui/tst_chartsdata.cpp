// The data behind the dashboard's charts, without drawing: time axis ticks, phase bars from transitions and
// from observed changes, fleet rows, status counts per bucket, status and phase names.
#include "core/store/jobsummaryrecord.h"
#include "core/store/statuschange.h"
#include "core/store/statustransition.h"
#include "ui/charts/fleetbar.h"
#include "ui/charts/phasebar.h"
#include "ui/charts/statuscounts.h"
#include "ui/charts/statusnames.h"
#include "ui/charts/timeticks.h"

#include <QApplication>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QDateTime t0(QDate(2026, 3, 10), QTime(9, 0), Qt::UTC);

QDateTime at(int minutes)
{
    return t0.addSecs(minutes * 60);
}

JobSummaryRecord job(const QString &name, const QString &status, const QDateTime &created,
    const QDateTime &ended = {}, const QDateTime &modified = {})
{
    JobSummaryRecord record;
    record.jobName = name;
    record.status = status;
    record.creationTime = created;
    record.endTime = ended;
    record.lastModifiedTime = modified;
    return record;
}

} // namespace

class TestChartsData : public QObject
{
    Q_OBJECT

private slots:
    void ticksAreRoundAndFit_data();
    void ticksAreRoundAndFit();
    void ticksFollowLocalTime();
    void transitionsBecomeBarsInTimeOrder();
    void runningAndFinalPhasesWithoutEnd();
    void observedChangesBecomeBars();
    void observedChangesOfAnEndedJob();
    void fleetKeepsJobsOfTheWindowNewestFirst();
    void fleetEndsOfJobsWithoutEndTime();
    void statusCountsPerBucket_data();
    void statusCountsPerBucket();
    void statusCountsUseHistories();
    void statusCountsBucketSize_data();
    void statusCountsBucketSize();
    void statusNames_data();
    void statusNames();
    void statusOrder();
};

void TestChartsData::ticksAreRoundAndFit_data()
{
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("to");
    QTest::addColumn<int>("maxTicks");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<QDateTime>("first");
    QTest::addColumn<QDateTime>("last");
    QTest::addColumn<QString>("format");

    QTest::newRow("5h on 10 ticks: every hour")
        << at(3) << at(5 * 60 - 7) << 10 << qint64(3600) << at(0) << at(5 * 60) << u"HH:mm"_s;
    // Steps count from local midnight: two-hour ticks fall on even hours.
    QTest::newRow("5h on 4 ticks: every 2 hours")
        << at(3) << at(5 * 60 - 7) << 4 << qint64(7200) << at(-60) << at(5 * 60) << u"HH:mm"_s;
    QTest::newRow("40 min on 8 ticks: every 10 minutes")
        << at(2) << at(41) << 8 << qint64(600) << at(0) << at(50) << u"HH:mm"_s;
    QTest::newRow("90 s on 10 ticks: seconds") << at(0).addSecs(5) << at(0).addSecs(95) << 10 << qint64(15)
                                               << at(0) << at(0).addSecs(105) << u"HH:mm:ss"_s;
    QTest::newRow("two days by the hour names the day")
        << at(0) << at(36 * 60) << 10 << qint64(6 * 3600)
        << QDateTime(QDate(2026, 3, 10), QTime(6, 0), Qt::UTC)
        << QDateTime(QDate(2026, 3, 12), QTime(0, 0), Qt::UTC) << u"MMM d HH:mm"_s;
    QTest::newRow("7 days on 8 ticks: days")
        << at(0).addDays(-7) << at(0) << 9 << qint64(86400)
        << QDateTime(QDate(2026, 3, 3), QTime(0, 0), Qt::UTC)
        << QDateTime(QDate(2026, 3, 11), QTime(0, 0), Qt::UTC) << u"MMM d"_s;
    QTest::newRow("an empty range still has two ticks")
        << at(0) << at(0) << 10 << qint64(1) << at(0) << at(0).addSecs(1) << u"HH:mm:ss"_s;
}

void TestChartsData::ticksAreRoundAndFit()
{
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, to);
    QFETCH(int, maxTicks);
    const TimeTicks ticks = TimeTicks::choose(from, to, maxTicks);
    QTEST(ticks.stepSeconds, "step");
    QTEST(ticks.first.toUTC(), "first");
    QTEST(ticks.last.toUTC(), "last");
    QTEST(ticks.format, "format");
    QVERIFY(ticks.count <= maxTicks);
    QVERIFY(ticks.first <= from && ticks.last >= to);
    const QList<QDateTime> all = ticks.ticks();
    QCOMPARE(all.size(), ticks.count);
    QCOMPARE(all.last(), ticks.last);
}

void TestChartsData::ticksFollowLocalTime()
{
    // Half-hour zones put hourly ticks on the local hour, not the UTC one.
    const QByteArray saved = qgetenv("TZ");
    qputenv("TZ", "Asia/Kolkata");
    const TimeTicks ticks = TimeTicks::choose(at(0), at(4 * 60), 6);
    QCOMPARE(ticks.stepSeconds, 3600);
    QCOMPARE(ticks.first.toLocalTime().time(), QTime(14, 0)); // 09:00 UTC is 14:30 in Kolkata
    QCOMPARE(ticks.label(ticks.first), u"14:00"_s);
    qputenv("TZ", saved);
}

void TestChartsData::transitionsBecomeBarsInTimeOrder()
{
    const QList<StatusTransition> transitions {
        { u"Training"_s, at(10), at(70), u"Training image download completed. Training in progress."_s },
        { u"Starting"_s, at(0), at(4), u"Preparing the instances for training"_s },
        { u"Downloading"_s, at(4), QDateTime(), QString() }, // its end is the next start
        { u"Uploading"_s, at(70), at(72), QString() },
        { u"Completed"_s, at(72), at(72), u"Training job completed"_s },
        { u"Bogus"_s, QDateTime(), at(1), QString() }, // no start: left out
    };
    const QList<PhaseBar> bars = PhaseBar::fromTransitions(transitions, at(500));
    QStringList phases;
    for (const PhaseBar &bar : bars)
        phases << bar.phase;
    QCOMPARE(phases,
        QStringList({ u"Starting"_s, u"Downloading"_s, u"Training"_s, u"Uploading"_s, u"Completed"_s }));
    QCOMPARE(bars[1].end, at(10));
    QCOMPARE(bars[2].seconds(), 3600);
    QCOMPARE(bars[2].message, u"Training image download completed. Training in progress."_s);
    QCOMPARE(bars[4].seconds(), 0);
    for (const PhaseBar &bar : bars)
        QVERIFY(!bar.running);
}

void TestChartsData::runningAndFinalPhasesWithoutEnd()
{
    const QList<PhaseBar> running = PhaseBar::fromTransitions(
        { { u"Starting"_s, at(0), at(3), QString() }, { u"Training"_s, at(3), QDateTime(), QString() } },
        at(45));
    QVERIFY(running.last().running);
    QCOMPARE(running.last().end, at(45));

    const QList<PhaseBar> stopped
        = PhaseBar::fromTransitions({ { u"Training"_s, at(0), at(30), QString() },
                                        { u"MaxRuntimeExceeded"_s, at(30), QDateTime(), QString() } },
            at(45));
    QVERIFY(!stopped.last().running);
    QCOMPARE(stopped.last().end, at(30));
}

void TestChartsData::observedChangesBecomeBars()
{
    const QList<StatusChange> changes {
        { u"job"_s, u"InProgress"_s, u"Starting"_s, at(0) },
        { u"job"_s, u"InProgress"_s, u"Starting"_s, at(1) }, // a repeat continues the bar
        { u"job"_s, u"InProgress"_s, QString(), at(2) }, // no secondary status: not a phase
        { u"job"_s, u"InProgress"_s, u"Downloading"_s, at(5) },
        { u"job"_s, u"InProgress"_s, u"Training"_s, at(9) },
    };
    const QList<PhaseBar> bars = PhaseBar::fromChanges(changes, at(30));
    QCOMPARE(bars.size(), 3);
    QCOMPARE(bars[0].start, at(0));
    QCOMPARE(bars[0].end, at(5));
    QCOMPARE(bars[1].end, at(9));
    QVERIFY(bars[2].running);
    QCOMPARE(bars[2].end, at(30));
}

void TestChartsData::observedChangesOfAnEndedJob()
{
    // The job failed while the monitor saw "Training" last as secondary status: the bar must not grow to now.
    const QList<PhaseBar> bars = PhaseBar::fromChanges({ { u"job"_s, u"InProgress"_s, u"Training"_s, at(0) },
                                                           { u"job"_s, u"Failed"_s, u"Training"_s, at(20) } },
        at(300));
    QCOMPARE(bars.size(), 1);
    QVERIFY(!bars[0].running);
    QVERIFY(bars[0].end <= at(20));
}

void TestChartsData::fleetKeepsJobsOfTheWindowNewestFirst()
{
    const QDateTime now = at(0);
    const QList<FleetBar> bars = FleetBar::fromJobs(
        {
            job(u"old-ended"_s, u"Completed"_s, now.addDays(-10), now.addDays(-9)), // before the window
            job(u"old-long"_s, u"Completed"_s, now.addDays(-10), now.addDays(-6)), // reaches into it
            job(u"b-new"_s, u"InProgress"_s, now.addSecs(-600)),
            job(u"a-new"_s, u"Failed"_s, now.addSecs(-600), now.addSecs(-60)),
            job(u"future"_s, u"InProgress"_s, now.addSecs(600)), // clock skew: left out
            job(u"no-time"_s, u"InProgress"_s, QDateTime()),
        },
        now, 7);
    QStringList names;
    for (const FleetBar &bar : bars)
        names << bar.jobName;
    QCOMPARE(names, QStringList({ u"a-new"_s, u"b-new"_s, u"old-long"_s }));
    QVERIFY(bars[1].running);
    QCOMPARE(bars[1].end, now);
    QCOMPARE(bars[0].seconds(), 540);
}

void TestChartsData::fleetEndsOfJobsWithoutEndTime()
{
    const QDateTime now = at(0);
    const QList<FleetBar> bars = FleetBar::fromJobs(
        {
            job(u"stopped"_s, u"Stopped"_s, now.addSecs(-3600), QDateTime(), now.addSecs(-1800)),
            job(u"stopping"_s, u"Stopping"_s, now.addSecs(-7200)),
            job(u"bare"_s, u"Failed"_s, now.addSecs(-9000)),
        },
        now, 1);
    QCOMPARE(bars.size(), 3);
    QCOMPARE(bars[0].end, now.addSecs(-1800));
    QVERIFY(bars[1].running);
    QCOMPARE(bars[1].end, now);
    QCOMPARE(bars[2].seconds(), 0);
}

void TestChartsData::statusCountsPerBucket_data()
{
    QTest::addColumn<int>("bucket");
    QTest::addColumn<int>("inProgress");
    QTest::addColumn<int>("completed");
    QTest::addColumn<int>("failed");

    // Jobs (now = 12:30): a created 09:10 completed 10:20; b created 09:50 failed 11:05; c created 11:40
    // still running; d created 10:01 running. A job counts in its status at the end of each hour.
    QTest::newRow("09:00-10:00") << 0 << 2 << 0 << 0; // a, b
    QTest::newRow("10:00-11:00") << 1 << 2 << 1 << 0; // b, d running; a completed
    QTest::newRow("11:00-12:00") << 2 << 2 << 1 << 1; // c, d; a; b
    QTest::newRow("12:00-now") << 3 << 2 << 1 << 1;
}

void TestChartsData::statusCountsPerBucket()
{
    QFETCH(int, bucket);
    const QDateTime now = at(3 * 60 + 30);
    const StatusCounts counts = StatusCounts::compute(
        {
            job(u"a"_s, u"Completed"_s, at(10), at(80)),
            job(u"b"_s, u"Failed"_s, at(50), at(125)),
            job(u"c"_s, u"InProgress"_s, at(160)),
            job(u"d"_s, u"InProgress"_s, at(61)),
        },
        {}, now);
    QCOMPARE(counts.bucket, StatusCounts::Bucket::Hour);
    QCOMPARE(counts.size(), 4);
    QCOMPARE(counts.starts.first(), at(0));
    QCOMPARE(counts.statuses, QStringList({ u"InProgress"_s, u"Completed"_s, u"Failed"_s }));
    QTEST(counts.count(u"InProgress"_s, bucket), "inProgress");
    QTEST(counts.count(u"Completed"_s, bucket), "completed");
    QTEST(counts.count(u"Failed"_s, bucket), "failed");
    QCOMPARE(counts.bucketAt(at(65)), 1);
    QCOMPARE(counts.bucketAt(at(-1)), -1);
}

void TestChartsData::statusCountsUseHistories()
{
    // The monitor saw the job go to Stopping at 10:30 and Stopped at 11:10; the record knows only the end.
    const QHash<QString, QList<StatusChange>> histories { { u"s"_s,
        { { u"s"_s, u"InProgress"_s, u"Training"_s, at(5) }, { u"s"_s, u"Stopping"_s, u"Stopping"_s, at(90) },
            { u"s"_s, u"Stopped"_s, u"Stopped"_s, at(130) } } } };
    const StatusCounts counts
        = StatusCounts::compute({ job(u"s"_s, u"Stopped"_s, at(0), at(130)) }, histories, at(3 * 60));
    QCOMPARE(counts.statuses, QStringList({ u"InProgress"_s, u"Stopping"_s, u"Stopped"_s }));
    QCOMPARE(counts.count(u"InProgress"_s, 0), 1);
    QCOMPARE(counts.count(u"Stopping"_s, 1), 1);
    QCOMPARE(counts.count(u"Stopped"_s, 2), 1);
    for (qsizetype i = 0; i < counts.size(); ++i)
        QCOMPARE(counts.total(i), 1);
}

void TestChartsData::statusCountsBucketSize_data()
{
    QTest::addColumn<int>("ageHours");
    QTest::addColumn<bool>("hourly");
    QTest::addColumn<int>("buckets");

    QTest::newRow("2 hours") << 2 << true << 3;
    QTest::newRow("3 days") << 72 << true << 73;
    QTest::newRow("4 days") << 96 << false << 5;
    QTest::newRow("2 years: capped") << 2 * 365 * 24 << false << StatusCounts::maxDays + 1;
}

void TestChartsData::statusCountsBucketSize()
{
    QFETCH(int, ageHours);
    const QDateTime now = at(30);
    const StatusCounts counts
        = StatusCounts::compute({ job(u"j"_s, u"InProgress"_s, now.addSecs(-ageHours * 3600)) }, {}, now);
    QTEST(counts.bucket == StatusCounts::Bucket::Hour, "hourly");
    QTEST(int(counts.size()), "buckets");
    QVERIFY(counts.starts.last() <= now && counts.bucketEnd(counts.size() - 1) > now);
}

void TestChartsData::statusNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("display");
    QTest::newRow("known acronym") << u"LaunchingMLInstances"_s << u"Launching ML instances"_s;
    QTest::newRow("status") << u"InProgress"_s << u"In progress"_s;
    QTest::newRow("unknown camel case") << u"WarmPoolReusingInstances"_s << u"Warm pool reusing instances"_s;
    QTest::newRow("unknown acronym inside") << u"PreparingGPUStack"_s << u"Preparing GPU stack"_s;
    QTest::newRow("one word") << u"Training"_s << u"Training"_s;
}

void TestChartsData::statusNames()
{
    QFETCH(QString, name);
    QTEST(StatusNames::display(name), "display");
}

void TestChartsData::statusOrder()
{
    QCOMPARE(StatusNames::sorted(
                 { u"Zeta"_s, u"Failed"_s, u"Alpha"_s, u"InProgress"_s, u"Failed"_s, u"Completed"_s }),
        QStringList({ u"InProgress"_s, u"Completed"_s, u"Failed"_s, u"Alpha"_s, u"Zeta"_s }));
}

int main(int argc, char **argv)
{
    // Buckets and ticks are on local wall-clock time; the expectations are written in UTC.
    qputenv("TZ", "UTC");
    QApplication app(argc, argv);
    TestChartsData test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_chartsdata.moc"
