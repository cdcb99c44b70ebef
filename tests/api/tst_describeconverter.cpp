#include "apitestdata.h"
#include "core/api/describeconverter.h"
#include "core/api/specjson.h"
#include "core/api/specvalidator.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

// Describe → create on real describe answers captured from moto_server (tools/capture-describe-fixtures.sh:
// epoch times as the API sends them, and ISO times as the AWS CLI prints them) and on a SageMaker-shaped
// answer with what moto leaves out (empty KmsKeyId, service-resolved image, read-only and unknown members).
class DescribeConverterTest : public QObject
{
    Q_OBJECT

private slots:
    void convertsToTheExpectedRequest_data();
    void convertsToTheExpectedRequest();
    void readOnlyMembersAreDroppedAndListed();
    void epochAndIsoAnswersGiveTheSameRequest_data();
    void epochAndIsoAnswersGiveTheSameRequest();
    void createRequestsPassThrough_data();
    void createRequestsPassThrough();
    void emptyValuesAreRemoved();
    void tagsMerge_data();
    void tagsMerge();
    void notesSayWhatHappened();
};

void DescribeConverterTest::convertsToTheExpectedRequest_data()
{
    QTest::addColumn<QString>("describe");
    QTest::addColumn<QString>("tags");
    QTest::addColumn<SpecKind>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("moto training job, epoch")
        << u"captured/describe-training-job.epoch.json"_s << u"captured/list-tags-training-job.json"_s
        << SpecKind::TrainingJob << u"captured/describe-training-job.create.json"_s;
    QTest::newRow("moto training job, ISO")
        << u"captured/describe-training-job.iso.json"_s << u"captured/list-tags-training-job.json"_s
        << SpecKind::TrainingJob << u"captured/describe-training-job.create.json"_s;
    QTest::newRow("moto model, epoch")
        << u"captured/describe-model.epoch.json"_s << u"captured/list-tags-model.json"_s << SpecKind::Model
        << u"captured/describe-model.create.json"_s;
    QTest::newRow("moto model, ISO") << u"captured/describe-model.iso.json"_s
                                     << u"captured/list-tags-model.json"_s << SpecKind::Model
                                     << u"captured/describe-model.create.json"_s;
    QTest::newRow("SageMaker-shaped training job")
        << u"describe-training-job-sagemaker.json"_s << u"list-tags-sagemaker.json"_s << SpecKind::TrainingJob
        << u"describe-training-job-sagemaker.create.json"_s;
}

void DescribeConverterTest::convertsToTheExpectedRequest()
{
    QFETCH(QString, describe);
    QFETCH(QString, tags);
    QFETCH(SpecKind, kind);
    QFETCH(QString, expected);
    const QJsonObject answer = ApiTestData::object(describe);
    QCOMPARE(SpecKinds::detect(answer)->form, SpecForm::DescribeOutput);
    QCOMPARE(SpecKinds::detect(answer)->kind, kind);
    const DescribeConverter::Result result
        = DescribeConverter::toCreateRequest(kind, answer, ApiTestData::object(tags));
    QCOMPARE(QString::fromUtf8(SpecJson::write(result.request, kind)),
        QString::fromUtf8(ApiTestData::bytes(expected)));
    // The converted request is valid but for the unknown member the SageMaker-shaped answer carries.
    QStringList errors;
    for (const Diagnostic &d : validateSpec(kind, result.request))
        errors.append(d.path + u' ' + d.code);
    if (describe.contains("sagemaker"_L1))
        QCOMPARE(errors, QStringList { u"FutureReadOnlyInsight unknownField"_s });
    else
        QCOMPARE(errors, QStringList());
}

void DescribeConverterTest::readOnlyMembersAreDroppedAndListed()
{
    const DescribeConverter::Result result = DescribeConverter::toCreateRequest(
        SpecKind::TrainingJob, ApiTestData::object(u"describe-training-job-sagemaker.json"_s));
    QCOMPARE(result.droppedReadOnly,
        QStringList(
            { u"BillableTimeInSeconds"_s, u"CreationTime"_s, u"FinalMetricDataList"_s, u"LastModifiedTime"_s,
                u"ModelArtifacts"_s, u"ProfilerRuleEvaluationStatuses"_s, u"ProfilingStatus"_s,
                u"ResponseMetadata"_s, u"SecondaryStatus"_s, u"SecondaryStatusTransitions"_s,
                u"TrainingEndTime"_s, u"TrainingJobArn"_s, u"TrainingJobStatus"_s, u"TrainingStartTime"_s,
                u"TrainingTimeInSeconds"_s, u"WarmPoolStatus"_s }));
    for (const QString &member : result.droppedReadOnly)
        QVERIFY2(!result.request.contains(member), qPrintable(member));
}

void DescribeConverterTest::epochAndIsoAnswersGiveTheSameRequest_data()
{
    QTest::addColumn<QString>("epoch");
    QTest::addColumn<QString>("iso");
    QTest::addColumn<SpecKind>("kind");
    QTest::newRow("training job") << u"captured/describe-training-job.epoch.json"_s
                                  << u"captured/describe-training-job.iso.json"_s << SpecKind::TrainingJob;
    QTest::newRow("model") << u"captured/describe-model.epoch.json"_s << u"captured/describe-model.iso.json"_s
                           << SpecKind::Model;
}

void DescribeConverterTest::epochAndIsoAnswersGiveTheSameRequest()
{
    QFETCH(QString, epoch);
    QFETCH(QString, iso);
    QFETCH(SpecKind, kind);
    const QJsonObject a = ApiTestData::object(epoch);
    const QJsonObject b = ApiTestData::object(iso);
    QVERIFY(a.value("CreationTime"_L1).isDouble());
    QVERIFY(b.value("CreationTime"_L1).isString());
    QCOMPARE(DescribeConverter::toCreateRequest(kind, a).request,
        DescribeConverter::toCreateRequest(kind, b).request);
}

void DescribeConverterTest::createRequestsPassThrough_data()
{
    ApiTestData::addSpecFileRows();
    QTest::newRow("with unknown members") << u"training-job-unknown-fields.json"_s << SpecKind::TrainingJob;
}

void DescribeConverterTest::createRequestsPassThrough()
{
    QFETCH(QString, file);
    QFETCH(SpecKind, kind);
    const QJsonObject spec = ApiTestData::object(file);
    const DescribeConverter::Result result = DescribeConverter::toCreateRequest(kind, spec);
    QCOMPARE(result.request, spec);
    QVERIFY(result.droppedReadOnly.isEmpty());
}

void DescribeConverterTest::emptyValuesAreRemoved()
{
    const QJsonObject answer = TestData::jsonObject(R"({
        "ModelName": "m", "ModelArn": "arn", "Containers": [], "VpcConfig": {"Subnets": [], "SecurityGroupIds": []},
        "PrimaryContainer": {"Image": "i", "Environment": {}, "ContainerHostname": "", "ImageConfig": null,
                             "AdditionalModelDataSources": [{}]},
        "ExecutionRoleArn": "", "Tags": [], "FutureEmpty": {}})");
    const DescribeConverter::Result result = DescribeConverter::toCreateRequest(SpecKind::Model, answer);
    // Unknown members stay as they are, even when empty.
    QCOMPARE(result.request,
        TestData::jsonObject(R"({"ModelName": "m", "PrimaryContainer": {"Image": "i"}, "FutureEmpty": {}})"));
}

void DescribeConverterTest::tagsMerge_data()
{
    QTest::addColumn<QByteArray>("documentTags");
    QTest::addColumn<QByteArray>("listTags");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("none") << QByteArray("[]") << QByteArray("{}") << QByteArray("null");
    QTest::newRow("from ListTags") << QByteArray("[]")
                                   << QByteArray(R"({"Tags": [{"Key": "a", "Value": "1"}]})")
                                   << QByteArray(R"([{"Key": "a", "Value": "1"}])");
    QTest::newRow("ListTags replaces the same key, appends others")
        << QByteArray(R"([{"Key": "a", "Value": "old"}, {"Key": "b", "Value": "2"}])")
        << QByteArray(
               R"({"Tags": [{"Key": "c", "Value": "3"}, {"Key": "a", "Value": "new"}], "NextToken": "x"})")
        << QByteArray(
               R"([{"Key": "a", "Value": "new"}, {"Key": "b", "Value": "2"}, {"Key": "c", "Value": "3"}])");
    QTest::newRow("system tags skipped")
        << QByteArray("[]")
        << QByteArray(R"({"Tags": [{"Key": "aws:x", "Value": "1"}, {"Key": "AWS:y", "Value": "2"}]})")
        << QByteArray("null");
}

void DescribeConverterTest::tagsMerge()
{
    QFETCH(QByteArray, documentTags);
    QFETCH(QByteArray, listTags);
    QFETCH(QByteArray, expected);
    const QJsonObject doc
        = TestData::jsonObject(QByteArray(R"({"ModelName": "m", "Tags": )" + documentTags + '}').constData());
    const DescribeConverter::Result result = DescribeConverter::toCreateRequest(
        SpecKind::Model, doc, TestData::jsonObject(listTags.constData()));
    const QJsonValue want = TestData::jsonValue(expected);
    QCOMPARE(result.request.value("Tags"_L1).isUndefined() ? QJsonValue(QJsonValue::Null)
                                                           : result.request.value("Tags"_L1),
        want);
}

void DescribeConverterTest::notesSayWhatHappened()
{
    const DescribeConverter::Result result = DescribeConverter::toCreateRequest(SpecKind::TrainingJob,
        ApiTestData::object(u"describe-training-job-sagemaker.json"_s),
        ApiTestData::object(u"list-tags-sagemaker.json"_s));
    QCOMPARE(ApiTestData::findings(result.notes),
        QStringList({ u"FutureReadOnlyInsight unknownFieldKept (warning)"_s,
            u"AlgorithmSpecification.TrainingImage resolvedImageDropped (warning)"_s,
            u"Tags systemTagSkipped (warning)"_s }));
    QCOMPARE(result.notes.at(1).severity, Diagnostic::Severity::Info);
}

QTEST_GUILESS_MAIN(DescribeConverterTest)
#include "tst_describeconverter.moc"
