#include "core/sagemaker/describematcher.h"
#include "tests/support/testdata.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

// Proves the rule the safe create relies on to call an existing resource "the one this request sent":
// every sent member equal, members and map entries the service adds ignored, lists compared element by
// element (MetricDefinitions as a set the service may extend), empty sent values matching absent ones, and
// tags left to ListTags.
class TestDescribeMatcher : public QObject
{
    Q_OBJECT

private slots:
    void differences_data();
    void differences();
    void missingTags_data();
    void missingTags();
};

void TestDescribeMatcher::differences_data()
{
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<QJsonObject>("description");
    QTest::addColumn<QStringList>("expected");

    const char *request = R"({"TrainingJobName": "j", "HyperParameters": {"epochs": "3"},
        "AlgorithmSpecification": {"TrainingImage": "img", "TrainingInputMode": "File"},
        "ResourceConfig": {"InstanceType": "ml.m5.large", "InstanceCount": 1, "VolumeSizeInGB": 10},
        "InputDataConfig": [{"ChannelName": "train", "DataSource": {"S3DataSource": {"S3Uri": "s3://b/t"}}}],
        "Tags": [{"Key": "team", "Value": "a"}]})";

    QTest::newRow("identical apart from tags")
        << TestData::jsonObject(request)
        << TestData::jsonObject(R"({"TrainingJobName": "j", "HyperParameters": {"epochs": "3"},
            "AlgorithmSpecification": {"TrainingImage": "img", "TrainingInputMode": "File"},
            "ResourceConfig": {"InstanceType": "ml.m5.large", "InstanceCount": 1, "VolumeSizeInGB": 10},
            "InputDataConfig": [{"ChannelName": "train", "DataSource": {"S3DataSource": {"S3Uri": "s3://b/t"}}}]})")
        << QStringList();
    QTest::newRow("service adds members, map entries and metric definitions")
        << TestData::jsonObject(request)
        << TestData::jsonObject(
               R"({"TrainingJobName": "j", "TrainingJobArn": "arn", "TrainingJobStatus": "InProgress",
            "HyperParameters": {"epochs": "3", "_added": "x"},
            "AlgorithmSpecification": {"TrainingImage": "img", "TrainingInputMode": "File",
                "MetricDefinitions": [{"Name": "test:dcg", "Regex": "r"}]},
            "ResourceConfig": {"InstanceType": "ml.m5.large", "InstanceCount": 1, "VolumeSizeInGB": 10.0},
            "InputDataConfig": [{"ChannelName": "train", "DataSource": {"S3DataSource": {"S3Uri": "s3://b/t",
                "S3DataType": "S3Prefix"}}, "RecordWrapperType": "None"}],
            "EnableNetworkIsolation": false})")
        << QStringList();
    QTest::newRow("a different hyperparameter value")
        << TestData::jsonObject(R"({"HyperParameters": {"epochs": "3", "lr": "0.1"}})")
        << TestData::jsonObject(R"({"HyperParameters": {"epochs": "4", "lr": "0.1"}})")
        << QStringList { u"HyperParameters.epochs"_s };
    QTest::newRow("a sent map entry missing")
        << TestData::jsonObject(R"({"HyperParameters": {"batch size": "3"}})")
        << TestData::jsonObject(R"({"HyperParameters": {}})")
        << QStringList { u"HyperParameters[\"batch size\"]"_s };
    QTest::newRow("a sent member missing")
        << TestData::jsonObject(R"({"OutputDataConfig": {"S3OutputPath": "s3://b/o", "KmsKeyId": "k"}})")
        << TestData::jsonObject(R"({"OutputDataConfig": {"S3OutputPath": "s3://b/o"}})")
        << QStringList { u"OutputDataConfig.KmsKeyId"_s };
    QTest::newRow("a number sent as a string is not the number")
        << TestData::jsonObject(R"({"ResourceConfig": {"InstanceCount": "1"}})")
        << TestData::jsonObject(R"({"ResourceConfig": {"InstanceCount": 1}})")
        << QStringList { u"ResourceConfig.InstanceCount"_s };
    QTest::newRow("empty sent values match absent ones") << TestData::jsonObject(
        R"({"EnableManagedSpotTraining": false, "Environment": {}, "VpcConfig": null, "CheckpointConfig": {},
            "ModelName": "m", "Containers": []})") << TestData::jsonObject(R"({"ModelName": "m"})")
                                                         << QStringList();
    QTest::newRow("true is not absent")
        << TestData::jsonObject(R"({"EnableNetworkIsolation": true})") << TestData::jsonObject(R"({})")
        << QStringList { u"EnableNetworkIsolation"_s };
    QTest::newRow("a channel more in the description")
        << TestData::jsonObject(R"({"InputDataConfig": [{"ChannelName": "train"}]})")
        << TestData::jsonObject(R"({"InputDataConfig": [{"ChannelName": "train"}, {"ChannelName": "test"}]})")
        << QStringList { u"InputDataConfig"_s };
    QTest::newRow("channels in another order")
        << TestData::jsonObject(R"({"InputDataConfig": [{"ChannelName": "train"}, {"ChannelName": "test"}]})")
        << TestData::jsonObject(R"({"InputDataConfig": [{"ChannelName": "test"}, {"ChannelName": "train"}]})")
        << QStringList { u"InputDataConfig[0].ChannelName"_s, u"InputDataConfig[1].ChannelName"_s };
    QTest::newRow("sent metric definitions among the service's")
        << TestData::jsonObject(
               R"({"AlgorithmSpecification": {"MetricDefinitions": [{"Name": "loss", "Regex": "l=\\S+"}]}})")
        << TestData::jsonObject(
               R"({"AlgorithmSpecification": {"MetricDefinitions": [{"Name": "builtin", "Regex": "b"},
            {"Name": "loss", "Regex": "l=\\S+"}]}})")
        << QStringList();
    QTest::newRow("a sent metric definition missing")
        << TestData::jsonObject(
               R"({"AlgorithmSpecification": {"MetricDefinitions": [{"Name": "loss", "Regex": "l=\\S+"}]}})")
        << TestData::jsonObject(
               R"({"AlgorithmSpecification": {"MetricDefinitions": [{"Name": "loss", "Regex": "other"}]}})")
        << QStringList { u"AlgorithmSpecification.MetricDefinitions[0]"_s };
    QTest::newRow("an object where a string was sent")
        << TestData::jsonObject(R"({"RoleArn": "arn:r"})")
        << TestData::jsonObject(R"({"RoleArn": {"Arn": "arn:r"}})") << QStringList { u"RoleArn"_s };
    QTest::newRow("tags never compared here")
        << TestData::jsonObject(R"({"ModelName": "m", "Tags": [{"Key": "k", "Value": "v"}]})")
        << TestData::jsonObject(R"({"ModelName": "m"})") << QStringList();
}

void TestDescribeMatcher::differences()
{
    QFETCH(QJsonObject, request);
    QFETCH(QJsonObject, description);
    QFETCH(QStringList, expected);
    QCOMPARE(DescribeMatcher::differences(request, description), expected);
}

void TestDescribeMatcher::missingTags_data()
{
    QTest::addColumn<QJsonArray>("sent");
    QTest::addColumn<QJsonArray>("listed");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("same") << TestData::jsonArray(R"([{"Key": "a", "Value": "1"}])")
                          << TestData::jsonArray(R"([{"Key": "a", "Value": "1"}])") << QStringList();
    QTest::newRow("service adds its own")
        << TestData::jsonArray(R"([{"Key": "a", "Value": "1"}])")
        << TestData::jsonArray(
               R"([{"Key": "sagemaker:domain-arn", "Value": "x"}, {"Key": "a", "Value": "1"}])")
        << QStringList();
    QTest::newRow("another value") << TestData::jsonArray(
        R"([{"Key": "a", "Value": "1"}, {"Key": "b", "Value": "2"}])")
                                   << TestData::jsonArray(
                                          R"([{"Key": "a", "Value": "1"}, {"Key": "b", "Value": "3"}])")
                                   << QStringList { u"b"_s };
    QTest::newRow("missing") << TestData::jsonArray(R"([{"Key": "a", "Value": "1"}])")
                             << TestData::jsonArray(R"([])") << QStringList { u"a"_s };
}

void TestDescribeMatcher::missingTags()
{
    QFETCH(QJsonArray, sent);
    QFETCH(QJsonArray, listed);
    QFETCH(QStringList, expected);
    QCOMPARE(DescribeMatcher::missingTags(sent, listed), expected);
}

QTEST_GUILESS_MAIN(TestDescribeMatcher)
#include "tst_describematcher.moc"
