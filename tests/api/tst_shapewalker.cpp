#include "apitestdata.h"
#include "core/api/shapemodel.h"
#include "core/api/shapewalker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

// Every constraint kind the walker applies, each with rows that pass and rows that fail, on real shapes of
// the model; wrong JSON types at their path; nested lists and maps including map keys.
class ShapeWalkerTest : public QObject
{
    Q_OBJECT

private slots:
    void constraints_data();
    void constraints();
    void walkVisitsKnownValuesInModelOrder();
    void walkDoesNotDescendIntoWrongTypes();
    void messagesAreReadable();
};

void ShapeWalkerTest::constraints_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected"); // "path code", errors unless marked (warning)

    // string length (characters, not bytes or UTF-16 units)
    QTest::newRow("minLength ok") << u"TrainingJobName"_s << QByteArray(R"("a")") << QStringList();
    QTest::newRow("minLength fails") << u"TrainingJobName"_s << QByteArray(R"("")")
                                     << QStringList { u" minLength"_s, u" pattern"_s };
    QTest::newRow("maxLength ok at the limit")
        << u"TagKey"_s << QByteArray('"' + QByteArray(128, 'k') + '"') << QStringList();
    QTest::newRow("maxLength fails past the limit")
        << u"TagKey"_s << QByteArray('"' + QByteArray(129, 'k') + '"') << QStringList { u" maxLength"_s };
    QTest::newRow("maxLength counts characters")
        << u"TagKey"_s << QByteArray('"' + QString(128, QChar(0x00e9)).toUtf8() + '"') << QStringList();
    QTest::newRow("maxLength counts a non-BMP character once")
        << u"TrainingContainerEntrypointString"_s
        << QByteArray('"' + QString::fromUcs4(U"\U0001F600").repeated(256).toUtf8() + '"') << QStringList();
    // pattern
    QTest::newRow("pattern ok") << u"RoleArn"_s << QByteArray(R"("arn:aws:iam::123456789012:role/R")")
                                << QStringList();
    QTest::newRow("pattern fails") << u"RoleArn"_s
                                   << QByteArray(R"("arn:aws:iam::123456789012:user/R01234567")")
                                   << QStringList { u" pattern"_s };
    // enum
    QTest::newRow("enum ok") << u"TrainingInputMode"_s << QByteArray(R"("FastFile")") << QStringList();
    QTest::newRow("enum is case-sensitive")
        << u"TrainingInputMode"_s << QByteArray(R"("file")") << QStringList { u" enum"_s };
    QTest::newRow("instance type newer than the model is a warning")
        << u"TrainingInstanceType"_s << QByteArray(R"("ml.m5.huge")") << QStringList { u" enumUnknown (warning)"_s };
    QTest::newRow("instance type with a hyphenated family is a warning")
        << u"TrainingInstanceType"_s << QByteArray(R"("ml.p7-b400.48xlarge")")
        << QStringList { u" enumUnknown (warning)"_s };
    QTest::newRow("malformed instance type is an error")
        << u"TrainingInstanceType"_s << QByteArray(R"("m5.large")") << QStringList { u" enum"_s };
    // integer value range, and what counts as an integer
    QTest::newRow("minValue ok") << u"MaxRuntimeInSeconds"_s << QByteArray("1") << QStringList();
    QTest::newRow("minValue fails") << u"MaxRuntimeInSeconds"_s << QByteArray("0")
                                    << QStringList { u" minValue"_s };
    QTest::newRow("maxValue ok") << u"MaxPendingTimeInSeconds"_s << QByteArray("2419200") << QStringList();
    QTest::newRow("maxValue fails") << u"MaxPendingTimeInSeconds"_s << QByteArray("2419201")
                                    << QStringList { u" maxValue"_s };
    QTest::newRow("both bounds: below")
        << u"MaximumRetryAttempts"_s << QByteArray("0") << QStringList { u" minValue"_s };
    QTest::newRow("integer written 5.0 is whole")
        << u"MaxRuntimeInSeconds"_s << QByteArray("5.0") << QStringList();
    QTest::newRow("integer with a fraction")
        << u"MaxRuntimeInSeconds"_s << QByteArray("1.5") << QStringList { u" type"_s };
    QTest::newRow("integer beyond 32 bits")
        << u"MaxRuntimeInSeconds"_s << QByteArray("4294967296") << QStringList { u" type"_s };
    QTest::newRow("long beyond 32 bits") << u"Seed"_s << QByteArray("4294967296") << QStringList();
    // wrong JSON types
    QTest::newRow("number as string")
        << u"MaxRuntimeInSeconds"_s << QByteArray(R"("3600")") << QStringList { u" type"_s };
    QTest::newRow("string as number")
        << u"TrainingJobName"_s << QByteArray("42") << QStringList { u" type"_s };
    QTest::newRow("boolean ok") << u"Boolean"_s << QByteArray("false") << QStringList();
    QTest::newRow("boolean as string")
        << u"Boolean"_s << QByteArray(R"("true")") << QStringList { u" type"_s };
    QTest::newRow("null") << u"TrainingJobName"_s << QByteArray("null") << QStringList { u" type"_s };
    QTest::newRow("structure as list")
        << u"OutputDataConfig"_s << QByteArray("[]") << QStringList { u" type"_s };
    QTest::newRow("list as object") << u"InputDataConfig"_s << QByteArray("{}") << QStringList { u" type"_s };
    QTest::newRow("map as list") << u"HyperParameters"_s << QByteArray(R"(["a"])")
                                 << QStringList { u" type"_s };
    QTest::newRow("timestamp epoch") << u"Timestamp"_s << QByteArray("1704164645.123") << QStringList();
    QTest::newRow("timestamp ISO") << u"Timestamp"_s << QByteArray(R"("2024-01-02T03:04:05.123000+00:00")")
                                   << QStringList();
    QTest::newRow("timestamp garbage")
        << u"Timestamp"_s << QByteArray(R"("yesterday")") << QStringList { u" type"_s };
    QTest::newRow("float") << u"Float"_s << QByteArray("0.25") << QStringList();
    // required members, at the member's own path
    QTest::newRow("required ok") << u"OutputDataConfig"_s << QByteArray(R"({"S3OutputPath": "s3://b/o"})")
                                 << QStringList();
    QTest::newRow("required missing") << u"OutputDataConfig"_s << QByteArray(R"({"KmsKeyId": "k"})")
                                      << QStringList { u"S3OutputPath required"_s };
    QTest::newRow("required null") << u"OutputDataConfig"_s << QByteArray(R"({"S3OutputPath": null})")
                                   << QStringList { u"S3OutputPath required"_s };
    QTest::newRow("optional null is a type error")
        << u"OutputDataConfig"_s << QByteArray(R"({"S3OutputPath": "s3://b/o", "KmsKeyId": null})")
        << QStringList { u"KmsKeyId type"_s };
    // unknown members: kept, a warning
    QTest::newRow("unknown member") << u"OutputDataConfig"_s
                                    << QByteArray(R"({"S3OutputPath": "s3://b/o", "FutureField": 1})")
                                    << QStringList { u"FutureField unknownField (warning)"_s };
    // list counts and elements
    QTest::newRow("minCount ok") << u"VpcSecurityGroupIds"_s << QByteArray(R"(["sg-1"])") << QStringList();
    QTest::newRow("minCount fails") << u"VpcSecurityGroupIds"_s << QByteArray("[]")
                                    << QStringList { u" minCount"_s };
    QTest::newRow("maxCount fails") << u"VpcSecurityGroupIds"_s << QByteArray(R"(["a","b","c","d","e","f"])")
                                    << QStringList { u" maxCount"_s };
    QTest::newRow("list element checked at its index")
        << u"VpcSecurityGroupIds"_s << QByteArray(R"(["sg-1", "sg_2", 3])")
        << QStringList { u"[1] pattern"_s, u"[2] type"_s };
    QTest::newRow("nested list of structures")
        << u"InputDataConfig"_s
        << QByteArray(
               R"([{"ChannelName": "train", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/t"}}},
                         {"ChannelName": "bad name", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "b/t"}}}])")
        << QStringList { u"[1].ChannelName pattern"_s, u"[1].DataSource.S3DataSource.S3Uri pattern"_s };
    // maps: count, keys (reported at the entry), values
    QTest::newRow("map ok") << u"EnvironmentMap"_s << QByteArray(R"({"A_B": "x", "_c": ""})")
                            << QStringList();
    QTest::newRow("map key pattern, dotted path")
        << u"EnvironmentMap"_s << QByteArray(R"({"1ABC": "x"})") << QStringList { u"1ABC pattern"_s };
    QTest::newRow("map key pattern, bracketed path")
        << u"EnvironmentMap"_s << QByteArray(R"({"A B": "x"})") << QStringList { u"[\"A B\"] pattern"_s };
    QTest::newRow("map key too long")
        << u"HookParameters"_s << QByteArray("{\"" + QByteArray(257, 'k') + "\": \"v\"}")
        << QStringList { QString(257, u'k') + u" maxLength"_s };
    QTest::newRow("map key too short")
        << u"HookParameters"_s << QByteArray(R"({"": "v"})") << QStringList { u"[\"\"] minLength"_s };
    QTest::newRow("map value too long")
        << u"HyperParameters"_s << QByteArray("{\"lr\": \"" + QByteArray(2501, '1') + "\"}")
        << QStringList { u"lr maxLength"_s };
    QTest::newRow("map value wrong type")
        << u"HyperParameters"_s << QByteArray(R"({"epochs": 10})") << QStringList { u"epochs type"_s };
    QTest::newRow("map maxCount") << u"HookParameters"_s << []() -> QByteArray {
        QByteArray json = "{";
        for (int i = 0; i < 21; ++i)
            json += (i ? ", " : "") + QByteArray("\"k") + QByteArray::number(i) + "\": \"v\"";
        return json + '}';
    }() << QStringList { u" maxCount"_s };
}

void ShapeWalkerTest::constraints()
{
    QFETCH(QString, shape);
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);
    const ShapeModel &model = ShapeModel::instance();
    const Shape *s = model.shape(shape);
    QVERIFY2(s, qPrintable(shape));
    const Diagnostics diagnostics = ShapeWalker(model).validate(*s, TestData::jsonValue(json));
    QStringList got = ApiTestData::findings(diagnostics);
    // Paths of list elements and map entries below a root with an empty path start with '[' or the key.
    for (QString &g : got)
        if (g.startsWith(u'.'))
            g.remove(0, 1);
    QCOMPARE(got, expected);
}

void ShapeWalkerTest::walkVisitsKnownValuesInModelOrder()
{
    const ShapeModel &model = ShapeModel::instance();
    const QJsonValue doc = TestData::jsonValue(
        R"({"StoppingCondition": {"MaxRuntimeInSeconds": 1}, "Unknown": {"x": 1},
                                       "RoleArn": "r", "TrainingJobName": "n", "HyperParameters": {"b": "2", "a": "1"}})");
    QStringList visited;
    ShapeWalker(model).walk(*model.shape(u"CreateTrainingJobRequest"_s), doc, QString(),
        [&](const Shape &, const QJsonValue &, const QString &path) { visited.append(path); });
    QCOMPARE(visited,
        QStringList({ QString(), u"TrainingJobName"_s, u"HyperParameters"_s, u"HyperParameters.a"_s,
            u"HyperParameters.b"_s, u"RoleArn"_s, u"StoppingCondition"_s,
            u"StoppingCondition.MaxRuntimeInSeconds"_s }));
}

void ShapeWalkerTest::walkDoesNotDescendIntoWrongTypes()
{
    const ShapeModel &model = ShapeModel::instance();
    const QJsonValue doc = TestData::jsonValue(
        R"({"TrainingJobName": "n", "RoleArn": "arn:aws:iam::123456789012:role/R",
                                       "OutputDataConfig": "s3://b/o", "InputDataConfig": {"ChannelName": "x"}})");
    const Diagnostics diagnostics
        = ShapeWalker(model).validate(*model.shape(u"CreateTrainingJobRequest"_s), doc);
    QCOMPARE(ApiTestData::findings(diagnostics),
        QStringList({ u"InputDataConfig type"_s, u"OutputDataConfig type"_s }));
}

void ShapeWalkerTest::messagesAreReadable()
{
    const ShapeModel &model = ShapeModel::instance();
    const ShapeWalker walker(model);
    QCOMPARE(walker.validate(*model.shape(u"TrainingInputMode"_s), u"file"_s).value(0).message,
        u"\"file\" is not one of: Pipe, File, FastFile"_s);
    QCOMPARE(walker.validate(*model.shape(u"MaxRuntimeInSeconds"_s), u"3600"_s).value(0).message,
        u"expected a whole number, got a string"_s);
    QCOMPARE(walker.validate(*model.shape(u"TrainingJobName"_s), QString(64, u'a')).value(0).message,
        u"length is 64; the maximum is 63"_s);
    const QString enumMessage
        = walker.validate(*model.shape(u"TrainingInstanceType"_s), u"x"_s).value(0).message;
    QVERIFY2(enumMessage.contains(u"ml.m4.xlarge, "_s) && enumMessage.contains(u"values)"_s),
        qPrintable(enumMessage));
    const QString longValue
        = walker.validate(*model.shape(u"RoleArn"_s), QString(300, u'x')).value(1).message;
    QVERIFY2(longValue.size() < 200, qPrintable(longValue));
}

QTEST_GUILESS_MAIN(ShapeWalkerTest)
#include "tst_shapewalker.moc"
