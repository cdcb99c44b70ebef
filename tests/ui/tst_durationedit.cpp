#include "ui/widgets/durationedit.h"
#include "ui/widgets/fieldmark.h"
#include "uitestsupport.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString maxRuntime = u"StoppingCondition.MaxRuntimeInSeconds"_s;
}

class TestDurationEdit : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void toWords_data();
    void toWords();
    void toTextParsesBack_data();
    void toTextParsesBack();
    void typingShowsWordsAndEmitsChanged();
    void invalidInputIsMarkedAndReported();
    void jsonRoundTrip();
    void validatorDiagnosticsAreShownAndCleared();
    void focusPath();
    void screenshot();
};

void TestDurationEdit::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("seconds"); // -1: not a duration
    QTest::newRow("minutes") << u"90m"_s << 5400;
    QTest::newRow("hours") << u"6h"_s << 21600;
    QTest::newRow("days") << u"2d"_s << 172800;
    QTest::newRow("hours and minutes") << u"1h30m"_s << 5400;
    QTest::newRow("with spaces and words") << u" 2 days 3 hours "_s << 183600;
    QTest::newRow("upper case") << u"1H30M"_s << 5400;
    QTest::newRow("long unit") << u"90 minutes"_s << 5400;
    QTest::newRow("plain seconds") << u"3600"_s << 3600;
    QTest::newRow("seconds unit") << u"45s"_s << 45;
    QTest::newRow("decimal hours") << u"1.5h"_s << 5400;
    QTest::newRow("zero") << u"0"_s << 0;
    QTest::newRow("28 days") << u"28d"_s << 2419200;
    QTest::newRow("empty") << u""_s << -1;
    QTest::newRow("words") << u"abc"_s << -1;
    QTest::newRow("unknown unit") << u"5x"_s << -1;
    QTest::newRow("unit without number") << u"h"_s << -1;
    QTest::newRow("units out of order") << u"30m1h"_s << -1;
    QTest::newRow("unit twice") << u"1h1h"_s << -1;
    QTest::newRow("bare number after unit is ambiguous") << u"1h30"_s << -1;
    QTest::newRow("negative") << u"-5"_s << -1;
    QTest::newRow("fraction of a second") << u"1.3333s"_s << -1;
    QTest::newRow("beyond int") << u"99999999999"_s << -1;
}

void TestDurationEdit::parse()
{
    QFETCH(QString, text);
    QFETCH(int, seconds);
    const std::optional<int> parsed = DurationEdit::parse(text);
    QCOMPARE(parsed.value_or(-1), seconds);
}

void TestDurationEdit::toWords_data()
{
    QTest::addColumn<int>("seconds");
    QTest::addColumn<QString>("words");
    QTest::newRow("hour and a half") << 5400 << u"1 hour 30 minutes"_s;
    QTest::newRow("one day") << 86400 << u"1 day"_s;
    QTest::newRow("every unit, singular") << 90061 << u"1 day 1 hour 1 minute 1 second"_s;
    QTest::newRow("plural") << 2 * 86400 + 2 * 60 << u"2 days 2 minutes"_s;
    QTest::newRow("zero") << 0 << u"0 seconds"_s;
}

void TestDurationEdit::toWords()
{
    QFETCH(int, seconds);
    QTEST(DurationEdit::toWords(seconds), "words");
}

void TestDurationEdit::toTextParsesBack_data()
{
    QTest::addColumn<int>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << 0 << u"0"_s;
    QTest::newRow("seconds") << 59 << u"59s"_s;
    QTest::newRow("hour and a half") << 5400 << u"1h30m"_s;
    QTest::newRow("mixed") << 90061 << u"1d1h1m1s"_s;
    QTest::newRow("five days") << 432000 << u"5d"_s;
}

void TestDurationEdit::toTextParsesBack()
{
    QFETCH(int, seconds);
    QTEST(DurationEdit::toText(seconds), "text");
    QCOMPARE(DurationEdit::parse(DurationEdit::toText(seconds)).value_or(-1), seconds);
}

void TestDurationEdit::typingShowsWordsAndEmitsChanged()
{
    DurationEdit edit(maxRuntime);
    QSignalSpy changed(&edit, &SpecFieldEditor::changed);
    auto *input = edit.findChild<QLineEdit *>(u"durationInput"_s);
    auto *words = edit.findChild<QLabel *>(u"durationWords"_s);
    QVERIFY(input && words);

    QTest::keyClicks(input, u"1h30m"_s);
    QCOMPARE(changed.size(), 5);
    QCOMPARE(edit.seconds(), 5400);
    QCOMPARE(edit.toJson(), QJsonValue(5400));
    QVERIFY2(words->text().contains("1 hour 30 minutes"_L1), qPrintable(words->text()));
    QVERIFY(!FieldMark::isMarked(input));
}

void TestDurationEdit::invalidInputIsMarkedAndReported()
{
    DurationEdit edit(maxRuntime);
    auto *input = edit.findChild<QLineEdit *>(u"durationInput"_s);
    auto *words = edit.findChild<QLabel *>(u"durationWords"_s);
    QTest::keyClicks(input, u"6 hours and a bit"_s);

    QVERIFY(!edit.hasAcceptableInput());
    QVERIFY(edit.toJson().isUndefined());
    QVERIFY(FieldMark::isMarked(input));
    QVERIFY(input->toolTip().contains("not a duration"_L1));
    QVERIFY(words->text().contains("not a duration"_L1));
    const Diagnostics problems = edit.inputDiagnostics();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().path, maxRuntime);
    QCOMPARE(problems.first().code, u"durationSyntax"_s);
    QVERIFY(problems.first().isError());

    input->clear();
    QVERIFY(edit.hasAcceptableInput());
    QVERIFY(!FieldMark::isMarked(input));
    QVERIFY(edit.inputDiagnostics().isEmpty());
}

void TestDurationEdit::jsonRoundTrip()
{
    DurationEdit edit(maxRuntime);
    QSignalSpy changed(&edit, &SpecFieldEditor::changed);
    auto *input = edit.findChild<QLineEdit *>(u"durationInput"_s);

    edit.setJson(QJsonValue(7200));
    QCOMPARE(input->text(), u"2h"_s);
    QCOMPARE(edit.toJson(), QJsonValue(7200));

    edit.setJson(QJsonValue(QJsonValue::Undefined));
    QCOMPARE(input->text(), QString());
    QVERIFY(edit.toJson().isUndefined());

    // A value of the wrong type stays visible, marked, rather than being dropped.
    edit.setJson(QJsonValue(u"soon"_s));
    QCOMPARE(input->text(), u"soon"_s);
    QVERIFY(FieldMark::isMarked(input));
    QCOMPARE(changed.size(), 0);
}

void TestDurationEdit::validatorDiagnosticsAreShownAndCleared()
{
    DurationEdit edit(maxRuntime);
    auto *input = edit.findChild<QLineEdit *>(u"durationInput"_s);
    auto *words = edit.findChild<QLabel *>(u"durationWords"_s);
    edit.setSeconds(29 * 86400);

    const Diagnostic tooLong { maxRuntime, Diagnostic::Severity::Error, u"maxRuntimeOver28Days"_s,
        u"Training can run for at most 28 days."_s };
    const Diagnostic elsewhere { u"StoppingCondition.MaxWaitTimeInSeconds"_s, Diagnostic::Severity::Error,
        u"required"_s, u"Needed for spot training."_s };
    edit.showDiagnostics({ elsewhere });
    QVERIFY(!FieldMark::isMarked(input));

    edit.showDiagnostics({ tooLong, elsewhere });
    QVERIFY(FieldMark::isMarked(input));
    QVERIFY(input->toolTip().startsWith(tooLong.message));
    QVERIFY(words->text().contains("29 days"_L1));
    QVERIFY(words->text().contains(tooLong.message));
    QVERIFY(!words->text().contains(elsewhere.message));

    edit.showDiagnostics({});
    QVERIFY(!FieldMark::isMarked(input));
    QVERIFY(!words->text().contains(tooLong.message));
    QVERIFY(!input->toolTip().contains(tooLong.message));
}

void TestDurationEdit::focusPath()
{
    QWidget window;
    auto *layout = new QFormLayout(&window);
    auto *other = new QLineEdit(&window);
    auto *edit = new DurationEdit(maxRuntime, &window);
    layout->addRow(u"Other"_s, other);
    layout->addRow(u"Max runtime"_s, edit);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    other->setFocus();

    QVERIFY(!edit->focusPath(u"StoppingCondition.MaxWaitTimeInSeconds"_s));
    QVERIFY(!edit->focusPath(u"StoppingCondition"_s));
    QVERIFY(other->hasFocus());
    QVERIFY(edit->focusPath(maxRuntime));
    QTRY_VERIFY(edit->findChild<QLineEdit *>(u"durationInput"_s)->hasFocus());
}

void TestDurationEdit::screenshot()
{
    QWidget window;
    auto *layout = new QFormLayout(&window);
    auto *runtime = new DurationEdit(maxRuntime, &window);
    auto *wait = new DurationEdit(u"StoppingCondition.MaxWaitTimeInSeconds"_s, &window);
    auto *pending = new DurationEdit(u"StoppingCondition.MaxPendingTimeInSeconds"_s, &window);
    auto *empty = new DurationEdit(QString(), &window);
    layout->addRow(u"Maximum runtime:"_s, runtime);
    layout->addRow(u"Maximum wait time:"_s, wait);
    layout->addRow(u"Maximum pending time:"_s, pending);
    layout->addRow(u"Empty:"_s, empty);

    QTest::keyClicks(runtime->findChild<QLineEdit *>(u"durationInput"_s), u"1h30m"_s);
    QTest::keyClicks(wait->findChild<QLineEdit *>(u"durationInput"_s), u"2 hours and a bit"_s);
    pending->setSeconds(29 * 86400);
    pending->showDiagnostics({ { u"StoppingCondition.MaxPendingTimeInSeconds"_s, Diagnostic::Severity::Error,
        u"maxValue"_s, u"At most 28 days (2419200 seconds)."_s } });

    const QString path = saveScreenshot(&window, u"durationedit"_s, QSize(720, 170));
    QVERIFY(!path.isEmpty());
    QCOMPARE(tabChain(&window, runtime, 3),
        QStringList({ u"durationInput"_s, u"durationInput"_s, u"durationInput"_s, u"durationInput"_s }));
}

QTEST_MAIN(TestDurationEdit)
#include "tst_durationedit.moc"
