#include "core/store/jobhistorystore.h"
#include "core/store/jobsummarycache.h"
#include "tests/sagemaker/monitorharness.h"

#include <numeric>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// Proves the JobMonitor against the SageMaker simulation, on a clock the test moves: the history a job's
// lifecycle leaves in the store, the table and its batches, the requests a round costs at 10,000 jobs, the
// request budget under throttling, the watch list across a restart, failures and MaxRuntimeExceeded,
// transitions of a job watched only part of the time, an old running job seen through describes, expired
// credentials, failed rounds, stopping a job; the table after a restart as it was before, and the ended jobs
// in the dashboard's view described once each, with the budget left over.
class TestJobMonitor : public QObject
{
    Q_OBJECT

private slots:
    void historyThroughALifecycle();
    void tableAndBatchesAfterRounds();
    void requestsPerRoundAtTenThousandJobs_data();
    void requestsPerRoundAtTenThousandJobs();
    void budgetNeverExceeded_data();
    void budgetNeverExceeded();
    void restartReattachesTheWatchList();
    void restartShowsTheSameTable();
    void visibleEndedJobsAreDescribedOnce();
    void failureReasonAndMaxRuntimeExceeded();
    void watchedJobFirstSeenEndedIsReported();
    void transitionsOfAJobWatchedPartOfTheTime();
    void oldRunningJobIsSeenThroughDescribes();
    void expiredCredentialsKeepTheWatch();
    void failedRoundBacksOffAndKeepsGoing();
    void stopJobGoesThroughStopping();
};

namespace {

const QDateTime T = MonitorHarness::startTime();

SimTrainingJob::Script job(const QString &name, const QDateTime &created, std::chrono::seconds starting,
    std::chrono::seconds downloading, std::chrono::seconds training, std::chrono::seconds uploading,
    SimTrainingJob::Outcome outcome = SimTrainingJob::Outcome::Completed)
{
    SimTrainingJob::Script s;
    s.name = name;
    s.creationTime = created;
    s.phases = SimTrainingJob::standardPhases(starting, downloading, training, uploading);
    s.outcome = outcome;
    s.instanceType = u"ml.g5.2xlarge"_s;
    s.instanceCount = 2;
    return s;
}

// Completed jobs created one minute apart, the newest at newest.
void addCompleted(SageMakerSim &sim, const QString &prefix, int count, const QDateTime &newest)
{
    for (int i = 0; i < count; ++i)
        sim.addJob(job(
            u"%1-%2"_s.arg(prefix).arg(i, 4, 10, QChar(u'0')), newest.addSecs(-60 * i), 10s, 10s, 10s, 10s));
}

QStringList phases(const QList<StatusChange> &history)
{
    QStringList result;
    for (const StatusChange &change : history)
        result.append(
            change.status + u'/' + change.secondaryStatus + u'@' + QString::number(T.secsTo(change.time)));
    return result;
}

QStringList phases(const QList<StatusTransition> &transitions)
{
    QStringList result;
    for (const StatusTransition &t : transitions) {
        result.append(t.status + u'@' + QString::number(T.secsTo(t.startTime)) + u'-'
            + (t.endTime.isValid() ? QString::number(T.secsTo(t.endTime)) : QString()));
    }
    return result;
}

// The jobs DescribeTrainingJob was asked for, in order.
QStringList describedNames(const QList<FixtureRequest> &requests)
{
    QStringList names;
    for (const FixtureRequest &request : requests) {
        if (request.operation() == u"DescribeTrainingJob"_s)
            names.append(request.json().value(u"TrainingJobName"_s).toString());
    }
    return names;
}

int networkRounds(const QList<JobMonitorRound> &rounds)
{
    return int(
        std::count_if(rounds.cbegin(), rounds.cend(), [](const JobMonitorRound &r) { return !r.fromCache; }));
}

} // namespace

void TestJobMonitor::historyThroughALifecycle()
{
    MonitorHarness h;
    h.sim.addJob(job(u"life"_s, T, 30s, 60s, 120s, 30s));
    h.monitor().start();
    QVERIFY(h.drive([&] {
        const auto record = h.monitor().job(u"life"_s);
        return record && record->status == u"Completed"_s && !h.monitor().isRoundRunning();
    }));

    JobHistoryStore history(h.store());
    // Each change at the time it happened (the list's LastModifiedTime), not when a poll noticed it.
    QCOMPARE(phases(history.history(MonitorHarness::connection(), u"life"_s).value()),
        (QStringList { u"InProgress/Starting@0"_s, u"InProgress/Downloading@30"_s,
            u"InProgress/Training@90"_s, u"InProgress/Uploading@210"_s, u"Completed/Completed@240"_s }));
    const QList<StatusTransition> transitions
        = history.transitions(MonitorHarness::connection(), u"life"_s).value();
    QCOMPARE(phases(transitions),
        (QStringList { u"Starting@0-30"_s, u"Downloading@30-90"_s, u"Training@90-210"_s,
            u"Uploading@210-240"_s, u"Completed@240-240"_s }));
    QCOMPARE(transitions.first().statusMessage, u"Preparing the instances for training"_s);

    const TrainingJobRecord record = *h.monitor().job(u"life"_s);
    QCOMPARE(record.instanceType, u"ml.g5.2xlarge"_s);
    QCOMPARE(record.instanceCount, 2);
    QCOMPARE(record.trainingStartTime, T.addSecs(30));
    QCOMPARE(record.trainingEndTime, T.addSecs(240));
    QCOMPARE(record.billableSeconds, std::optional<qint64>(210));
    const auto cached = JobSummaryCache(h.store()).summary(MonitorHarness::connection(), u"life"_s).value();
    QVERIFY(cached);
    QCOMPARE(cached->status, u"Completed"_s);
    QCOMPARE(cached->instanceType, u"ml.g5.2xlarge"_s);
    QCOMPARE(cached->billableSeconds, std::optional<qint64>(210));
    QVERIFY2(h.storeErrors.isEmpty(), qPrintable(h.storeErrors.join(u'\n')));
}

void TestJobMonitor::tableAndBatchesAfterRounds()
{
    MonitorHarness h;
    addCompleted(h.sim, u"done"_s, 3, T.addSecs(-3600));
    h.sim.addJob(job(u"run-1"_s, T.addSecs(-600), 60s, 60s, 3600s, 60s));
    h.sim.addJob(job(u"run-2"_s, T.addSecs(-300), 60s, 60s, 3600s, 60s));
    h.monitor().start();
    QVERIFY(h.driveRounds(1));
    QVERIFY(h.rounds.first().error.isNull());

    // The first batch is the whole table; running jobs are described for their details, ended ones are
    // not (a list summary is all the table needs of them).
    JobMonitorRound first = h.rounds.first();
    QCOMPARE(first.number, 1);
    QCOMPARE(first.changed.size(), 5);
    QCOMPARE(first.listRequests, 1);
    QCOMPARE(first.describeRequests, 2);
    QVERIFY(first.complete);
    QCOMPARE(first.activeJobs, 2);
    QStringList names;
    for (const TrainingJobRecord &r : h.monitor().jobs())
        names.append(r.name + u' ' + r.secondaryStatus + u' ' + r.instanceType);
    QCOMPARE(names,
        (QStringList { u"run-2 Training ml.g5.2xlarge"_s, u"run-1 Training ml.g5.2xlarge"_s,
            u"done-0000 Completed "_s, u"done-0001 Completed "_s, u"done-0002 Completed "_s }));

    // Jobs created between rounds are the next batch; the running one is described at once for its details,
    // the one that ended already is not (the table needs no more than its summary).
    h.clock.advance(1s);
    h.sim.addJob(job(u"new-1"_s, {}, 60s, 60s, 3600s, 60s));
    h.sim.addJob(job(u"new-done"_s, {}, 1s, 1s, 1s, 1s));
    QVERIFY(h.driveRounds(1));
    const JobMonitorRound second = h.rounds.last();
    QCOMPARE(second.changed.size(), 2);
    QCOMPARE(second.changed.first().name, u"new-done"_s);
    QCOMPARE(second.changed.first().status, u"Completed"_s);
    QCOMPARE(second.changed.last().name, u"new-1"_s);
    QCOMPARE(second.changed.last().instanceType, u"ml.g5.2xlarge"_s);
    QCOMPARE(second.listRequests, 1);
    QCOMPARE(second.describeRequests, 1);

    QVERIFY(h.driveRounds(1));
    QCOMPARE(h.rounds.last().changed.size(), 0);
    QCOMPARE(h.rounds.last().requests(), 1);

    // Rounds never overlap: each starts a poll interval after the previous one ended.
    for (qsizetype i = 1; i < h.rounds.size(); ++i)
        QCOMPARE(h.rounds[i - 1].finishedAt.msecsTo(h.rounds[i].startedAt), 10000);
    // The rounds' own counts are what the service saw.
    int attempts = 0;
    for (const JobMonitorRound &round : std::as_const(h.rounds))
        attempts += round.attempts;
    QCOMPARE(qsizetype(attempts), h.sim.requestCount());
}

void TestJobMonitor::requestsPerRoundAtTenThousandJobs_data()
{
    QTest::addColumn<int>("runningSpanHours");
    QTest::addColumn<bool>("describesRunningJobs");
    QTest::newRow("running jobs from the last 2 days: on the first pages") << 48 << false;
    QTest::newRow("running jobs from 90 days: described, not listed") << 24 * 90 << true;
}

void TestJobMonitor::requestsPerRoundAtTenThousandJobs()
{
    QFETCH(int, runningSpanHours);
    QFETCH(bool, describesRunningJobs);
    MonitorHarness h;
    h.sim.populate(
        { .total = 10000, .inProgress = 50, .inProgressSpan = std::chrono::hours(runningSpanHours) });
    h.monitor().start();
    QVERIFY(h.drive([&] { return !h.rounds.isEmpty() && h.rounds.last().complete; }));
    const qsizetype fillRequests = h.sim.requestCount();
    const int fillRounds = networkRounds(h.rounds);
    QCOMPARE(h.monitor().jobs().size(), 10000);
    QCOMPARE(h.rounds.last().activeJobs, 50);
    // The first fill: 100 pages, every running job described once, and little more.
    QVERIFY2(fillRequests <= 100 + 50 + 3 * fillRounds, qPrintable(QString::number(fillRequests)));

    QVERIFY(h.driveRounds(5));
    for (qsizetype i = h.rounds.size() - 5; i < h.rounds.size(); ++i) {
        const JobMonitorRound &round = h.rounds.at(i);
        qInfo("steady round %d: %d list page(s) + %d describes, %d changed jobs, %d running", round.number,
            round.listRequests, round.describeRequests, int(round.changed.size()), round.activeJobs);
        QVERIFY(round.error.isNull());
        // Target: no more than the running jobs plus the changed list pages. A page beyond the first is
        // listed only when it shows at least two running jobs, so it costs less than their describes.
        QVERIFY(round.listRequests >= 1);
        QVERIFY(round.requests() <= round.activeJobs + 1);
        QCOMPARE(round.describeRequests > 10, describesRunningJobs);
        QCOMPARE(round.attempts, round.requests());
    }
    qInfo("first fill: %d requests in %d rounds", int(fillRequests), fillRounds);
}

void TestJobMonitor::budgetNeverExceeded_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<bool>("recovers");
    QTest::addColumn<int>("visibleRows"); // the dashboard shows the newest jobs from 20 s on
    QTest::newRow("no throttling") << u"none"_s << true << 0;
    QTest::newRow("throttling for 5 s") << u"window"_s << true << 0;
    QTest::newRow("next 6 requests throttled") << u"next"_s << true << 0;
    QTest::newRow("service limit below the budget") << u"limit"_s << false << 0;
    QTest::newRow("ended jobs in view, no throttling") << u"none"_s << true << 30;
    QTest::newRow("ended jobs in view, throttling for 5 s") << u"window"_s << true << 30;
}

void TestJobMonitor::budgetNeverExceeded()
{
    QFETCH(QString, fault);
    QFETCH(bool, recovers);
    QFETCH(int, visibleRows);
    MonitorHarness h;
    h.sim.populate({ .total = 10000, .inProgress = 50 });
    QList<double> rates;
    QList<bool> throttled;
    QObject::connect(
        &h.monitor(), &JobMonitor::budgetChanged, &h.monitor(), [&](const RequestBudgetState &state) {
            if (rates.isEmpty() || rates.last() != state.rate)
                rates.append(state.rate);
        });
    QObject::connect(
        &h.monitor(), &JobMonitor::throttledChanged, &h.monitor(), [&](bool t) { throttled.append(t); });
    h.monitor().start();
    QVERIFY(h.driveFor(20s)); // into the first fill
    QStringList visible;
    for (const TrainingJobRecord &record : h.monitor().jobs().mid(0, visibleRows))
        visible.append(record.name);
    h.monitor().setVisibleJobs(visible);
    if (fault == u"window"_s)
        h.sim.throttleFor(5s);
    else if (fault == u"next"_s)
        h.sim.throttleNext(6);
    else if (fault == u"limit"_s)
        h.sim.setRateLimit(1.5, 1.0);
    QVERIFY(h.drive([&] { return !h.rounds.isEmpty() && h.rounds.last().complete; }));
    QVERIFY(h.driveRounds(3));
    if (recovers)
        QVERIFY(h.drive([&] { return !h.budget().isThrottled(); }));
    const auto visibleHaveDetails = [&] {
        return std::all_of(visible.cbegin(), visible.cend(),
            [&](const QString &name) { return h.monitor().job(name)->hasDetails; });
    };
    if (recovers)
        QVERIFY(h.drive([&] { return visibleHaveDetails() && !h.monitor().isRoundRunning(); }));
    const int visibleDescribes = std::accumulate(h.rounds.cbegin(), h.rounds.cend(), 0,
        [](int sum, const JobMonitorRound &round) { return sum + round.visibleDescribes; });
    QCOMPARE(visibleDescribes > 0, visibleRows > 0 && recovers);

    // Never more than the configured 2 requests in any second, throttled attempts and retries included.
    const QList<FixtureRequest> requests = h.server.requests();
    QCOMPARE(qsizetype(h.budget().issued()), requests.size());
    QVERIFY2(MonitorHarness::busiestWindow(requests, 1000) <= 2,
        qPrintable(QString::number(MonitorHarness::busiestWindow(requests, 1000))));
    QVERIFY(MonitorHarness::busiestWindow(requests, 10000) <= 20);
    QCOMPARE(h.monitor().budgetState().configuredRate, 2.0);
    if (fault == u"none"_s) {
        QCOMPARE(h.sim.throttledCount(), 0);
        QVERIFY(throttled.isEmpty());
        return;
    }
    QVERIFY(h.sim.throttledCount() > 0);
    // Slowed down multiplicatively, then (once the service lets it) back up step by step.
    QCOMPARE(throttled.first(), true);
    QVERIFY2(
        *std::min_element(rates.cbegin(), rates.cend()) <= 1.0, qPrintable(QString::number(rates.size())));
    if (recovers) {
        QCOMPARE(throttled.last(), false);
        QCOMPARE(h.monitor().budgetState().rate, 2.0);
        QVERIFY(!h.monitor().budgetState().throttled);
        const auto lowest = std::min_element(rates.cbegin(), rates.cend());
        QVERIFY(std::is_sorted(lowest, rates.cend()));
    }
}

void TestJobMonitor::restartReattachesTheWatchList()
{
    MonitorHarness h;
    h.sim.addJob(job(u"watched-job"_s, T.addSecs(-7200), 60s, 60s, 7200s + 120s, 60s));
    addCompleted(h.sim, u"newer"_s, 120, T.addSecs(-60)); // the watched job is not on the first page
    h.monitor().start();
    QVERIFY(h.driveRounds(1));
    h.monitor().watch(u"watched-job"_s);
    QVERIFY(h.driveRounds(2));
    QCOMPARE(h.monitor().job(u"watched-job"_s)->status, u"InProgress"_s);
    QVERIFY(h.endings.isEmpty());

    // The program ends; the job completes while it is closed.
    h.restart();
    h.clock.advance(10min);
    const qsizetype requestsBefore = h.sim.requestCount();
    h.monitor().start();
    // The cached table comes first, before any request.
    QCOMPARE(h.rounds.size(), 1);
    QVERIFY(h.rounds.first().fromCache);
    QCOMPARE(h.rounds.first().changed.size(), 121);
    QCOMPARE(h.sim.requestCount(), requestsBefore);
    QCOMPARE(h.monitor().watchedJobs(), QStringList { u"watched-job"_s });
    QCOMPARE(h.monitor().job(u"watched-job"_s)->status, u"InProgress"_s);

    QVERIFY(h.driveRounds(1));
    QCOMPARE(h.endings, QStringList { u"watched-job Completed "_s });
    const JobMonitorRound round = h.rounds.last();
    QCOMPARE(round.changed.size(), 1);
    QCOMPARE(round.changed.first().status, u"Completed"_s);
    // One page for news, one below the cache's oldest job, one describe for the watched job.
    QCOMPARE(round.listRequests, 2);
    QCOMPARE(round.describeRequests, 1);
    // History and transitions span both sessions, and the time in between.
    const auto history
        = JobHistoryStore(h.store()).history(MonitorHarness::connection(), u"watched-job"_s).value();
    QCOMPARE(history.last().status, u"Completed"_s);
    QCOMPARE(history.last().time, T.addSecs(-7200 + 60 + 60 + 7320 + 60));
    const auto transitions
        = JobHistoryStore(h.store()).transitions(MonitorHarness::connection(), u"watched-job"_s).value();
    QCOMPARE(transitions.size(), 5);
    // Watching goes on: the job stays watched, and does not end twice.
    QVERIFY(h.driveRounds(2));
    QCOMPARE(h.endings.size(), 1);
    QVERIFY(h.monitor().isWatched(u"watched-job"_s));
}

void TestJobMonitor::restartShowsTheSameTable()
{
    MonitorHarness h;
    // Ended before the monitor started: only ever seen on a list page.
    addCompleted(h.sim, u"old"_s, 3, T.addSecs(-3600));
    SimTrainingJob::Script fails = job(u"fails"_s, T, 30s, 30s, 60s, 30s, SimTrainingJob::Outcome::Failed);
    fails.failureReason = u"AlgorithmError: ExecuteUserScriptError: ExitCode 1"_s;
    h.sim.addJob(fails);
    h.sim.addJob(job(u"completes"_s, T.addSecs(-10), 30s, 30s, 60s, 30s));
    h.sim.addJob(job(u"runs"_s, T.addSecs(-20), 30s, 30s, 3600s, 30s));
    h.monitor().start();
    // Seen running, then seen ended on a list page: the describe that follows brings the details.
    const auto ended = [&](const QString &name) {
        const auto record = h.monitor().job(name);
        return record && record->isEnded();
    };
    QVERIFY(
        h.drive([&] { return ended(u"fails"_s) && ended(u"completes"_s) && !h.monitor().isRoundRunning(); }));
    const QList<TrainingJobRecord> before = h.monitor().jobs();
    QCOMPARE(before.size(), 6);

    h.monitor().stop();
    h.restart();
    const qsizetype requestsBefore = h.server.requests().size();
    h.monitor().start();
    QCOMPARE(h.rounds.size(), 1);
    const JobMonitorRound cached = h.rounds.first();
    QVERIFY(cached.fromCache);
    QCOMPARE(h.server.requests().size(), requestsBefore);
    QCOMPARE(cached.changed, before);
    const auto failed = std::find_if(cached.changed.cbegin(), cached.changed.cend(),
        [](const TrainingJobRecord &r) { return r.name == u"fails"_s; });
    QVERIFY(failed != cached.changed.cend());
    QCOMPARE(failed->status, u"Failed"_s);
    QCOMPARE(failed->failureReason, fails.failureReason);
    QCOMPARE(failed->arn, u"arn:aws:sagemaker:us-east-1:123456789012:training-job/fails"_s);
    QCOMPARE(failed->trainingStartTime, T.addSecs(30));
    QCOMPARE(failed->trainingEndTime, T.addSecs(150));
    QCOMPARE(failed->billableSeconds, std::optional<qint64>(120));
    QCOMPARE(failed->instanceType, u"ml.g5.2xlarge"_s);
    QCOMPARE(failed->instanceCount, 2);
    QVERIFY(failed->hasDetails);
    // What only a list page showed comes back as that, and a described job is not described again.
    QVERIFY(!h.monitor().job(u"old-0000"_s)->hasDetails);
    QVERIFY(h.monitor().job(u"runs"_s)->hasDetails);
    QVERIFY(h.driveRounds(2));
    QCOMPARE(describedNames(h.server.requests().mid(requestsBefore)), QStringList());
    QCOMPARE(h.monitor().job(u"fails"_s)->failureReason, fails.failureReason);
    QVERIFY2(h.storeErrors.isEmpty(), qPrintable(h.storeErrors.join(u'\n')));
}

void TestJobMonitor::visibleEndedJobsAreDescribedOnce()
{
    MonitorHarness h;
    // Two list pages of ended jobs and a running one: the monitor describes none of the ended ones itself.
    addCompleted(h.sim, u"done"_s, 150, T.addSecs(-600));
    h.sim.addJob(job(u"run"_s, T.addSecs(-300), 60s, 60s, 36000s, 60s)); // training throughout
    h.monitor().start();
    QVERIFY(h.drive([&] { return !h.rounds.isEmpty() && h.rounds.last().complete; }));
    QVERIFY(h.driveRounds(2));
    const JobMonitorRound steady = h.rounds.last();
    QCOMPARE(steady.visibleDescribes, 0);
    QCOMPARE(describedNames(h.server.requests()), QStringList { u"run"_s });

    // A screenful from the middle of the table, with the running job and a name the monitor does not know.
    QStringList visible { u"run"_s, u"not-a-job"_s };
    QStringList visibleEnded;
    for (int i = 100; i < 112; ++i)
        visibleEnded.append(u"done-%1"_s.arg(i, 4, 10, QChar(u'0')));
    visible += visibleEnded;
    h.monitor().setVisibleJobs(visible);
    const qsizetype roundsBefore = h.rounds.size();
    QVERIFY(h.drive([&] {
        return std::all_of(visibleEnded.cbegin(), visibleEnded.cend(), [&](const QString &name) {
            return h.monitor().job(name)->hasDetails;
        }) && !h.monitor().isRoundRunning();
    }));
    const QList<JobMonitorRound> filling = h.rounds.mid(roundsBefore);
    // 12 jobs at no more than 5 a round: three rounds, each the steady round plus its visible describes.
    QCOMPARE(filling.size(), 3);
    for (const JobMonitorRound &round : filling) {
        QVERIFY(round.error.isNull());
        QVERIFY(round.visibleDescribes <= h.monitor().settings().maxVisibleDescribesPerRound);
        QCOMPARE(round.requests() - round.visibleDescribes, steady.requests());
        QCOMPARE(round.changed.size(), round.visibleDescribes);
    }
    const TrainingJobRecord filled = *h.monitor().job(u"done-0105"_s);
    QCOMPARE(filled.instanceType, u"ml.g5.2xlarge"_s);
    QCOMPARE(filled.instanceCount, 2);
    QCOMPARE(filled.billableSeconds, std::optional<qint64>(30));
    // Jobs just outside the view are not described; each one in view is described once.
    QVERIFY(!h.monitor().job(u"done-0099"_s)->hasDetails);
    QVERIFY(!h.monitor().job(u"done-0112"_s)->hasDetails);
    QStringList described = describedNames(h.server.requests());
    described.removeAll(u"run"_s);
    QCOMPARE(described, visibleEnded);

    // Nothing new in view: rounds cost what they cost before.
    QVERIFY(h.driveRounds(3));
    for (const JobMonitorRound &round : h.rounds.mid(h.rounds.size() - 3)) {
        QCOMPARE(round.requests(), steady.requests());
        QCOMPARE(round.visibleDescribes, 0);
    }
    // The describes take the time the pause before the next round would have idled away: the rounds keep
    // their pace.
    for (qsizetype i = roundsBefore; i < h.rounds.size(); ++i)
        QCOMPARE(h.rounds[i - 1].startedAt.msecsTo(h.rounds[i].startedAt), 10000);
    const QList<FixtureRequest> requests = h.server.requests();
    QVERIFY(MonitorHarness::busiestWindow(requests, 1000) <= 2);
    QVERIFY(MonitorHarness::busiestWindow(requests, 10000) <= 20);

    // After a restart the details come from the store: nothing is described again.
    h.monitor().stop();
    h.restart();
    const qsizetype requestsBefore = h.server.requests().size();
    h.monitor().start();
    h.monitor().setVisibleJobs(visible);
    QVERIFY(h.monitor().job(u"done-0105"_s)->hasDetails);
    QVERIFY(h.driveRounds(3));
    QCOMPARE(describedNames(h.server.requests().mid(requestsBefore)), QStringList());
}

void TestJobMonitor::failureReasonAndMaxRuntimeExceeded()
{
    MonitorHarness h;
    SimTrainingJob::Script fails = job(u"fails"_s, T, 30s, 30s, 60s, 30s, SimTrainingJob::Outcome::Failed);
    fails.failureReason = u"AlgorithmError: ExecuteUserScriptError: ExitCode 1"_s;
    h.sim.addJob(fails);
    SimTrainingJob::Script capped
        = job(u"capped"_s, T, 30s, 30s, 600s, 30s, SimTrainingJob::Outcome::MaxRuntimeExceeded);
    capped.maxRuntime = 60s;
    h.sim.addJob(capped);
    h.monitor().watch(u"fails"_s);
    h.monitor().watch(u"capped"_s);
    h.monitor().start();
    QVERIFY(h.drive([&] { return h.endings.size() == 2; }));
    QCOMPARE(h.endings, (QStringList { u"capped Stopped "_s, u"fails Failed "_s + fails.failureReason }));
    QCOMPARE(h.monitor().job(u"fails"_s)->failureReason, fails.failureReason);

    JobHistoryStore history(h.store());
    const auto failed = history.history(MonitorHarness::connection(), u"fails"_s).value();
    QCOMPARE(failed.last(), (StatusChange { u"fails"_s, u"Failed"_s, u"Failed"_s, T.addSecs(150) }));
    const auto failedTransitions = history.transitions(MonitorHarness::connection(), u"fails"_s).value();
    QCOMPARE(failedTransitions.last().status, u"Failed"_s);
    QCOMPARE(failedTransitions.last().statusMessage, fails.failureReason);
    const auto stopped = history.history(MonitorHarness::connection(), u"capped"_s).value();
    QCOMPARE(
        stopped.last(), (StatusChange { u"capped"_s, u"Stopped"_s, u"MaxRuntimeExceeded"_s, T.addSecs(90) }));
}

void TestJobMonitor::watchedJobFirstSeenEndedIsReported()
{
    MonitorHarness h;
    h.monitor().start();
    QVERIFY(h.driveRounds(1));
    // Submitted, watched, and failed within one poll interval: the monitor never saw it run.
    SimTrainingJob::Script quick
        = job(u"quick"_s, h.clock.now(), 1s, 1s, 1s, 1s, SimTrainingJob::Outcome::Failed);
    quick.failureReason = u"ClientError: No S3 objects found under S3 URL"_s;
    h.sim.addJob(quick);
    h.monitor().watch(u"quick"_s);
    QVERIFY(h.driveRounds(1));
    QCOMPARE(h.endings, QStringList { u"quick Failed "_s + quick.failureReason });
    QCOMPARE(h.rounds.last().describeRequests, 1);
    QVERIFY(h.driveRounds(1));
    QCOMPARE(h.endings.size(), 1);
}

void TestJobMonitor::transitionsOfAJobWatchedPartOfTheTime()
{
    MonitorHarness h;
    // In Training since T-80 s when the monitor starts.
    h.sim.addJob(job(u"partly"_s, T.addSecs(-200), 60s, 60s, 300s, 60s));
    h.monitor().start();
    QVERIFY(h.driveRounds(1));
    JobHistoryStore history(h.store());
    QCOMPARE(phases(history.transitions(MonitorHarness::connection(), u"partly"_s).value()),
        (QStringList { u"Starting@-200--140"_s, u"Downloading@-140--80"_s, u"Training@-80-"_s }));
    QCOMPARE(phases(history.history(MonitorHarness::connection(), u"partly"_s).value()),
        QStringList { u"InProgress/Training@-80"_s });

    QVERIFY(
        h.drive([&] { return h.monitor().job(u"partly"_s)->isEnded() && !h.monitor().isRoundRunning(); }));
    QVERIFY(h.driveRounds(2));
    // The end time of Training was merged into its entry; nothing is doubled.
    QCOMPARE(phases(history.transitions(MonitorHarness::connection(), u"partly"_s).value()),
        (QStringList { u"Starting@-200--140"_s, u"Downloading@-140--80"_s, u"Training@-80-220"_s,
            u"Uploading@220-280"_s, u"Completed@280-280"_s }));
    QCOMPARE(phases(history.history(MonitorHarness::connection(), u"partly"_s).value()),
        (QStringList {
            u"InProgress/Training@-80"_s, u"InProgress/Uploading@220"_s, u"Completed/Completed@280"_s }));
}

void TestJobMonitor::oldRunningJobIsSeenThroughDescribes()
{
    MonitorHarness h;
    // Created two days ago, still training; 200 newer jobs push it far below the first page.
    const QDateTime created = T.addDays(-2);
    h.sim.addJob(job(u"old-runner"_s, created, 300s, 300s, std::chrono::seconds(2 * 86400 + 60), 300s));
    addCompleted(h.sim, u"newer"_s, 200, T.addSecs(-60));
    h.monitor().start();
    QVERIFY(h.drive([&] { return !h.rounds.isEmpty() && h.rounds.last().complete; }));
    QCOMPARE(h.monitor().job(u"old-runner"_s)->secondaryStatus, u"Training"_s);

    QVERIFY(h.drive([&] {
        return h.monitor().job(u"old-runner"_s)->secondaryStatus == u"Uploading"_s
            && !h.monitor().isRoundRunning();
    }));
    const JobMonitorRound round = h.rounds.last();
    QCOMPARE(round.listRequests, 1); // the first page did not show it...
    QCOMPARE(round.describeRequests, 1); // ...its describe did
    QCOMPARE(round.changed.size(), 1);
    const auto history
        = JobHistoryStore(h.store()).history(MonitorHarness::connection(), u"old-runner"_s).value();
    QCOMPARE(history.last(),
        (StatusChange {
            u"old-runner"_s, u"InProgress"_s, u"Uploading"_s, created.addSecs(600 + 2 * 86400 + 60) }));
}

void TestJobMonitor::expiredCredentialsKeepTheWatch()
{
    MonitorHarness h;
    h.sim.addJob(job(u"long"_s, T, 30s, 30s, 120s, 30s));
    h.monitor().watch(u"long"_s);
    h.monitor().start();
    QVERIFY(h.driveRounds(1));
    h.server.enqueue(FixtureAction::awsError(
        400, u"ExpiredTokenException"_s, u"The security token included in the request is expired"_s));
    QVERIFY(h.drive([&] { return !h.endings.isEmpty(); }));
    QCOMPARE(h.credentials->refreshes, 1);
    QVERIFY2(h.errors.isEmpty(), qPrintable(h.errors.value(0).toString()));
    QCOMPARE(h.monitor().watchedJobs(), QStringList { u"long"_s });
    QCOMPARE(h.endings, QStringList { u"long Completed "_s });
}

void TestJobMonitor::failedRoundBacksOffAndKeepsGoing()
{
    MonitorHarness h;
    h.sim.addJob(job(u"a"_s, T, 30s, 30s, 3600s, 30s));
    h.monitor().start();
    QVERIFY(h.driveRounds(1));
    for (int i = 0; i < 3; ++i)
        h.server.enqueue(
            u"ListTrainingJobs"_s, FixtureAction::awsError(500, u"InternalFailure"_s, u"boom"_s));
    QVERIFY(h.driveRounds(3));
    const JobMonitorRound failed = h.rounds.at(1);
    QCOMPARE(failed.error.code, u"InternalFailure"_s);
    QCOMPARE(failed.attempts, 3);
    QCOMPARE(h.errors.size(), 1);
    QCOMPARE(h.errors.first().code, u"InternalFailure"_s);
    // Twice the interval after the failure, the usual interval after the next success.
    QCOMPARE(failed.finishedAt.msecsTo(h.rounds.at(2).startedAt), 20000);
    QVERIFY(h.rounds.at(2).error.isNull());
    QCOMPARE(h.rounds.at(2).finishedAt.msecsTo(h.rounds.at(3).startedAt), 10000);
}

void TestJobMonitor::stopJobGoesThroughStopping()
{
    MonitorHarness h;
    h.sim.setStoppingDuration(20s);
    h.sim.addJob(job(u"to-stop"_s, T, 30s, 30s, 3600s, 30s));
    h.monitor().watch(u"to-stop"_s);
    h.monitor().start();
    QVERIFY(h.driveRounds(2));
    QList<AwsError> stopAnswers;
    QObject::connect(&h.monitor(), &JobMonitor::stopFinished, &h.monitor(),
        [&](const QString &, const AwsError &error) { stopAnswers.append(error); });
    QList<QJsonObject> descriptions;
    QObject::connect(&h.monitor(), &JobMonitor::jobDescribed, &h.monitor(),
        [&](const QString &, const QJsonObject &description) { descriptions.append(description); });
    h.monitor().stopJob(u"to-stop"_s);
    QVERIFY(h.drive([&] { return !descriptions.isEmpty(); }));
    QCOMPARE(stopAnswers.size(), 1);
    QVERIFY(stopAnswers.first().isNull());
    QCOMPARE(h.monitor().job(u"to-stop"_s)->status, u"Stopping"_s);
    QCOMPARE(descriptions.first().value(u"SecondaryStatus"_s).toString(), u"Stopping"_s);
    QVERIFY(h.drive([&] { return !h.endings.isEmpty(); }));
    QCOMPARE(h.endings, QStringList { u"to-stop Stopped "_s });
    // The change from the describe outside the rounds is in the next batch.
    const auto withStop = std::find_if(h.rounds.cbegin(), h.rounds.cend(), [](const JobMonitorRound &r) {
        return std::any_of(r.changed.cbegin(), r.changed.cend(),
            [](const TrainingJobRecord &j) { return j.status == u"Stopping"_s; });
    });
    QVERIFY(withStop != h.rounds.cend());
}

QTEST_GUILESS_MAIN(TestJobMonitor)
#include "tst_jobmonitor.moc"
