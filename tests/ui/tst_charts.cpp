// The dashboard's charts as widgets: what they draw for known transitions and jobs (series, colours, rows),
// what hovering says, what a click activates, and the PNG they save. Renders each at a realistic size into
// $SAGEDESK_BINARY_DIR/screenshots for a person to look at.
#include "core/store/jobsummaryrecord.h"
#include "tests/support/manualclock.h"
#include "ui/charts/fleetganttview.h"
#include "ui/charts/fleettimeline.h"
#include "ui/charts/jobtimelinechart.h"
#include "ui/charts/statuscountschart.h"
#include "ui/dashboard/jobstatusstyle.h"
#include "uitestsupport.h"

#include <QAction>
#include <QApplication>
#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QDateTimeAxis>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QLegendMarker>
#include <QLineEdit>
#include <QLineSeries>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace {

const QDateTime start(QDate(2026, 3, 10), QTime(9, 0), Qt::UTC);

QDateTime at(int seconds)
{
    return start.addSecs(seconds);
}

// A job as SageMaker reports it: short set-up phases, a long training, upload, completion.
QList<StatusTransition> completedJob()
{
    return {
        { u"Starting"_s, at(0), at(30), u"Starting the training job"_s },
        { u"LaunchingMLInstances"_s, at(30), at(160), u"Launching requested ML instances"_s },
        { u"PreparingTrainingStack"_s, at(160), at(200), u"Preparing the instances for training"_s },
        { u"DownloadingTrainingImage"_s, at(200), at(250), u"Downloading the training image"_s },
        { u"Downloading"_s, at(250), at(345), u"Downloading input data"_s },
        { u"Training"_s, at(345), at(345 + 6420),
            u"Training image download completed. Training in progress."_s },
        { u"Uploading"_s, at(6765), at(6835), u"Uploading generated training model"_s },
        { u"Completed"_s, at(6835), at(6835), u"Training job completed"_s },
    };
}

QList<QAreaSeries *> areas(QChart *chart)
{
    QList<QAreaSeries *> all;
    for (QAbstractSeries *series : chart->series())
        if (auto *area = qobject_cast<QAreaSeries *>(series))
            all << area;
    return all;
}

JobSummaryRecord job(const QString &name, const QString &status, const QDateTime &created,
    const QDateTime &ended = QDateTime())
{
    JobSummaryRecord record;
    record.jobName = name;
    record.status = status;
    record.creationTime = created;
    record.endTime = ended;
    return record;
}

// count jobs over the last days before now: a realistic mix of finished and running ones.
QList<JobSummaryRecord> fleet(int count, const QDateTime &now, int days)
{
    QRandomGenerator random(7);
    QList<JobSummaryRecord> jobs;
    const QStringList prefixes { u"xgboost-churn"_s, u"resnet50-finetune"_s, u"bert-sentiment"_s,
        u"lgbm-ranker"_s };
    for (int i = 0; i < count; ++i) {
        const QDateTime created = now.addSecs(-qint64(random.bounded(days * 86400)));
        const qint64 length = 600 + random.bounded(10 * 3600);
        const QDateTime end = created.addSecs(length);
        const int roll = random.bounded(100);
        const QString status = end > now ? u"InProgress"_s
            : roll < 70                  ? u"Completed"_s
            : roll < 88                  ? u"Failed"_s
                                         : u"Stopped"_s;
        jobs << job(u"%1-%2"_s.arg(prefixes[i % prefixes.size()], created.toString(u"yyyy-MM-dd-HH-mm-ss"_s)),
            status, created, status == "InProgress"_L1 ? QDateTime() : end);
    }
    return jobs;
}

// Shows widget (at size when given) and waits until it is on screen.
bool shown(QWidget &widget, QSize size = QSize())
{
    if (size.isValid())
        widget.resize(size);
    widget.show();
    return QTest::qWaitForWindowExposed(&widget);
}

QImage savedPng(ChartPanel &panel, QTemporaryDir &dir, const QString &name)
{
    const QString path = dir.filePath(name);
    QString error;
    if (!panel.savePng(path, &error)) {
        qWarning("save failed: %s", qPrintable(error));
        return {};
    }
    QImage image;
    if (!image.load(path, "PNG"))
        qWarning("%s is not a PNG", qPrintable(path));
    return image;
}

} // namespace

class TestCharts : public QObject
{
    Q_OBJECT

private slots:
    void timelineHasOneColouredBarPerPhase();
    void timelineRunningPhaseEndsNow();
    void timelineRepeatedPhasesShareALane();
    void timelineFallsBackToObservedChanges();
    void timelineShowsShortPhases();
    void timelineHoverText();
    void timelineWithoutJobSavesNothing();
    void fleetRowsAndColours();
    void fleetClickActivatesJob();
    void fleetKeyboardAndCurrentJob();
    void fleetDaysFilter();
    void fleetHoverText();
    void statusCountsStackInBuckets();
    void statusCountsHoverText();
    void savedPngHasTheExpectedSize();
    void saveActionAsksForAFile();
    void screenshots();
};

void TestCharts::timelineHasOneColouredBarPerPhase()
{
    ManualClock clock(at(8000));
    JobTimelineChart chart(&clock);
    chart.setJob(u"resnet50-finetune"_s, completedJob());
    const QList<QAreaSeries *> series = areas(chart.chart());
    QCOMPARE(series.size(), 8);
    const QList<StatusTransition> transitions = completedJob();
    for (int i = 0; i < series.size(); ++i) {
        QCOMPARE(series[i]->color(), JobStatusStyle::phaseColor(transitions[i].status));
        // Training's bar is long enough to be drawn to the exact end.
        if (transitions[i].status == "Training"_L1) {
            const QList<QPointF> upper = series[i]->upperSeries()->points();
            QCOMPARE(upper.first().x(), qreal(transitions[i].startTime.toMSecsSinceEpoch()));
            QCOMPARE(upper.last().x(), qreal(transitions[i].endTime.toMSecsSinceEpoch()));
        }
    }
    // The first phase is the top row.
    QVERIFY(series.first()->upperSeries()->at(0).y() > series.last()->upperSeries()->at(0).y());
    auto *axis = qobject_cast<QCategoryAxis *>(chart.chart()->axes(Qt::Vertical).first());
    QCOMPARE(axis->categoriesLabels().size(), 8);
    QVERIFY(axis->categoriesLabels().contains(u"Launching ML instances"_s));
    // One legend entry per phase.
    QVERIFY(shown(chart));
    int visibleMarkers = 0;
    for (QLegendMarker *marker : chart.chart()->legend()->markers())
        visibleMarkers += marker->isVisible();
    QCOMPARE(visibleMarkers, 8);
    QCOMPARE(chart.title(), u"Timeline of resnet50-finetune"_s);
    QVERIFY(chart.saveAction()->isEnabled());
}

void TestCharts::timelineRunningPhaseEndsNow()
{
    ManualClock clock(at(3000));
    JobTimelineChart chart(&clock);
    QList<StatusTransition> running = completedJob().mid(0, 6);
    running.last().endTime = QDateTime();
    chart.setJob(u"job"_s, running);
    QVERIFY(chart.bars().last().running);
    QCOMPARE(chart.bars().last().end, at(3000));
    const QList<QPointF> upper = areas(chart.chart()).last()->upperSeries()->points();
    QCOMPARE(upper.last().x(), qreal(at(3000).toMSecsSinceEpoch()));
    // The axis reaches now.
    QVERIFY(chart.timeAxis()->max() >= at(3000).toMSecsSinceEpoch());

    // The next describe moves it on.
    clock.advance(std::chrono::minutes(10));
    chart.setJob(u"job"_s, running);
    QCOMPARE(chart.bars().last().end, at(3600));
}

void TestCharts::timelineRepeatedPhasesShareALane()
{
    ManualClock clock(at(5000));
    JobTimelineChart chart(&clock);
    chart.setJob(u"spot"_s,
        { { u"Training"_s, at(0), at(1000), QString() }, { u"Interrupted"_s, at(1000), at(1100), QString() },
            { u"Restarting"_s, at(1100), at(1300), QString() },
            { u"Training"_s, at(1300), at(4000), QString() },
            { u"Completed"_s, at(4000), at(4000), QString() } });
    auto *axis = qobject_cast<QCategoryAxis *>(chart.chart()->axes(Qt::Vertical).first());
    // Lanes bottom to top.
    QCOMPARE(axis->categoriesLabels(),
        QStringList({ u"Completed"_s, u"Restarting"_s, u"Interrupted"_s, u"Training"_s }));
    const QList<QAreaSeries *> series = areas(chart.chart());
    QCOMPARE(series.size(), 5);
    QCOMPARE(series[0]->upperSeries()->at(0).y(), series[3]->upperSeries()->at(0).y());
    QCOMPARE(series[3]->upperSeries()->at(0).x(), qreal(at(1300).toMSecsSinceEpoch()));
    QVERIFY(shown(chart));
    int visibleMarkers = 0;
    for (QLegendMarker *marker : chart.chart()->legend()->markers())
        visibleMarkers += marker->isVisible();
    QCOMPARE(visibleMarkers, 4); // Training once
}

void TestCharts::timelineFallsBackToObservedChanges()
{
    ManualClock clock(at(900));
    JobTimelineChart chart(&clock);
    chart.setJob(u"watched"_s, {},
        { { u"watched"_s, u"InProgress"_s, u"Starting"_s, at(0) },
            { u"watched"_s, u"InProgress"_s, u"Downloading"_s, at(120) },
            { u"watched"_s, u"InProgress"_s, u"Training"_s, at(300) } });
    QCOMPARE(areas(chart.chart()).size(), 3);
    QVERIFY(chart.bars().last().running);
    QCOMPARE(chart.bars().last().end, at(900));
}

void TestCharts::timelineShowsShortPhases()
{
    // "Completed" lasts no time; it is still drawn, as a sliver, while its hover text keeps its real times.
    ManualClock clock(at(8000));
    JobTimelineChart chart(&clock);
    chart.setJob(u"job"_s, completedJob());
    const QList<QPointF> completed = areas(chart.chart()).last()->upperSeries()->points();
    QVERIFY(completed.last().x() > completed.first().x());
    QCOMPARE(chart.bars().last().seconds(), 0);
    QVERIFY(chart.toolTipFor(7).contains(u"Duration: 0 seconds"_s));
}

void TestCharts::timelineHoverText()
{
    ManualClock clock(at(8000));
    JobTimelineChart chart(&clock);
    chart.setJob(u"job"_s, completedJob());
    const QString training = chart.toolTipFor(5);
    QVERIFY2(training.contains(u"<b>Training</b>"_s), qPrintable(training));
    QVERIFY2(training.contains(u"Duration: 1 hour 47 minutes"_s), qPrintable(training));
    QVERIFY2(training.contains(u"09:05:45"_s) && training.contains(u"10:52:45"_s), qPrintable(training));
    QVERIFY2(training.contains(u"Training in progress."_s), qPrintable(training));

    QList<StatusTransition> running = completedJob().mid(0, 6);
    running.last().endTime = QDateTime();
    running.last().statusMessage = u"<script>"_s;
    chart.setJob(u"job"_s, running);
    const QString now = chart.toolTipFor(5);
    QVERIFY2(now.contains(u"Running"_s) && now.contains(u"Duration: 2 hours 7 minutes 35 seconds"_s),
        qPrintable(now));
    QVERIFY2(now.contains(u"&lt;script&gt;"_s), qPrintable(now));
    QVERIFY(chart.toolTipFor(6).isEmpty());
}

void TestCharts::timelineWithoutJobSavesNothing()
{
    ManualClock clock(at(0));
    JobTimelineChart chart(&clock);
    QVERIFY(chart.isEmpty());
    QVERIFY(!chart.saveAction()->isEnabled());
    QTemporaryDir dir;
    QString error;
    QVERIFY(!chart.savePng(dir.filePath(u"none.png"_s), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(dir.filePath(u"none.png"_s)));

    chart.setJob(u"fresh"_s, {});
    QVERIFY(chart.isEmpty());
    QVERIFY(chart.findChild<QLabel *>(u"chartMessage"_s)->text().contains(u"fresh"_s));
}

void TestCharts::fleetRowsAndColours()
{
    ManualClock clock(start);
    FleetTimeline timeline(&clock);
    timeline.setJobs({ job(u"done"_s, u"Completed"_s, start.addSecs(-7200), start.addSecs(-3600)),
        job(u"broken"_s, u"Failed"_s, start.addSecs(-5400), start.addSecs(-5000)),
        job(u"running"_s, u"InProgress"_s, start.addSecs(-1800)),
        job(u"halted"_s, u"Stopped"_s, start.addSecs(-9000), start.addSecs(-8000)) });
    QVERIFY(shown(timeline, QSize(900, 400)));
    FleetGanttView *view = timeline.view();
    QCOMPARE(view->bars().size(), 4);
    QCOMPARE(view->bars().first().jobName, u"running"_s);
    QCOMPARE(
        view->legendStatuses(), QStringList({ u"InProgress"_s, u"Completed"_s, u"Failed"_s, u"Stopped"_s }));

    // Each bar is painted in its status's colour, and a running bar reaches the right edge (now).
    const QImage image = view->toImage(1.0);
    for (int row = 0; row < view->bars().size(); ++row) {
        const QRect bar = view->barRect(row);
        QVERIFY(bar.width() >= 3);
        QCOMPARE(QColor(image.pixel(bar.center())), JobStatusStyle::statusColor(view->bars()[row].status));
    }
    const QRect running = view->barRect(0);
    QVERIFY(running.right() >= view->barRect(1).right());
    QVERIFY(view->barRect(1).left() > view->barRect(3).left()); // "done" started later than "halted"
}

void TestCharts::fleetClickActivatesJob()
{
    ManualClock clock(start);
    FleetTimeline timeline(&clock);
    timeline.setJobs(fleet(300, start, 7));
    QVERIFY(shown(timeline, QSize(900, 600)));
    FleetGanttView *view = timeline.view();
    QCOMPARE(view->bars().size(), 300);
    QVERIFY(view->verticalScrollBar()->maximum() > 0);

    QSignalSpy activated(&timeline, &FleetTimeline::jobActivated);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->barRect(3).center());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.takeFirst().at(0).toString(), view->bars()[3].jobName);
    QCOMPARE(view->currentJob(), view->bars()[3].jobName);

    // Scrolled down, a click lands on the row under the pointer, also on the job's name.
    view->verticalScrollBar()->setValue(100 * view->rowHeight());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(10, view->barRect(120).center().y()));
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.takeFirst().at(0).toString(), view->bars()[120].jobName);

    // The header is no row.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(300, 5));
    QCOMPARE(activated.size(), 0);
}

void TestCharts::fleetKeyboardAndCurrentJob()
{
    ManualClock clock(start);
    FleetTimeline timeline(&clock);
    timeline.setJobs(fleet(300, start, 7));
    QVERIFY(shown(timeline, QSize(900, 600)));
    FleetGanttView *view = timeline.view();

    // Selecting in the table highlights and scrolls to the row, without a signal back.
    QSignalSpy activated(&timeline, &FleetTimeline::jobActivated);
    const QString deep = view->bars()[250].jobName;
    timeline.setCurrentJob(deep);
    QCOMPARE(view->currentJob(), deep);
    QVERIFY(view->viewport()->rect().contains(view->barRect(250)));
    QCOMPARE(activated.size(), 0);

    view->setFocus();
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.takeFirst().at(0).toString(), view->bars()[251].jobName);
    QTest::keyClick(view, Qt::Key_End);
    QCOMPARE(activated.takeFirst().at(0).toString(), view->bars().last().jobName);
    QVERIFY(view->viewport()->rect().contains(view->barRect(299)));

    // New data keeps the current job highlighted.
    timeline.setJobs(fleet(300, start, 7));
    QCOMPARE(view->currentJob(), view->bars().last().jobName);
}

void TestCharts::fleetDaysFilter()
{
    ManualClock clock(start);
    FleetTimeline timeline(&clock);
    QCOMPARE(timeline.days(), FleetTimeline::defaultDays);
    timeline.setJobs({ job(u"today"_s, u"Completed"_s, start.addSecs(-7200), start.addSecs(-3600)),
        job(u"last-week"_s, u"Completed"_s, start.addDays(-5), start.addDays(-5).addSecs(3600)) });
    QCOMPARE(timeline.view()->bars().size(), 2);

    QSignalSpy changed(&timeline, &FleetTimeline::daysChanged);
    timeline.findChild<QSpinBox *>(u"fleetDays"_s)->setValue(1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(timeline.view()->bars().size(), 1);
    QCOMPARE(timeline.view()->from(), start.addDays(-1));
    QCOMPARE(timeline.view()->to(), start);

    // Time moves on: the next update is measured from the new now.
    clock.advance(std::chrono::hours(23));
    timeline.setDays(1);
    timeline.setJobs({ job(u"today"_s, u"Completed"_s, start.addSecs(-7200), start.addSecs(-3600)) });
    QCOMPARE(timeline.view()->to(), start.addSecs(23 * 3600));
    QCOMPARE(timeline.view()->bars().size(), 1);
    clock.advance(std::chrono::hours(2));
    timeline.setJobs({ job(u"today"_s, u"Completed"_s, start.addSecs(-7200), start.addSecs(-3600)) });
    QCOMPARE(timeline.view()->bars().size(), 0);
    QVERIFY(!timeline.saveAction()->isEnabled());
}

void TestCharts::fleetHoverText()
{
    ManualClock clock(start);
    FleetTimeline timeline(&clock);
    timeline.setJobs({ job(u"broken <job>"_s, u"Failed"_s, start.addSecs(-5400), start.addSecs(-1800)),
        job(u"running"_s, u"InProgress"_s, start.addSecs(-600)) });
    QVERIFY(shown(timeline, QSize(900, 300)));
    FleetGanttView *view = timeline.view();
    const QString running = view->toolTipFor(0);
    QVERIFY2(running.contains(u"<b>running</b>"_s) && running.contains(u"In progress"_s)
            && running.contains(u"Running"_s) && running.contains(u"10 minutes"_s),
        qPrintable(running));
    const QString failed = view->toolTipFor(1);
    QVERIFY2(failed.contains(u"broken &lt;job&gt;"_s) && failed.contains(u"Status: Failed"_s)
            && failed.contains(u"Ended"_s) && failed.contains(u"Duration: 1 hour"_s),
        qPrintable(failed));

    // Hovering a row asks for that text.
    QHelpEvent help(
        QEvent::ToolTip, view->barRect(1).center(), view->viewport()->mapToGlobal(view->barRect(1).center()));
    QApplication::sendEvent(view->viewport(), &help);
    QTRY_COMPARE(QToolTip::text(), failed);
}

void TestCharts::statusCountsStackInBuckets()
{
    ManualClock clock(at(3 * 3600 + 1800)); // 12:30
    StatusCountsChart chart(&clock);
    chart.setJobs(
        { job(u"a"_s, u"Completed"_s, at(600), at(4800)), job(u"b"_s, u"Failed"_s, at(3000), at(7500)),
            job(u"c"_s, u"InProgress"_s, at(9600)), job(u"d"_s, u"InProgress"_s, at(3660)) });
    QCOMPARE(chart.counts().size(), 4);
    QCOMPARE(chart.title(), u"Status over time (jobs per hour)"_s);
    const QList<QAreaSeries *> series = areas(chart.chart());
    QCOMPARE(series.size(), 3);
    const QStringList statuses { u"InProgress"_s, u"Completed"_s, u"Failed"_s };
    const QList<QList<int>> tops { { 2, 2, 2, 2 }, { 2, 3, 3, 3 }, { 2, 3, 4, 4 } }; // running totals
    for (int s = 0; s < series.size(); ++s) {
        QCOMPARE(series[s]->color(), JobStatusStyle::statusColor(statuses[s]));
        const QList<QPointF> upper = series[s]->upperSeries()->points();
        const QList<QPointF> lower = series[s]->lowerSeries()->points();
        QCOMPARE(upper.size(), 8); // two points a bucket: level steps
        for (int bucket = 0; bucket < 4; ++bucket) {
            QCOMPARE(upper[2 * bucket].y(), qreal(tops[s][bucket]));
            QCOMPARE(upper[2 * bucket + 1].y(), qreal(tops[s][bucket]));
            QCOMPARE(lower[2 * bucket].y(), s == 0 ? 0.0 : qreal(tops[s - 1][bucket]));
            QCOMPARE(upper[2 * bucket].x(), qreal(at(bucket * 3600).toMSecsSinceEpoch()));
        }
        // The counts stop at now, half way through the last hour.
        QCOMPARE(upper.last().x(), qreal(clock.now().toMSecsSinceEpoch()));
    }
    auto *counts = qobject_cast<QValueAxis *>(chart.chart()->axes(Qt::Vertical).first());
    QVERIFY(counts->max() >= 4);
}

void TestCharts::statusCountsHoverText()
{
    ManualClock clock(at(3 * 3600 + 1800));
    StatusCountsChart chart(&clock);
    chart.setJobs(
        { job(u"a"_s, u"Completed"_s, at(600), at(4800)), job(u"b"_s, u"Failed"_s, at(3000), at(7500)) });
    const QString text = chart.toolTipFor(1);
    QVERIFY2(text.contains(u"10:00–11:00"_s), qPrintable(text));
    QVERIFY2(
        text.contains(u"In progress: 1"_s) && text.contains(u"Completed: 1"_s) && !text.contains(u"Failed"_s),
        qPrintable(text));
    QVERIFY2(text.contains(u"Total: 2"_s), qPrintable(text));
    chart.setJobs({});
    QVERIFY(chart.isEmpty());
    QVERIFY(!chart.saveAction()->isEnabled());
}

void TestCharts::savedPngHasTheExpectedSize()
{
    QTemporaryDir dir;
    ManualClock clock(start);

    JobTimelineChart timeline(&clock);
    clock.setNow(at(8000));
    timeline.setJob(u"job"_s, completedJob());
    QVERIFY(shown(timeline, QSize(900, 300)));
    const QImage timelineImage = savedPng(timeline, dir, u"timeline.png"_s);
    const QSize view = timeline.findChild<QWidget *>(u"chartView"_s)->size();
    QCOMPARE(timelineImage.size(), timeline.exportSize());
    QCOMPARE(timelineImage.width(), view.width() * 2);
    QVERIFY(timelineImage.height() > view.height() * 2); // and the title above
    // Bars in phase colours made it into the file.
    bool foundTraining = false;
    for (int y = 0; y < timelineImage.height() && !foundTraining; y += 2)
        for (int x = 0; x < timelineImage.width() && !foundTraining; x += 2)
            foundTraining = QColor(timelineImage.pixel(x, y)) == JobStatusStyle::phaseColor(u"Training"_s);
    QVERIFY(foundTraining);

    FleetTimeline fleetChart(&clock);
    clock.setNow(start);
    fleetChart.setJobs(fleet(300, start, 7));
    QVERIFY(shown(fleetChart, QSize(900, 600)));
    // All 300 rows, not only those in view.
    const QImage fleetImage = savedPng(fleetChart, dir, u"fleet.png"_s);
    const QSize full = fleetChart.view()->fullSize();
    QCOMPARE(full.height(), fleetChart.view()->headerHeight() + 300 * fleetChart.view()->rowHeight());
    QCOMPARE(fleetImage.size(), fleetChart.exportSize());
    QCOMPARE(fleetImage.width(), qRound(full.width() * fleetChart.exportScale()));
    QVERIFY(fleetImage.height() > full.height() * fleetChart.exportScale());
    QVERIFY(fleetChart.exportScale() > 1.0);

    StatusCountsChart counts(&clock);
    counts.setJobs(fleet(300, start, 7));
    QVERIFY(shown(counts, QSize(900, 300)));
    const QImage countsImage = savedPng(counts, dir, u"counts.png"_s);
    QCOMPARE(countsImage.size(), counts.exportSize());
    QCOMPARE(countsImage.width(), counts.findChild<QWidget *>(u"chartView"_s)->width() * 2);

    // Nothing is left half-written beside the files.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 3);
    QString error;
    QVERIFY(!counts.savePng(dir.filePath(u"missing-folder/counts.png"_s), &error));
    QVERIFY(!error.isEmpty());
}

void TestCharts::saveActionAsksForAFile()
{
    QTemporaryDir dir;
    qputenv("HOME", dir.path().toUtf8());
    ManualClock clock(start);
    StatusCountsChart chart(&clock);
    chart.setJobs(fleet(20, start, 2));
    QVERIFY(shown(chart, QSize(900, 300)));
    auto *button = chart.findChild<QToolButton *>(u"saveChartButton"_s);
    QCOMPARE(button->defaultAction(), chart.saveAction());
    QVERIFY(chart.findChild<QWidget *>(u"chartView"_s)
                ->parentWidget()
                ->parentWidget()
                ->parentWidget()
                ->actions()
                .contains(chart.saveAction()));

    // The dialog offers a name; the typed name gets ".png" when it has no suffix.
    bool offered = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        offered = dialog->selectedFiles().value(0).endsWith(u"status-over-time.png"_s);
        dialog->selectFile(dir.filePath(u"mine"_s));
        QMetaObject::invokeMethod(dialog, &QDialog::accept);
    });
    chart.saveAction()->trigger();
    QVERIFY(offered);
    QImage image;
    QVERIFY(image.load(dir.filePath(u"mine.png"_s), "PNG"));
    QCOMPARE(image.size(), chart.exportSize());
}

void TestCharts::screenshots()
{
    ManualClock clock(at(8000));
    JobTimelineChart timeline(&clock);
    timeline.setJob(u"resnet50-finetune-2026-03-10-09-00-00"_s, completedJob());
    QVERIFY(!saveScreenshot(&timeline, u"chart-timeline"_s, QSize(900, 300)).isEmpty());

    QList<StatusTransition> spot = completedJob().mid(0, 6);
    spot.last().endTime = at(2000);
    spot << StatusTransition { u"Interrupted"_s, at(2000), at(2100), u"Spot capacity reclaimed"_s }
         << StatusTransition { u"Restarting"_s, at(2100), at(2400), QString() }
         << StatusTransition { u"Training"_s, at(2400), QDateTime(), QString() };
    timeline.setJob(u"spot-job"_s, spot);
    QVERIFY(!saveScreenshot(&timeline, u"chart-timeline-restarted"_s, QSize(900, 300)).isEmpty());

    clock.setNow(start);
    FleetTimeline fleetChart(&clock);
    fleetChart.setJobs(fleet(300, start, 7));
    fleetChart.setCurrentJob(fleetChart.view()->bars()[4].jobName);
    QVERIFY(!saveScreenshot(&fleetChart, u"chart-fleet"_s, QSize(900, 600)).isEmpty());

    StatusCountsChart counts(&clock);
    counts.setJobs(fleet(300, start, 7));
    QVERIFY(!saveScreenshot(&counts, u"chart-status-counts-days"_s, QSize(900, 300)).isEmpty());
    counts.setJobs(fleet(60, start, 2));
    QVERIFY(!saveScreenshot(&counts, u"chart-status-counts-hours"_s, QSize(900, 300)).isEmpty());

    // And the saved files, as a user gets them.
    const QString dir = qEnvironmentVariable("SAGEDESK_BINARY_DIR", QDir::currentPath()) + u"/screenshots/"_s;
    QVERIFY(timeline.savePng(dir + u"chart-timeline-saved.png"_s));
    QVERIFY(fleetChart.savePng(dir + u"chart-fleet-saved.png"_s));
    QVERIFY(counts.savePng(dir + u"chart-status-counts-saved.png"_s));
}

int main(int argc, char **argv)
{
    // Bucket and tick times are local; the expectations are written in UTC.
    qputenv("TZ", "UTC");
    QApplication app(argc, argv);
    TestCharts test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_charts.moc"
