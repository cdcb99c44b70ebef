#include "apitestdata.h"
#include "core/api/describeconverter.h"
#include "core/api/modelspec.h"
#include "core/api/specjson.h"
#include "core/api/specskeleton.h"
#include "core/api/specvalidator.h"
#include "core/api/trainingjobspec.h"
#include "tests/support/motoserver.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

// The AWS CLI, the peer every exported spec is for, accepts our exports unchanged, against moto_server:
// hand-written specs, skeletons, and create requests converted from real describe answers in all three
// forms (raw JSON 1.1 with epoch times, AWS CLI output with epoch times, AWS CLI output with ISO times).
class AwsCliAcceptanceTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void exportsAreAccepted_data();
    void exportsAreAccepted();
    void describeConvertCreateRoundTrip_data();
    void describeConvertCreateRoundTrip();

private:
    enum class AnswerForm { RawApi, CliEpoch, CliIso };
    QString exportToFile(const QJsonObject &doc, SpecKind kind, const QString &name);
    QJsonObject describe(SpecKind kind, const QString &name, AnswerForm form);
    QJsonObject rawApi(const QString &operation, const QJsonObject &body);

    std::unique_ptr<MotoServer> m_moto;
    QTemporaryDir m_dir;
};

Q_DECLARE_METATYPE(QJsonObject)

namespace {
QStringList createCommand(SpecKind kind, const QString &file)
{
    return { u"sagemaker"_s, kind == SpecKind::TrainingJob ? u"create-training-job"_s : u"create-model"_s,
        u"--cli-input-json"_s, u"file://"_s + file };
}

QJsonObject parseOutput(const QByteArray &out)
{
    const SpecJson::ParseResult parsed = SpecJson::parse(out);
    if (!parsed.ok)
        qWarning("unparsable output: %s", out.constData());
    return parsed.document;
}
} // namespace

void AwsCliAcceptanceTest::initTestCase()
{
    // A fail, not a skip: scripts/install-deps.sh installs both, and a skip would pass on a broken setup.
    QVERIFY2(MotoServer::isAvailable(), "moto_server is not on PATH (scripts/install-deps.sh installs it)");
    QVERIFY2(MotoServer::isAwsCliAvailable(),
        "aws (the AWS CLI) is not on PATH (scripts/install-deps.sh installs it)");
    QVERIFY(m_dir.isValid());
    m_moto = std::make_unique<MotoServer>();
    QVERIFY2(m_moto->isRunning(), qPrintable(m_moto->errorString()));
    QCOMPARE(m_moto->endpoint().host(), u"127.0.0.1"_s);
}

void AwsCliAcceptanceTest::cleanupTestCase()
{
    m_moto.reset();
}

QString AwsCliAcceptanceTest::exportToFile(const QJsonObject &doc, SpecKind kind, const QString &name)
{
    const QString file = m_dir.filePath(name);
    QString error;
    if (!SpecJson::save(file, doc, kind, &error))
        qWarning("export failed: %s", qPrintable(error));
    return file;
}

QJsonObject AwsCliAcceptanceTest::rawApi(const QString &operation, const QJsonObject &body)
{
    // moto does not check signatures; the Authorization header only has to name the service and region.
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(m_moto->endpoint());
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-amz-json-1.1"_s);
    request.setRawHeader("X-Amz-Target", "SageMaker." + operation.toLatin1());
    request.setRawHeader("X-Amz-Date", "20260101T000000Z");
    request.setRawHeader("Authorization",
        "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/sagemaker/aws4_request, "
        "SignedHeaders=host;x-amz-date;x-amz-target, Signature=00");
    QNetworkReply *reply = network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    // Bounded: a hung moto_server fails this test in 30 s, not at CTest's timeout.
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 30000))
        qWarning("%s: no answer from moto_server within 30 s", qPrintable(operation));
    const QByteArray answer = reply->readAll();
    reply->deleteLater();
    return QJsonDocument::fromJson(answer).object();
}

QJsonObject AwsCliAcceptanceTest::describe(SpecKind kind, const QString &name, AnswerForm form)
{
    if (form == AnswerForm::RawApi)
        return rawApi(SpecKinds::describeOperation(kind), { { SpecKinds::nameMember(kind), name } });
    QProcessEnvironment extra;
    if (form == AnswerForm::CliIso) {
        // What AWS CLI v2 prints by default; v1 needs the setting.
        const QString config = m_dir.filePath(u"iso-config"_s);
        SpecJson::save(config, QByteArray("[default]\ncli_timestamp_format = iso8601\n"));
        extra.insert(u"AWS_CONFIG_FILE"_s, config);
    }
    const MotoServer::CliResult r = m_moto->aws(
        { u"sagemaker"_s, kind == SpecKind::TrainingJob ? u"describe-training-job"_s : u"describe-model"_s,
            kind == SpecKind::TrainingJob ? u"--training-job-name"_s : u"--model-name"_s, name },
        extra);
    if (!r.ok())
        qWarning("describe failed: %s", qPrintable(r.describe()));
    return parseOutput(r.out);
}

void AwsCliAcceptanceTest::exportsAreAccepted_data()
{
    QTest::addColumn<QJsonObject>("spec");
    QTest::addColumn<SpecKind>("kind");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("full training job")
        << ApiTestData::object(u"training-job-full.json"_s) << SpecKind::TrainingJob << true;
    QTest::newRow("minimal training job")
        << ApiTestData::object(u"training-job-minimal.json"_s) << SpecKind::TrainingJob << true;
    QTest::newRow("full model") << ApiTestData::object(u"model-full.json"_s) << SpecKind::Model << true;
    QTest::newRow("minimal model") << ApiTestData::object(u"model-minimal.json"_s) << SpecKind::Model << true;
    QTest::newRow("training job skeleton")
        << SpecSkeleton::document(SpecKind::TrainingJob) << SpecKind::TrainingJob << true;
    QTest::newRow("model skeleton") << SpecSkeleton::document(SpecKind::Model) << SpecKind::Model << true;
    // The peer is strict: what the validator only warns about, it rejects. This row proves the check bites.
    QTest::newRow("unknown members are rejected")
        << ApiTestData::object(u"training-job-unknown-fields.json"_s) << SpecKind::TrainingJob << false;

    TrainingJobSpec edited(ApiTestData::object(u"training-job-minimal.json"_s));
    edited.setName(u"edited-through-accessors"_s);
    edited.setEnableManagedSpotTraining(true);
    edited.setMaxWaitTimeInSeconds(7200);
    edited.setCheckpointS3Uri(u"s3://example-bucket/checkpoints/"_s);
    edited.setEnvironment({ { u"MODE"_s, u"fast"_s } });
    edited.setTags({ { u"owner"_s, QString() } });
    QTest::newRow("training job edited through accessors") << edited.json() << SpecKind::TrainingJob << true;
}

void AwsCliAcceptanceTest::exportsAreAccepted()
{
    QFETCH(QJsonObject, spec);
    QFETCH(SpecKind, kind);
    QFETCH(bool, accepted);
    QCOMPARE(hasErrors(validateSpec(kind, spec)), false);
    const QString file = exportToFile(
        spec, kind, QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-') + u".json"_s);
    const MotoServer::CliResult r = m_moto->aws(createCommand(kind, file));
    if (accepted) {
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QVERIFY(
            parseOutput(r.out).contains(kind == SpecKind::TrainingJob ? "TrainingJobArn"_L1 : "ModelArn"_L1));
    } else {
        QVERIFY2(!r.ok(), qPrintable(r.describe()));
        QVERIFY2(r.err.contains("Unknown parameter"), r.err.constData());
    }
}

void AwsCliAcceptanceTest::describeConvertCreateRoundTrip_data()
{
    QTest::addColumn<SpecKind>("kind");
    QTest::addColumn<int>("form");
    QTest::newRow("training job, raw API (epoch)") << SpecKind::TrainingJob << int(AnswerForm::RawApi);
    QTest::newRow("training job, AWS CLI (epoch)") << SpecKind::TrainingJob << int(AnswerForm::CliEpoch);
    QTest::newRow("training job, AWS CLI (ISO)") << SpecKind::TrainingJob << int(AnswerForm::CliIso);
    QTest::newRow("model, raw API (epoch)") << SpecKind::Model << int(AnswerForm::RawApi);
    QTest::newRow("model, AWS CLI (epoch)") << SpecKind::Model << int(AnswerForm::CliEpoch);
    QTest::newRow("model, AWS CLI (ISO)") << SpecKind::Model << int(AnswerForm::CliIso);
}

void AwsCliAcceptanceTest::describeConvertCreateRoundTrip()
{
    QFETCH(SpecKind, kind);
    QFETCH(int, form);
    const auto answerForm = AnswerForm(form);
    const QString tag = QString::number(form);

    // Create the original with the AWS CLI from a hand-written spec.
    SpecDocument original(ApiTestData::object(
        kind == SpecKind::TrainingJob ? u"training-job-full.json"_s : u"model-full.json"_s));
    const QString name = u"round-trip-"_s + tag;
    original.setString(SpecKinds::nameMember(kind), name);
    const MotoServer::CliResult created
        = m_moto->aws(createCommand(kind, exportToFile(original.json(), kind, name + u".json"_s)));
    QVERIFY2(created.ok(), qPrintable(created.describe()));
    const QString arn = parseOutput(created.out)
                            .value(kind == SpecKind::TrainingJob ? "TrainingJobArn"_L1 : "ModelArn"_L1)
                            .toString();

    // Describe it in the row's form, and fetch its tags.
    const QJsonObject answer = describe(kind, name, answerForm);
    QCOMPARE(answer.value(SpecKinds::nameMember(kind)).toString(), name);
    QCOMPARE(answer.value("CreationTime"_L1).isString(), answerForm == AnswerForm::CliIso);
    QCOMPARE(SpecKinds::detect(answer)->form, SpecForm::DescribeOutput);
    const MotoServer::CliResult tags
        = m_moto->aws({ u"sagemaker"_s, u"list-tags"_s, u"--resource-arn"_s, arn });
    QVERIFY2(tags.ok(), qPrintable(tags.describe()));

    // Convert, check, export, and hand the file to the AWS CLI unchanged.
    const DescribeConverter::Result converted
        = DescribeConverter::toCreateRequest(kind, answer, parseOutput(tags.out));
    QCOMPARE(ApiTestData::findings(validateSpec(kind, converted.request)), QStringList());
    QCOMPARE(converted.request.value("Tags"_L1), original.json().value("Tags"_L1));
    const QString exported = exportToFile(converted.request, kind, name + u"-converted.json"_s);
    const MotoServer::CliResult recreated = m_moto->aws(createCommand(kind, exported));
    QVERIFY2(recreated.ok(), qPrintable(recreated.describe()));

    // What the service keeps of the re-created resource is what it kept of the original.
    const QJsonObject again = describe(kind, name, answerForm);
    QCOMPARE(
        DescribeConverter::toCreateRequest(kind, again, parseOutput(tags.out)).request, converted.request);
}

QTEST_GUILESS_MAIN(AwsCliAcceptanceTest)
#include "tst_awscliacceptance.moc"
