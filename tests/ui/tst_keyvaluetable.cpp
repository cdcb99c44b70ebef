#include "core/api/specvalidator.h"
#include "ui/widgets/fieldmark.h"
#include "ui/widgets/keyvaluetable.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using KeyValueText::ValueType;

namespace {

QJsonValue json(const char *text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text));
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

// Types a new row the way a user does: Add, key, (type), value.
void typeRow(KeyValueTable &table, const QString &key, const QString &value, const QString &typeInitial = {})
{
    QTest::mouseClick(child<QPushButton>(&table, u"addEntry"_s), Qt::LeftButton);
    const QString n = QString::number(table.rowCount() - 1);
    QTest::keyClicks(child<QLineEdit>(&table, u"key_"_s + n), key);
    if (!typeInitial.isEmpty())
        QTest::keyClicks(child<QComboBox>(&table, u"type_"_s + n), typeInitial);
    QTest::keyClicks(child<QLineEdit>(&table, u"value_"_s + n), value);
}

} // namespace

class TestKeyValueTable : public QObject
{
    Q_OBJECT

private slots:
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void loadingGuessesTypes();
    void typedValuesAreCheckedAndWritten_data();
    void typedValuesAreCheckedAndWritten();
    void duplicateKeysAreMarked();
    void entriesOverTheLimitAreMarked();
    void keyPatternAndLengthAreChecked();
    void pasteKeyValueLines();
    void pasteJsonObjectAndTagList();
    void pasteBadJsonChangesNothing();
    void pasteButtonReadsTheClipboard();
    void ctrlVOfSeveralLinesInAKeyFillsTheTable();
    void removeRowRenumbers();
    void enterInLastValueAddsARow();
    void validatorDiagnosticsMarkRows();
    void realValidatorFindingsLandOnceInPlace();
    void focusPath();
    void tabOrderFollowsRows();
    void screenshot();
};

void TestKeyValueTable::jsonRoundTrip_data()
{
    QTest::addColumn<int>("configKind"); // 0 hyperparameters, 1 environment, 2 tags
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("hyperparameters, every type")
        << 0 << json(R"({"epochs":"10","lr":"0.001","amp":"true","layers":"[64,32]","arch":"resnet50"})");
    QTest::newRow("environment") << 1 << json(R"({"NCCL_DEBUG":"INFO","EMPTY":""})");
    QTest::newRow("tags keep their order")
        << 2
        << json(
               R"([{"Key":"team","Value":"vision"},{"Key":"cost-center","Value":"42"},{"Key":"a","Value":""}])");
}

void TestKeyValueTable::jsonRoundTrip()
{
    QFETCH(int, configKind);
    QFETCH(QJsonValue, value);
    const KeyValueTable::Config configs[] = { KeyValueTable::Config::hyperParameters(),
        KeyValueTable::Config::trainingEnvironment(), KeyValueTable::Config::tags() };
    KeyValueTable table(configs[configKind], u"X"_s);
    QSignalSpy changed(&table, &SpecFieldEditor::changed);
    table.setJson(value);
    QCOMPARE(table.toJson(), value);
    QCOMPARE(changed.size(), 0);
    QVERIFY(table.inputDiagnostics().isEmpty());

    table.setJson(QJsonValue(QJsonValue::Undefined));
    QCOMPARE(table.rowCount(), 0);
    QVERIFY(table.toJson().isUndefined());
}

void TestKeyValueTable::loadingGuessesTypes()
{
    KeyValueTable table(KeyValueTable::Config::hyperParameters(), u"HyperParameters"_s);
    // QJsonObject orders keys: amp, arch, epochs, layers, lr, wrong.
    table.setJson(json(
        R"({"epochs":"10","lr":"1e-3","amp":"false","layers":"{\"a\": 1}","arch":"resnet50","wrong":7})"));
    QCOMPARE(table.rowCount(), 6);
    const QList<ValueType> expected { ValueType::Boolean, ValueType::String, ValueType::Integer,
        ValueType::Json, ValueType::Float, ValueType::Integer };
    for (int row = 0; row < 6; ++row)
        QCOMPARE(table.valueType(row), expected.at(row));
    // A number where the API wants a string is written back as the string.
    QCOMPARE(table.toJson().toObject().value("wrong"_L1), QJsonValue(u"7"_s));
}

void TestKeyValueTable::typedValuesAreCheckedAndWritten_data()
{
    QTest::addColumn<QString>("typeInitial");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("wire");
    QTest::newRow("integer") << u"I"_s << u"+12"_s << true << u"12"_s;
    QTest::newRow("integer rejects fraction") << u"I"_s << u"1.5"_s << false << u"1.5"_s;
    QTest::newRow("float exponent") << u"F"_s << u"1e-4"_s << true << u"1e-4"_s;
    QTest::newRow("float rejects words") << u"F"_s << u"fast"_s << false << u"fast"_s;
    QTest::newRow("boolean normalised") << u"B"_s << u"True"_s << true << u"true"_s;
    QTest::newRow("boolean rejects yes") << u"B"_s << u"yes"_s << false << u"yes"_s;
    QTest::newRow("json compacted") << u"J"_s << uR"({"a": [1, 2]})"_s << true << uR"({"a":[1,2]})"_s;
    QTest::newRow("json rejects bare keys") << u"J"_s << u"{a: 1}"_s << false << u"{a: 1}"_s;
    QTest::newRow("string as typed") << u"S"_s << u" spaced "_s << true << u" spaced "_s;
}

void TestKeyValueTable::typedValuesAreCheckedAndWritten()
{
    QFETCH(QString, typeInitial);
    QFETCH(QString, typed);
    QFETCH(bool, ok);
    KeyValueTable table(KeyValueTable::Config::hyperParameters(), u"HyperParameters"_s);
    typeRow(table, u"param"_s, typed, typeInitial);

    auto *value = child<QLineEdit>(&table, u"value_0"_s);
    QCOMPARE(FieldMark::isMarked(value), !ok);
    QTEST(table.toJson().toObject().value("param"_L1).toString(), "wire");
    const Diagnostics problems = table.inputDiagnostics();
    QCOMPARE(problems.size(), ok ? 0 : 1);
    if (!ok) {
        QCOMPARE(problems.first().code, u"valueType"_s);
        QCOMPARE(problems.first().path, u"HyperParameters.param"_s);
        QVERIFY(child<QLabel>(&table, u"tableProblems"_s)->text().contains("Row 1"_L1));
    }
}

void TestKeyValueTable::duplicateKeysAreMarked()
{
    KeyValueTable table(KeyValueTable::Config::hyperParameters(), u"HyperParameters"_s);
    typeRow(table, u"lr"_s, u"0.1"_s);
    typeRow(table, u"epochs"_s, u"3"_s);
    typeRow(table, u"lr"_s, u"0.2"_s);

    QVERIFY(!FieldMark::isMarked(child<QLineEdit>(&table, u"key_0"_s)));
    auto *duplicate = child<QLineEdit>(&table, u"key_2"_s);
    QVERIFY(FieldMark::isMarked(duplicate));
    QVERIFY2(duplicate->toolTip().contains("already set in row 1"_L1), qPrintable(duplicate->toolTip()));
    const Diagnostics problems = table.inputDiagnostics();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().code, u"duplicateKey"_s);

    // Fixing the key clears the mark.
    QTest::keyClick(duplicate, Qt::Key_Backspace);
    QTest::keyClick(duplicate, Qt::Key_Backspace);
    QTest::keyClicks(duplicate, u"momentum"_s);
    QVERIFY(!FieldMark::isMarked(duplicate));
    QVERIFY(table.inputDiagnostics().isEmpty());
}

void TestKeyValueTable::entriesOverTheLimitAreMarked()
{
    KeyValueTable::Config config = KeyValueTable::Config::tags();
    config.maxEntries = 2;
    KeyValueTable table(config, u"Tags"_s);
    table.setJson(json(R"([{"Key":"a","Value":"1"},{"Key":"b","Value":"2"},{"Key":"c","Value":"3"}])"));
    QVERIFY(!FieldMark::isMarked(child<QLineEdit>(&table, u"key_1"_s)));
    auto *third = child<QLineEdit>(&table, u"key_2"_s);
    QVERIFY(FieldMark::isMarked(third));
    QVERIFY(third->toolTip().contains("At most 2 tags"_L1));
    QVERIFY(child<QLabel>(&table, u"entryCount"_s)->text().startsWith("3 of at most 2"_L1));
}

void TestKeyValueTable::keyPatternAndLengthAreChecked()
{
    KeyValueTable env(KeyValueTable::Config::trainingEnvironment(), u"Environment"_s);
    typeRow(env, u"GOOD_1"_s, u"x"_s);
    typeRow(env, u"1BAD"_s, u"x"_s);
    typeRow(env, QString(513, u'K'), u"x"_s);
    typeRow(env, QString(), u"value without key"_s);
    QVERIFY(!FieldMark::isMarked(child<QLineEdit>(&env, u"key_0"_s)));
    QVERIFY(child<QLineEdit>(&env, u"key_1"_s)->toolTip().contains("starts with a letter"_L1));
    QVERIFY(child<QLineEdit>(&env, u"key_2"_s)
                ->toolTip()
                .contains("at most 512 characters; this one has 513"_L1));
    QVERIFY(child<QLineEdit>(&env, u"key_3"_s)->toolTip().contains("Enter a key"_L1));
    // Only what the validator cannot see from the JSON is reported to the form.
    const Diagnostics problems = env.inputDiagnostics();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().code, u"emptyKey"_s);

    KeyValueTable tags(KeyValueTable::Config::tags(), u"Tags"_s);
    typeRow(tags, u"team"_s, u"ml ops"_s);
    typeRow(tags, u"bad"_s, u"semi;colon"_s);
    QVERIFY(!FieldMark::isMarked(child<QLineEdit>(&tags, u"value_0"_s)));
    QVERIFY(FieldMark::isMarked(child<QLineEdit>(&tags, u"value_1"_s)));
}

void TestKeyValueTable::pasteKeyValueLines()
{
    KeyValueTable table(KeyValueTable::Config::hyperParameters(), u"HyperParameters"_s);
    QSignalSpy changed(&table, &SpecFieldEditor::changed);
    table.appendRow(u"lr"_s, u"0.1"_s);
    table.appendRow(QString(), QString()); // a blank row is filled, not left behind

    const int taken
        = table.pasteText(u"# tuned\nepochs=10\n lr = 0.01\r\nexport optimizer=\"adam w\"\nnot a pair\n\n"_s);
    QCOMPARE(taken, 3);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(table.rowCount(), 3);
    QCOMPARE(table.toJson(), json(R"({"lr":"0.01","epochs":"10","optimizer":"adam w"})"));
    QCOMPARE(table.valueType(1), ValueType::Integer);
    QCOMPARE(table.valueType(2), ValueType::String);
    const QString status = child<QLabel>(&table, u"pasteStatus"_s)->text();
    QVERIFY2(status.contains("2 added"_L1) && status.contains("1 updated"_L1) && status.contains("line 5"_L1),
        qPrintable(status));
}

void TestKeyValueTable::pasteJsonObjectAndTagList()
{
    KeyValueTable table(KeyValueTable::Config::hyperParameters(), u"HyperParameters"_s);
    QCOMPARE(
        table.pasteText(uR"({"batch": 64, "dropout": 0.5, "amp": true, "sizes": [1, 2], "name": "x"})"_s), 5);
    QCOMPARE(
        table.toJson(), json(R"({"batch":"64","dropout":"0.5","amp":"true","sizes":"[1,2]","name":"x"})"));
    QCOMPARE(table.valueType(0), ValueType::Boolean); // amp: QJsonObject iterates keys in order
    QCOMPARE(table.valueType(3), ValueType::String); // name
    QCOMPARE(table.valueType(4), ValueType::Json); // sizes

    KeyValueTable tags(KeyValueTable::Config::tags(), u"Tags"_s);
    QCOMPARE(tags.pasteText(uR"([{"Key":"team","Value":"vision"},{"Key":"env","Value":"dev"}])"_s), 2);
    QCOMPARE(tags.toJson(), json(R"([{"Key":"team","Value":"vision"},{"Key":"env","Value":"dev"}])"));
}

void TestKeyValueTable::pasteBadJsonChangesNothing()
{
    KeyValueTable table(KeyValueTable::Config::hyperParameters(), u"HyperParameters"_s);
    table.appendRow(u"lr"_s, u"0.1"_s);
    QCOMPARE(table.pasteText(uR"({"lr": 0.2,})"_s), 0);
    QCOMPARE(table.toJson(), json(R"({"lr":"0.1"})"));
    QVERIFY(child<QLabel>(&table, u"pasteStatus"_s)->text().contains("Not valid JSON"_L1));
}

void TestKeyValueTable::pasteButtonReadsTheClipboard()
{
    KeyValueTable table(KeyValueTable::Config::containerEnvironment(), u"PrimaryContainer.Environment"_s);
    QApplication::clipboard()->setText(u"A=1\nB=2"_s);
    QTest::mouseClick(child<QPushButton>(&table, u"pasteEntries"_s), Qt::LeftButton);
    QCOMPARE(table.toJson(), json(R"({"A":"1","B":"2"})"));
}

void TestKeyValueTable::ctrlVOfSeveralLinesInAKeyFillsTheTable()
{
    KeyValueTable table(KeyValueTable::Config::hyperParameters(), u"HyperParameters"_s);
    table.show();
    table.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&table));
    QTest::mouseClick(child<QPushButton>(&table, u"addEntry"_s), Qt::LeftButton);
    auto *key = child<QLineEdit>(&table, u"key_0"_s);
    QApplication::clipboard()->setText(u"epochs=10\nlr=0.1"_s);
    QTest::keySequence(key, QKeySequence::Paste);
    QCOMPARE(table.toJson(), json(R"({"epochs":"10","lr":"0.1"})"));
    QCOMPARE(table.rowCount(), 2);

    // One plain word is pasted into the field as usual.
    QTest::mouseClick(child<QPushButton>(&table, u"addEntry"_s), Qt::LeftButton);
    QApplication::clipboard()->setText(u"momentum"_s);
    QTest::keySequence(child<QLineEdit>(&table, u"key_2"_s), QKeySequence::Paste);
    QCOMPARE(table.key(2), u"momentum"_s);
}

void TestKeyValueTable::removeRowRenumbers()
{
    KeyValueTable table(KeyValueTable::Config::tags(), u"Tags"_s);
    table.setJson(json(R"([{"Key":"a","Value":"1"},{"Key":"b","Value":"2"},{"Key":"c","Value":"3"}])"));
    QSignalSpy changed(&table, &SpecFieldEditor::changed);
    QTest::mouseClick(child<QToolButton>(&table, u"remove_1"_s), Qt::LeftButton);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(table.toJson(), json(R"([{"Key":"a","Value":"1"},{"Key":"c","Value":"3"}])"));
    QCOMPARE(child<QLineEdit>(&table, u"key_1"_s)->text(), u"c"_s);
    QVERIFY(!table.findChild<QLineEdit *>(u"key_2"_s));
}

void TestKeyValueTable::enterInLastValueAddsARow()
{
    KeyValueTable table(KeyValueTable::Config::hyperParameters(), u"HyperParameters"_s);
    table.show();
    table.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&table));
    typeRow(table, u"lr"_s, u"0.1"_s);
    QTest::keyClick(child<QLineEdit>(&table, u"value_0"_s), Qt::Key_Return);
    QCOMPARE(table.rowCount(), 2);
    QTRY_VERIFY(child<QLineEdit>(&table, u"key_1"_s)->hasFocus());
    // The new, still blank row is not part of the document.
    QCOMPARE(table.toJson(), json(R"({"lr":"0.1"})"));
}

void TestKeyValueTable::validatorDiagnosticsMarkRows()
{
    KeyValueTable tags(KeyValueTable::Config::tags(), u"Tags"_s);
    tags.setJson(json(R"([{"Key":"a","Value":"1"},{"Key":"b","Value":"2"}])"));
    tags.showDiagnostics({
        { u"Tags[1].Value"_s, Diagnostic::Severity::Warning, u"custom"_s, u"Looks like a secret."_s },
        { u"Tags"_s, Diagnostic::Severity::Error, u"custom"_s, u"Something about all tags."_s },
        { u"TagsOther[0].Key"_s, Diagnostic::Severity::Error, u"custom"_s, u"Not ours."_s },
    });
    QVERIFY(!FieldMark::isMarked(child<QLineEdit>(&tags, u"value_0"_s)));
    QVERIFY(FieldMark::isMarked(child<QLineEdit>(&tags, u"value_1"_s)));
    const QString problems = child<QLabel>(&tags, u"tableProblems"_s)->text();
    QVERIFY(problems.contains("Looks like a secret."_L1));
    QVERIFY(problems.contains("Something about all tags."_L1));
    QVERIFY(!problems.contains("Not ours."_L1));
    tags.showDiagnostics({});
    QVERIFY(!FieldMark::isMarked(child<QLineEdit>(&tags, u"value_1"_s)));

    KeyValueTable hyper(KeyValueTable::Config::hyperParameters(), u"HyperParameters"_s);
    hyper.setJson(json(R"({"a.b":"1","lr":"0.1"})"));
    hyper.showDiagnostics(
        { { uR"(HyperParameters["a.b"])"_s, Diagnostic::Severity::Error, u"custom"_s, u"Bad."_s } });
    QVERIFY(FieldMark::isMarked(child<QLineEdit>(&hyper, u"value_0"_s)));
    QVERIFY(!FieldMark::isMarked(child<QLineEdit>(&hyper, u"value_1"_s)));
}

void TestKeyValueTable::realValidatorFindingsLandOnceInPlace()
{
    KeyValueTable env(KeyValueTable::Config::trainingEnvironment(), u"Environment"_s);
    env.setJson(json(R"({"1BAD":"x","GOOD":"y"})"));
    KeyValueTable hyper(KeyValueTable::Config::hyperParameters(), u"HyperParameters"_s);
    hyper.appendRow(u"batch size"_s, QString(2501, u'9'));
    hyper.appendRow(u"lr"_s, u"0.1"_s);
    const QJsonObject spec { { u"Environment"_s, env.toJson() }, { u"HyperParameters"_s, hyper.toJson() } };
    const Diagnostics diagnostics = validateSpec(SpecKind::TrainingJob, spec);
    env.showDiagnostics(diagnostics);
    hyper.showDiagnostics(diagnostics);

    // Environment.1BAD (a key pattern error) lands on the key, said once.
    const QString keyTip = child<QLineEdit>(&env, u"key_0"_s)->toolTip();
    QVERIFY2(
        keyTip.contains("starts with a letter"_L1) && !keyTip.contains("pattern"_L1), qPrintable(keyTip));
    QVERIFY(!FieldMark::isMarked(child<QLineEdit>(&env, u"value_0"_s)));
    QVERIFY(!FieldMark::isMarked(child<QLineEdit>(&env, u"key_1"_s)));
    // HyperParameters["batch size"] (value too long) lands on that row's value.
    QVERIFY(FieldMark::isMarked(child<QLineEdit>(&hyper, u"value_0"_s)));
    QVERIFY(!FieldMark::isMarked(child<QLineEdit>(&hyper, u"key_0"_s)));
    QVERIFY(!FieldMark::isMarked(child<QLineEdit>(&hyper, u"value_1"_s)));
}

void TestKeyValueTable::focusPath()
{
    KeyValueTable tags(KeyValueTable::Config::tags(), u"Tags"_s);
    tags.setJson(json(R"([{"Key":"a","Value":"1"},{"Key":"b","Value":"2"}])"));
    tags.show();
    tags.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&tags));
    QVERIFY(!tags.focusPath(u"VpcConfig"_s));
    QVERIFY(tags.focusPath(u"Tags[1].Value"_s));
    QTRY_VERIFY(child<QLineEdit>(&tags, u"value_1"_s)->hasFocus());
    QVERIFY(tags.focusPath(u"Tags[0].Key"_s));
    QTRY_VERIFY(child<QLineEdit>(&tags, u"key_0"_s)->hasFocus());
}

void TestKeyValueTable::tabOrderFollowsRows()
{
    KeyValueTable table(KeyValueTable::Config::hyperParameters(), u"HyperParameters"_s);
    table.setJson(json(R"({"a":"1"})"));
    table.appendRow(u"b"_s, u"2"_s);
    QCOMPARE(tabChain(&table, child<QLineEdit>(&table, u"key_0"_s), 9),
        QStringList({ u"key_0"_s, u"type_0"_s, u"value_0"_s, u"remove_0"_s, u"key_1"_s, u"type_1"_s,
            u"value_1"_s, u"remove_1"_s, u"addEntry"_s, u"pasteEntries"_s }));
}

void TestKeyValueTable::screenshot()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *hyper = new KeyValueTable(KeyValueTable::Config::hyperParameters(), u"HyperParameters"_s, &window);
    auto *tags = new KeyValueTable(KeyValueTable::Config::tags(), u"Tags"_s, &window);
    auto *env = new KeyValueTable(KeyValueTable::Config::trainingEnvironment(), u"Environment"_s, &window);
    layout->addWidget(new QLabel(u"<b>Hyperparameters</b>"_s, &window));
    layout->addWidget(hyper);
    layout->addWidget(new QLabel(u"<b>Tags</b>"_s, &window));
    layout->addWidget(tags);
    layout->addWidget(new QLabel(u"<b>Environment</b>"_s, &window));
    layout->addWidget(env);
    layout->addStretch(1);

    hyper->setJson(
        json(R"({"epochs":"10","learning_rate":"0.001","use_amp":"true","layer_sizes":"[512, 256]"})"));
    typeRow(*hyper, u"batch_size"_s, u"64.5"_s, u"I"_s);
    typeRow(*hyper, u"epochs"_s, u"12"_s);
    hyper->pasteText(u"momentum=0.9\nnot a pair"_s);
    tags->setJson(json(R"([{"Key":"team","Value":"vision"},{"Key":"cost-center","Value":"4711"}])"));

    QVERIFY(!saveScreenshot(&window, u"keyvaluetable"_s, QSize(900, 640)).isEmpty());
}

QTEST_MAIN(TestKeyValueTable)
#include "tst_keyvaluetable.moc"
