// The charts in the dashboard page: in its slots, fed with the jobs its filters leave and the selected job's
// description, selecting jobs both ways, catching up when shown, moving on to now while jobs run.
#include "core/sagemaker/trainingjobrecord.h"
#include "tests/support/manualclock.h"
#include "ui/charts/dashboardcharts.h"
#include "ui/charts/fleetganttview.h"
#include "ui/charts/fleettimeline.h"
#include "ui/charts/jobtimelinechart.h"
#include "ui/charts/statuscountschart.h"
#include "ui/dashboard/dashboardpage.h"
#include "ui/dashboard/jobdetailpane.h"
#include "ui/dashboard/jobnotifier.h"
#include "ui/dashboard/trainingjobfilterproxy.h"
#include "ui/dashboard/trainingjobtablemodel.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QDateTime now0(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);

TrainingJobRecord record(
    const QString &name, const QString &status, int createdMinutesAgo, int endedMinutesAgo = -1)
{
    TrainingJobRecord job;
    job.name = name;
    job.status = status;
    job.creationTime = now0.addSecs(-60 * createdMinutesAgo);
    if (endedMinutesAgo >= 0)
        job.trainingEndTime = now0.addSecs(-60 * endedMinutesAgo);
    job.lastModifiedTime = endedMinutesAgo >= 0 ? job.trainingEndTime : now0;
    return job;
}

QList<TrainingJobRecord> jobs()
{
    return { record(u"running-a"_s, u"InProgress"_s, 30), record(u"done-b"_s, u"Completed"_s, 300, 200),
        record(u"failed-c"_s, u"Failed"_s, 200, 190), record(u"running-d"_s, u"InProgress"_s, 90),
        record(u"stopped-e"_s, u"Stopped"_s, 1500, 1400) };
}

QJsonObject description(const QString &name)
{
    const auto iso = [](int minutesAgo) { return now0.addSecs(-60 * minutesAgo).toString(Qt::ISODate); };
    return QJsonObject { { u"TrainingJobName"_s, name }, { u"TrainingJobStatus"_s, u"InProgress"_s },
        { u"SecondaryStatus"_s, u"Training"_s }, { u"CreationTime"_s, iso(30) },
        { u"SecondaryStatusTransitions"_s,
            QJsonArray { QJsonObject { { u"Status"_s, u"Starting"_s }, { u"StartTime"_s, iso(30) },
                             { u"EndTime"_s, iso(27) } },
                QJsonObject { { u"Status"_s, u"Downloading"_s }, { u"StartTime"_s, iso(27) },
                    { u"EndTime"_s, iso(20) } },
                QJsonObject { { u"Status"_s, u"Training"_s }, { u"StartTime"_s, iso(20) },
                    { u"StatusMessage"_s, u"Training in progress"_s } } } } };
}

struct Page
{
    Page()
        : clock(now0)
        , page(&clock)
    {
        page.notifier()->setSystemTrayEnabled(false);
        page.jobsModel()->setJobs(jobs());
        page.resize(1280, 800);
    }
    DashboardCharts *charts() const { return page.findChild<DashboardCharts *>(u"dashboardCharts"_s); }
    QTabWidget *views() const { return page.findChild<QTabWidget *>(u"jobViews"_s); }
    void showTab(QWidget *tab) const
    {
        views()->setCurrentWidget(tab);
        QApplication::processEvents();
    }

    ManualClock clock;
    DashboardPage page;
};

QStringList fleetNames(FleetTimeline *fleet)
{
    QStringList names;
    for (const FleetBar &bar : fleet->view()->bars())
        names << bar.jobName;
    names.sort();
    return names;
}

} // namespace

class TestChartsDashboard : public QObject
{
    Q_OBJECT

private slots:
    void chartsFillTheSlots();
    void fleetAndCountsFollowTheFilters();
    void hiddenChartsCatchUpWhenShown();
    void fleetAndTableSelectEachOther();
    void timelineShowsTheSelectedDescription();
    void timelineFallsBackToTheObservedHistory();
    void runningJobsMoveOnWithTheClock();
    void screenshot();
};

void TestChartsDashboard::chartsFillTheSlots()
{
    Page p;
    DashboardCharts *charts = p.charts();
    QVERIFY(charts);
    QCOMPARE(p.page.fleetWidget(), charts->fleet());
    QCOMPARE(p.page.statusHistoryWidget(), charts->statusCounts());
    QCOMPARE(p.page.detailPane()->timelineWidget(), charts->timeline());
    QVERIFY(!p.page.findChild<QWidget *>(u"fleetPlaceholder"_s));
}

void TestChartsDashboard::fleetAndCountsFollowTheFilters()
{
    Page p;
    p.page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&p.page));
    DashboardCharts *charts = p.charts();
    p.showTab(charts->fleet());
    QCOMPARE(fleetNames(charts->fleet()),
        QStringList({ u"done-b"_s, u"failed-c"_s, u"running-a"_s, u"running-d"_s, u"stopped-e"_s }));

    p.page.filteredJobs()->setStatusFilter(u"InProgress"_s);
    QTRY_COMPARE(fleetNames(charts->fleet()), QStringList({ u"running-a"_s, u"running-d"_s }));

    p.showTab(charts->statusCounts());
    QCOMPARE(charts->statusCounts()->counts().statuses, QStringList({ u"InProgress"_s }));
    QCOMPARE(charts->statusCounts()->counts().total(charts->statusCounts()->counts().size() - 1), 2);

    // A round's batch: the new job shows once the batch is through.
    TrainingJobRecord fresh = record(u"running-f"_s, u"InProgress"_s, 5);
    p.page.jobsModel()->applyChanges({ fresh });
    QTRY_COMPARE(charts->statusCounts()->counts().total(charts->statusCounts()->counts().size() - 1), 3);
}

void TestChartsDashboard::hiddenChartsCatchUpWhenShown()
{
    Page p;
    p.page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&p.page));
    DashboardCharts *charts = p.charts();
    p.showTab(p.page.table());
    // Behind the table the charts are not worked out at every change...
    p.page.jobsModel()->applyChanges({ record(u"running-f"_s, u"InProgress"_s, 5) });
    QApplication::processEvents();
    QVERIFY(charts->fleet()->view()->bars().isEmpty());
    // ...but the moment they are shown.
    p.showTab(charts->fleet());
    QCOMPARE(charts->fleet()->view()->bars().size(), 6);
    QCOMPARE(charts->fleet()->view()->bars().first().jobName, u"running-f"_s);
}

void TestChartsDashboard::fleetAndTableSelectEachOther()
{
    Page p;
    p.page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&p.page));
    FleetTimeline *fleet = p.charts()->fleet();
    p.showTab(fleet);
    FleetGanttView *view = fleet->view();
    const int row = int(std::find_if(view->bars().cbegin(), view->bars().cend(), [](const FleetBar &bar) {
        return bar.jobName == "failed-c"_L1;
    }) - view->bars().cbegin());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->barRect(row).center());
    QCOMPARE(p.page.currentJob(), u"failed-c"_s);
    QCOMPARE(p.page.table()->currentIndex().data(TrainingJobTableModel::NameRole).toString(), u"failed-c"_s);
    QCOMPARE(p.views()->currentWidget(), fleet); // the fleet stays in view
    QCOMPARE(view->currentJob(), u"failed-c"_s);

    QVERIFY(p.page.selectJob(u"done-b"_s));
    QCOMPARE(view->currentJob(), u"done-b"_s);
}

void TestChartsDashboard::timelineShowsTheSelectedDescription()
{
    Page p;
    JobTimelineChart *timeline = p.charts()->timeline();
    QVERIFY(timeline->isEmpty());
    QVERIFY(p.page.selectJob(u"running-a"_s));
    QCOMPARE(timeline->jobName(), u"running-a"_s);
    QVERIFY(timeline->isEmpty()); // no description yet

    p.page.detailPane()->showDescription(description(u"running-a"_s));
    QCOMPARE(timeline->bars().size(), 3);
    QCOMPARE(timeline->bars().last().phase, u"Training"_s);
    QVERIFY(timeline->bars().last().running);
    QCOMPARE(timeline->bars().last().end, now0);

    // Another job: the old phases go at once.
    QVERIFY(p.page.selectJob(u"done-b"_s));
    QCOMPARE(timeline->jobName(), u"done-b"_s);
    QVERIFY(timeline->bars().isEmpty());
}

void TestChartsDashboard::timelineFallsBackToTheObservedHistory()
{
    Page p;
    QStringList asked;
    p.charts()->setHistorySource([&asked](const QString &jobName) {
        asked << jobName;
        return QList<StatusChange> { { jobName, u"InProgress"_s, u"Starting"_s, now0.addSecs(-1800) },
            { jobName, u"InProgress"_s, u"Training"_s, now0.addSecs(-600) } };
    });
    QVERIFY(p.page.selectJob(u"running-d"_s));
    QCOMPARE(asked, QStringList({ u"running-d"_s }));
    QCOMPARE(p.charts()->timeline()->bars().size(), 2);
}

void TestChartsDashboard::runningJobsMoveOnWithTheClock()
{
    Page p;
    p.page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&p.page));
    DashboardCharts *charts = p.charts();
    QVERIFY(p.page.selectJob(u"running-a"_s));
    p.page.detailPane()->showDescription(description(u"running-a"_s));
    p.showTab(charts->fleet());
    QCOMPARE(charts->fleet()->view()->to(), now0);

    p.clock.advance(std::chrono::seconds(DashboardCharts::refreshSeconds));
    const QDateTime later = now0.addSecs(DashboardCharts::refreshSeconds);
    QCOMPARE(charts->fleet()->view()->to(), later);
    QCOMPARE(charts->fleet()->view()->bars().first().end, later);
    QCOMPARE(charts->timeline()->bars().last().end, later);
    // And again a minute later: the refresh repeats.
    p.clock.advance(std::chrono::seconds(DashboardCharts::refreshSeconds));
    QCOMPARE(charts->timeline()->bars().last().end, later.addSecs(DashboardCharts::refreshSeconds));
}

void TestChartsDashboard::screenshot()
{
    Page p;
    p.page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&p.page));
    QVERIFY(p.page.selectJob(u"running-a"_s));
    p.page.detailPane()->showDescription(description(u"running-a"_s));
    p.showTab(p.charts()->fleet());
    p.page.detailPane()->findChild<QTabWidget *>()->setCurrentWidget(p.charts()->timeline());
    QVERIFY(!saveScreenshot(&p.page, u"dashboard-charts"_s, QSize(1280, 800)).isEmpty());
}

int main(int argc, char **argv)
{
    qputenv("TZ", "UTC");
    QApplication app(argc, argv);
    TestChartsDashboard test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_chartsdashboard.moc"
