#include "apitestdata.h"
#include "core/api/shapemodel.h"
#include "core/api/specjson.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The spec codec: parse errors point at a line and column, written files are deterministic (model member
// order, integers as integers) and load → save is byte-stable for files already in that form.
class SpecJsonTest : public QObject
{
    Q_OBJECT

private slots:
    void parseErrorsHaveLineAndColumn_data();
    void parseErrorsHaveLineAndColumn();
    void parseAcceptsAByteOrderMark();
    void normalisedFilesAreByteStable_data();
    void normalisedFilesAreByteStable();
    void keysComeInModelOrderThenUnknownsSorted();
    void numbersPrintAsWritten_data();
    void numbersPrintAsWritten();
    void stringsRoundTrip_data();
    void stringsRoundTrip();
    void emptyContainersAndUnknownShapes();
    void saveReplacesTheFileWhole();
    void saveIntoAMissingDirectoryFails();
};

void SpecJsonTest::parseErrorsHaveLineAndColumn_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("missing comma") << QByteArray("{\n  \"a\": 1\n  \"b\": 2\n}") << 3 << 3;
    QTest::newRow("bad literal") << QByteArray("{\"a\": tru}") << 1 << 7;
    QTest::newRow("trailing comma") << QByteArray("{\"a\": 1,}") << 1 << 9;
    QTest::newRow("unterminated list") << QByteArray("{\n \"a\": [1, 2\n}") << 3 << 1;
    QTest::newRow("column counts characters, not bytes") << QByteArray("{\"é\": 1 x}") << 1 << 9;
    QTest::newRow("garbage after the object") << QByteArray("{\"a\": 1}}") << 1 << 9;
    QTest::newRow("empty file") << QByteArray() << 1 << 1;
    QTest::newRow("top level is a list") << QByteArray("\n  [1]") << 2 << 3;
    QTest::newRow("top level is a string") << QByteArray("\"x\"") << 1 << 1;
    QTest::newRow("binary junk") << QByteArray("\x00\xff\xfe{", 4) << 1 << 1;
}

void SpecJsonTest::parseErrorsHaveLineAndColumn()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    const SpecJson::ParseResult result = SpecJson::parse(text);
    QVERIFY(!result.ok);
    QVERIFY(!result.error.isEmpty());
    QCOMPARE(result.line, line);
    QCOMPARE(result.column, column);
}

void SpecJsonTest::parseAcceptsAByteOrderMark()
{
    const SpecJson::ParseResult result = SpecJson::parse("\xEF\xBB\xBF{\"ModelName\": \"m\"}");
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.document.value("ModelName"_L1).toString(), u"m"_s);
}

void SpecJsonTest::normalisedFilesAreByteStable_data()
{
    ApiTestData::addSpecFileRows();
    QTest::newRow("with unknown members") << u"training-job-unknown-fields.json"_s << SpecKind::TrainingJob;
}

void SpecJsonTest::normalisedFilesAreByteStable()
{
    QFETCH(QString, file);
    QFETCH(SpecKind, kind);
    const QByteArray original = ApiTestData::bytes(file);
    const SpecJson::ParseResult parsed = SpecJson::parse(original);
    QVERIFY2(parsed.ok, qPrintable(parsed.error));
    const QByteArray written = SpecJson::write(parsed.document, kind);
    QCOMPARE(QString::fromUtf8(written), QString::fromUtf8(original));
}

void SpecJsonTest::keysComeInModelOrderThenUnknownsSorted()
{
    const QJsonObject doc
        = TestData::jsonObject(R"({"Zeta": 1, "StoppingCondition": {"MaxRuntimeInSeconds": 60, "Aaa": true},
        "RoleArn": "r", "Alpha": 2, "TrainingJobName": "n",
        "InputDataConfig": [{"InputMode": "File", "ChannelName": "c"}]})");
    const QByteArray expected = R"({
    "TrainingJobName": "n",
    "RoleArn": "r",
    "InputDataConfig": [
        {
            "ChannelName": "c",
            "InputMode": "File"
        }
    ],
    "StoppingCondition": {
        "MaxRuntimeInSeconds": 60,
        "Aaa": true
    },
    "Alpha": 2,
    "Zeta": 1
}
)";
    QCOMPARE(QString::fromUtf8(SpecJson::write(doc, SpecKind::TrainingJob)), QString::fromUtf8(expected));
}

void SpecJsonTest::numbersPrintAsWritten_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QByteArray>("out");
    QTest::newRow("integer") << QByteArray("3600") << QByteArray("3600");
    QTest::newRow("million, no exponent") << QByteArray("1000000") << QByteArray("1000000");
    QTest::newRow("exponent that is whole") << QByteArray("1e6") << QByteArray("1000000");
    QTest::newRow("5.0 is an integer") << QByteArray("5.0") << QByteArray("5");
    QTest::newRow("negative") << QByteArray("-42") << QByteArray("-42");
    QTest::newRow("fraction") << QByteArray("0.001") << QByteArray("0.001");
    QTest::newRow("epoch seconds") << QByteArray("1704164645.123") << QByteArray("1704164645.123");
    QTest::newRow("beyond 2^53 stays exact")
        << QByteArray("9007199254740993") << QByteArray("9007199254740993");
    QTest::newRow("tiny") << QByteArray("1e-07") << QByteArray("1e-07");
}

void SpecJsonTest::numbersPrintAsWritten()
{
    QFETCH(QByteArray, in);
    QFETCH(QByteArray, out);
    const SpecJson::ParseResult parsed = SpecJson::parse("{\"ShuffleSeed\": " + in + '}');
    QVERIFY(parsed.ok);
    QCOMPARE(SpecJson::write(parsed.document, nullptr, ShapeModel::instance()),
        QByteArray("{\n    \"ShuffleSeed\": " + out + "\n}\n"));
}

void SpecJsonTest::stringsRoundTrip_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("written");
    QTest::newRow("plain") << u"abc"_s << QByteArray(R"("abc")");
    QTest::newRow("quote and backslash") << u"a\"b\\c"_s << QByteArray(R"("a\"b\\c")");
    QTest::newRow("newline, tab") << u"a\nb\tc\r"_s << QByteArray(R"("a\nb\tc\r")");
    QTest::newRow("other control") << QString(QChar(0x01)) << QByteArray(R"("\u0001")");
    QTest::newRow("slash unescaped") << u"s3://b/k"_s << QByteArray(R"("s3://b/k")");
    QTest::newRow("non-ASCII as UTF-8") << u"Übung"_s
                                        << QByteArray("\"\xC3\x9C"
                                                      "bung\"");
    QTest::newRow("non-BMP as UTF-8")
        << QString::fromUcs4(U"\U0001F600") << QByteArray("\"\xF0\x9F\x98\x80\"");
}

void SpecJsonTest::stringsRoundTrip()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, written);
    QJsonObject doc;
    doc.insert("RoleArn"_L1, value);
    const QByteArray text = SpecJson::write(doc, SpecKind::TrainingJob);
    QCOMPARE(text, QByteArray("{\n    \"RoleArn\": " + written + "\n}\n"));
    const SpecJson::ParseResult back = SpecJson::parse(text);
    QVERIFY(back.ok);
    QCOMPARE(back.document.value("RoleArn"_L1).toString(), value);
}

void SpecJsonTest::emptyContainersAndUnknownShapes()
{
    const QJsonObject doc = TestData::jsonObject(
        R"({"HyperParameters": {}, "Tags": [], "X": {"b": [1, {"c": null}], "a": false}})");
    QCOMPARE(QString::fromUtf8(SpecJson::write(doc, SpecKind::TrainingJob)), uR"({
    "HyperParameters": {},
    "Tags": [],
    "X": {
        "a": false,
        "b": [
            1,
            {
                "c": null
            }
        ]
    }
}
)"_s);
}

void SpecJsonTest::saveReplacesTheFileWhole()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(u"spec.json"_s);
    QString error;
    QVERIFY(SpecJson::save(file, QByteArray("old contents that are longer than the new ones\n"), &error));
    const QJsonObject doc = ApiTestData::object(u"model-minimal.json"_s);
    QVERIFY2(SpecJson::save(file, doc, SpecKind::Model, &error), qPrintable(error));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), ApiTestData::bytes(u"model-minimal.json"_s));
    QCOMPARE(
        QDir(dir.path()).entryList(QDir::Files), QStringList { u"spec.json"_s }); // no temporary left behind
}

void SpecJsonTest::saveIntoAMissingDirectoryFails()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY(!SpecJson::save(dir.filePath(u"missing/spec.json"_s), QByteArray("{}\n"), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(dir.filePath(u"missing/spec.json"_s)));
}

QTEST_GUILESS_MAIN(SpecJsonTest)
#include "tst_specjson.moc"
