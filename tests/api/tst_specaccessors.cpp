#include "apitestdata.h"
#include "core/api/jsontreeedit.h"
#include "core/api/modelspec.h"
#include "core/api/specjson.h"
#include "core/api/trainingjobspec.h"

#include <QJsonArray>
#include <QTest>
#include <functional>

using namespace Qt::StringLiterals;

using JobEdit = std::function<void(TrainingJobSpec &)>;
using ModelEdit = std::function<void(ModelSpec &)>;
Q_DECLARE_METATYPE(JobEdit)
Q_DECLARE_METATYPE(ModelEdit)

// The form-ready accessors: every getter reads what the wire shape holds, every setter writes exactly its
// member, emptying removes the member and the objects it leaves empty, and members no accessor knows
// survive load → edit → save.
class SpecAccessorsTest : public QObject
{
    Q_OBJECT

private slots:
    void trainingJobGettersReadTheDocument();
    void modelGettersReadTheDocument();
    void trainingJobSetters_data();
    void trainingJobSetters();
    void modelSetters_data();
    void modelSetters();
    void emptyingRemovesMembersAndEmptiedParents();
    void unknownMembersSurviveEdits();
    void channelsKeepTheirOwnUnknownMembers();
    void jsonTreeEdit_data();
    void jsonTreeEdit();
};

void SpecAccessorsTest::trainingJobGettersReadTheDocument()
{
    const TrainingJobSpec spec(ApiTestData::object(u"training-job-full.json"_s));
    QCOMPARE(spec.name(), u"full-job-2024"_s);
    QCOMPARE(spec.hyperParameters().value(u"batch size"_s), u"128"_s);
    QCOMPARE(spec.hyperParameters().size(), 3);
    QCOMPARE(spec.trainingImage(), u"123456789012.dkr.ecr.us-east-1.amazonaws.com/algo:2.1"_s);
    QCOMPARE(spec.algorithmName(), QString());
    QCOMPARE(spec.trainingInputMode(), u"Pipe"_s);
    QCOMPARE(spec.metricDefinitions(),
        QList<MetricDefinition>({ { u"validation:loss"_s, u"val_loss=([0-9\\.]+)"_s } }));
    QCOMPARE(spec.roleArn(), u"arn:aws:iam::123456789012:role/service-role/SageMakerRole"_s);
    const QList<TrainingChannel> channels = spec.channels();
    QCOMPARE(channels.size(), 2);
    QCOMPARE(channels[0].name(), u"train"_s);
    QCOMPARE(channels[0].s3DataType(), u"S3Prefix"_s);
    QCOMPARE(channels[0].s3Uri(), u"s3://example-bucket/train/"_s);
    QCOMPARE(channels[0].s3DataDistributionType(), u"ShardedByS3Key"_s);
    QCOMPARE(channels[0].contentType(), u"application/x-recordio-protobuf"_s);
    QCOMPARE(channels[0].compressionType(), u"Gzip"_s);
    QCOMPARE(channels[0].recordWrapperType(), u"RecordIO"_s);
    QCOMPARE(channels[0].inputMode(), QString());
    QCOMPARE(channels[0].shuffleSeed(), 42);
    QCOMPARE(channels[1].inputMode(), u"File"_s);
    QCOMPARE(spec.s3OutputPath(), u"s3://example-bucket/output/"_s);
    QVERIFY(spec.outputKmsKeyId().startsWith(u"arn:aws:kms:"_s));
    QCOMPARE(spec.instanceType(), u"ml.p3.2xlarge"_s);
    QCOMPARE(spec.instanceCount(), 2);
    QCOMPARE(spec.volumeSizeInGB(), 50);
    QVERIFY(spec.volumeKmsKeyId().startsWith(u"arn:aws:kms:"_s));
    QCOMPARE(spec.subnets(), QStringList({ u"subnet-0123456789abcdef0"_s, u"subnet-0fedcba9876543210"_s }));
    QCOMPARE(spec.securityGroupIds(), QStringList { u"sg-0123456789abcdef0"_s });
    QCOMPARE(spec.maxRuntimeInSeconds(), 86400);
    QCOMPARE(spec.maxWaitTimeInSeconds(), 172800);
    QCOMPARE(
        spec.tags(), QList<SpecTag>({ { u"team"_s, u"ml-platform"_s }, { u"cost-center"_s, u"1234"_s } }));
    QVERIFY(spec.enableNetworkIsolation());
    QVERIFY(spec.enableInterContainerTrafficEncryption());
    QVERIFY(spec.enableManagedSpotTraining());
    QCOMPARE(spec.checkpointS3Uri(), u"s3://example-bucket/checkpoints/"_s);
    QCOMPARE(spec.checkpointLocalPath(), u"/opt/ml/checkpoints"_s);
    QCOMPARE(spec.environment().value(u"OMP_NUM_THREADS"_s), u"4"_s);

    const TrainingJobSpec empty;
    QCOMPARE(empty.instanceCount(), std::nullopt);
    QVERIFY(!empty.enableManagedSpotTraining());
    QVERIFY(empty.channels().isEmpty());
}

void SpecAccessorsTest::modelGettersReadTheDocument()
{
    const ModelSpec spec(ApiTestData::object(u"model-full.json"_s));
    QCOMPARE(spec.name(), u"full-model-2024"_s);
    QCOMPARE(spec.containerHostname(), u"primary"_s);
    QCOMPARE(spec.image(), u"123456789012.dkr.ecr.us-east-1.amazonaws.com/inference:2.1"_s);
    QCOMPARE(spec.modelDataUrl(), u"s3://example-bucket/output/full-job-2024/output/model.tar.gz"_s);
    QCOMPARE(spec.containerEnvironment(),
        (QMap<QString, QString> {
            { u"MODEL_SERVER_WORKERS"_s, u"2"_s }, { u"SAGEMAKER_PROGRAM"_s, u"inference.py"_s } }));
    QCOMPARE(spec.executionRoleArn(), u"arn:aws:iam::123456789012:role/service-role/SageMakerRole"_s);
    QCOMPARE(spec.tags(), QList<SpecTag>({ { u"team"_s, u"ml-platform"_s } }));
    QCOMPARE(spec.subnets(), QStringList { u"subnet-0123456789abcdef0"_s });
    QCOMPARE(spec.securityGroupIds(), QStringList { u"sg-0123456789abcdef0"_s });
    QVERIFY(spec.enableNetworkIsolation());
}

void SpecAccessorsTest::trainingJobSetters_data()
{
    QTest::addColumn<JobEdit>("edit");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("value"); // JSON at path after the edit
    const auto row = [](const char *name, JobEdit edit, const char *path, const char *json) {
        QTest::newRow(name) << edit << QString::fromLatin1(path) << QByteArray(json);
    };
    row(
        "name", [](TrainingJobSpec &s) { s.setName(u"j"_s); }, "TrainingJobName", R"("j")");
    row(
        "hyperparameters",
        [](TrainingJobSpec &s) {
            s.setHyperParameters({ { u"a b"_s, u"1"_s } });
        },
        "HyperParameters", R"({"a b": "1"})");
    row(
        "training image", [](TrainingJobSpec &s) { s.setTrainingImage(u"img"_s); },
        "AlgorithmSpecification.TrainingImage", R"("img")");
    row(
        "algorithm name", [](TrainingJobSpec &s) { s.setAlgorithmName(u"algo"_s); },
        "AlgorithmSpecification.AlgorithmName", R"("algo")");
    row(
        "input mode", [](TrainingJobSpec &s) { s.setTrainingInputMode(u"Pipe"_s); },
        "AlgorithmSpecification.TrainingInputMode", R"("Pipe")");
    row(
        "metric definitions",
        [](TrainingJobSpec &s) {
            s.setMetricDefinitions({ { u"loss"_s, u"loss=(\\S+)"_s } });
        },
        "AlgorithmSpecification.MetricDefinitions", R"json([{"Name": "loss", "Regex": "loss=(\\S+)"}])json");
    row(
        "role", [](TrainingJobSpec &s) { s.setRoleArn(u"r"_s); }, "RoleArn", R"("r")");
    row(
        "channels",
        [](TrainingJobSpec &s) {
            TrainingChannel c;
            c.setName(u"train"_s);
            c.setS3DataType(u"S3Prefix"_s);
            c.setS3Uri(u"s3://b/t"_s);
            c.setS3DataDistributionType(u"ShardedByS3Key"_s);
            c.setContentType(u"text/csv"_s);
            c.setCompressionType(u"Gzip"_s);
            c.setRecordWrapperType(u"RecordIO"_s);
            c.setInputMode(u"Pipe"_s);
            c.setShuffleSeed(7);
            s.setChannels({ c });
        },
        "InputDataConfig",
        R"([{"ChannelName": "train", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix",
        "S3Uri": "s3://b/t", "S3DataDistributionType": "ShardedByS3Key"}}, "ContentType": "text/csv",
        "CompressionType": "Gzip", "RecordWrapperType": "RecordIO", "InputMode": "Pipe", "ShuffleConfig": {"Seed": 7}}])");
    row(
        "output path", [](TrainingJobSpec &s) { s.setS3OutputPath(u"s3://b/o"_s); },
        "OutputDataConfig.S3OutputPath", R"("s3://b/o")");
    row(
        "output kms key", [](TrainingJobSpec &s) { s.setOutputKmsKeyId(u"k"_s); },
        "OutputDataConfig.KmsKeyId", R"("k")");
    row(
        "instance type", [](TrainingJobSpec &s) { s.setInstanceType(u"ml.m5.large"_s); },
        "ResourceConfig.InstanceType", R"("ml.m5.large")");
    row(
        "instance count", [](TrainingJobSpec &s) { s.setInstanceCount(3); }, "ResourceConfig.InstanceCount",
        "3");
    row(
        "volume size", [](TrainingJobSpec &s) { s.setVolumeSizeInGB(100); }, "ResourceConfig.VolumeSizeInGB",
        "100");
    row(
        "volume kms key", [](TrainingJobSpec &s) { s.setVolumeKmsKeyId(u"v"_s); },
        "ResourceConfig.VolumeKmsKeyId", R"("v")");
    row(
        "subnets",
        [](TrainingJobSpec &s) {
            s.setSubnets({ u"a"_s, u"b"_s });
        },
        "VpcConfig.Subnets", R"(["a", "b"])");
    row(
        "security groups", [](TrainingJobSpec &s) { s.setSecurityGroupIds({ u"sg"_s }); },
        "VpcConfig.SecurityGroupIds", R"(["sg"])");
    row(
        "max runtime", [](TrainingJobSpec &s) { s.setMaxRuntimeInSeconds(3600); },
        "StoppingCondition.MaxRuntimeInSeconds", "3600");
    row(
        "max wait", [](TrainingJobSpec &s) { s.setMaxWaitTimeInSeconds(7200); },
        "StoppingCondition.MaxWaitTimeInSeconds", "7200");
    row(
        "tags keep empty values",
        [](TrainingJobSpec &s) {
            s.setTags({ { u"k"_s, QString() } });
        },
        "Tags", R"([{"Key": "k", "Value": ""}])");
    row(
        "network isolation", [](TrainingJobSpec &s) { s.setEnableNetworkIsolation(true); },
        "EnableNetworkIsolation", "true");
    row(
        "traffic encryption", [](TrainingJobSpec &s) { s.setEnableInterContainerTrafficEncryption(true); },
        "EnableInterContainerTrafficEncryption", "true");
    row(
        "spot", [](TrainingJobSpec &s) { s.setEnableManagedSpotTraining(true); }, "EnableManagedSpotTraining",
        "true");
    row(
        "checkpoint uri", [](TrainingJobSpec &s) { s.setCheckpointS3Uri(u"s3://b/c"_s); },
        "CheckpointConfig.S3Uri", R"("s3://b/c")");
    row(
        "checkpoint path", [](TrainingJobSpec &s) { s.setCheckpointLocalPath(u"/c"_s); },
        "CheckpointConfig.LocalPath", R"("/c")");
    row(
        "environment",
        [](TrainingJobSpec &s) {
            s.setEnvironment({ { u"A"_s, u"1"_s } });
        },
        "Environment", R"({"A": "1"})");
}

namespace {
// The document minus one path, to check a setter touched nothing else.
QJsonObject without(QJsonObject doc, const QString &path)
{
    JsonTreeEdit::removeAt(doc, path);
    return doc;
}

// Applies the row's edit to the fixture: the value at the row's path must be the row's, and nothing else may
// have changed.
template<typename Spec>
void checkSetter(const QString &fixture)
{
    QFETCH(std::function<void(Spec &)>, edit);
    QFETCH(QString, path);
    QFETCH(QByteArray, value);
    const QJsonObject before = ApiTestData::object(fixture);
    Spec spec(before);
    edit(spec);
    QCOMPARE(JsonTreeEdit::valueAt(spec.json(), path), TestData::jsonValue(value));
    QCOMPARE(without(spec.json(), path), without(before, path));
}
} // namespace

void SpecAccessorsTest::trainingJobSetters()
{
    checkSetter<TrainingJobSpec>(u"training-job-unknown-fields.json"_s);
}

void SpecAccessorsTest::modelSetters_data()
{
    QTest::addColumn<ModelEdit>("edit");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("value");
    const auto row = [](const char *name, ModelEdit edit, const char *path, const char *json) {
        QTest::newRow(name) << edit << QString::fromLatin1(path) << QByteArray(json);
    };
    row(
        "name", [](ModelSpec &s) { s.setName(u"m"_s); }, "ModelName", R"("m")");
    row(
        "hostname", [](ModelSpec &s) { s.setContainerHostname(u"h"_s); },
        "PrimaryContainer.ContainerHostname", R"("h")");
    row(
        "image", [](ModelSpec &s) { s.setImage(u"i"_s); }, "PrimaryContainer.Image", R"("i")");
    row(
        "model data", [](ModelSpec &s) { s.setModelDataUrl(u"s3://b/m.tar.gz"_s); },
        "PrimaryContainer.ModelDataUrl", R"("s3://b/m.tar.gz")");
    row(
        "environment",
        [](ModelSpec &s) {
            s.setContainerEnvironment({ { u"X"_s, u"y"_s } });
        },
        "PrimaryContainer.Environment", R"({"X": "y"})");
    row(
        "role", [](ModelSpec &s) { s.setExecutionRoleArn(u"r"_s); }, "ExecutionRoleArn", R"("r")");
    row(
        "tags",
        [](ModelSpec &s) {
            s.setTags({ { u"a"_s, u"b"_s } });
        },
        "Tags", R"([{"Key": "a", "Value": "b"}])");
    row(
        "subnets", [](ModelSpec &s) { s.setSubnets({ u"s"_s }); }, "VpcConfig.Subnets", R"(["s"])");
    row(
        "security groups", [](ModelSpec &s) { s.setSecurityGroupIds({ u"g"_s }); },
        "VpcConfig.SecurityGroupIds", R"(["g"])");
    row(
        "network isolation", [](ModelSpec &s) { s.setEnableNetworkIsolation(true); },
        "EnableNetworkIsolation", "true");
}

void SpecAccessorsTest::modelSetters()
{
    checkSetter<ModelSpec>(u"model-minimal.json"_s);
}

void SpecAccessorsTest::emptyingRemovesMembersAndEmptiedParents()
{
    TrainingJobSpec spec(ApiTestData::object(u"training-job-full.json"_s));
    spec.setCheckpointS3Uri(QString());
    QVERIFY(spec.json().contains("CheckpointConfig"_L1)); // LocalPath is still there
    spec.setCheckpointLocalPath(QString());
    QVERIFY(!spec.json().contains("CheckpointConfig"_L1));
    spec.setMaxRuntimeInSeconds(std::nullopt);
    spec.setMaxWaitTimeInSeconds(std::nullopt);
    QVERIFY(!spec.json().contains("StoppingCondition"_L1));
    spec.setSubnets({});
    spec.setSecurityGroupIds({});
    QVERIFY(!spec.json().contains("VpcConfig"_L1));
    spec.setEnableManagedSpotTraining(false);
    QVERIFY(!spec.json().contains("EnableManagedSpotTraining"_L1));
    spec.setMetricDefinitions({});
    QVERIFY(!JsonTreeEdit::valueAt(spec.json(), u"AlgorithmSpecification.MetricDefinitions").isArray());
    QVERIFY(spec.json().contains("AlgorithmSpecification"_L1));
    spec.setTags({});
    spec.setHyperParameters({});
    spec.setChannels({});
    spec.setEnvironment({});
    for (const char *member : { "Tags", "HyperParameters", "InputDataConfig", "Environment" })
        QVERIFY2(!spec.json().contains(QLatin1StringView(member)), member);

    ModelSpec model(ApiTestData::object(u"model-minimal.json"_s));
    model.setImage(QString());
    model.setModelDataUrl(QString());
    QVERIFY(!model.json().contains("PrimaryContainer"_L1));
}

void SpecAccessorsTest::unknownMembersSurviveEdits()
{
    const QByteArray original = ApiTestData::bytes(u"training-job-unknown-fields.json"_s);
    TrainingJobSpec spec(SpecJson::parse(original).document);
    spec.setName(u"renamed-job"_s);
    spec.setTrainingInputMode(u"Pipe"_s);
    spec.setInstanceCount(4);
    spec.setTags({ { u"team"_s, u"ml"_s } });
    spec.setSubnets({ u"subnet-1"_s });
    spec.setSecurityGroupIds({ u"sg-1"_s });
    const SpecJson::ParseResult saved = SpecJson::parse(SpecJson::write(spec.json(), SpecKind::TrainingJob));
    QVERIFY(saved.ok);
    const QJsonObject doc = saved.document;
    QCOMPARE(doc.value("FutureTopLevel"_L1), QJsonValue(QJsonArray { u"a"_s, u"b"_s }));
    QCOMPARE(doc.value("ZFutureFlag"_L1), QJsonValue(false));
    QCOMPARE(
        JsonTreeEdit::valueAt(doc, u"AlgorithmSpecification.FutureAlgorithmOption.Level"), QJsonValue(3));
    QCOMPARE(JsonTreeEdit::valueAt(doc, u"InputDataConfig[0].FutureChannelOption"), QJsonValue(true));
    QCOMPARE(JsonTreeEdit::valueAt(doc, u"InputDataConfig[0].DataSource.S3DataSource.FutureS3Option"),
        QJsonValue(u"x"_s));
    QCOMPARE(TrainingJobSpec(doc).name(), u"renamed-job"_s);
    QCOMPARE(TrainingJobSpec(doc).trainingInputMode(), u"Pipe"_s);
}

void SpecAccessorsTest::channelsKeepTheirOwnUnknownMembers()
{
    TrainingJobSpec spec(ApiTestData::object(u"training-job-unknown-fields.json"_s));
    QList<TrainingChannel> channels = spec.channels();
    channels[0].setContentType(u"text/csv"_s);
    channels[0].setS3Uri(u"s3://other/train/"_s);
    TrainingChannel validation;
    validation.setName(u"validation"_s);
    channels.append(validation);
    spec.setChannels(channels);
    QCOMPARE(JsonTreeEdit::valueAt(spec.json(), u"InputDataConfig[0].FutureChannelOption"), QJsonValue(true));
    QCOMPARE(JsonTreeEdit::valueAt(spec.json(), u"InputDataConfig[0].DataSource.S3DataSource.FutureS3Option"),
        QJsonValue(u"x"_s));
    QCOMPARE(spec.channels().at(0).s3Uri(), u"s3://other/train/"_s);
    QCOMPARE(spec.channels().at(1).json(), TestData::jsonObject(R"({"ChannelName": "validation"})"));
}

void SpecAccessorsTest::jsonTreeEdit_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("keepEmpty");
    QTest::addColumn<QByteArray>("after"); // "" when the edit must fail and leave the document alone
    QTest::newRow("creates objects on the way") << QByteArray("{}") << u"A.B.C"_s << QByteArray("1") << false
                                                << QByteArray(R"({"A": {"B": {"C": 1}}})");
    QTest::newRow("appends at the list's size") << QByteArray(R"({"L": [1]})") << u"L[1]"_s << QByteArray("2")
                                                << false << QByteArray(R"({"L": [1, 2]})");
    QTest::newRow("index past the end fails")
        << QByteArray(R"({"L": [1]})") << u"L[2]"_s << QByteArray("2") << false << QByteArray();
    QTest::newRow("through a string fails")
        << QByteArray(R"({"A": "s"})") << u"A.B"_s << QByteArray("1") << false << QByteArray();
    QTest::newRow("malformed path fails")
        << QByteArray("{}") << u"A..B"_s << QByteArray("1") << false << QByteArray();
    QTest::newRow("empty removes and prunes") << QByteArray(R"({"A": {"B": {"C": 1}}, "D": 2})") << u"A.B.C"_s
                                              << QByteArray(R"("")") << false << QByteArray(R"({"D": 2})");
    QTest::newRow("empty list element pruned")
        << QByteArray(R"({"L": [{"x": 1}, {"y": 2}]})") << u"L[0].x"_s << QByteArray("null") << false
        << QByteArray(R"({"L": [{"y": 2}]})");
    QTest::newRow("keep writes the empty value")
        << QByteArray(R"({"A": {"B": 1}})") << u"A.B"_s << QByteArray("[]") << true
        << QByteArray(R"({"A": {"B": []}})");
    QTest::newRow("removing what is absent changes nothing")
        << QByteArray(R"({"A": {}})") << u"A.B.C"_s << QByteArray("null") << false
        << QByteArray(R"({"A": {}})");
    QTest::newRow("bracketed map key")
        << QByteArray(R"({"M": {}})") << u"M[\"a.b\"]"_s << QByteArray(R"("v")") << false
        << QByteArray(R"({"M": {"a.b": "v"}})");
}

void SpecAccessorsTest::jsonTreeEdit()
{
    QFETCH(QByteArray, before);
    QFETCH(QString, path);
    QFETCH(QByteArray, value);
    QFETCH(bool, keepEmpty);
    QFETCH(QByteArray, after);
    QJsonObject doc = TestData::jsonObject(before.constData());
    const bool ok = JsonTreeEdit::setValueAt(doc, path, TestData::jsonValue(value),
        keepEmpty ? JsonTreeEdit::EmptyValue::Keep : JsonTreeEdit::EmptyValue::Remove);
    QCOMPARE(ok, !after.isEmpty());
    QCOMPARE(doc, TestData::jsonObject((after.isEmpty() ? before : after).constData()));
}

QTEST_GUILESS_MAIN(SpecAccessorsTest)
#include "tst_specaccessors.moc"
