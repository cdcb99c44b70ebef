#include "core/api/jsonpath.h"
#include "core/api/shapemodel.h"

#include <QTest>

using namespace Qt::StringLiterals;

// The generated shapes resource loads, its lookups answer what the API model says, and its patterns behave
// like the service's (anchored, Java constructs translated for PCRE2).
class ShapeModelTest : public QObject
{
    Q_OBJECT

private slots:
    void builtInResourceLoadsWithItsSource();
    void everyOperationInScopeHasItsShapes_data();
    void everyOperationInScopeHasItsShapes();
    void membersKeepModelOrderAndRequiredFlags();
    void everyPatternCompiles();
    void patternsMatchTheWholeValue_data();
    void patternsMatchTheWholeValue();
    void shapeAtPathResolves_data();
    void shapeAtPathResolves();
    void malformedResourceIsRejected_data();
    void malformedResourceIsRejected();
    void jsonPathBuildsAndParses_data();
    void jsonPathBuildsAndParses();
    void malformedJsonPathIsRejected_data();
    void malformedJsonPathIsRejected();
};

void ShapeModelTest::builtInResourceLoadsWithItsSource()
{
    const ShapeModel &model = ShapeModel::instance();
    QVERIFY(model.isValid());
    QCOMPARE(model.apiVersion(), u"2017-07-24"_s);
    QVERIFY(!model.botocoreVersion().isEmpty());
    QCOMPARE(&ShapeModel::instance(), &model); // loaded once
}

void ShapeModelTest::everyOperationInScopeHasItsShapes_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("output");
    QTest::newRow("CreateModel") << u"CreateModel"_s << u"CreateModelInput"_s << u"CreateModelOutput"_s;
    QTest::newRow("DescribeModel") << u"DescribeModel"_s << u"DescribeModelInput"_s
                                   << u"DescribeModelOutput"_s;
    QTest::newRow("ListModels") << u"ListModels"_s << u"ListModelsInput"_s << u"ListModelsOutput"_s;
    QTest::newRow("DeleteModel") << u"DeleteModel"_s << u"DeleteModelInput"_s << QString();
    QTest::newRow("CreateTrainingJob")
        << u"CreateTrainingJob"_s << u"CreateTrainingJobRequest"_s << u"CreateTrainingJobResponse"_s;
    QTest::newRow("DescribeTrainingJob")
        << u"DescribeTrainingJob"_s << u"DescribeTrainingJobRequest"_s << u"DescribeTrainingJobResponse"_s;
    QTest::newRow("ListTrainingJobs")
        << u"ListTrainingJobs"_s << u"ListTrainingJobsRequest"_s << u"ListTrainingJobsResponse"_s;
    QTest::newRow("StopTrainingJob") << u"StopTrainingJob"_s << u"StopTrainingJobRequest"_s << QString();
    QTest::newRow("ListTags") << u"ListTags"_s << u"ListTagsInput"_s << u"ListTagsOutput"_s;
}

void ShapeModelTest::everyOperationInScopeHasItsShapes()
{
    QFETCH(QString, operation);
    QFETCH(QString, input);
    QFETCH(QString, output);
    const ShapeModel &model = ShapeModel::instance();
    QVERIFY(model.operationInput(operation));
    QCOMPARE(model.operationInput(operation)->name, input);
    if (output.isEmpty())
        QVERIFY(!model.operationOutput(operation));
    else
        QCOMPARE(model.operationOutput(operation)->name, output);
}

void ShapeModelTest::membersKeepModelOrderAndRequiredFlags()
{
    const Shape *request = ShapeModel::instance().shape(u"CreateTrainingJobRequest"_s);
    QVERIFY(request);
    QCOMPARE(request->type, Shape::Type::Structure);
    QStringList firstFive;
    for (qsizetype i = 0; i < 5; ++i)
        firstFive.append(request->members.at(i).name);
    QCOMPARE(firstFive,
        QStringList({ u"TrainingJobName"_s, u"HyperParameters"_s, u"AlgorithmSpecification"_s, u"RoleArn"_s,
            u"InputDataConfig"_s }));
    QStringList required;
    for (const ShapeMember &m : request->members)
        if (m.required)
            required.append(m.name);
    QCOMPARE(required, QStringList({ u"TrainingJobName"_s, u"RoleArn"_s, u"OutputDataConfig"_s }));

    const Shape *name = ShapeModel::instance().shape(u"TrainingJobName"_s);
    QCOMPARE(name->min, 1.0);
    QCOMPARE(name->max, 63.0);
    const Shape *mode = ShapeModel::instance().shape(u"TrainingInputMode"_s);
    QCOMPARE(mode->enumValues, QStringList({ u"Pipe"_s, u"File"_s, u"FastFile"_s }));
}

void ShapeModelTest::everyPatternCompiles()
{
    const ShapeModel &model = ShapeModel::instance();
    int patterns = 0;
    for (const QString &name : model.shapeNames()) {
        const Shape *s = model.shape(name);
        if (s->pattern.isEmpty())
            continue;
        ++patterns;
        QVERIFY2(s->regex.isValid(), qPrintable(name + u": "_s + s->regex.errorString()));
    }
    QVERIFY(patterns > 20);
}

void ShapeModelTest::patternsMatchTheWholeValue_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("matches");
    QTest::newRow("job name ok") << u"TrainingJobName"_s << u"my-job-1"_s << true;
    QTest::newRow("job name: anchored at the end") << u"TrainingJobName"_s << u"my-job-"_s << false;
    QTest::newRow("job name: anchored at the start") << u"TrainingJobName"_s << u"-job"_s << false;
    QTest::newRow("job name: no underscore") << u"TrainingJobName"_s << u"my_job"_s << false;
    QTest::newRow("lookbehind (?<!-) ok") << u"ArnOrName"_s << u"my-algorithm"_s << true;
    QTest::newRow("lookbehind (?<!-) rejects a trailing dash")
        << u"ArnOrName"_s << u"my-algorithm-"_s << false;
    QTest::newRow("\\p{L} takes letters beyond ASCII") << u"TagValue"_s << u"Übung café"_s << true;
    QTest::newRow("\\p{...} rejects #") << u"TagValue"_s << u"a#b"_s << false;
    QTest::newRow("\\p{Alnum} translated")
        << u"TrainingRepositoryCredentialsProviderArn"_s
        << u"arn:aws:lambda:us-east-1:123456789012:function:auth"_s << true;
    QTest::newRow("\\p{Alnum} is ASCII only") << u"TrainingRepositoryCredentialsProviderArn"_s
                                              << u"arn:aws:lambda:us_east:123456789012:function:f"_s << false;
    QTest::newRow("s3 uri") << u"S3Uri"_s << u"s3://bucket/key"_s << true;
    QTest::newRow("s3 uri needs a scheme") << u"S3Uri"_s << u"bucket/key"_s << false;
    QTest::newRow("role arn") << u"RoleArn"_s << u"arn:aws:iam::123456789012:role/R"_s << true;
    QTest::newRow("role arn: 11-digit account")
        << u"RoleArn"_s << u"arn:aws:iam::12345678901:role/R"_s << false;
    QTest::newRow("environment value takes newlines") << u"EnvironmentValue"_s << u"a\nb"_s << true;
}

void ShapeModelTest::patternsMatchTheWholeValue()
{
    QFETCH(QString, shape);
    QFETCH(QString, value);
    QFETCH(bool, matches);
    const Shape *s = ShapeModel::instance().shape(shape);
    QVERIFY2(s, qPrintable(shape));
    QVERIFY(!s->pattern.isEmpty());
    QCOMPARE(s->regex.match(value).hasMatch(), matches);
}

void ShapeModelTest::shapeAtPathResolves_data()
{
    QTest::addColumn<QString>("root");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("shape");
    const QString job = u"CreateTrainingJobRequest"_s;
    QTest::newRow("document") << job << QString() << job;
    QTest::newRow("member") << job << u"RoleArn"_s << u"RoleArn"_s;
    QTest::newRow("nested list element")
        << job << u"InputDataConfig[1].DataSource.S3DataSource.S3Uri"_s << u"S3Uri"_s;
    QTest::newRow("list itself") << job << u"InputDataConfig"_s << u"InputDataConfig"_s;
    QTest::newRow("map entry, dotted")
        << job << u"HyperParameters.learning-rate"_s << u"HyperParameterValue"_s;
    QTest::newRow("map entry, bracketed")
        << job << u"HyperParameters[\"a.b c\"]"_s << u"HyperParameterValue"_s;
    QTest::newRow("tag key") << job << u"Tags[0].Key"_s << u"TagKey"_s;
    QTest::newRow("unknown member") << job << u"Nope"_s << QString();
    QTest::newRow("index on a structure") << job << u"OutputDataConfig[0]"_s << QString();
    QTest::newRow("member on a list") << job << u"InputDataConfig.ChannelName"_s << QString();
    QTest::newRow("below a string") << job << u"RoleArn.x"_s << QString();
    QTest::newRow("model container env")
        << u"CreateModelInput"_s << u"PrimaryContainer.Environment.MY_VAR"_s << u"EnvironmentValue"_s;
}

void ShapeModelTest::shapeAtPathResolves()
{
    QFETCH(QString, root);
    QFETCH(QString, path);
    QFETCH(QString, shape);
    const ShapeModel &model = ShapeModel::instance();
    const Shape *found = model.shapeAtPath(model.shape(root), path);
    if (shape.isEmpty()) {
        QVERIFY2(!found, qPrintable(found ? found->name : QString()));
    } else {
        QVERIFY(found);
        QCOMPARE(found->name, shape);
    }
}

void ShapeModelTest::malformedResourceIsRejected_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("not JSON") << QByteArray("{");
    QTest::newRow("no shapes") << QByteArray(R"({"shapes": {}})");
    QTest::newRow("dangling reference")
        << QByteArray(R"({"shapes": {"A": {"type": "list", "member": "Missing"}}})");
    QTest::newRow("unknown type") << QByteArray(R"({"shapes": {"A": {"type": "tuple"}}})");
    QTest::newRow("invalid pattern") << QByteArray(
        R"({"shapes": {"A": {"type": "string", "pattern": "(a"}}})");
}

void ShapeModelTest::malformedResourceIsRejected()
{
    QFETCH(QByteArray, json);
    QString error;
    const ShapeModel model = ShapeModel::fromJson(json, &error);
    QVERIFY(!model.isValid());
    if (json != R"({"shapes": {}})")
        QVERIFY(!error.isEmpty());
}

void ShapeModelTest::jsonPathBuildsAndParses_data()
{
    using Segment = JsonPath::Segment;
    QTest::addColumn<QString>("built");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QList<Segment>>("segments");
    QTest::newRow("member") << JsonPath::member(QString(), u"RoleArn"_s) << u"RoleArn"_s
                            << QList<Segment> { { Segment::Kind::Member, u"RoleArn"_s, -1 } };
    QTest::newRow("nested") << JsonPath::member(JsonPath::index(u"InputDataConfig"_s, 1), u"ChannelName"_s)
                            << u"InputDataConfig[1].ChannelName"_s
                            << QList<Segment> { { Segment::Kind::Member, u"InputDataConfig"_s, -1 },
                                   { Segment::Kind::Index, QString(), 1 },
                                   { Segment::Kind::Member, u"ChannelName"_s, -1 } };
    QTest::newRow("plain key") << JsonPath::key(u"HyperParameters"_s, u"learning_rate"_s)
                               << u"HyperParameters.learning_rate"_s
                               << QList<Segment> { { Segment::Kind::Member, u"HyperParameters"_s, -1 },
                                      { Segment::Kind::Member, u"learning_rate"_s, -1 } };
    QTest::newRow("key with dot, space, quote")
        << JsonPath::key(u"HyperParameters"_s, u"a.b \"c\\"_s) << u"HyperParameters[\"a.b \\\"c\\\\\"]"_s
        << QList<Segment> { { Segment::Kind::Member, u"HyperParameters"_s, -1 },
               { Segment::Kind::Key, u"a.b \"c\\"_s, -1 } };
    QTest::newRow("empty key") << JsonPath::key(u"M"_s, QString()) << u"M[\"\"]"_s
                               << QList<Segment> { { Segment::Kind::Member, u"M"_s, -1 },
                                      { Segment::Kind::Key, QString(), -1 } };
}

void ShapeModelTest::jsonPathBuildsAndParses()
{
    QFETCH(QString, built);
    QFETCH(QString, expected);
    QFETCH(QList<JsonPath::Segment>, segments);
    QCOMPARE(built, expected);
    QList<JsonPath::Segment> parsed;
    QVERIFY(JsonPath::parse(built, &parsed));
    QCOMPARE(parsed, segments);
}

void ShapeModelTest::malformedJsonPathIsRejected_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("trailing dot") << u"A."_s;
    QTest::newRow("leading dot") << u".A"_s;
    QTest::newRow("double dot") << u"A..B"_s;
    QTest::newRow("unclosed index") << u"A[1"_s;
    QTest::newRow("negative index") << u"A[-1]"_s;
    QTest::newRow("not a number") << u"A[x]"_s;
    QTest::newRow("unclosed key") << u"A[\"x]"_s;
    QTest::newRow("name right after index") << u"A[0]B"_s;
}

void ShapeModelTest::malformedJsonPathIsRejected()
{
    QFETCH(QString, path);
    QList<JsonPath::Segment> segments;
    QVERIFY(!JsonPath::parse(path, &segments));
}

QTEST_GUILESS_MAIN(ShapeModelTest)
#include "tst_shapemodel.moc"
