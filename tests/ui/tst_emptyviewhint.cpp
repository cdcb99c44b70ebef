#include "core/sagemaker/modelbrowser.h"
#include "core/sagemaker/trainingjobrecord.h"
#include "tests/support/manualclock.h"
#include "tests/ui/uitestsupport.h"
#include "ui/dashboard/dashboardpage.h"
#include "ui/dashboard/trainingjobfilterproxy.h"
#include "ui/dashboard/trainingjobtablemodel.h"
#include "ui/models/modellistmodel.h"
#include "ui/models/modelspage.h"
#include "ui/widgets/emptyviewhint.h"
#include "ui/widgets/rowcounttext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

TrainingJobRecord job(const QString &name, const QDateTime &created)
{
    TrainingJobRecord record;
    record.name = name;
    record.arn = u"arn:aws:sagemaker:us-east-1:123456789012:training-job/"_s + name;
    record.status = u"Completed"_s;
    record.creationTime = created;
    record.lastModifiedTime = created.addSecs(600);
    return record;
}

// The point of the view's viewport the hint's text is centred on, and the viewport's centre.
std::pair<QPoint, QPoint> centres(QAbstractItemView *view, QWidget *text)
{
    return { text->mapTo(view->viewport(), text->rect().center()), view->viewport()->rect().center() };
}

} // namespace

// Proves that a table without rows says why instead of showing a blank box: "nothing yet" (where rows come
// from) when the source is empty, "nothing matches" with a working Clear filter button when the filter
// hides every row, and nothing once a row shows; centred in the view. The same on the Training jobs page
// (a fresh sandbox, then a name filter that matches no job) and on the Models page. And the count above such
// a table, in words.
class TestEmptyViewHint : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void followsTheRowsAndTheFilter();
    void trainingJobsPage();
    void modelsPage();
    void countInWords_data();
    void countInWords();
};

void TestEmptyViewHint::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestEmptyViewHint::followsTheRowsAndTheFilter()
{
    QStandardItemModel source;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&source);
    QTableView view;
    view.setModel(&proxy);
    auto *hint = new EmptyViewHint(&view, &proxy);
    hint->setTexts(u"Nothing yet."_s, u"Nothing matches."_s);
    view.resize(500, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *text = child<QLabel>(hint, u"emptyHintText"_s);
    auto *clear = child<QPushButton>(hint, u"clearFilterButton"_s);

    QCOMPARE(hint->state(), EmptyViewHint::State::Empty);
    QVERIFY(hint->isVisible());
    QCOMPARE(hint->text(), u"Nothing yet."_s);
    QVERIFY(!clear->isVisible());
    const auto [textCentre, viewCentre] = centres(&view, text);
    QVERIFY2((textCentre - viewCentre).manhattanLength() < 20,
        qPrintable(u"text at %1,%2, view centre %3,%4"_s.arg(textCentre.x())
                       .arg(textCentre.y())
                       .arg(viewCentre.x())
                       .arg(viewCentre.y())));

    source.appendRow(new QStandardItem(u"alpha"_s));
    QCOMPARE(hint->state(), EmptyViewHint::State::Hidden);
    QVERIFY(!hint->isVisible());
    QVERIFY(hint->text().isEmpty());

    proxy.setFilterFixedString(u"zzz"_s);
    QCOMPARE(hint->state(), EmptyViewHint::State::Filtered);
    QVERIFY(hint->isVisible());
    QCOMPARE(hint->text(), u"Nothing matches."_s);
    QVERIFY(clear->isVisible());
    QSignalSpy cleared(hint, &EmptyViewHint::clearFilterRequested);
    connect(hint, &EmptyViewHint::clearFilterRequested, &proxy, [&proxy] { proxy.setFilterFixedString({}); });
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(cleared.size(), 1);
    QCOMPARE(hint->state(), EmptyViewHint::State::Hidden);
    QCOMPARE(proxy.rowCount(), 1);

    // Emptied again (another connection): back to "nothing yet".
    source.clear();
    QCOMPARE(hint->state(), EmptyViewHint::State::Empty);
    QVERIFY(hint->isVisible());

    // The hint follows the view's size.
    view.resize(800, 500);
    QTRY_COMPARE(hint->geometry(), view.viewport()->rect());
}

void TestEmptyViewHint::trainingJobsPage()
{
    ManualClock clock(QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC));
    DashboardPage page(&clock);
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *hint = child<EmptyViewHint>(&page, u"jobTableHint"_s);
    QVERIFY(hint);
    QCOMPARE(hint->state(), EmptyViewHint::State::Empty);
    QVERIFY(hint->isVisible());
    QCOMPARE(hint->text(),
        u"No training jobs yet. Create one with New training job (Ctrl+3), or connect to an account with jobs."_s);
    // Two lines, neither cut off.
    auto *text = child<QLabel>(hint, u"emptyHintText"_s);
    QVERIFY(text->height() >= text->heightForWidth(text->width()));
    QVERIFY(text->height() > text->fontMetrics().height());
    saveScreenshot(&page, u"dashboard-empty"_s);

    page.jobsModel()->setJobs(
        { job(u"resnet-a"_s, clock.now().addDays(-1)), job(u"resnet-b"_s, clock.now().addDays(-2)) });
    QCOMPARE(page.filteredJobs()->rowCount(), 2);
    QVERIFY(!hint->isVisible());

    // A name that matches no job, typed into the filter as a user would.
    auto *name = page.findChild<QLineEdit *>(u"nameFilter"_s);
    QVERIFY(name);
    name->setFocus();
    QTest::keyClicks(name, u"bert"_s);
    QTRY_COMPARE(hint->state(), EmptyViewHint::State::Filtered);
    QVERIFY(hint->isVisible());
    QCOMPARE(hint->text(), u"No job matches the filter."_s);
    auto *clear = child<QPushButton>(hint, u"clearFilterButton"_s);
    QVERIFY(clear->isVisible());
    saveScreenshot(&page, u"dashboard-filtered-empty"_s);
    QTest::mouseClick(clear, Qt::LeftButton);
    QTRY_COMPARE(page.filteredJobs()->rowCount(), 2);
    QVERIFY(name->text().isEmpty());
    QVERIFY(!hint->isVisible());
}

void TestEmptyViewHint::modelsPage()
{
    ModelBrowser browser;
    ModelsPage page(&browser);
    page.resize(1000, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *hint = child<EmptyViewHint>(&page, u"modelTableHint"_s);
    QVERIFY(hint);
    QTRY_COMPARE(hint->state(), EmptyViewHint::State::Empty);
    QVERIFY(hint->isVisible());
    QVERIFY2(hint->text().startsWith(u"No models yet. Create one with New model (Ctrl+4)"_s),
        qPrintable(hint->text()));
    saveScreenshot(&page, u"models-empty"_s);

    auto *models = page.findChild<ModelListModel *>();
    QVERIFY(models);
    models->setModels(QJsonArray { QJsonObject { { u"ModelName"_s, u"resnet-serve"_s },
        { u"ModelArn"_s, u"arn:aws:sagemaker:us-east-1:123456789012:model/resnet-serve"_s },
        { u"CreationTime"_s, u"2026-03-01T10:00:00Z"_s } } });
    QVERIFY(!hint->isVisible());

    auto *filter = child<QLineEdit>(&page, u"modelFilter"_s);
    filter->setFocus();
    QTest::keyClicks(filter, u"bert"_s);
    QCOMPARE(hint->state(), EmptyViewHint::State::Filtered);
    QCOMPARE(hint->text(), u"No model matches the filter."_s);
    saveScreenshot(&page, u"models-filtered-empty"_s);
    QTest::mouseClick(child<QPushButton>(hint, u"clearFilterButton"_s), Qt::LeftButton);
    QVERIFY(filter->text().isEmpty());
    QVERIFY(!hint->isVisible());
}

void TestEmptyViewHint::countInWords_data()
{
    QTest::addColumn<int>("shown");
    QTest::addColumn<int>("all");
    QTest::addColumn<QString>("text");
    QTest::newRow("none") << 0 << 0 << u"0 jobs"_s;
    QTest::newRow("one") << 1 << 1 << u"1 job"_s;
    QTest::newRow("several") << 7 << 7 << u"7 jobs"_s;
    QTest::newRow("filtered") << 2 << 7 << u"2 of 7 jobs"_s;
    QTest::newRow("filtered out the only one") << 0 << 1 << u"0 of 1 job"_s;
    QTest::newRow("thousands, in the locale's digits") << 10000 << 10000 << u"10,000 jobs"_s;
}

void TestEmptyViewHint::countInWords()
{
    QFETCH(int, shown);
    QFETCH(int, all);
    QFETCH(QString, text);
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const QString actual = rowCountText(shown, all, u"job"_s, u"jobs"_s);
    QLocale::setDefault(before);
    QCOMPARE(actual, text);
}

QTEST_MAIN(TestEmptyViewHint)
#include "tst_emptyviewhint.moc"
