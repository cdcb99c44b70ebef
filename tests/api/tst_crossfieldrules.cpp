#include "apitestdata.h"
#include "core/api/crossfieldrules.h"
#include "core/api/jsontreeedit.h"
#include "core/api/specvalidator.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

// Each cross-field rule with rows that pass and rows that fail, and validateSpec() putting walker and rules
// together.
class CrossFieldRulesTest : public QObject
{
    Q_OBJECT

private slots:
    void rule_data();
    void rule();
    void everyRuleHasRows();
    void fixturesAreClean_data();
    void fixturesAreClean();
    void specificRuleSupersedesGenericPattern();
    void validateSpecReportsWalkerAndRules();
    void rulesSurviveWrongTypes();

private:
    QSet<QString> m_rulesWithRows;
};

namespace {
// "Path=JSON" sets a value (empty values kept as they are), "-Path" removes the member.
QJsonObject edited(QJsonObject doc, const QStringList &edits)
{
    for (const QString &edit : edits) {
        if (edit.startsWith(u'-')) {
            JsonTreeEdit::removeAt(doc, QStringView(edit).mid(1));
            continue;
        }
        const qsizetype eq = edit.indexOf(u'=');
        const QJsonValue value = TestData::jsonValue(edit.mid(eq + 1).toUtf8());
        if (!JsonTreeEdit::setValueAt(doc, QStringView(edit).left(eq), value, JsonTreeEdit::EmptyValue::Keep))
            qFatal("bad edit in a test row: %s", qPrintable(edit));
    }
    return doc;
}

const CrossFieldRules::Rule *ruleNamed(const QString &name)
{
    for (const CrossFieldRules::Rule &r : CrossFieldRules::all())
        if (QLatin1StringView(r.name) == name)
            return &r;
    return nullptr;
}
} // namespace

void CrossFieldRulesTest::rule_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<SpecKind>("kind");
    QTest::addColumn<QStringList>("edits");
    QTest::addColumn<QStringList>("expected");
    const auto job = SpecKind::TrainingJob;
    const auto model = SpecKind::Model;
    const QString vpc = uR"(VpcConfig={"Subnets": ["subnet-1"], "SecurityGroupIds": ["sg-1"]})"_s;

    QTest::newRow("vpc: both lists") << u"vpcNeedsBothLists"_s << job << QStringList { vpc } << QStringList();
    QTest::newRow("vpc: absent") << u"vpcNeedsBothLists"_s << job << QStringList() << QStringList();
    QTest::newRow("vpc: no subnets") << u"vpcNeedsBothLists"_s << job
                                     << QStringList { vpc, u"VpcConfig.Subnets=[]"_s }
                                     << QStringList { u"VpcConfig vpcNeedsBothLists"_s };
    QTest::newRow("vpc: no groups (model)")
        << u"vpcNeedsBothLists"_s << model << QStringList { vpc, u"-VpcConfig.SecurityGroupIds"_s }
        << QStringList { u"VpcConfig vpcNeedsBothLists"_s };

    QTest::newRow("vpc ids: distinct")
        << u"duplicateVpcIds"_s << job
        << QStringList { uR"(VpcConfig={"Subnets": ["a", "b"], "SecurityGroupIds": ["c", "d"]})"_s }
        << QStringList();
    QTest::newRow("vpc ids: repeated subnet and group")
        << u"duplicateVpcIds"_s << model
        << QStringList { uR"(VpcConfig={"Subnets": ["a", "b", "a"], "SecurityGroupIds": ["c", "c"]})"_s }
        << QStringList { u"VpcConfig.Subnets[2] duplicateSubnet"_s,
               u"VpcConfig.SecurityGroupIds[1] duplicateSecurityGroup"_s };

    const QString second
        = uR"(InputDataConfig[1]={"ChannelName": "validation", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/v"}}})"_s;
    QTest::newRow("channels: distinct")
        << u"duplicateChannelNames"_s << job << QStringList { second } << QStringList();
    QTest::newRow("channels: repeated")
        << u"duplicateChannelNames"_s << job
        << QStringList { second, uR"(InputDataConfig[1].ChannelName="train")"_s }
        << QStringList { u"InputDataConfig[1].ChannelName duplicateChannelName"_s };

    QTest::newRow("gzip: pipe from the algorithm")
        << u"pipeOnlyCompression"_s << job
        << QStringList { uR"(AlgorithmSpecification.TrainingInputMode="Pipe")"_s,
               uR"(InputDataConfig[0].CompressionType="Gzip")"_s }
        << QStringList();
    QTest::newRow("gzip: pipe from the channel overrides File")
        << u"pipeOnlyCompression"_s << job
        << QStringList { uR"(InputDataConfig[0].InputMode="Pipe")"_s,
               uR"(InputDataConfig[0].CompressionType="Gzip")"_s }
        << QStringList();
    QTest::newRow("gzip: None in File mode is fine")
        << u"pipeOnlyCompression"_s << job
        << QStringList { uR"(InputDataConfig[0].CompressionType="None")"_s } << QStringList();
    QTest::newRow("gzip: File mode from the algorithm")
        << u"pipeOnlyCompression"_s << job
        << QStringList { uR"(InputDataConfig[0].CompressionType="Gzip")"_s }
        << QStringList { u"InputDataConfig[0].CompressionType pipeOnlyCompression"_s };
    QTest::newRow("gzip: channel FastFile overrides Pipe")
        << u"pipeOnlyCompression"_s << job
        << QStringList { uR"(AlgorithmSpecification.TrainingInputMode="Pipe")"_s,
               uR"(InputDataConfig[0].InputMode="FastFile")"_s,
               uR"(InputDataConfig[0].CompressionType="Gzip")"_s }
        << QStringList { u"InputDataConfig[0].CompressionType pipeOnlyCompression"_s };

    QTest::newRow("recordio: pipe") << u"pipeOnlyRecordWrapper"_s << job
                                    << QStringList { uR"(InputDataConfig[0].InputMode="Pipe")"_s,
                                           uR"(InputDataConfig[0].RecordWrapperType="RecordIO")"_s }
                                    << QStringList();
    QTest::newRow("recordio: None in File mode")
        << u"pipeOnlyRecordWrapper"_s << job
        << QStringList { uR"(InputDataConfig[0].RecordWrapperType="None")"_s } << QStringList();
    QTest::newRow("recordio: File mode")
        << u"pipeOnlyRecordWrapper"_s << job
        << QStringList { uR"(InputDataConfig[0].RecordWrapperType="RecordIO")"_s }
        << QStringList { u"InputDataConfig[0].RecordWrapperType pipeOnlyRecordWrapper"_s };

    const QString sharded
        = uR"(InputDataConfig[0].DataSource.S3DataSource.S3DataDistributionType="ShardedByS3Key")"_s;
    QTest::newRow("sharded: two instances")
        << u"shardedWithOneInstance"_s << job << QStringList { sharded, u"ResourceConfig.InstanceCount=2"_s }
        << QStringList();
    QTest::newRow("sharded: fully replicated on one")
        << u"shardedWithOneInstance"_s << job
        << QStringList { uR"(InputDataConfig[0].DataSource.S3DataSource.S3DataDistributionType="FullyReplicated")"_s }
        << QStringList();
    QTest::newRow("sharded: one instance")
        << u"shardedWithOneInstance"_s << job << QStringList { sharded }
        << QStringList {
               u"InputDataConfig[0].DataSource.S3DataSource.S3DataDistributionType shardedSingleInstance (warning)"_s
           };
    QTest::newRow("sharded: one instance in groups")
        << u"shardedWithOneInstance"_s << job
        << QStringList { sharded, u"-ResourceConfig.InstanceCount"_s,
               uR"(ResourceConfig.InstanceGroups=[{"InstanceType": "ml.m5.large", "InstanceCount": 1, "InstanceGroupName": "g"}])"_s }
        << QStringList {
               u"InputDataConfig[0].DataSource.S3DataSource.S3DataDistributionType shardedSingleInstance (warning)"_s
           };

    QTest::newRow("spot: off, no max wait") << u"spotNeedsMaxWait"_s << job << QStringList() << QStringList();
    QTest::newRow("spot: off, with max wait")
        << u"spotNeedsMaxWait"_s << job << QStringList { u"StoppingCondition.MaxWaitTimeInSeconds=7200"_s }
        << QStringList { u"StoppingCondition.MaxWaitTimeInSeconds maxWaitWithoutSpot"_s };
    QTest::newRow("spot: false, with max wait")
        << u"spotNeedsMaxWait"_s << job
        << QStringList { u"EnableManagedSpotTraining=false"_s, u"StoppingCondition.MaxWaitTimeInSeconds=7200"_s }
        << QStringList { u"StoppingCondition.MaxWaitTimeInSeconds maxWaitWithoutSpot"_s };
    QTest::newRow("spot: max wait above runtime") << u"spotNeedsMaxWait"_s << job
                                                  << QStringList { u"EnableManagedSpotTraining=true"_s,
                                                         u"StoppingCondition.MaxWaitTimeInSeconds=7200"_s }
                                                  << QStringList();
    QTest::newRow("spot: max wait equal to runtime") << u"spotNeedsMaxWait"_s << job
                                                     << QStringList { u"EnableManagedSpotTraining=true"_s,
                                                            u"StoppingCondition.MaxWaitTimeInSeconds=3600"_s }
                                                     << QStringList();
    QTest::newRow("spot: no max wait")
        << u"spotNeedsMaxWait"_s << job << QStringList { u"EnableManagedSpotTraining=true"_s }
        << QStringList { u"StoppingCondition.MaxWaitTimeInSeconds spotNeedsMaxWait"_s };
    QTest::newRow("spot: max wait below runtime")
        << u"spotNeedsMaxWait"_s << job
        << QStringList { u"EnableManagedSpotTraining=true"_s,
               u"StoppingCondition.MaxWaitTimeInSeconds=3599"_s }
        << QStringList { u"StoppingCondition.MaxWaitTimeInSeconds maxWaitBelowMaxRuntime"_s };
    QTest::newRow("spot: max wait below the default runtime")
        << u"spotNeedsMaxWait"_s << job
        << QStringList { u"EnableManagedSpotTraining=true"_s, u"-StoppingCondition.MaxRuntimeInSeconds"_s,
               u"StoppingCondition.MaxWaitTimeInSeconds=7200"_s }
        << QStringList { u"StoppingCondition.MaxWaitTimeInSeconds maxWaitBelowMaxRuntime"_s };

    QTest::newRow("runtime: 5 days") << u"maxRuntimeLimits"_s << job
                                     << QStringList { u"StoppingCondition.MaxRuntimeInSeconds=432000"_s }
                                     << QStringList();
    QTest::newRow("runtime: above 5 days")
        << u"maxRuntimeLimits"_s << job << QStringList { u"StoppingCondition.MaxRuntimeInSeconds=432001"_s }
        << QStringList { u"StoppingCondition.MaxRuntimeInSeconds maxRuntimeAbove5Days (warning)"_s };
    QTest::newRow("runtime: 28 days")
        << u"maxRuntimeLimits"_s << job << QStringList { u"StoppingCondition.MaxRuntimeInSeconds=2419200"_s }
        << QStringList { u"StoppingCondition.MaxRuntimeInSeconds maxRuntimeAbove5Days (warning)"_s };
    QTest::newRow("runtime: above 28 days")
        << u"maxRuntimeLimits"_s << job << QStringList { u"StoppingCondition.MaxRuntimeInSeconds=2419201"_s }
        << QStringList { u"StoppingCondition.MaxRuntimeInSeconds maxRuntimeAbove28Days"_s };

    QTest::newRow("image xor name: image")
        << u"imageXorAlgorithmName"_s << job << QStringList() << QStringList();
    QTest::newRow("image xor name: name") << u"imageXorAlgorithmName"_s << job
                                          << QStringList { u"-AlgorithmSpecification.TrainingImage"_s,
                                                 uR"(AlgorithmSpecification.AlgorithmName="my-algo")"_s }
                                          << QStringList();
    QTest::newRow("image xor name: both")
        << u"imageXorAlgorithmName"_s << job
        << QStringList { uR"(AlgorithmSpecification.AlgorithmName="my-algo")"_s }
        << QStringList { u"AlgorithmSpecification imageXorAlgorithmName"_s };
    QTest::newRow("image xor name: neither (empty image)")
        << u"imageXorAlgorithmName"_s << job
        << QStringList { uR"(AlgorithmSpecification.TrainingImage="")"_s }
        << QStringList { u"AlgorithmSpecification imageXorAlgorithmName"_s };
    QTest::newRow("image xor name: no algorithm specification")
        << u"imageXorAlgorithmName"_s << job << QStringList { u"-AlgorithmSpecification"_s }
        << QStringList { u"AlgorithmSpecification imageXorAlgorithmName"_s };
    QTest::newRow("image xor name: serverless job needs none")
        << u"imageXorAlgorithmName"_s << job
        << QStringList { u"-AlgorithmSpecification"_s, uR"(ServerlessJobConfig={"JobType": "FineTuning"})"_s }
        << QStringList();

    QTest::newRow("model data: tar.gz") << u"modelDataUrlTarGz"_s << model << QStringList() << QStringList();
    QTest::newRow("model data: none") << u"modelDataUrlTarGz"_s << model
                                      << QStringList { u"-PrimaryContainer.ModelDataUrl"_s } << QStringList();
    QTest::newRow("model data: a prefix")
        << u"modelDataUrlTarGz"_s << model
        << QStringList { uR"(PrimaryContainer.ModelDataUrl="s3://b/model/")"_s }
        << QStringList { u"PrimaryContainer.ModelDataUrl modelDataUrlNotTarGz (warning)"_s };
    QTest::newRow("model data: a .tgz in Containers")
        << u"modelDataUrlTarGz"_s << model
        << QStringList { uR"(Containers=[{"Image": "i", "ModelDataUrl": "s3://b/m.tgz"}])"_s }
        << QStringList { u"Containers[0].ModelDataUrl modelDataUrlNotTarGz (warning)"_s };

    QTest::newRow("s3: buckets named") << u"s3BucketNotEmpty"_s << job << QStringList() << QStringList();
    QTest::newRow("s3: https with host")
        << u"s3BucketNotEmpty"_s << job
        << QStringList { uR"(OutputDataConfig.S3OutputPath="https://b.s3.amazonaws.com/o")"_s }
        << QStringList();
    QTest::newRow("s3: empty bucket in a channel")
        << u"s3BucketNotEmpty"_s << job
        << QStringList { uR"(InputDataConfig[0].DataSource.S3DataSource.S3Uri="s3:///train")"_s }
        << QStringList { u"InputDataConfig[0].DataSource.S3DataSource.S3Uri s3BucketEmpty"_s };
    QTest::newRow("s3: nothing after the scheme")
        << u"s3BucketNotEmpty"_s << job
        << QStringList { uR"(CheckpointConfig={"S3Uri": "s3://"})"_s,
               uR"(OutputDataConfig.S3OutputPath="https:///x")"_s }
        << QStringList { u"OutputDataConfig.S3OutputPath s3BucketEmpty"_s,
               u"CheckpointConfig.S3Uri s3BucketEmpty"_s };
    QTest::newRow("s3: model data url")
        << u"s3BucketNotEmpty"_s << model
        << QStringList { uR"(PrimaryContainer.ModelDataUrl="s3:///m.tar.gz")"_s }
        << QStringList { u"PrimaryContainer.ModelDataUrl s3BucketEmpty"_s };
}

void CrossFieldRulesTest::rule()
{
    QFETCH(QString, rule);
    QFETCH(SpecKind, kind);
    QFETCH(QStringList, edits);
    QFETCH(QStringList, expected);
    const CrossFieldRules::Rule *r = ruleNamed(rule);
    QVERIFY2(r, qPrintable(rule));
    m_rulesWithRows.insert(rule);
    const QString base
        = kind == SpecKind::TrainingJob ? u"training-job-minimal.json"_s : u"model-minimal.json"_s;
    const QJsonObject doc = edited(ApiTestData::object(base), edits);
    QCOMPARE(ApiTestData::findings(r->check(kind, doc)), expected);
}

void CrossFieldRulesTest::everyRuleHasRows()
{
    for (const CrossFieldRules::Rule &r : CrossFieldRules::all())
        QVERIFY2(m_rulesWithRows.contains(QLatin1StringView(r.name)), r.name);
}

void CrossFieldRulesTest::fixturesAreClean_data()
{
    ApiTestData::addSpecFileRows();
}

void CrossFieldRulesTest::fixturesAreClean()
{
    QFETCH(QString, file);
    QFETCH(SpecKind, kind);
    QCOMPARE(ApiTestData::findings(validateSpec(kind, ApiTestData::object(file))), QStringList());
}

void CrossFieldRulesTest::specificRuleSupersedesGenericPattern()
{
    const QJsonObject doc = edited(ApiTestData::object(u"training-job-minimal.json"_s),
        { uR"(OutputDataConfig.S3OutputPath="s3:///out")"_s });
    QCOMPARE(ApiTestData::findings(validateSpec(SpecKind::TrainingJob, doc)),
        QStringList { u"OutputDataConfig.S3OutputPath s3BucketEmpty"_s });
}

void CrossFieldRulesTest::validateSpecReportsWalkerAndRules()
{
    const QJsonObject doc = edited(ApiTestData::object(u"training-job-minimal.json"_s),
        { u"-RoleArn"_s, uR"(InputDataConfig[0].CompressionType="Gzip")"_s, u"Extra=1"_s });
    QCOMPARE(ApiTestData::findings(validateSpec(SpecKind::TrainingJob, doc)),
        QStringList({ u"RoleArn required"_s, u"Extra unknownField (warning)"_s,
            u"InputDataConfig[0].CompressionType pipeOnlyCompression"_s }));
    QVERIFY(hasErrors(validateSpec(SpecKind::TrainingJob, doc)));
}

void CrossFieldRulesTest::rulesSurviveWrongTypes()
{
    // Every container and scalar replaced by something of another type: rules must neither crash nor
    // report; the walker reports the types.
    const QJsonObject doc = edited(ApiTestData::object(u"training-job-minimal.json"_s),
        { u"InputDataConfig=\"x\""_s, u"VpcConfig=[1]"_s, u"StoppingCondition=7"_s,
            u"ResourceConfig.InstanceCount=\"1\""_s, u"AlgorithmSpecification=[]"_s,
            u"EnableManagedSpotTraining=\"yes\""_s });
    const Diagnostics rules = CrossFieldRules::apply(SpecKind::TrainingJob, doc);
    QCOMPARE(ApiTestData::findings(rules), QStringList());
    QVERIFY(hasErrors(validateSpec(SpecKind::TrainingJob, doc)));
    QVERIFY(CrossFieldRules::apply(SpecKind::Model, QJsonObject()).isEmpty());
}

QTEST_GUILESS_MAIN(CrossFieldRulesTest)
#include "tst_crossfieldrules.moc"
