#include "core/pricing/instancecatalog.h"
#include "ui/widgets/fieldmark.h"
#include "ui/widgets/instancetypepicker.h"
#include "uitestsupport.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace {

struct Fixture
{
    QWidget window;
    InstanceTypePicker *picker;
    QLineEdit *edit;
    QTreeView *popup;

    Fixture()
    {
        auto *layout = new QFormLayout(&window);
        picker = new InstanceTypePicker(u"ResourceConfig.InstanceType"_s, &window);
        layout->addRow(u"Instance type:"_s, picker);
        layout->addRow(u"Instance count:"_s, new QLineEdit(&window));
        edit = child<QLineEdit>(picker, u"instanceTypeEdit"_s);
        popup = child<QTreeView>(picker, u"instanceTypePopup"_s);
        window.resize(900, 120);
        window.show();
        window.activateWindow();
    }
    QString current() const { return popup->currentIndex().siblingAtColumn(0).data().toString(); }
};

} // namespace

class TestInstanceTypePicker : public QObject
{
    Q_OBJECT

private slots:
    void typingFilters_data();
    void typingFilters();
    void keyboardPicksFromTheList();
    void keysTypedIntoTheOpenListReachTheField();
    void downOpensTheWholeListGroupedByFamily();
    void mouseClickPicks();
    void unknownButWellFormedTypeIsAccepted();
    void malformedTypeIsMarked();
    void jsonDiagnosticsAndFocus();
    void tabLeavesTheListAndMovesOn();
    void screenshot();
};

void TestInstanceTypePicker::typingFilters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("GPU model") << u"a100"_s << QStringList { u"ml.p4d.24xlarge"_s, u"ml.p4de.24xlarge"_s };
    QTest::newRow("name") << u"g6e.4x"_s << QStringList { u"ml.g6e.4xlarge"_s };
    QTest::newRow("accelerator vendor") << u"trainium2"_s << QStringList { u"ml.trn2.48xlarge"_s };
    QTest::newRow("specs") << u"4 gpu 48 vcpu"_s
                           << QStringList { u"ml.g4dn.12xlarge"_s, u"ml.g5.12xlarge"_s, u"ml.g6.12xlarge"_s,
                                  u"ml.g6e.12xlarge"_s };
}

void TestInstanceTypePicker::typingFilters()
{
    QFETCH(QString, query);
    Fixture f;
    QVERIFY(QTest::qWaitForWindowActive(&f.window));
    QTest::keyClicks(f.edit, query);
    QVERIFY(f.picker->isPopupVisible());
    QTEST(f.picker->listedTypes(), "expected");
    QCOMPARE(f.current(), f.picker->listedTypes().first());
}

void TestInstanceTypePicker::keyboardPicksFromTheList()
{
    Fixture f;
    QVERIFY(QTest::qWaitForWindowActive(&f.window));
    QSignalSpy chosen(f.picker, &InstanceTypePicker::instanceTypeChosen);
    QSignalSpy changed(f.picker, &SpecFieldEditor::changed);
    QTest::keyClicks(f.edit, u"a100"_s);
    QCOMPARE(f.current(), u"ml.p4d.24xlarge"_s);
    QTest::keyClick(f.popup, Qt::Key_Down);
    QCOMPARE(f.current(), u"ml.p4de.24xlarge"_s);
    QTest::keyClick(f.popup, Qt::Key_Return);

    QVERIFY(!f.picker->isPopupVisible());
    QCOMPARE(f.picker->instanceType(), u"ml.p4de.24xlarge"_s);
    QCOMPARE(f.picker->status(), InstanceTypePicker::Status::InCatalog);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().first().toString(), u"ml.p4de.24xlarge"_s);
    QCOMPARE(changed.size(), 5); // four letters and the pick
    const QString summary = child<QLabel>(f.picker, u"instanceTypeSummary"_s)->text();
    QVERIFY2(summary.contains("96 vCPUs"_L1) && summary.contains(u"8 × NVIDIA A100, 640 GiB"_s),
        qPrintable(summary));
    QVERIFY(!FieldMark::isMarked(f.edit));
}

void TestInstanceTypePicker::keysTypedIntoTheOpenListReachTheField()
{
    Fixture f;
    QVERIFY(QTest::qWaitForWindowActive(&f.window));
    QTest::keyClicks(f.edit, u"p4"_s);
    QVERIFY(f.picker->isPopupVisible());
    // While the list is open, the application hands it the keys; letters go on into the field.
    QTest::keyClicks(f.popup, u"de"_s);
    QCOMPARE(f.edit->text(), u"p4de"_s);
    QCOMPARE(f.picker->listedTypes(), QStringList({ u"ml.p4de.24xlarge"_s }));
    QTest::keyClick(f.popup, Qt::Key_Escape);
    QVERIFY(!f.picker->isPopupVisible());
    QCOMPARE(f.edit->text(), u"p4de"_s);
}

void TestInstanceTypePicker::downOpensTheWholeListGroupedByFamily()
{
    Fixture f;
    QVERIFY(QTest::qWaitForWindowActive(&f.window));
    f.picker->setInstanceType(u"ml.g5.2xlarge"_s);
    f.edit->setFocus();
    QTest::keyClick(f.edit, Qt::Key_Down);
    QVERIFY(f.picker->isPopupVisible());
    QCOMPARE(f.picker->listedTypes().size(), 145);
    QCOMPARE(f.current(), u"ml.g5.2xlarge"_s);

    const QAbstractItemModel *model = f.popup->model();
    QStringList headings;
    for (int row = 0; row < model->rowCount(); ++row) {
        headings << model->index(row, 0).data().toString();
        QVERIFY(!(model->flags(model->index(row, 0)) & Qt::ItemIsSelectable));
    }
    QCOMPARE(headings,
        QStringList({ u"General purpose"_s, u"Compute optimized"_s, u"Memory optimized"_s,
            u"Accelerated computing"_s }));
    // Each entry shows vCPUs, memory, accelerators and their type.
    const QModelIndex p4d = model->index(0, 0, model->index(3, 0)).siblingAtRow(0);
    QVERIFY(p4d.isValid());
    const QModelIndex g5 = f.popup->currentIndex();
    QCOMPARE(g5.siblingAtColumn(1).data().toString(), u"8"_s);
    QCOMPARE(g5.siblingAtColumn(2).data().toString(), u"32 GiB"_s);
    QCOMPARE(g5.siblingAtColumn(3).data().toString(), u"1 × NVIDIA A10G, 24 GiB"_s);

    // Up from the first accelerated type skips the heading into the memory-optimized group.
    QTest::keyClick(f.popup, Qt::Key_Escape);
    QVERIFY(!f.picker->isPopupVisible());
    f.picker->setInstanceType(u"ml.g4dn.xlarge"_s);
    QTest::keyClick(f.edit, Qt::Key_F4);
    QCOMPARE(f.current(), u"ml.g4dn.xlarge"_s);
    QTest::keyClick(f.popup, Qt::Key_Up);
    QCOMPARE(f.current(), u"ml.r7i.48xlarge"_s);
}

void TestInstanceTypePicker::mouseClickPicks()
{
    Fixture f;
    QVERIFY(QTest::qWaitForWindowActive(&f.window));
    QSignalSpy chosen(f.picker, &InstanceTypePicker::instanceTypeChosen);
    QTest::mouseClick(child<QToolButton>(f.picker, u"instanceTypeBrowse"_s), Qt::LeftButton);
    QVERIFY(f.picker->isPopupVisible());
    const QModelIndex c5 = f.popup->model()->index(0, 0, f.popup->model()->index(1, 0)); // ml.c4.xlarge
    f.popup->scrollTo(c5);
    QTest::mouseClick(f.popup->viewport(), Qt::LeftButton, {}, f.popup->visualRect(c5).center());
    QCOMPARE(f.picker->instanceType(), u"ml.c4.xlarge"_s);
    QCOMPARE(chosen.size(), 1);
    QVERIFY(!f.picker->isPopupVisible());
}

void TestInstanceTypePicker::unknownButWellFormedTypeIsAccepted()
{
    Fixture f;
    QVERIFY(QTest::qWaitForWindowActive(&f.window));
    QSignalSpy chosen(f.picker, &InstanceTypePicker::instanceTypeChosen);
    QTest::keyClicks(f.edit, u"ml.p9.96xlarge"_s);
    QVERIFY(!f.picker->isPopupVisible()); // nothing in the catalog matches
    QCOMPARE(f.picker->status(), InstanceTypePicker::Status::NotInCatalog);
    QCOMPARE(f.picker->toJson(), QJsonValue(u"ml.p9.96xlarge"_s));
    QVERIFY(
        child<QLabel>(f.picker, u"instanceTypeSummary"_s)->text().contains("Not in SageDesk's catalog"_L1));
    QVERIFY(FieldMark::isMarked(f.edit));
    QTest::keyClick(f.edit, Qt::Key_Return);
    QCOMPARE(chosen.size(), 1);
    QVERIFY(f.picker->inputDiagnostics().isEmpty());
}

void TestInstanceTypePicker::malformedTypeIsMarked()
{
    Fixture f;
    QVERIFY(QTest::qWaitForWindowActive(&f.window));
    QSignalSpy chosen(f.picker, &InstanceTypePicker::instanceTypeChosen);
    QTest::keyClicks(f.edit, u"xyz.big"_s);
    QCOMPARE(f.picker->status(), InstanceTypePicker::Status::Malformed);
    QVERIFY(FieldMark::isMarked(f.edit));
    QVERIFY(child<QLabel>(f.picker, u"instanceTypeSummary"_s)->text().contains("Not an instance type"_L1));
    QTest::keyClick(f.edit, Qt::Key_Return);
    QCOMPARE(chosen.size(), 0);

    // While searching, the text is a query and is not marked.
    f.edit->clear();
    QTest::keyClicks(f.edit, u"a10"_s);
    QVERIFY(f.picker->isPopupVisible());
    QVERIFY(!FieldMark::isMarked(f.edit));
}

void TestInstanceTypePicker::jsonDiagnosticsAndFocus()
{
    Fixture f;
    QVERIFY(QTest::qWaitForWindowActive(&f.window));
    QSignalSpy changed(f.picker, &SpecFieldEditor::changed);
    f.picker->setJson(QJsonValue(u"ml.m5.large"_s));
    QCOMPARE(f.picker->toJson(), QJsonValue(u"ml.m5.large"_s));
    QCOMPARE(changed.size(), 0);
    f.picker->setJson(QJsonValue(QJsonValue::Undefined));
    QVERIFY(f.picker->toJson().isUndefined());

    f.picker->setJson(QJsonValue(u"ml.m5.large"_s));
    const Diagnostic enumError { u"ResourceConfig.InstanceType"_s, Diagnostic::Severity::Error, u"enum"_s,
        u"\"ml.m5.large\" is not one of: …"_s };
    f.picker->showDiagnostics({ enumError,
        { u"ResourceConfig.InstanceCount"_s, Diagnostic::Severity::Error, u"required"_s,
            u"is required"_s } });
    QVERIFY(FieldMark::isMarked(f.edit));
    const QString summary = child<QLabel>(f.picker, u"instanceTypeSummary"_s)->text();
    QVERIFY(summary.contains("is not one of"_L1));
    QVERIFY(!summary.contains("is required"_L1));
    f.picker->showDiagnostics({});
    QVERIFY(!FieldMark::isMarked(f.edit));

    QVERIFY(!f.picker->focusPath(u"ResourceConfig.InstanceCount"_s));
    QVERIFY(f.picker->focusPath(u"ResourceConfig.InstanceType"_s));
    QTRY_VERIFY(f.edit->hasFocus());
}

void TestInstanceTypePicker::tabLeavesTheListAndMovesOn()
{
    Fixture f;
    QVERIFY(QTest::qWaitForWindowActive(&f.window));
    QCOMPARE(tabChain(&f.window, f.edit, 1), QStringList({ u"instanceTypeEdit"_s, QString() }));
    f.edit->setFocus();
    QTest::keyClicks(f.edit, u"a100"_s);
    QVERIFY(f.picker->isPopupVisible());
    QTest::keyClick(f.popup, Qt::Key_Tab);
    QVERIFY(!f.picker->isPopupVisible());
    QTRY_VERIFY(!f.edit->hasFocus());
}

void TestInstanceTypePicker::screenshot()
{
    QWidget window;
    auto *layout = new QFormLayout(&window);
    const QStringList values { u"ml.g5.2xlarge"_s, u"ml.p9.96xlarge"_s, u"xyz.big"_s, QString() };
    for (const QString &value : values) {
        auto *picker = new InstanceTypePicker(u"ResourceConfig.InstanceType"_s, &window);
        picker->setInstanceType(value);
        layout->addRow(u"Instance type:"_s, picker);
    }
    QVERIFY(!saveScreenshot(&window, u"instancetypepicker"_s, QSize(1000, 190)).isEmpty());

    Fixture f;
    QVERIFY(QTest::qWaitForWindowActive(&f.window));
    f.picker->setInstanceType(u"ml.g5.2xlarge"_s);
    f.picker->showPopup();
    QVERIFY(!saveScreenshot(f.popup, u"instancetypepicker-list"_s).isEmpty());
    f.picker->hidePopup();
    f.edit->clear();
    QTest::keyClicks(f.edit, u"8 vcpu"_s);
    QVERIFY(f.picker->isPopupVisible());
    QVERIFY(!saveScreenshot(f.popup, u"instancetypepicker-search"_s).isEmpty());
}

QTEST_MAIN(TestInstanceTypePicker)
#include "tst_instancetypepicker.moc"
