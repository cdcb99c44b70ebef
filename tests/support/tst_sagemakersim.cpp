#include "tests/aws/transportharness.h"
#include "tests/support/sagemakersim.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// Proves the SageMaker simulation the monitor tests and the benchmark stand on: lifecycles that follow the
// clock, the answers' JSON 1.1 shape, pagination that holds while jobs are created, every list filter and
// sort, the service's validation errors, StopTrainingJob, throttling bursts, the bulk population and the
// per-operation counts. The last test goes through the real transport and the fixture server.
class TestSageMakerSim : public QObject
{
    Q_OBJECT

private slots:
    void lifecycleFollowsTheClock();
    void endings_data();
    void endings();
    void stopGoesThroughStopping();
    void paginationIsStableWhileJobsAreCreated();
    void listFilters_data();
    void listFilters();
    void listSorts_data();
    void listSorts();
    void listValidation_data();
    void listValidation();
    void describeUnknownJob();
    void throttling();
    void populateIsDeterministicAndShaped();
    void createThenDescribe();
    void answersThroughTheTransport();
};

namespace {

const QDateTime T0(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);

struct Answer
{
    int status = 0;
    QJsonObject json;
    QString errorType() const { return json.value(u"__type"_s).toString().section(u'#', -1); }
};

Answer call(SageMakerSim &sim, const QString &operation, const QJsonObject &input = {})
{
    FixtureRequest request;
    request.method = "POST";
    request.headers.append({ "X-Amz-Target", "SageMaker." + operation.toLatin1() });
    request.body = QJsonDocument(input).toJson(QJsonDocument::Compact);
    const FixtureAction action = sim.handle(request);
    return { action.status, QJsonDocument::fromJson(action.body).object() };
}

QDateTime epoch(const QJsonValue &value)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(value.toDouble() * 1000.0)), Qt::UTC);
}

SimTrainingJob::Script script(const QString &name, const QDateTime &created,
    SimTrainingJob::Outcome outcome = SimTrainingJob::Outcome::Completed)
{
    SimTrainingJob::Script s;
    s.name = name;
    s.creationTime = created;
    s.phases = SimTrainingJob::standardPhases(60s, 120s, 600s, 60s);
    s.outcome = outcome;
    return s;
}

QStringList names(const QJsonObject &listAnswer)
{
    QStringList result;
    const QJsonArray summaries = listAnswer.value(u"TrainingJobSummaries"_s).toArray();
    for (const QJsonValue &summary : summaries)
        result.append(summary.toObject().value(u"TrainingJobName"_s).toString());
    return result;
}

// Every page of a listing, following NextToken.
QStringList listAll(SageMakerSim &sim, QJsonObject input, int *pages = nullptr)
{
    QStringList all;
    int count = 0;
    for (;;) {
        const Answer answer = call(sim, u"ListTrainingJobs"_s, input);
        if (answer.status != 200)
            qFatal("list failed: %s", qPrintable(answer.errorType()));
        ++count;
        all += names(answer.json);
        const QString token = answer.json.value(u"NextToken"_s).toString();
        if (token.isEmpty())
            break;
        input.insert(u"NextToken"_s, token);
    }
    if (pages)
        *pages = count;
    return all;
}

} // namespace

void TestSageMakerSim::lifecycleFollowsTheClock()
{
    ManualClock clock(T0);
    SageMakerSim sim(&clock);
    SimTrainingJob::Script s = script(u"job-a"_s, T0);
    s.instanceType = u"ml.g5.2xlarge"_s;
    s.instanceCount = 2;
    sim.addJob(s);
    const QJsonObject byName { { u"TrainingJobName"_s, u"job-a"_s } };

    struct Expected
    {
        std::chrono::seconds at;
        const char *status;
        const char *secondary;
        int transitions;
    };
    const QList<Expected> steps {
        { 0s, "InProgress", "Starting", 1 },
        { 59s, "InProgress", "Starting", 1 },
        { 60s, "InProgress", "Downloading", 2 },
        { 180s, "InProgress", "Training", 3 },
        { 779s, "InProgress", "Training", 3 },
        { 780s, "InProgress", "Uploading", 4 },
        { 840s, "Completed", "Completed", 5 },
        { 5000s, "Completed", "Completed", 5 },
    };
    for (const Expected &step : steps) {
        clock.setNow(T0.addSecs(step.at.count()));
        const Answer d = call(sim, u"DescribeTrainingJob"_s, byName);
        QCOMPARE(d.status, 200);
        QCOMPARE(d.json.value(u"TrainingJobStatus"_s).toString(), QString::fromLatin1(step.status));
        QCOMPARE(d.json.value(u"SecondaryStatus"_s).toString(), QString::fromLatin1(step.secondary));
        const QJsonArray transitions = d.json.value(u"SecondaryStatusTransitions"_s).toArray();
        QCOMPARE(transitions.size(), step.transitions);
        // The running phase has no end time yet; every earlier one ends where the next starts.
        for (qsizetype i = 0; i + 1 < transitions.size(); ++i)
            QCOMPARE(transitions[i].toObject().value(u"EndTime"_s),
                transitions[i + 1].toObject().value(u"StartTime"_s));
        const QJsonObject last = transitions.last().toObject();
        QCOMPARE(last.contains(u"EndTime"_s), QString::fromLatin1(step.status) == u"Completed"_s);
        QVERIFY(!last.value(u"StatusMessage"_s).toString().isEmpty());
        QCOMPARE(epoch(d.json.value(u"LastModifiedTime"_s)), epoch(last.value(u"StartTime"_s)));
    }
    const Answer done = call(sim, u"DescribeTrainingJob"_s, byName);
    QCOMPARE(epoch(done.json.value(u"CreationTime"_s)), T0);
    QCOMPARE(epoch(done.json.value(u"TrainingStartTime"_s)), T0.addSecs(60));
    QCOMPARE(epoch(done.json.value(u"TrainingEndTime"_s)), T0.addSecs(840));
    QCOMPARE(done.json.value(u"BillableTimeInSeconds"_s).toInteger(), 780);
    QCOMPARE(done.json.value(u"TrainingTimeInSeconds"_s).toInteger(), 780);
    const QJsonObject resources = done.json.value(u"ResourceConfig"_s).toObject();
    QCOMPARE(resources.value(u"InstanceType"_s).toString(), u"ml.g5.2xlarge"_s);
    QCOMPARE(resources.value(u"InstanceCount"_s).toInt(), 2);
    QCOMPARE(done.json.value(u"TrainingJobArn"_s).toString(),
        u"arn:aws:sagemaker:us-east-1:123456789012:training-job/job-a"_s);
    QVERIFY(done.json.value(u"ModelArtifacts"_s)
                .toObject()
                .value(u"S3ModelArtifacts"_s)
                .toString()
                .startsWith(u"s3://"_s));
    QVERIFY(!done.json.value(u"FinalMetricDataList"_s).toArray().isEmpty());
    QVERIFY(!done.json.contains(u"FailureReason"_s));

    // The list summary agrees with the description.
    const Answer list = call(sim, u"ListTrainingJobs"_s);
    const QJsonObject summary = list.json.value(u"TrainingJobSummaries"_s).toArray().first().toObject();
    QCOMPARE(summary.value(u"TrainingJobStatus"_s).toString(), u"Completed"_s);
    QCOMPARE(summary.value(u"SecondaryStatus"_s).toString(), u"Completed"_s);
    QCOMPARE(summary.value(u"TrainingEndTime"_s), done.json.value(u"TrainingEndTime"_s));
    QCOMPARE(summary.value(u"LastModifiedTime"_s), done.json.value(u"LastModifiedTime"_s));
    QCOMPARE(summary.value(u"CreationTime"_s), done.json.value(u"CreationTime"_s));
}

void TestSageMakerSim::endings_data()
{
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("secondary");
    QTest::addColumn<int>("endsAfterSeconds");
    QTest::addColumn<bool>("hasFailureReason");
    QTest::newRow("completes after its four phases")
        << int(SimTrainingJob::Outcome::Completed) << u"Completed"_s << u"Completed"_s << 840 << false;
    QTest::newRow("fails with a reason after its phases")
        << int(SimTrainingJob::Outcome::Failed) << u"Failed"_s << u"Failed"_s << 840 << true;
    // TrainingStartTime at 60 s, MaxRuntimeInSeconds 300: cut in the middle of Training.
    QTest::newRow("stopped at MaxRuntimeInSeconds after TrainingStartTime")
        << int(SimTrainingJob::Outcome::MaxRuntimeExceeded) << u"Stopped"_s << u"MaxRuntimeExceeded"_s << 360
        << false;
}

void TestSageMakerSim::endings()
{
    QFETCH(int, outcome);
    QFETCH(QString, status);
    QFETCH(QString, secondary);
    QFETCH(int, endsAfterSeconds);
    QFETCH(bool, hasFailureReason);
    ManualClock clock(T0);
    SageMakerSim sim(&clock);
    SimTrainingJob::Script s = script(u"job-b"_s, T0, SimTrainingJob::Outcome(outcome));
    s.failureReason = u"ClientError: the input channel train is empty"_s;
    s.maxRuntime = 300s;
    sim.addJob(s);
    const QJsonObject byName { { u"TrainingJobName"_s, u"job-b"_s } };

    clock.setNow(T0.addSecs(endsAfterSeconds - 1));
    QCOMPARE(call(sim, u"DescribeTrainingJob"_s, byName).json.value(u"TrainingJobStatus"_s).toString(),
        u"InProgress"_s);
    clock.setNow(T0.addSecs(endsAfterSeconds));
    const Answer d = call(sim, u"DescribeTrainingJob"_s, byName);
    QCOMPARE(d.json.value(u"TrainingJobStatus"_s).toString(), status);
    QCOMPARE(d.json.value(u"SecondaryStatus"_s).toString(), secondary);
    QCOMPARE(epoch(d.json.value(u"TrainingEndTime"_s)), T0.addSecs(endsAfterSeconds));
    QCOMPARE(d.json.contains(u"FailureReason"_s), hasFailureReason);
    if (hasFailureReason)
        QCOMPARE(d.json.value(u"FailureReason"_s).toString(), s.failureReason);
    const QJsonObject last = d.json.value(u"SecondaryStatusTransitions"_s).toArray().last().toObject();
    QCOMPARE(last.value(u"Status"_s).toString(), secondary);
    QCOMPARE(epoch(last.value(u"EndTime"_s)), T0.addSecs(endsAfterSeconds));
}

void TestSageMakerSim::stopGoesThroughStopping()
{
    ManualClock clock(T0);
    SageMakerSim sim(&clock);
    sim.setStoppingDuration(20s);
    sim.addJob(script(u"job-c"_s, T0));
    const QJsonObject byName { { u"TrainingJobName"_s, u"job-c"_s } };

    clock.setNow(T0.addSecs(300)); // Training
    QCOMPARE(call(sim, u"StopTrainingJob"_s, byName).status, 200);
    Answer d = call(sim, u"DescribeTrainingJob"_s, byName);
    QCOMPARE(d.json.value(u"TrainingJobStatus"_s).toString(), u"Stopping"_s);
    QCOMPARE(d.json.value(u"SecondaryStatus"_s).toString(), u"Stopping"_s);
    // A second stop while stopping is refused, as the service does.
    const Answer again = call(sim, u"StopTrainingJob"_s, byName);
    QCOMPARE(again.status, 400);
    QCOMPARE(again.errorType(), u"ValidationException"_s);

    clock.setNow(T0.addSecs(320));
    d = call(sim, u"DescribeTrainingJob"_s, byName);
    QCOMPARE(d.json.value(u"TrainingJobStatus"_s).toString(), u"Stopped"_s);
    QCOMPARE(d.json.value(u"SecondaryStatus"_s).toString(), u"Stopped"_s);
    QStringList phases;
    const QJsonArray transitions = d.json.value(u"SecondaryStatusTransitions"_s).toArray();
    for (const QJsonValue &t : transitions)
        phases.append(t.toObject().value(u"Status"_s).toString());
    QCOMPARE(phases,
        (QStringList { u"Starting"_s, u"Downloading"_s, u"Training"_s, u"Stopping"_s, u"Stopped"_s }));
    QCOMPARE(epoch(transitions[2].toObject().value(u"EndTime"_s)), T0.addSecs(300));
    QCOMPARE(epoch(d.json.value(u"TrainingEndTime"_s)), T0.addSecs(320));

    QCOMPARE(call(sim, u"StopTrainingJob"_s, { { u"TrainingJobName"_s, u"nope"_s } }).errorType(),
        u"ValidationException"_s);
    QCOMPARE(sim.requestCount(u"StopTrainingJob"_s), 3);
}

void TestSageMakerSim::paginationIsStableWhileJobsAreCreated()
{
    ManualClock clock(T0);
    SageMakerSim sim(&clock);
    for (int i = 0; i < 250; ++i)
        sim.addJob(script(u"job-%1"_s.arg(i, 3, 10, QChar(u'0')), T0.addSecs(-10 * (250 - i))));
    QJsonObject input { { u"SortBy"_s, u"CreationTime"_s }, { u"SortOrder"_s, u"Descending"_s },
        { u"MaxResults"_s, 100 } };
    const Answer first = call(sim, u"ListTrainingJobs"_s, input);
    QCOMPARE(names(first.json).size(), 100);
    QCOMPARE(names(first.json).first(), u"job-249"_s);
    // Jobs created after the first page do not shift the next pages.
    clock.advance(5s);
    sim.addJob(script(u"job-new-1"_s, {}));
    sim.addJob(script(u"job-new-2"_s, {}));
    QStringList rest;
    input.insert(u"NextToken"_s, first.json.value(u"NextToken"_s));
    int pages = 0;
    rest = listAll(sim, input, &pages);
    QCOMPARE(pages, 2);
    const QStringList all = names(first.json) + rest;
    QCOMPARE(all.size(), 250);
    QCOMPARE(QSet<QString>(all.cbegin(), all.cend()).size(), 250);
    QCOMPARE(all.last(), u"job-000"_s);
    // A token belongs to its query.
    QJsonObject other { { u"SortBy"_s, u"Name"_s }, { u"NextToken"_s, first.json.value(u"NextToken"_s) } };
    QCOMPARE(call(sim, u"ListTrainingJobs"_s, other).errorType(), u"ValidationException"_s);
    // The default page holds 10.
    QCOMPARE(names(call(sim, u"ListTrainingJobs"_s).json).size(), 10);
}

void TestSageMakerSim::listFilters_data()
{
    QTest::addColumn<QJsonObject>("filter");
    QTest::addColumn<QStringList>("expected");
    // job-0 .. job-4 created at T0, T0+10min, ...; each runs 14 min and completes, except job-3 which fails.
    // Now is T0+45min: job-4 (created T0+40min) is Training, job-3 failed at T0+44min.
    const auto at = [](int minutes) { return double(T0.addSecs(60 * minutes).toMSecsSinceEpoch()) / 1000.0; };
    QTest::newRow("StatusEquals InProgress")
        << QJsonObject { { u"StatusEquals"_s, u"InProgress"_s } } << QStringList { u"job-4"_s };
    QTest::newRow("StatusEquals Failed")
        << QJsonObject { { u"StatusEquals"_s, u"Failed"_s } } << QStringList { u"job-3"_s };
    QTest::newRow("NameContains, any case")
        << QJsonObject { { u"NameContains"_s, u"JOB-2"_s } } << QStringList { u"job-2"_s };
    QTest::newRow("CreationTimeAfter is exclusive")
        << QJsonObject { { u"CreationTimeAfter"_s, at(20) } } << QStringList { u"job-3"_s, u"job-4"_s };
    QTest::newRow("CreationTimeBefore is exclusive")
        << QJsonObject { { u"CreationTimeBefore"_s, at(20) } } << QStringList { u"job-0"_s, u"job-1"_s };
    QTest::newRow("CreationTime range as ISO text")
        << QJsonObject { { u"CreationTimeAfter"_s, u"2026-01-01T12:05:00Z"_s },
               { u"CreationTimeBefore"_s, u"2026-01-01T12:25:00Z"_s } }
        << QStringList { u"job-1"_s, u"job-2"_s };
    QTest::newRow("LastModifiedTimeAfter")
        << QJsonObject { { u"LastModifiedTimeAfter"_s, at(40) } } << QStringList { u"job-3"_s, u"job-4"_s };
    QTest::newRow("filters combine") << QJsonObject { { u"LastModifiedTimeAfter"_s, at(40) },
        { u"StatusEquals"_s, u"Completed"_s } }
                                     << QStringList {};
}

void TestSageMakerSim::listFilters()
{
    QFETCH(QJsonObject, filter);
    QFETCH(QStringList, expected);
    ManualClock clock(T0);
    SageMakerSim sim(&clock);
    for (int i = 0; i < 5; ++i) {
        SimTrainingJob::Script s = script(u"job-%1"_s.arg(i), T0.addSecs(600 * i),
            i == 3 ? SimTrainingJob::Outcome::Failed : SimTrainingJob::Outcome::Completed);
        s.failureReason = u"AlgorithmError: boom"_s;
        sim.addJob(s);
    }
    clock.setNow(T0.addSecs(45 * 60));
    QCOMPARE(listAll(sim, filter), expected);
}

void TestSageMakerSim::listSorts_data()
{
    QTest::addColumn<QString>("sortBy");
    QTest::addColumn<QString>("sortOrder");
    QTest::addColumn<QStringList>("expected");
    // Created in the order b, c, a; now c runs, a and b have completed.
    QTest::newRow("CreationTime, Ascending by default")
        << u"CreationTime"_s << QString() << QStringList { u"b"_s, u"c"_s, u"a"_s };
    QTest::newRow("CreationTime Descending")
        << u"CreationTime"_s << u"Descending"_s << QStringList { u"a"_s, u"c"_s, u"b"_s };
    QTest::newRow("Name") << u"Name"_s << u"Ascending"_s << QStringList { u"a"_s, u"b"_s, u"c"_s };
    QTest::newRow("Name Descending") << u"Name"_s << u"Descending"_s
                                     << QStringList { u"c"_s, u"b"_s, u"a"_s };
    QTest::newRow("Status, then CreationTime")
        << u"Status"_s << u"Ascending"_s << QStringList { u"b"_s, u"a"_s, u"c"_s };
}

void TestSageMakerSim::listSorts()
{
    QFETCH(QString, sortBy);
    QFETCH(QString, sortOrder);
    QFETCH(QStringList, expected);
    ManualClock clock(T0);
    SageMakerSim sim(&clock);
    sim.addJob(script(u"b"_s, T0));
    SimTrainingJob::Script c = script(u"c"_s, T0.addSecs(1));
    c.outcome = SimTrainingJob::Outcome::Running;
    sim.addJob(c);
    sim.addJob(script(u"a"_s, T0.addSecs(2)));
    clock.setNow(T0.addSecs(3600));
    QJsonObject input { { u"SortBy"_s, sortBy }, { u"MaxResults"_s, 1 } };
    if (!sortOrder.isEmpty())
        input.insert(u"SortOrder"_s, sortOrder);
    int pages = 0;
    QCOMPARE(listAll(sim, input, &pages), expected);
    QCOMPARE(pages, 3);
}

void TestSageMakerSim::listValidation_data()
{
    QTest::addColumn<QJsonObject>("input");
    QTest::newRow("MaxResults 0") << QJsonObject { { u"MaxResults"_s, 0 } };
    QTest::newRow("MaxResults 101") << QJsonObject { { u"MaxResults"_s, 101 } };
    QTest::newRow("MaxResults as text") << QJsonObject { { u"MaxResults"_s, u"10"_s } };
    QTest::newRow("SortBy LastModifiedTime") << QJsonObject { { u"SortBy"_s, u"LastModifiedTime"_s } };
    QTest::newRow("SortOrder down") << QJsonObject { { u"SortOrder"_s, u"down"_s } };
    QTest::newRow("StatusEquals Running") << QJsonObject { { u"StatusEquals"_s, u"Running"_s } };
    QTest::newRow("unreadable CreationTimeAfter")
        << QJsonObject { { u"CreationTimeAfter"_s, u"yesterday"_s } };
    QTest::newRow("forged NextToken") << QJsonObject { { u"NextToken"_s, u"bm90IGEgdG9rZW4"_s } };
}

void TestSageMakerSim::listValidation()
{
    QFETCH(QJsonObject, input);
    ManualClock clock(T0);
    SageMakerSim sim(&clock);
    sim.addJob(script(u"a"_s, T0));
    const Answer answer = call(sim, u"ListTrainingJobs"_s, input);
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.errorType(), u"ValidationException"_s);
    QVERIFY(!answer.json.value(u"message"_s).toString().isEmpty());
}

void TestSageMakerSim::describeUnknownJob()
{
    ManualClock clock(T0);
    SageMakerSim sim(&clock);
    sim.addJob(script(u"later"_s, T0.addSecs(60)));
    const Answer unknown = call(sim, u"DescribeTrainingJob"_s, { { u"TrainingJobName"_s, u"nope"_s } });
    QCOMPARE(unknown.status, 400);
    QCOMPARE(unknown.errorType(), u"ValidationException"_s);
    QCOMPARE(unknown.json.value(u"message"_s).toString(), u"Requested resource not found."_s);
    // A job is invisible before its creation time.
    QCOMPARE(call(sim, u"DescribeTrainingJob"_s, { { u"TrainingJobName"_s, u"later"_s } }).status, 400);
    QVERIFY(names(call(sim, u"ListTrainingJobs"_s).json).isEmpty());
    QCOMPARE(call(sim, u"DeleteTrainingJob"_s).errorType(), u"UnknownOperationException"_s);
}

void TestSageMakerSim::throttling()
{
    ManualClock clock(T0);
    SageMakerSim sim(&clock);
    sim.addJob(script(u"a"_s, T0));
    const QJsonObject byName { { u"TrainingJobName"_s, u"a"_s } };

    sim.throttleNext(2);
    Answer answer = call(sim, u"DescribeTrainingJob"_s, byName);
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.errorType(), u"ThrottlingException"_s);
    QCOMPARE(call(sim, u"ListTrainingJobs"_s).errorType(), u"ThrottlingException"_s);
    QCOMPARE(call(sim, u"DescribeTrainingJob"_s, byName).status, 200);

    sim.throttleFor(3s);
    clock.advance(2999ms);
    QCOMPARE(call(sim, u"DescribeTrainingJob"_s, byName).errorType(), u"ThrottlingException"_s);
    clock.advance(1ms);
    QCOMPARE(call(sim, u"DescribeTrainingJob"_s, byName).status, 200);

    // The service's own limit: 2 per second, burst 1.
    sim.setRateLimit(2.0, 1.0);
    QCOMPARE(call(sim, u"DescribeTrainingJob"_s, byName).status, 200);
    QCOMPARE(call(sim, u"DescribeTrainingJob"_s, byName).errorType(), u"ThrottlingException"_s);
    clock.advance(499ms);
    QCOMPARE(call(sim, u"DescribeTrainingJob"_s, byName).errorType(), u"ThrottlingException"_s);
    clock.advance(1ms);
    QCOMPARE(call(sim, u"DescribeTrainingJob"_s, byName).status, 200);

    QCOMPARE(sim.requestCount(), 9);
    QCOMPARE(sim.requestCount(u"DescribeTrainingJob"_s), 8);
    QCOMPARE(sim.requestCount(u"ListTrainingJobs"_s), 1);
    QCOMPARE(sim.throttledCount(), 5);
    QCOMPARE(sim.requests().at(3).at, T0.addMSecs(2999));
    QVERIFY(sim.requests().at(3).throttled);
    QCOMPARE(sim.requests().at(4).at, T0.addMSecs(3000));
    QVERIFY(!sim.requests().at(4).throttled);
    sim.clearRequests();
    QCOMPARE(sim.requestCount(), 0);
}

void TestSageMakerSim::populateIsDeterministicAndShaped()
{
    ManualClock clock(T0);
    SageMakerSim sim(&clock);
    sim.populate({ .total = 10000, .inProgress = 50 });
    QCOMPARE(sim.jobCount(), 10000);
    QCOMPARE(sim.jobsInProgress().size(), 50);

    int pages = 0;
    const QJsonObject newestFirst { { u"SortBy"_s, u"CreationTime"_s }, { u"SortOrder"_s, u"Descending"_s },
        { u"MaxResults"_s, 100 } };
    const QStringList all = listAll(sim, newestFirst, &pages);
    QCOMPARE(pages, 100);
    QCOMPARE(QSet<QString>(all.cbegin(), all.cend()).size(), 10000);
    // Some running jobs are older than the newest page: a monitor must describe them to see them move.
    const QStringList running = sim.jobsInProgress();
    const QStringList firstPage = all.first(100);
    const auto onFirstPage = std::count_if(running.cbegin(), running.cend(),
        [&firstPage](const QString &name) { return firstPage.contains(name); });
    QVERIFY2(onFirstPage > 0 && onFirstPage < 50, qPrintable(QString::number(onFirstPage)));
    QCOMPARE(listAll(sim, { { u"StatusEquals"_s, u"InProgress"_s }, { u"MaxResults"_s, 100 } }).size(), 50);
    const auto failed = listAll(sim, { { u"StatusEquals"_s, u"Failed"_s }, { u"MaxResults"_s, 100 } }).size();
    const auto stopped
        = listAll(sim, { { u"StatusEquals"_s, u"Stopped"_s }, { u"MaxResults"_s, 100 } }).size();
    QVERIFY2(failed > 350 && failed < 650, qPrintable(QString::number(failed)));
    QVERIFY2(stopped > 100 && stopped < 300, qPrintable(QString::number(stopped)));
    // Still in progress an hour later.
    clock.advance(1h);
    QCOMPARE(sim.jobsInProgress().size(), 50);

    ManualClock sameClock(T0);
    SageMakerSim same(&sameClock);
    same.populate({ .total = 10000, .inProgress = 50 });
    QCOMPARE(listAll(same, newestFirst), all);
}

void TestSageMakerSim::createThenDescribe()
{
    ManualClock clock(T0);
    SageMakerSim sim(&clock);
    sim.setCreatedJobPhases(SimTrainingJob::standardPhases(10s, 10s, 10s, 10s));
    const QJsonObject spec { { u"TrainingJobName"_s, u"made"_s },
        { u"ResourceConfig"_s,
            QJsonObject { { u"InstanceType"_s, u"ml.c5.xlarge"_s }, { u"InstanceCount"_s, 3 },
                { u"VolumeSizeInGB"_s, 50 } } },
        { u"HyperParameters"_s, QJsonObject { { u"eta"_s, u"0.1"_s } } },
        { u"Tags"_s, QJsonArray { QJsonObject { { u"Key"_s, u"team"_s }, { u"Value"_s, u"ml"_s } } } } };
    const Answer created = call(sim, u"CreateTrainingJob"_s, spec);
    QCOMPARE(created.status, 200);
    QCOMPARE(created.json.value(u"TrainingJobArn"_s).toString(),
        u"arn:aws:sagemaker:us-east-1:123456789012:training-job/made"_s);
    QCOMPARE(call(sim, u"CreateTrainingJob"_s, spec).errorType(), u"ResourceInUse"_s);
    clock.advance(40s);
    const Answer d = call(sim, u"DescribeTrainingJob"_s, { { u"TrainingJobName"_s, u"made"_s } });
    QCOMPARE(d.json.value(u"TrainingJobStatus"_s).toString(), u"Completed"_s);
    QCOMPARE(d.json.value(u"ResourceConfig"_s).toObject().value(u"VolumeSizeInGB"_s).toInt(), 50);
    QCOMPARE(d.json.value(u"HyperParameters"_s).toObject().value(u"eta"_s).toString(), u"0.1"_s);
    QVERIFY(!d.json.contains(u"Tags"_s));
}

void TestSageMakerSim::answersThroughTheTransport()
{
    TransportHarness h;
    h.clock.setNow(T0);
    SageMakerSim sim(&h.clock);
    sim.attach(h.server);
    sim.addJob(script(u"wire"_s, T0.addSecs(-100)));
    const AwsResult list = h.run(h.call(u"ListTrainingJobs"_s, { { u"MaxResults"_s, 100 } }));
    QVERIFY2(list.isOk(), qPrintable(list.error.toString()));
    const QJsonObject summary = list.json.value(u"TrainingJobSummaries"_s).toArray().first().toObject();
    QCOMPARE(summary.value(u"SecondaryStatus"_s).toString(), u"Downloading"_s);
    QVERIFY(summary.value(u"CreationTime"_s).isDouble());

    const AwsResult unknown
        = h.run(h.call(u"DescribeTrainingJob"_s, { { u"TrainingJobName"_s, u"nope"_s } }));
    QCOMPARE(unknown.error.code, u"ValidationException"_s);
    QCOMPARE(unknown.error.message, u"Requested resource not found."_s);

    // A fault queued on the server comes before the simulation, and is not counted by it.
    h.server.enqueue(FixtureAction::awsError(500, u"InternalFailure"_s, u"boom"_s));
    const AwsResult retried
        = h.run(h.call(u"DescribeTrainingJob"_s, { { u"TrainingJobName"_s, u"wire"_s } }));
    QVERIFY(retried.isOk());
    QCOMPARE(retried.attempts, 2);
    QCOMPARE(sim.requestCount(u"DescribeTrainingJob"_s), 2);
    QCOMPARE(h.server.requestCount(u"DescribeTrainingJob"_s), 3);
}

QTEST_GUILESS_MAIN(TestSageMakerSim)
#include "tst_sagemakersim.moc"
