#include "core/aws/awstransport.h"
#include "core/aws/clock.h"
#include "core/aws/credentialsprovider.h"
#include "core/sagemaker/describematcher.h"
#include "core/sagemaker/sagemakerclient.h"
#include "tests/cli/clirunner.h"
#include "tests/sagemaker/samplespecs.h"
#include "tests/support/motoserver.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

// Proves every networked sagedesk-cli command against moto_server (one per fixture, on a free loopback
// port), run as a user runs it: a separate process, a private HOME, test keys, --endpoint-url. Covers submit
// (validated first, refused on errors, --no-validate), describe, delete, list with its filters and
// --max-items across 250 training jobs, --output text, the export → `aws sagemaker create-training-job
// --cli-input-json` clone round trip, moto's missing StopTrainingJob, --debug without secrets, connection
// problems (exit 2) and --help for every command.
class TestCliRemote : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void helpForEveryCommand_data();
    void helpForEveryCommand();
    void submitAndDescribeTrainingJob();
    void submitRefusesInvalidSpec();
    void submitNoValidateSendsAnyway();
    void submitDescribeAnswerClones();
    void submitUnreadableInput_data();
    void submitUnreadableInput();
    void modelSubmitDescribeDelete();
    void listTrainingJobsAcross250();
    void listFilters_data();
    void listFilters();
    void listUsageErrors_data();
    void listUsageErrors();
    void listModelsAndText();
    void exportClonesThroughAwsCli_data();
    void exportClonesThroughAwsCli();
    void stopTrainingJobMissingInMoto();
    void debugShowsExchangeWithoutSecrets();
    void connectionProblems_data();
    void connectionProblems();

private:
    CliRunner::Result cli(const QStringList &arguments, int timeoutMs = 60000);
    QString specFile(const QString &name, const QJsonObject &spec);
    static QJsonObject json(const CliRunner::Result &result);

    std::unique_ptr<MotoServer> m_moto;
    std::unique_ptr<CliRunner> m_runner;
};

void TestCliRemote::initTestCase()
{
    QVERIFY2(QFile::exists(CliRunner::program()), qPrintable(CliRunner::program()));
    QVERIFY2(MotoServer::isAvailable(), "moto_server is not on PATH");
    m_moto = std::make_unique<MotoServer>();
    QVERIFY2(m_moto->isRunning(), qPrintable(m_moto->errorString()));
    m_runner = std::make_unique<CliRunner>();
}

void TestCliRemote::cleanupTestCase()
{
    m_runner.reset();
    m_moto.reset();
}

CliRunner::Result TestCliRemote::cli(const QStringList &arguments, int timeoutMs)
{
    return m_runner->run(
        arguments + QStringList { u"--endpoint-url"_s, m_moto->endpoint().toString() }, timeoutMs);
}

QString TestCliRemote::specFile(const QString &name, const QJsonObject &spec)
{
    return m_runner->writeFile(name, QJsonDocument(spec).toJson());
}

QJsonObject TestCliRemote::json(const CliRunner::Result &result)
{
    return QJsonDocument::fromJson(result.out).object();
}

void TestCliRemote::helpForEveryCommand_data()
{
    QTest::addColumn<QString>("command");
    for (const char *command :
        { "submit", "describe-training-job", "describe-model", "stop-training-job", "delete-model",
            "list-training-jobs", "list-models", "export-training-job", "export-model", "watch" })
        QTest::newRow(command) << QString::fromLatin1(command);
}

void TestCliRemote::helpForEveryCommand()
{
    QFETCH(QString, command);
    const CliRunner::Result result = m_runner->run({ command, u"--help"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QVERIFY2(result.outText().startsWith(u"Usage: sagedesk-cli "_s + command), qPrintable(result.describe()));
    for (const char *option :
        { "--profile", "--region", "--endpoint-url", "--max-attempts", "--debug", "--output" })
        QVERIFY2(result.outText().contains(QLatin1String(option)), option);
    // And the overview lists it.
    QVERIFY(m_runner->run({ u"--help"_s }).outText().contains(u"  "_s + command + u' '));
}

void TestCliRemote::submitAndDescribeTrainingJob()
{
    const QString file = specFile(u"cli-job.json"_s, sampleTrainingJob(u"cli-job"_s));
    const CliRunner::Result submitted = cli({ u"submit"_s, file });
    QVERIFY2(submitted.exitCode == 0, qPrintable(submitted.describe()));
    QCOMPARE(json(submitted).value(u"TrainingJobArn"_s).toString(),
        u"arn:aws:sagemaker:us-east-1:123456789012:training-job/cli-job"_s);
    QVERIFY2(submitted.outText().startsWith(u"{\n    \"TrainingJobArn\": "_s),
        submitted.out.constData()); // pretty, like the AWS CLI

    const CliRunner::Result described = cli({ u"describe-training-job"_s, u"cli-job"_s });
    QVERIFY2(described.exitCode == 0, qPrintable(described.describe()));
    const QJsonObject job = json(described);
    QCOMPARE(job.value(u"HyperParameters"_s), sampleTrainingJob(u"cli-job"_s).value(u"HyperParameters"_s));
    QVERIFY(job.value(u"CreationTime"_s).isDouble()); // the API's epoch seconds
    // The API's member order: the name first, then the ARN.
    QVERIFY(described.out.indexOf("\"TrainingJobName\"") < described.out.indexOf("\"TrainingJobArn\""));

    const CliRunner::Result text
        = cli({ u"describe-training-job"_s, u"cli-job"_s, u"--output"_s, u"text"_s });
    QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
    QVERIFY2(text.outText().contains(QRegularExpression(
                 u"^ResourceConfig\\.InstanceType +ml\\.m5\\.large$"_s, QRegularExpression::MultilineOption)),
        text.out.constData());
    QVERIFY2(text.outText().contains(
                 QRegularExpression(u"^CreationTime +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"_s,
                     QRegularExpression::MultilineOption)),
        text.out.constData());
}

void TestCliRemote::submitRefusesInvalidSpec()
{
    QJsonObject spec = sampleTrainingJob(u"cli-invalid"_s);
    spec.insert(u"StoppingCondition"_s, QJsonObject { { u"MaxRuntimeInSeconds"_s, 0 } });
    const QString file = specFile(u"cli-invalid.json"_s, spec);
    const CliRunner::Result result = cli({ u"submit"_s, file });
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.errText().contains(file + u": StoppingCondition.MaxRuntimeInSeconds: error: "_s),
        result.err.constData());
    QVERIFY2(result.errText().contains(u"nothing was sent"_s), result.err.constData());
    QVERIFY(result.out.isEmpty());
    const CliRunner::Result described = cli({ u"describe-training-job"_s, u"cli-invalid"_s });
    QCOMPARE(described.exitCode, 1); // never created
}

void TestCliRemote::submitNoValidateSendsAnyway()
{
    QJsonObject spec = sampleTrainingJob(u"cli-novalidate"_s);
    spec.insert(u"StoppingCondition"_s,
        QJsonObject { { u"MaxRuntimeInSeconds"_s, 0 } }); // below the minimum; moto takes it
    const CliRunner::Result result
        = cli({ u"submit"_s, u"--no-validate"_s, specFile(u"novalidate.json"_s, spec) });
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QVERIFY(json(result).value(u"TrainingJobArn"_s).toString().endsWith(u"/cli-novalidate"_s));
}

void TestCliRemote::submitDescribeAnswerClones()
{
    QCOMPARE(cli({ u"submit"_s, specFile(u"clone-source.json"_s, sampleTrainingJob(u"clone-source"_s)) }).exitCode, 0);
    const CliRunner::Result described = cli({ u"describe-training-job"_s, u"clone-source"_s });
    QVERIFY2(described.exitCode == 0, qPrintable(described.describe()));
    QJsonObject answer = json(described);
    answer.insert(u"TrainingJobName"_s, u"clone-target"_s);
    // A describe answer is converted to the create request first (its read-only members dropped).
    const CliRunner::Result submitted = cli({ u"submit"_s, specFile(u"clone-target.json"_s, answer), u"--output"_s, u"text"_s });
    QVERIFY2(submitted.exitCode == 0, qPrintable(submitted.describe()));
    QCOMPARE(submitted.outText(), u"TrainingJobArn  arn:aws:sagemaker:us-east-1:123456789012:training-job/clone-target\n"_s);
    const QJsonObject clone = json(cli({ u"describe-training-job"_s, u"clone-target"_s }));
    QCOMPARE(clone.value(u"HyperParameters"_s), answer.value(u"HyperParameters"_s));
    QCOMPARE(clone.value(u"InputDataConfig"_s), answer.value(u"InputDataConfig"_s));
}

void TestCliRemote::submitUnreadableInput_data()
{
    QTest::addColumn<QByteArray>("contents"); // empty: the file does not exist
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing file") << QByteArray() << 2 << u"cannot read"_s;
    QTest::newRow("malformed JSON") << QByteArray("{\n  \"TrainingJobName\": \"x\",\n  oops\n}") << 2
                                    << u":3:"_s;
    QTest::newRow("neither a job nor a model")
        << QByteArray("{\"Name\": \"x\"}") << 1 << u"neither TrainingJobName nor ModelName"_s;
}

void TestCliRemote::submitUnreadableInput()
{
    QFETCH(QByteArray, contents);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    const QString file = contents.isEmpty() ? m_runner->homePath() + u"/no-such-file.json"_s
                                            : m_runner->writeFile(u"unreadable.json"_s, contents);
    const CliRunner::Result result = cli({ u"submit"_s, file });
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.errText().contains(expected), result.err.constData());
}

void TestCliRemote::modelSubmitDescribeDelete()
{
    const QJsonObject spec = sampleModel(u"cli-model"_s);
    const CliRunner::Result submitted = cli({ u"submit"_s, specFile(u"model.json"_s, spec) });
    QVERIFY2(submitted.exitCode == 0, qPrintable(submitted.describe()));
    QVERIFY(json(submitted).value(u"ModelArn"_s).toString().endsWith(u":model/cli-model"_s));

    const CliRunner::Result described = cli({ u"describe-model"_s, u"cli-model"_s });
    QVERIFY2(described.exitCode == 0, qPrintable(described.describe()));
    QCOMPARE(json(described).value(u"PrimaryContainer"_s), spec.value(u"PrimaryContainer"_s));

    const CliRunner::Result deleted = cli({ u"delete-model"_s, u"cli-model"_s });
    QVERIFY2(deleted.exitCode == 0, qPrintable(deleted.describe()));
    QVERIFY(deleted.out.isEmpty()); // like the AWS CLI

    const CliRunner::Result gone = cli({ u"describe-model"_s, u"cli-model"_s });
    QCOMPARE(gone.exitCode, 1);
    QVERIFY(gone.out.isEmpty());
    static const QRegularExpression line(
        u"^error: ValidationException: Could not find model .*cli-model.*\\(request id [A-Za-z0-9-]+\\)\\n$"_s);
    QVERIFY2(line.match(gone.errText()).hasMatch(), gone.err.constData());
}

void TestCliRemote::listTrainingJobsAcross250()
{
    // Set up through the client: 250 creates on a few connections take a moment, not 250 processes.
    AwsTransport transport({ m_moto->endpoint(), u"us-east-1"_s, u"sagemaker"_s },
        std::make_shared<StaticCredentialsProvider>(AwsCredentials { u"AKID"_s, u"secret"_s, {}, {} }),
        Clock::system());
    SageMakerClient client(&transport);
    int done = 0;
    int failed = 0;
    for (int i = 0; i < 250; ++i) {
        SageMakerCall *call
            = client.createTrainingJob(sampleTrainingJob(u"clipage-%1"_s.arg(i, 3, 10, QLatin1Char('0'))));
        connect(call, &SageMakerCall::finished, this, [&](const SageMakerResult &r) {
            ++done;
            failed += r.isOk() ? 0 : 1;
        });
    }
    QVERIFY(QTest::qWaitFor([&] { return done == 250; }, 120000));
    QCOMPARE(failed, 0);

    const CliRunner::Result all = cli({ u"list-training-jobs"_s, u"--name-contains"_s, u"clipage-"_s });
    QVERIFY2(all.exitCode == 0, qPrintable(all.describe()));
    const QJsonObject listed = json(all);
    QCOMPARE(listed.keys(), QStringList { u"TrainingJobSummaries"_s }); // one merged document
    QStringList names;
    for (const QJsonValue &summary : listed.value(u"TrainingJobSummaries"_s).toArray())
        names.append(summary[u"TrainingJobName"_s].toString());
    QCOMPARE(names.size(), 250);
    QCOMPARE(names.removeDuplicates(), 0);

    const CliRunner::Result some
        = cli({ u"list-training-jobs"_s, u"--name-contains"_s, u"clipage-"_s, u"--max-items"_s, u"120"_s });
    QVERIFY2(some.exitCode == 0, qPrintable(some.describe()));
    QCOMPARE(json(some).value(u"TrainingJobSummaries"_s).toArray().size(), 120);
    QVERIFY(!json(some).value(u"NextToken"_s).toString().isEmpty());
}

void TestCliRemote::listFilters_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QStringList>("expected");
    const QStringList both { u"clifilter-a"_s, u"clifilter-b"_s };
    QTest::newRow("name") << QStringList() << both;
    QTest::newRow("completed") << QStringList { u"--status-equals"_s, u"Completed"_s } << both;
    QTest::newRow("in progress") << QStringList { u"--status-equals"_s, u"InProgress"_s } << QStringList();
    QTest::newRow("created after a date")
        << QStringList { u"--creation-time-after"_s, u"2000-01-01"_s } << both;
    QTest::newRow("created before a time")
        << QStringList { u"--creation-time-before"_s, u"2000-01-01T00:00:00Z"_s } << QStringList();
    QTest::newRow("created after epoch seconds")
        << QStringList { u"--creation-time-after"_s, u"946684800"_s } << both;
    QTest::newRow("sorted by name, descending")
        << QStringList { u"--sort-by"_s, u"Name"_s, u"--sort-order"_s, u"Descending"_s } << both;
}

void TestCliRemote::listFilters()
{
    QFETCH(QStringList, options);
    QFETCH(QStringList, expected);
    for (const QString &name : { u"clifilter-a"_s, u"clifilter-b"_s })
        QCOMPARE(cli({ u"submit"_s, specFile(name + u".json"_s, sampleTrainingJob(name)) }).exitCode, 0);
    const CliRunner::Result result
        = cli(QStringList { u"list-training-jobs"_s, u"--name-contains"_s, u"clifilter-"_s } + options);
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QStringList names;
    for (const QJsonValue &summary : json(result).value(u"TrainingJobSummaries"_s).toArray())
        names.append(summary[u"TrainingJobName"_s].toString());
    names.sort();
    QCOMPARE(names, expected);
}

void TestCliRemote::listUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown status") << QStringList { u"list-training-jobs"_s, u"--status-equals"_s,
        u"Running"_s } << u"--status-equals is one of InProgress, Completed"_s;
    QTest::newRow("bad time") << QStringList { u"list-models"_s, u"--creation-time-after"_s, u"yesterday"_s }
                              << u"--creation-time-after wants a time"_s;
    QTest::newRow("bad max items") << QStringList { u"list-models"_s, u"--max-items"_s, u"0"_s }
                                   << u"--max-items wants"_s;
    QTest::newRow("no status filter for models") << QStringList { u"list-models"_s, u"--status-equals"_s,
        u"Completed"_s } << u"Unknown option 'status-equals'"_s;
    QTest::newRow("bad output") << QStringList { u"list-models"_s, u"--output"_s, u"yaml"_s }
                                << u"--output is json or text"_s;
    QTest::newRow("bad max attempts")
        << QStringList { u"list-models"_s, u"--max-attempts"_s, u"none"_s } << u"--max-attempts wants"_s;
    QTest::newRow("describe without a name")
        << QStringList { u"describe-model"_s } << u"give exactly one NAME"_s;
}

void TestCliRemote::listUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const CliRunner::Result result = cli(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.errText().contains(expected), result.err.constData());
    QVERIFY(result.out.isEmpty());
}

void TestCliRemote::listModelsAndText()
{
    for (const QString &name : { u"clilist-1"_s, u"clilist-2"_s })
        QCOMPARE(cli({ u"submit"_s, specFile(name + u".json"_s, sampleModel(name)) }).exitCode, 0);
    const CliRunner::Result listed = cli({ u"list-models"_s, u"--name-contains"_s, u"clilist-"_s });
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
    QCOMPARE(json(listed).value(u"Models"_s).toArray().size(), 2);

    // Global options may come before the command, too.
    const CliRunner::Result text = m_runner->run({ u"--output"_s, u"text"_s, u"--endpoint-url"_s,
        m_moto->endpoint().toString(), u"list-models"_s, u"--name-contains"_s, u"clilist-"_s });
    QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
    const QStringList lines = text.outText().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines[0].startsWith(u"NAME       CREATED"_s), text.out.constData());
    QVERIFY2(lines[1].startsWith(u"clilist-"_s)
            && lines[1].contains(u"arn:aws:sagemaker:us-east-1:123456789012:model/clilist-"_s),
        text.out.constData());

    const CliRunner::Result jobs = cli(
        { u"list-training-jobs"_s, u"--name-contains"_s, u"nothing-matches"_s, u"--output"_s, u"text"_s });
    QVERIFY2(jobs.exitCode == 0, qPrintable(jobs.describe()));
    QCOMPARE(jobs.outText().trimmed(), u"NAME  STATUS  CREATED  ENDED"_s);
}

void TestCliRemote::exportClonesThroughAwsCli_data()
{
    QTest::addColumn<bool>("model");
    QTest::addColumn<bool>("toFile");
    QTest::newRow("training job, --file") << false << true;
    QTest::newRow("model, stdout") << true << false;
}

void TestCliRemote::exportClonesThroughAwsCli()
{
    QFETCH(bool, model);
    QFETCH(bool, toFile);
    QVERIFY2(MotoServer::isAwsCliAvailable(), "aws is not on PATH");
    const QString name = model ? u"export-model"_s : u"export-job"_s;
    const QString command = model ? u"export-model"_s : u"export-training-job"_s;
    const QByteArray nameMember = model ? "ModelName" : "TrainingJobName";
    const QJsonObject spec = model ? sampleModel(name) : sampleTrainingJob(name);
    QCOMPARE(cli({ u"submit"_s, specFile(name + u".json"_s, spec) }).exitCode, 0);

    const QString file = m_runner->homePath() + u'/' + name + u".export.json"_s;
    const CliRunner::Result result
        = cli(QStringList { command, name } + (toFile ? QStringList { u"--file"_s, file } : QStringList()));
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QByteArray exported = result.out;
    if (toFile) {
        QVERIFY(result.out.isEmpty());
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        exported = written.readAll();
    }
    const QJsonObject request = QJsonDocument::fromJson(exported).object();
    // What was submitted, tags (from ListTags) included; the service's own members gone.
    QCOMPARE(DescribeMatcher::differences(spec, request), QStringList());
    QCOMPARE(request.value(u"Tags"_s), spec.value(u"Tags"_s));
    for (const char *readOnly : { "TrainingJobArn", "ModelArn", "CreationTime", "TrainingJobStatus" })
        QVERIFY2(!request.contains(QLatin1String(readOnly)), readOnly);

    // The AWS CLI accepts it as it is, under a new name.
    QByteArray cloneText = exported;
    const QByteArray member = '"' + nameMember + "\": \"" + name.toUtf8();
    cloneText.replace(QByteArray(member + '"'), QByteArray(member + "-clone\""));
    const QString clone = m_runner->writeFile(name + u"-clone.json"_s, cloneText);
    const MotoServer::CliResult created = m_moto->aws({ u"sagemaker"_s,
        model ? u"create-model"_s : u"create-training-job"_s, u"--cli-input-json"_s, u"file://"_s + clone });
    QVERIFY2(created.ok(), qPrintable(created.describe()));

    // Lossless: the clone exports to the same request, tags included.
    const CliRunner::Result again = cli({ command, name + u"-clone"_s });
    QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
    QCOMPARE(again.out, cloneText);
}

void TestCliRemote::stopTrainingJobMissingInMoto()
{
    QCOMPARE(
        cli({ u"submit"_s, specFile(u"stop-job.json"_s, sampleTrainingJob(u"stop-job"_s)) }).exitCode, 0);
    const CliRunner::Result result
        = cli({ u"stop-training-job"_s, u"stop-job"_s, u"--max-attempts"_s, u"1"_s });
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    const QStringList lines = result.errText().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[0].startsWith(
                 u"error: InternalServerError: HTTP 500 Internal Server Error with an HTML page instead "
                 "of an AWS response: 500 Internal Server Error."_s),
        result.err.constData());
    QVERIFY2(!lines[0].contains(u'<'), result.err.constData());
    QVERIFY2(lines[1].startsWith(
                 u"note: the endpoint %1 did not answer StopTrainingJob the way SageMaker does"_s.arg(
                     m_moto->endpoint().toDisplayString())),
        result.err.constData());
    qInfo("what the user sees:\n%s", result.err.constData());
}

void TestCliRemote::debugShowsExchangeWithoutSecrets()
{
    const CliRunner::Result result = cli({ u"list-models"_s, u"--debug"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    const QString err = result.errText();
    QVERIFY2(err.contains(u"** profile default, region us-east-1, endpoint "_s), result.err.constData());
    QVERIFY2(err.contains(u"-> POST "_s) && err.contains(u"-> X-Amz-Target: SageMaker.ListModels"_s),
        result.err.constData());
    QVERIFY2(err.contains(u"-> Authorization: <redacted>"_s), result.err.constData());
    QVERIFY2(err.contains(u"<- 200 in "_s), result.err.constData());
    QVERIFY(!err.contains(QLatin1String(CliRunner::secretKey)));
    QVERIFY(!err.contains(u"Signature="_s));
    QVERIFY(json(result).contains(u"Models"_s)); // stdout stays clean JSON
}

void TestCliRemote::connectionProblems_data()
{
    QTest::addColumn<QStringList>("unset");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no credentials") << QStringList { u"AWS_ACCESS_KEY_ID"_s, u"AWS_SECRET_ACCESS_KEY"_s }
                                    << QStringList() << u"AWS_ACCESS_KEY_ID"_s;
    QTest::newRow("no region") << QStringList { u"AWS_REGION"_s } << QStringList() << u"region"_s;
    QTest::newRow("unknown profile") << QStringList() << QStringList { u"--profile"_s, u"nobody"_s }
                                     << u"nobody"_s;
    QTest::newRow("plain http to a remote host")
        << QStringList() << QStringList { u"--endpoint-url"_s, u"http://example.com"_s } << u"plain http"_s;
}

void TestCliRemote::connectionProblems()
{
    QFETCH(QStringList, unset);
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    CliRunner runner;
    for (const QString &name : unset)
        runner.environment().remove(name);
    const QStringList endpoint = arguments.contains(u"--endpoint-url"_s)
        ? QStringList()
        : QStringList { u"--endpoint-url"_s, m_moto->endpoint().toString() };
    const CliRunner::Result result
        = runner.run(QStringList { u"list-training-jobs"_s } + arguments + endpoint);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.errText().startsWith(u"error: "_s), result.err.constData());
    QVERIFY2(result.errText().contains(expected, Qt::CaseInsensitive), result.err.constData());
    QCOMPARE(result.errText().count(u'\n'), 1); // one clear sentence
    QVERIFY(result.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliRemote)
#include "tst_cli_remote.moc"
