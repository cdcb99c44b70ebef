#include "tests/cli/clirunner.h"
#include "tests/sagemaker/samplespecs.h"
#include "tests/support/fixtureserver.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

// Proves the networked sagedesk-cli against the fault-injecting fixture server, where moto cannot go: the
// error line for each kind of failure ("error: <Code>: <message> (request id <id>)"), submit's safe create
// (the first answer lost, the retry refused because the name exists, the describe deciding between success
// and a name clash), an export that cannot fetch the description or the tags, and watch over scripted job
// lifecycles with every exit code.
class TestCliRemoteFixture : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void errorLines_data();
    void errorLines();
    void submitLostAnswerConfirmed();
    void submitLostAnswerNameClash();
    void exportFailsWithoutItsTags_data();
    void exportFailsWithoutItsTags();
    void watch_data();
    void watch();
    void watchJsonLines();
    void watchTransientErrorKeepsPolling();
    void watchTimesOut();

private:
    CliRunner::Result cli(const QStringList &arguments);
    // Serves DescribeTrainingJob from a script per job: each describe of a job returns its next step, and
    // the last step from then on. A job without a script is not found.
    void script(const QHash<QString, QList<QJsonObject>> &steps);

    std::unique_ptr<FixtureServer> m_server;
    std::unique_ptr<CliRunner> m_runner;
    QHash<QString, int> m_described;
};

namespace {

const double t0 = 1767225600; // 2026-01-01T00:00:00Z

QJsonObject transition(const QString &status, double start, const QString &message)
{
    return { { u"Status"_s, status }, { u"StartTime"_s, start }, { u"StatusMessage"_s, message } };
}

// One describe answer: status, secondary status, the transitions so far.
QJsonObject step(const QString &name, const QString &status, const QString &secondary,
    const QJsonArray &transitions, const QJsonObject &extra = {})
{
    QJsonObject d { { u"TrainingJobName"_s, name }, { u"TrainingJobStatus"_s, status },
        { u"SecondaryStatus"_s, secondary }, { u"SecondaryStatusTransitions"_s, transitions },
        { u"CreationTime"_s, t0 },
        { u"LastModifiedTime"_s,
            transitions.isEmpty() ? t0 : transitions.last()[u"StartTime"_s].toDouble() } };
    for (auto it = extra.begin(); it != extra.end(); ++it)
        d.insert(it.key(), it.value());
    return d;
}

const QJsonObject starting = transition(u"Starting"_s, t0, u"Preparing the instances for training"_s);
const QJsonObject downloading = transition(u"Downloading"_s, t0 + 60, u"Downloading input data"_s);
const QJsonObject training = transition(u"Training"_s, t0 + 120, u"Training in progress"_s);
const QJsonObject uploading = transition(u"Uploading"_s, t0 + 300, u"Uploading generated training model"_s);

QList<QJsonObject> completes(const QString &name)
{
    return { step(name, u"InProgress"_s, u"Starting"_s, { starting }),
        // Downloading came and went between two polls: the transitions still tell it.
        step(name, u"InProgress"_s, u"Training"_s, { starting, downloading, training }),
        step(name, u"Completed"_s, u"Completed"_s,
            { starting, downloading, training, uploading,
                transition(u"Completed"_s, t0 + 360, u"Training job completed"_s) },
            { { u"TrainingEndTime"_s, t0 + 360 } }) };
}

QList<QJsonObject> fails(const QString &name)
{
    return {
        step(name, u"InProgress"_s, u"Starting"_s, { starting }),
        step(name, u"Failed"_s, u"Failed"_s,
            { starting, transition(u"Failed"_s, t0 + 90, u"Training job failed"_s) },
            { { u"FailureReason"_s, u"AlgorithmError: out of memory"_s }, { u"TrainingEndTime"_s, t0 + 90 } })
    };
}

QList<QJsonObject> isStopped(const QString &name)
{
    return { step(name, u"InProgress"_s, u"Training"_s, { starting, training }),
        step(name, u"Stopping"_s, u"Stopping"_s,
            { starting, training, transition(u"Stopping"_s, t0 + 200, u"Stopping the job"_s) }),
        step(name, u"Stopped"_s, u"Stopped"_s,
            { starting, training, transition(u"Stopping"_s, t0 + 200, u"Stopping the job"_s),
                transition(u"Stopped"_s, t0 + 210, u"Training job stopped"_s) },
            { { u"TrainingEndTime"_s, t0 + 210 } }) };
}

} // namespace

void TestCliRemoteFixture::init()
{
    m_server = std::make_unique<FixtureServer>();
    QVERIFY(m_server->listen());
    m_runner = std::make_unique<CliRunner>();
    m_described.clear();
}

void TestCliRemoteFixture::cleanup()
{
    m_runner.reset();
    m_server.reset();
}

CliRunner::Result TestCliRemoteFixture::cli(const QStringList &arguments)
{
    return m_runner->run(arguments + QStringList { u"--endpoint-url"_s, m_server->url().toString() });
}

void TestCliRemoteFixture::script(const QHash<QString, QList<QJsonObject>> &steps)
{
    m_server->setHandler(u"DescribeTrainingJob"_s, [this, steps](const FixtureRequest &request) {
        const QString name = request.json().value(u"TrainingJobName"_s).toString();
        if (!steps.contains(name))
            return FixtureAction::awsError(400, u"ValidationException"_s, u"Requested resource not found."_s)
                .withHeader("x-amzn-RequestId", "req-missing");
        const QList<QJsonObject> &list = steps[name];
        const int index = std::min<int>(m_described[name]++, int(list.size()) - 1);
        return FixtureAction::json(list.at(index));
    });
}

void TestCliRemoteFixture::errorLines_data()
{
    QTest::addColumn<FixtureAction>("answer");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("expected"); // stderr's first line
    QTest::addColumn<bool>("endpointNote");

    QTest::newRow("JSON error with a namespaced type")
        << FixtureAction::awsError(400, u"ValidationException"_s, u"Requested resource not found."_s)
               .withHeader("x-amzn-RequestId", "req-7")
        << QStringList() << u"error: ValidationException: Requested resource not found. (request id req-7)"_s
        << false;
    QTest::newRow("bare type, Message spelled with a capital")
        << FixtureAction::raw(400, "application/x-amz-json-1.1",
               R"({"__type": "AccessDeniedException", "Message": "not allowed"})")
               .withHeader("x-amzn-RequestId", "req-8")
        << QStringList() << u"error: AccessDeniedException: not allowed (request id req-8)"_s << false;
    QTest::newRow("throttled on every attempt")
        << FixtureAction::awsError(400, u"ThrottlingException"_s, u"Rate exceeded"_s)
               .withHeader("x-amzn-RequestId", "req-9")
        << QStringList { u"--max-attempts"_s, u"2"_s }
        << u"error: ThrottlingException: Rate exceeded (request id req-9)"_s << false;
    QTest::newRow("503 with an empty body")
        << FixtureAction::raw(503, {}, {}).withHeader("x-amzn-RequestId", "req-10")
        << QStringList { u"--max-attempts"_s, u"1"_s }
        << u"error: ServiceUnavailable: HTTP 503 Service Unavailable with an empty response body (request id req-10)"_s
        << true;
    QTest::newRow("connection dropped")
        << FixtureAction::dropAfterBody() << QStringList { u"--max-attempts"_s, u"1"_s }
        << u"error: NetworkError: The connection broke after the request was sent: "_s << false;
}

void TestCliRemoteFixture::errorLines()
{
    QFETCH(FixtureAction, answer);
    QFETCH(QStringList, options);
    QFETCH(QString, expected);
    QFETCH(bool, endpointNote);
    m_server->setDefaultHandler([answer](const FixtureRequest &) { return answer; });
    const CliRunner::Result result = cli(QStringList { u"describe-training-job"_s, u"job-1"_s } + options);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    const QStringList lines = result.errText().split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(!lines.isEmpty() && lines.first().startsWith(expected), result.err.constData());
    QCOMPARE(lines.size(), endpointNote ? 2 : 1);
    if (endpointNote)
        QVERIFY2(lines.last().startsWith(u"note: the endpoint "_s), result.err.constData());
}

void TestCliRemoteFixture::submitLostAnswerConfirmed()
{
    const QJsonObject spec = sampleTrainingJob(u"job-1"_s);
    const QString arn = u"arn:aws:sagemaker:us-east-1:123456789012:training-job/job-1"_s;
    m_server->enqueue(u"CreateTrainingJob"_s, FixtureAction::dropAfterBody());
    m_server->setHandler(u"CreateTrainingJob"_s, [](const FixtureRequest &) {
        return FixtureAction::awsError(
            400, u"ResourceInUse"_s, u"a training job with this name already exists"_s);
    });
    m_server->setHandler(u"DescribeTrainingJob"_s, [&](const FixtureRequest &) {
        return FixtureAction::json(describedAs(spec, u"TrainingJobArn"_s, arn));
    });
    m_server->setHandler(u"ListTags"_s, [&](const FixtureRequest &) {
        return FixtureAction::json({ { u"Tags"_s, spec.value(u"Tags"_s) } });
    });

    const CliRunner::Result result
        = cli({ u"submit"_s, m_runner->writeFile(u"job.json"_s, QJsonDocument(spec).toJson()) });
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QCOMPARE(QJsonDocument::fromJson(result.out).object(), (QJsonObject { { u"TrainingJobArn"_s, arn } }));
    QVERIFY2(result.errText().startsWith(u"note: the answer to the first attempt was lost"_s),
        result.err.constData());
    QCOMPARE(m_server->requestCount(u"CreateTrainingJob"_s), 2); // never a third, never a second job
}

void TestCliRemoteFixture::submitLostAnswerNameClash()
{
    const QJsonObject spec = sampleTrainingJob(u"job-1"_s);
    QJsonObject other = describedAs(spec, u"TrainingJobArn"_s, u"arn:other"_s);
    other.insert(u"RoleArn"_s, u"arn:aws:iam::123456789012:role/Other"_s);
    m_server->enqueue(u"CreateTrainingJob"_s, FixtureAction::awsError(500, u"InternalFailure"_s, u"oops"_s));
    m_server->setHandler(u"CreateTrainingJob"_s, [](const FixtureRequest &) {
        return FixtureAction::awsError(
            400, u"ResourceInUse"_s, u"a training job with this name already exists"_s)
            .withHeader("x-amzn-RequestId", "req-create");
    });
    m_server->setHandler(
        u"DescribeTrainingJob"_s, [&](const FixtureRequest &) { return FixtureAction::json(other); });

    const CliRunner::Result result
        = cli({ u"submit"_s, m_runner->writeFile(u"job.json"_s, QJsonDocument(spec).toJson()) });
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QCOMPARE(result.errText(),
        u"error: ResourceInUse: A training job named \"job-1\" already exists and is not the one this "
        u"request describes "
        "(it differs in RoleArn) (request id req-create)\n"_s);
    QCOMPARE(m_server->requestCount(u"CreateTrainingJob"_s), 2);
}

void TestCliRemoteFixture::exportFailsWithoutItsTags_data()
{
    QTest::addColumn<QString>("refused"); // the operation the server refuses
    QTest::addColumn<QString>("expected"); // stderr's first line
    QTest::newRow("describe refused")
        << u"DescribeTrainingJob"_s << u"error: AccessDeniedException: not allowed (request id req-denied)"_s;
    // A clone without its tags is not the lossless clone export promises: no request is printed.
    QTest::newRow("tags refused") << u"ListTags"_s
                                  << u"error: AccessDeniedException: not allowed (request id req-denied)"_s;
}

void TestCliRemoteFixture::exportFailsWithoutItsTags()
{
    QFETCH(QString, refused);
    QFETCH(QString, expected);
    const QJsonObject described = describedAs(sampleTrainingJob(u"job-1"_s), u"TrainingJobArn"_s,
        u"arn:aws:sagemaker:us-east-1:123456789012:training-job/job-1"_s);
    m_server->setHandler(
        u"DescribeTrainingJob"_s, [&](const FixtureRequest &) { return FixtureAction::json(described); });
    m_server->setHandler(u"ListTags"_s, [](const FixtureRequest &) { return FixtureAction::json({}); });
    m_server->setHandler(refused, [](const FixtureRequest &) {
        return FixtureAction::awsError(400, u"AccessDeniedException"_s, u"not allowed"_s)
            .withHeader("x-amzn-RequestId", "req-denied");
    });
    const CliRunner::Result result = cli({ u"export-training-job"_s, u"job-1"_s });
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.errText().startsWith(expected), qPrintable(result.describe()));
    QCOMPARE(m_server->requestCount(u"ListTags"_s), refused == "ListTags"_L1 ? 1 : 0);
}

void TestCliRemoteFixture::watch_data()
{
    QTest::addColumn<QStringList>("jobs");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("expectedLines");

    QTest::newRow("completes: 0")
        << QStringList { u"job-ok"_s } << 0
        << QStringList {
               u"2026-01-01T00:00:00Z  job-ok  InProgress (Starting)  Preparing the instances for training"_s,
               u"2026-01-01T00:01:00Z  job-ok  InProgress (Downloading)  Downloading input data"_s,
               u"2026-01-01T00:02:00Z  job-ok  InProgress (Training)  Training in progress"_s,
               u"2026-01-01T00:05:00Z  job-ok  InProgress (Uploading)  Uploading generated training model"_s,
               u"2026-01-01T00:06:00Z  job-ok  Completed  Training job completed"_s,
           };
    QTest::newRow("one fails: 1")
        << QStringList { u"job-ok"_s, u"job-bad"_s } << 1
        << QStringList {
               u"2026-01-01T00:00:00Z  job-ok  InProgress (Starting)  Preparing the instances for training"_s,
               u"2026-01-01T00:00:00Z  job-bad  InProgress (Starting)  Preparing the instances for training"_s,
               u"2026-01-01T00:01:00Z  job-ok  InProgress (Downloading)  Downloading input data"_s,
               u"2026-01-01T00:02:00Z  job-ok  InProgress (Training)  Training in progress"_s,
               u"2026-01-01T00:01:30Z  job-bad  Failed  AlgorithmError: out of memory"_s,
               u"2026-01-01T00:05:00Z  job-ok  InProgress (Uploading)  Uploading generated training model"_s,
               u"2026-01-01T00:06:00Z  job-ok  Completed  Training job completed"_s,
           };
    QTest::newRow("one stopped: 3")
        << QStringList { u"job-ok"_s, u"job-stop"_s } << 3
        << QStringList {
               u"2026-01-01T00:00:00Z  job-ok  InProgress (Starting)  Preparing the instances for training"_s,
               u"2026-01-01T00:00:00Z  job-stop  InProgress (Starting)  Preparing the instances for training"_s,
               u"2026-01-01T00:02:00Z  job-stop  InProgress (Training)  Training in progress"_s,
               u"2026-01-01T00:01:00Z  job-ok  InProgress (Downloading)  Downloading input data"_s,
               u"2026-01-01T00:02:00Z  job-ok  InProgress (Training)  Training in progress"_s,
               u"2026-01-01T00:03:20Z  job-stop  Stopping  Stopping the job"_s,
               u"2026-01-01T00:05:00Z  job-ok  InProgress (Uploading)  Uploading generated training model"_s,
               u"2026-01-01T00:06:00Z  job-ok  Completed  Training job completed"_s,
               u"2026-01-01T00:03:30Z  job-stop  Stopped  Training job stopped"_s,
           };
    QTest::newRow("failed and stopped: 1")
        << QStringList { u"job-bad"_s, u"job-stop"_s } << 1 << QStringList();
    QTest::newRow("no such job: 1") << QStringList { u"job-ok"_s, u"job-missing"_s } << 1 << QStringList();
}

void TestCliRemoteFixture::watch()
{
    QFETCH(QStringList, jobs);
    QFETCH(int, exitCode);
    QFETCH(QStringList, expectedLines);
    script({ { u"job-ok"_s, completes(u"job-ok"_s) }, { u"job-bad"_s, fails(u"job-bad"_s) },
        { u"job-stop"_s, isStopped(u"job-stop"_s) } });
    const CliRunner::Result result = cli(QStringList { u"watch"_s, u"--interval"_s, u"0.05"_s } + jobs);
    QVERIFY2(result.exitCode == exitCode, qPrintable(result.describe()));
    if (!expectedLines.isEmpty())
        QCOMPARE(result.outText().split(u'\n', Qt::SkipEmptyParts), expectedLines);
    if (jobs.contains(u"job-missing"_s))
        QVERIFY2(result.errText().contains(
                     u"error: ValidationException: Requested resource not found. (request id req-missing)"_s),
            result.err.constData());
    else
        QVERIFY2(result.err.isEmpty(), result.err.constData());
    // Finished jobs are not described again.
    if (exitCode != 1 || !jobs.contains(u"job-missing"_s))
        for (const QString &job : jobs)
            QVERIFY(m_described.value(job) <= 3);
}

void TestCliRemoteFixture::watchJsonLines()
{
    script({ { u"job-bad"_s, fails(u"job-bad"_s) } });
    const CliRunner::Result result
        = cli({ u"watch"_s, u"job-bad"_s, u"--interval"_s, u"0.05"_s, u"--output"_s, u"json"_s });
    QCOMPARE(result.exitCode, 1);
    const QList<QByteArray> lines = result.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject last = QJsonDocument::fromJson(lines.last()).object();
    QCOMPARE(last,
        (QJsonObject { { u"Time"_s, u"2026-01-01T00:01:30Z"_s }, { u"TrainingJobName"_s, u"job-bad"_s },
            { u"TrainingJobStatus"_s, u"Failed"_s }, { u"SecondaryStatus"_s, u"Failed"_s },
            { u"StatusMessage"_s, u"AlgorithmError: out of memory"_s } }));
}

void TestCliRemoteFixture::watchTransientErrorKeepsPolling()
{
    script({ { u"job-ok"_s, completes(u"job-ok"_s) } });
    m_server->enqueue(u"DescribeTrainingJob"_s, FixtureAction::json(completes(u"job-ok"_s).first()));
    m_server->enqueue(
        u"DescribeTrainingJob"_s, FixtureAction::awsError(503, u"ServiceUnavailable"_s, u"busy"_s));
    const CliRunner::Result result
        = cli({ u"watch"_s, u"job-ok"_s, u"--interval"_s, u"0.05"_s, u"--max-attempts"_s, u"1"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QVERIFY2(
        result.errText().startsWith(u"warning: job-ok: ServiceUnavailable: busy"_s), result.err.constData());
    QVERIFY(result.outText().endsWith(u"job-ok  Completed  Training job completed\n"_s));
}

void TestCliRemoteFixture::watchTimesOut()
{
    script({ { u"job-slow"_s,
        { step(u"job-slow"_s, u"InProgress"_s, u"Training"_s, { starting, training }) } } });
    const CliRunner::Result result
        = cli({ u"watch"_s, u"job-slow"_s, u"--interval"_s, u"0.05"_s, u"--timeout"_s, u"1"_s });
    QCOMPARE(result.exitCode, 4);
    QCOMPARE(result.errText(), u"error: --timeout passed; still running: job-slow\n"_s);
    QCOMPARE(result.outText().count(u'\n'), 2); // Starting and Training, each once
    // It kept polling until then: a second round at least (how many fit in 1 s depends on the machine).
    QVERIFY(m_described.value(u"job-slow"_s) >= 2);
}

QTEST_GUILESS_MAIN(TestCliRemoteFixture)
#include "tst_cli_remote_fixture.moc"
