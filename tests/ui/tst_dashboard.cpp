#include "core/pricing/priceservice.h"
#include "core/sagemaker/jobmonitor.h"
#include "core/sagemaker/sagemakerclient.h"
#include "tests/sagemaker/monitorharness.h"
#include "tests/ui/scriptedprompts.h"
#include "tests/ui/uitestsupport.h"
#include "ui/badgelabel.h"
#include "ui/dashboard/dashboardpage.h"
#include "ui/dashboard/describeview.h"
#include "ui/dashboard/jobdetailpane.h"
#include "ui/dashboard/jobnotifier.h"
#include "ui/dashboard/messagebanner.h"
#include "ui/dashboard/notificationbar.h"
#include "ui/dashboard/trainingjobfilterproxy.h"
#include "ui/dashboard/trainingjobtablemodel.h"
#include "ui/requestbudgetindicator.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QDateTime T = MonitorHarness::startTime();
const QString failureText = u"AlgorithmError: ExecuteUserScriptError: ExitCode 1 \"ValueError: NaN\""_s;

SimTrainingJob::Script script(const QString &name, const QDateTime &created, std::chrono::seconds training,
    SimTrainingJob::Outcome outcome = SimTrainingJob::Outcome::Completed)
{
    SimTrainingJob::Script s;
    s.name = name;
    s.creationTime = created;
    s.phases = SimTrainingJob::standardPhases(30s, 30s, training, 30s);
    s.outcome = outcome;
    s.instanceType = u"ml.g5.2xlarge"_s;
    s.instanceCount = 2;
    s.request = QJsonObject { { u"HyperParameters"_s, QJsonObject { { u"epochs"_s, u"10"_s } } },
        { u"FinalMetricDataList"_s,
            QJsonArray { QJsonObject { { u"MetricName"_s, u"validation:auc"_s }, { u"Value"_s, 0.912 },
                { u"Timestamp"_s, double(created.toSecsSinceEpoch() + 60) } } } } };
    if (outcome == SimTrainingJob::Outcome::Failed)
        s.failureReason = failureText;
    return s;
}

// Seven jobs: three completed an hour ago and more, one failed, one created 40 days ago, two running.
void addJobs(SageMakerSim &sim)
{
    sim.addJob(script(u"done-a"_s, T.addSecs(-7200), 60s));
    sim.addJob(script(u"done-b"_s, T.addSecs(-5400), 60s));
    sim.addJob(script(u"done-c"_s, T.addSecs(-3600), 60s));
    sim.addJob(script(u"broken"_s, T.addSecs(-3000), 60s, SimTrainingJob::Outcome::Failed));
    sim.addJob(script(u"ancient"_s, T.addDays(-40), 60s));
    sim.addJob(script(u"run-1"_s, T.addSecs(-600), 7200s));
    sim.addJob(script(u"run-2"_s, T.addSecs(-300), 7200s));
}

QStringList column(const QAbstractItemModel *model, int column)
{
    QStringList texts;
    for (int row = 0; row < model->rowCount(); ++row)
        texts << model->index(row, column).data().toString();
    return texts;
}

TrainingJobRecord record(int i, const QString &status = u"Completed"_s)
{
    TrainingJobRecord r;
    r.name = u"job-%1"_s.arg(i, 3, 10, QChar(u'0'));
    r.status = status;
    r.creationTime = T.addSecs(-60 * i);
    return r;
}

// A dashboard on the SageMaker simulation: the harness's monitor, a client on the same transport, prompts
// that answer by themselves, and a price entered for the jobs' instance type.
struct Dashboard
{
    Dashboard()
    {
        addJobs(h.sim);
        prices = std::make_unique<PriceService>(h.store());
        prices->setConnection(nullptr, u"us-east-1"_s, u"test"_s);
        if (!prices->enterPrice(u"us-east-1"_s, u"ml.g5.2xlarge"_s, 1.5))
            qWarning("price not entered");
        client = std::make_unique<SageMakerClient>(&h.transport());
        page = std::make_unique<DashboardPage>(&h.clock, &prompts);
        page->notifier()->setSystemTrayEnabled(false);
        page->setPriceService(prices.get());
        page->resize(1280, 800);
    }
    ~Dashboard()
    {
        page.reset(); // before the monitor it listens to
    }

    void start()
    {
        page->setMonitor(&h.monitor(), client.get());
        page->show();
    }
    QAbstractItemModel *table() const { return page->table()->model(); }
    JobDetailPane *pane() const { return page->detailPane(); }

    MonitorHarness h;
    ScriptedPrompts prompts;
    std::unique_ptr<PriceService> prices;
    std::unique_ptr<SageMakerClient> client;
    std::unique_ptr<DashboardPage> page;
};

} // namespace

// Proves the Training jobs page on the SageMaker simulation (time on a ManualClock): the table's rows,
// statuses, instances and live durations after rounds, the cached table painted before any request,
// dataChanged for a few changed rows and a reset when most changed, the filters, the detail pane of a
// failed job (failure reason, fields grouped like the form, transitions, metrics), Stop with its
// confirmation and its AWS error, Watch → the job ends → a notification that opens the job, the status
// bar's budget and throttled badge, Clone and Export JSON; and renders the page to a PNG.
class TestDashboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tableAfterRounds();
    void firstPaintFromTheCache();
    void modelSignals_data();
    void modelSignals();
    void roundChangesAreDataChanged();
    void selectionSurvivesAReset();
    void rowsInViewAreDescribed();
    void liveColumnsRepaintWithoutSignals();
    void filters_data();
    void filters();
    void detailPaneOfAFailedJob();
    void stopThroughTheSimulation();
    void stopErrorIsShown();
    void watchedJobEndingNotifies();
    void shortcutsActOnTheSelection();
    void budgetAndThrottledBadge();
    void cloneHandsDescribeAndTags();
    void exportWritesCreateInput();
    void screenshot();
};

void TestDashboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestDashboard::tableAfterRounds()
{
    Dashboard d;
    d.start();
    QVERIFY(d.h.driveRounds(1));
    QCOMPARE(column(d.table(), TrainingJobTableModel::Name),
        QStringList(
            { u"run-2"_s, u"run-1"_s, u"broken"_s, u"done-c"_s, u"done-b"_s, u"done-a"_s, u"ancient"_s }));
    QCOMPARE(column(d.table(), TrainingJobTableModel::Status),
        QStringList({ u"In progress"_s, u"In progress"_s, u"Failed"_s, u"Completed"_s, u"Completed"_s,
            u"Completed"_s, u"Completed"_s }));
    QCOMPARE(d.table()->index(0, TrainingJobTableModel::SecondaryStatus).data().toString(), u"Training"_s);
    QCOMPARE(d.table()->index(0, TrainingJobTableModel::Instance).data().toString(), u"ml.g5.2xlarge × 2"_s);
    // Running: from creation until the clock's now; ended: until TrainingEndTime.
    const qint64 running = T.addSecs(-300).secsTo(d.h.clock.now());
    QCOMPARE(d.table()->index(0, TrainingJobTableModel::Duration).data().toString(),
        TrainingJobTableModel::durationText(running));
    QCOMPARE(d.table()->index(3, TrainingJobTableModel::Duration).data().toString(), u"0:02:30"_s);
    // Ended jobs are list summaries until described (10,000 of them are never described in bulk): no cost
    // yet, and the tooltip says why. Selecting one describes it, and its row fills in.
    const QModelIndex cost = d.table()->index(3, TrainingJobTableModel::Cost);
    QCOMPARE(cost.data().toString(), u"—"_s);
    QVERIFY(cost.data(Qt::ToolTipRole).toString().contains(u"described"_s));
    QCOMPARE(d.table()->index(0, TrainingJobTableModel::Cost).data().toString(),
        u"≈ $%1"_s.arg(1.5 * 2 * double(T.addSecs(-300 + 30).secsTo(d.h.clock.now())) / 3600.0, 0, 'f', 2));
    QVERIFY(d.page->selectJob(u"done-c"_s));
    QVERIFY(d.h.drive(
        [&] { return d.table()->index(3, TrainingJobTableModel::Cost).data().toString() != u"—"_s; }));
    // The entered price × 2 instances × 120 s billable (Downloading, Training, Uploading: the instances run
    // from the end of Starting), with the price's origin.
    QCOMPARE(d.table()->index(3, TrainingJobTableModel::Cost).data().toString(), u"≈ $0.10"_s);
    QVERIFY(d.table()
                ->index(3, TrainingJobTableModel::Cost)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"entered by you"_s));
    QCOMPARE(d.table()->index(3, TrainingJobTableModel::Instance).data().toString(), u"ml.g5.2xlarge × 2"_s);
    QCOMPARE(child<QLabel>(d.page.get(), u"jobCount"_s)->text(), u"7 jobs · 2 in progress"_s);
}

void TestDashboard::firstPaintFromTheCache()
{
    Dashboard d;
    d.start();
    QVERIFY(d.h.driveRounds(1));
    d.page->setMonitor(nullptr, nullptr);
    QCOMPARE(d.table()->rowCount(), 0);
    d.h.restart(); // a new monitor on the same store, as after a restart of the program
    const qsizetype requestsBefore = d.h.sim.requestCount();
    d.page->setMonitor(&d.h.monitor(), d.client.get());
    // Filled before returning, before any request: round 0 is the store's cached table.
    QCOMPARE(d.table()->rowCount(), 7);
    QCOMPARE(d.h.sim.requestCount(), requestsBefore);
    QCOMPARE(d.table()->index(0, TrainingJobTableModel::Instance).data().toString(), u"ml.g5.2xlarge × 2"_s);
}

void TestDashboard::modelSignals_data()
{
    QTest::addColumn<QList<int>>("changedRows");
    QTest::addColumn<int>("added");
    QTest::addColumn<int>("dataChanged");
    QTest::addColumn<int>("inserted");
    QTest::addColumn<int>("resets");

    QTest::newRow("one row: one dataChanged") << QList<int> { 40 } << 0 << 1 << 0 << 0;
    QTest::newRow("contiguous rows: one range") << QList<int> { 10, 11, 12 } << 0 << 1 << 0 << 0;
    QTest::newRow("two runs: two ranges") << QList<int> { 12, 10, 11, 70 } << 0 << 2 << 0 << 0;
    QTest::newRow("new jobs only: one insert") << QList<int> {} << 3 << 0 << 1 << 0;
    QTest::newRow("changed and new") << QList<int> { 5 } << 2 << 1 << 1 << 0;
    QTest::newRow("half the rows: still row by row") << [] {
        QList<int> rows;
        for (int i = 0; i < 50; i += 2)
            rows << i;
        return rows;
    }() << 25 << 25 << 1 << 0;
    QTest::newRow("most rows: one reset") << [] {
        QList<int> rows;
        for (int i = 0; i < 60; ++i)
            rows << i;
        return rows;
    }() << 0 << 0 << 0 << 1;
}

void TestDashboard::modelSignals()
{
    QFETCH(QList<int>, changedRows);
    QFETCH(int, added);
    ManualClock clock(T);
    TrainingJobTableModel model(&clock);
    QList<TrainingJobRecord> jobs;
    for (int i = 0; i < 100; ++i)
        jobs << record(i);
    model.setJobs(jobs);

    QList<TrainingJobRecord> batch;
    for (int row : std::as_const(changedRows)) {
        TrainingJobRecord changed = jobs.at(row);
        changed.status = u"Stopped"_s;
        batch << changed;
    }
    for (int i = 0; i < added; ++i)
        batch << record(100 + i, u"InProgress"_s);
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.applyChanges(batch);
    QTEST(int(dataChanged.size()), "dataChanged");
    QTEST(int(inserted.size()), "inserted");
    QTEST(int(reset.size()), "resets");

    QCOMPARE(model.rowCount(), 100 + added);
    QCOMPARE(model.activeCount(), added);
    for (int row : std::as_const(changedRows))
        QCOMPARE(model.index(row, TrainingJobTableModel::Status)
                     .data(TrainingJobTableModel::StatusRole)
                     .toString(),
            u"Stopped"_s);
    // Every dataChanged covers whole rows of changed jobs only.
    for (const QList<QVariant> &signal : std::as_const(dataChanged)) {
        const auto from = signal.at(0).value<QModelIndex>();
        const auto to = signal.at(1).value<QModelIndex>();
        QCOMPARE(from.column(), 0);
        QCOMPARE(to.column(), TrainingJobTableModel::ColumnCount - 1);
        for (int row = from.row(); row <= to.row(); ++row)
            QVERIFY2(changedRows.contains(row), qPrintable(u"row %1 not changed"_s.arg(row)));
    }
}

void TestDashboard::roundChangesAreDataChanged()
{
    Dashboard d;
    d.start();
    // The ended jobs in view get their details first (five of seven rows at once: a reset).
    QVERIFY(d.h.drive([&] {
        return d.table()->rowCount() == 7
            && !column(d.table(), TrainingJobTableModel::Instance).contains(QString())
            && !d.h.monitor().isRoundRunning();
    }));
    QSignalSpy dataChanged(d.page->jobsModel(), &QAbstractItemModel::dataChanged);
    QSignalSpy reset(d.page->jobsModel(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(d.page->jobsModel(), &QAbstractItemModel::rowsInserted);
    // A new job appears and the running ones move on: an insert and dataChanged, never a reset.
    d.h.clock.advance(1s);
    d.h.sim.addJob(script(u"run-3"_s, {}, 7200s));
    QVERIFY(d.h.drive([&] { return d.table()->rowCount() == 8; }));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(d.table()->index(0, TrainingJobTableModel::Name).data().toString(), u"run-3"_s);
    QVERIFY(d.h.drive([&] { return !dataChanged.isEmpty(); }));
    QCOMPARE(reset.size(), 0);
}

void TestDashboard::selectionSurvivesAReset()
{
    Dashboard d;
    d.start();
    QVERIFY(d.h.driveRounds(1));
    QVERIFY(d.page->selectJob(u"done-b"_s));
    QSignalSpy reset(d.page->jobsModel(), &QAbstractItemModel::modelReset);
    QList<TrainingJobRecord> most;
    for (const QString &name : { u"done-a"_s, u"done-b"_s, u"done-c"_s, u"broken"_s, u"ancient"_s }) {
        TrainingJobRecord changed = *d.page->jobsModel()->record(name);
        changed.instanceType = u"ml.m5.xlarge"_s;
        most.append(changed);
    }
    d.page->jobsModel()->applyChanges(most);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(d.page->currentJob(), u"done-b"_s);
    QCOMPARE(d.page->table()->currentIndex().data(TrainingJobTableModel::NameRole).toString(), u"done-b"_s);
    QVERIFY(d.page->table()->selectionModel()->isRowSelected(d.page->table()->currentIndex().row()));
}

void TestDashboard::rowsInViewAreDescribed()
{
    Dashboard d;
    // 200 ended jobs below the seven: far more than the view shows.
    for (int i = 0; i < 200; ++i)
        d.h.sim.addJob(script(u"bulk-%1"_s.arg(i, 3, 10, QChar(u'0')), T.addDays(-1).addSecs(-60 * i), 60s));
    QTableView *view = d.page->table();
    const auto rowsInView = [&] {
        QStringList names;
        for (int row = 0; row < d.table()->rowCount(); ++row) {
            const QModelIndex index = d.table()->index(row, 0);
            if (view->visualRect(index).intersects(view->viewport()->rect()))
                names.append(index.data(TrainingJobTableModel::NameRole).toString());
        }
        return names;
    };
    const auto described = [&](const QStringList &names) {
        return std::all_of(names.cbegin(), names.cend(), [&](const QString &name) {
            const TrainingJobRecord *job = d.page->jobsModel()->record(name);
            return job && !TrainingJobTableModel::instanceText(*job).isEmpty();
        });
    };
    d.start();
    QVERIFY(d.h.drive([&] { return !d.h.rounds.isEmpty() && d.h.rounds.last().complete; }));

    // The monitor hears which rows are in view, and fills them in a few rounds.
    QVERIFY(d.h.drive([&] { return d.h.monitor().visibleJobs() == rowsInView(); }));
    const QStringList top = rowsInView();
    QVERIFY2(top.size() > 10 && top.size() < 60, qPrintable(QString::number(top.size())));
    QVERIFY(d.h.drive([&] { return described(top) && !d.h.monitor().isRoundRunning(); }));
    QVERIFY(!described({ u"bulk-199"_s }));
    const int topRound = d.h.rounds.last().number;
    QVERIFY2(topRound <= 3 + int(top.size()) / 5, qPrintable(QString::number(topRound)));
    QVERIFY(
        d.table()->index(top.size() - 1, TrainingJobTableModel::Cost).data().toString().startsWith(u"≈"_s));

    // Scrolled to the end: the rows there are next; those scrolled past are not asked for.
    view->scrollToBottom();
    QVERIFY(d.h.drive([&] { return d.h.monitor().visibleJobs() == rowsInView(); }));
    const QStringList bottom = rowsInView();
    QVERIFY(bottom.contains(u"bulk-199"_s));
    QVERIFY(d.h.drive([&] { return described(bottom) && !d.h.monitor().isRoundRunning(); }));
    QVERIFY(!described({ u"bulk-100"_s }));

    // Another tab over the table: no rows in view.
    child<QTabWidget>(d.page.get(), u"jobViews"_s)->setCurrentIndex(1);
    QVERIFY(d.h.drive([&] { return d.h.monitor().visibleJobs().isEmpty(); }));
}

void TestDashboard::liveColumnsRepaintWithoutSignals()
{
    Dashboard d;
    d.start();
    QVERIFY(d.h.driveRounds(1));
    d.h.monitor().stop(); // no rounds: only the clock moves
    QSignalSpy dataChanged(d.page->jobsModel(), &QAbstractItemModel::dataChanged);
    const QModelIndex duration = d.table()->index(0, TrainingJobTableModel::Duration);
    const QString before = duration.data().toString();
    d.h.clock.advance(5s);
    QTest::qWait(1200); // a live tick
    QVERIFY(duration.data().toString() != before);
    QCOMPARE(dataChanged.size(), 0);
    // The pane's live facts follow the same clock.
    QVERIFY(d.page->selectJob(u"run-2"_s));
    QCOMPARE(child<QLabel>(d.pane(), u"factDuration"_s)->text(), duration.data().toString());
}

void TestDashboard::filters_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("days");
    QTest::addColumn<QStringList>("shown");

    QTest::newRow("in progress") << u"InProgress"_s << QString() << 0
                                 << QStringList { u"run-2"_s, u"run-1"_s };
    QTest::newRow("failed") << u"Failed"_s << QString() << 0 << QStringList { u"broken"_s };
    QTest::newRow("name, any case") << QString() << u"DONE"_s << 0
                                    << QStringList { u"done-c"_s, u"done-b"_s, u"done-a"_s };
    QTest::newRow("last 30 days") << u"Completed"_s << QString() << 30
                                  << QStringList { u"done-c"_s, u"done-b"_s, u"done-a"_s };
    QTest::newRow("status and name together")
        << u"Completed"_s << u"-"_s << 0 << QStringList { u"done-c"_s, u"done-b"_s, u"done-a"_s };
    QTest::newRow("nothing matches") << u"Stopped"_s << QString() << 0 << QStringList {};
}

void TestDashboard::filters()
{
    QFETCH(QString, status);
    QFETCH(QString, name);
    QFETCH(int, days);
    QFETCH(QStringList, shown);
    Dashboard d;
    d.start();
    QVERIFY(d.h.driveRounds(1));
    auto *statusBox = child<QComboBox>(d.page.get(), u"statusFilter"_s);
    statusBox->setCurrentIndex(statusBox->findData(status));
    QTest::keyClicks(child<QLineEdit>(d.page.get(), u"nameFilter"_s), name);
    child<QSpinBox>(d.page.get(), u"daysFilter"_s)->setValue(days);
    QTRY_COMPARE(column(d.table(), TrainingJobTableModel::Name), shown);
    QCOMPARE(child<QLabel>(d.page.get(), u"jobCount"_s)->text(),
        u"%1 of 7 jobs · 2 in progress"_s.arg(shown.size()));
}

void TestDashboard::detailPaneOfAFailedJob()
{
    Dashboard d;
    d.start();
    QVERIFY(d.h.driveRounds(1));
    QVERIFY(d.page->selectJob(u"broken"_s));
    QCOMPARE(d.page->currentJob(), u"broken"_s);
    JobDetailPane *pane = d.pane();
    QVERIFY(d.h.drive([&] { return pane->hasDescription(); }));
    QCOMPARE(child<QLabel>(pane, u"jobTitle"_s)->text(), u"broken"_s);
    QCOMPARE(child<BadgeLabel>(pane, u"jobStatusBadge"_s)->text(), u"Failed"_s);
    auto *failure = child<QLabel>(pane, u"failureReason"_s);
    QVERIFY(failure->isVisible());
    QCOMPARE(failure->text(), u"Failure reason: "_s + failureText);
    QCOMPARE(child<QLabel>(pane, u"factInstances"_s)->text(), u"ml.g5.2xlarge × 2"_s);
    QCOMPARE(child<QLabel>(pane, u"factArtifacts"_s)->text(),
        u"s3://sagedesk-sim/output/broken/output/model.tar.gz"_s);
    QVERIFY(child<QLabel>(pane, u"factBillable"_s)->text().contains(u"per instance"_s));

    DescribeView *details = pane->describeView();
    QCOMPARE(details->valueText(u"ResourceConfig.InstanceType"_s), u"ml.g5.2xlarge"_s);
    QCOMPARE(details->valueText(u"HyperParameters.epochs"_s), u"10"_s);
    QCOMPARE(details->valueText(u"InputDataConfig.train.DataSource.S3DataSource.S3Uri"_s),
        u"s3://sagedesk-sim/data/train/"_s);
    QCOMPARE(details->valueText(u"StoppingCondition.MaxRuntimeInSeconds"_s), u"86400 (1 day)"_s);
    QCOMPARE(details->valueText(u"FailureReason"_s), failureText);
    const QStringList sections = details->sectionTitles();
    for (const QString &section :
        { u"Job"_s, u"Algorithm"_s, u"Input channels"_s, u"Output"_s, u"Resources"_s, u"Network"_s,
            u"Stopping condition"_s, u"Spot and checkpoints"_s, u"Hyperparameters"_s, u"Metrics"_s })
        QVERIFY2(sections.contains(section), qPrintable(section));

    auto *transitions = child<QTableWidget>(pane, u"jobTransitions"_s);
    QStringList phases;
    for (int row = 0; row < transitions->rowCount(); ++row)
        phases << transitions->item(row, 0)->text();
    QCOMPARE(
        phases, QStringList({ u"Starting"_s, u"Downloading"_s, u"Training"_s, u"Uploading"_s, u"Failed"_s }));
    QCOMPARE(transitions->item(2, 3)->text(), u"0:01:00"_s);
    auto *metrics = child<QTableWidget>(pane, u"jobMetrics"_s);
    QCOMPARE(metrics->rowCount(), 1);
    QCOMPARE(metrics->item(0, 0)->text(), u"validation:auc"_s);
    QCOMPARE(metrics->item(0, 1)->text(), u"0.912"_s);
    // Nothing to stop; everything else offered.
    QVERIFY(!pane->stopAction()->isEnabled());
    QVERIFY(pane->cloneAction()->isEnabled());
    QVERIFY(pane->copyArnAction()->isEnabled());
    // The charts' slot holds the timeline.
    QVERIFY(pane->timelineWidget());
    QCOMPARE(pane->timelineWidget()->objectName(), u"jobTimelineChart"_s);
}

void TestDashboard::stopThroughTheSimulation()
{
    Dashboard d;
    d.h.sim.setStoppingDuration(60s);
    d.start();
    QVERIFY(d.h.driveRounds(1));
    QVERIFY(d.page->selectJob(u"run-1"_s));
    QAction *stop = d.pane()->stopAction();
    QVERIFY(stop->isEnabled());

    d.prompts.confirmAnswer = false;
    stop->trigger();
    QCOMPARE(d.prompts.asked.size(), 1);
    QVERIFY(d.prompts.asked.first().contains(u"run-1"_s));
    QCOMPARE(d.h.sim.requestCount(u"StopTrainingJob"_s), 0);

    d.prompts.confirmAnswer = true;
    stop->trigger();
    QVERIFY(!stop->isEnabled()); // one stop at a time
    QVERIFY(d.h.drive([&] { return d.pane()->banner()->isVisible(); }));
    QCOMPARE(d.pane()->banner()->kind(), MessageBanner::Kind::Information);
    QCOMPARE(d.h.sim.requestCount(u"StopTrainingJob"_s), 1);
    const int row = d.page->jobsModel()->rowOf(u"run-1"_s);
    QVERIFY(d.h.drive([&] { return d.page->jobsModel()->record(row)->status == u"Stopping"_s; }));
    QVERIFY(d.h.drive([&] { return d.page->jobsModel()->record(row)->status == u"Stopped"_s; }));
    QCOMPARE(child<BadgeLabel>(d.pane(), u"jobStatusBadge"_s)->text(), u"Stopped"_s);
}

void TestDashboard::stopErrorIsShown()
{
    Dashboard d;
    d.start();
    QVERIFY(d.h.driveRounds(1));
    QVERIFY(d.page->selectJob(u"run-2"_s));
    d.h.server.enqueue(u"StopTrainingJob"_s,
        FixtureAction::awsError(
            400, u"ValidationException"_s, u"The job is not in a state that can be stopped"_s));
    d.pane()->stopAction()->trigger();
    QVERIFY(d.h.drive([&] { return d.pane()->banner()->isVisible(); }));
    const QString text = d.pane()->banner()->text();
    QCOMPARE(d.pane()->banner()->kind(), MessageBanner::Kind::Error);
    QVERIFY2(text.contains(u"Could not stop run-2"_s), qPrintable(text));
    QVERIFY2(text.contains(u"ValidationException: The job is not in a state that can be stopped"_s),
        qPrintable(text));
    QVERIFY2(text.contains(u"request id"_s), qPrintable(text));
    QVERIFY(d.pane()->stopAction()->isEnabled()); // it can be tried again
}

void TestDashboard::watchedJobEndingNotifies()
{
    Dashboard d;
    d.h.sim.addJob(script(u"soon-done"_s, T.addSecs(-60), 120s));
    d.h.sim.addJob(script(u"soon-broken"_s, T.addSecs(-50), 120s, SimTrainingJob::Outcome::Failed));
    d.start();
    QVERIFY(d.h.driveRounds(1));
    QVERIFY(!d.page->notifier()->usesSystemTray());
    for (const QString &name : { u"soon-done"_s, u"soon-broken"_s }) {
        QVERIFY(d.page->selectJob(name));
        d.pane()->watchAction()->trigger();
        QVERIFY(d.h.monitor().isWatched(name));
        QVERIFY(d.pane()->watchAction()->isChecked());
    }
    NotificationBar *bar = d.page->notificationBar();
    QVERIFY(d.h.drive([&] { return bar->count() == 2; }));
    QVERIFY(bar->isVisible());
    const QStringList texts = bar->texts();
    QVERIFY2(texts.contains(u"Training job completed: soon-done"_s), qPrintable(texts.join(u'\n')));
    QVERIFY2(texts.contains(u"Training job failed: soon-broken — "_s + failureText),
        qPrintable(texts.join(u'\n')));

    // "Open" selects the job, even when the filters hide it.
    child<QLineEdit>(d.page.get(), u"nameFilter"_s)->setText(u"run"_s);
    QVERIFY(d.page->selectJob(u"run-1"_s));
    const auto buttons = bar->findChildren<QPushButton *>(u"openNotifiedJob"_s);
    QCOMPARE(buttons.size(), 2);
    QPushButton *openDone = nullptr;
    for (QPushButton *button : buttons)
        if (button->toolTip().contains(u"soon-done"_s))
            openDone = button;
    QVERIFY(openDone);
    QTest::mouseClick(openDone, Qt::LeftButton);
    QCOMPARE(d.page->currentJob(), u"soon-done"_s);
    QCOMPARE(d.table()->data(d.page->table()->currentIndex()).toString(), u"soon-done"_s);
}

void TestDashboard::shortcutsActOnTheSelection()
{
    Dashboard d;
    d.start();
    QVERIFY(d.h.driveRounds(1));
    QVERIFY(d.page->selectJob(u"run-2"_s));
    QTableView *table = d.page->table();
    d.page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(d.page.get()));
    table->setFocus();
    QTest::keyClick(table, Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(d.h.monitor().isWatched(u"run-2"_s));
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(),
        u"arn:aws:sagemaker:us-east-1:123456789012:training-job/run-2"_s);
    d.prompts.confirmAnswer = false;
    QTest::keyClick(table, Qt::Key_X, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(d.prompts.asked.size(), 1); // Stop asked first
    QTest::keyClick(table, Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(d.page.get(), u"nameFilter"_s));
}

void TestDashboard::budgetAndThrottledBadge()
{
    Dashboard d;
    RequestBudgetIndicator indicator;
    d.page->setBudgetIndicator(&indicator);
    d.start();
    QVERIFY(d.h.driveRounds(1));
    auto *text = child<QLabel>(&indicator, u"requestBudgetText"_s);
    QVERIFY2(text->text().endsWith(u"of 2.0/s"_s), qPrintable(text->text()));
    // Requests were sent in the last seconds: the budget in use is not zero.
    QVERIFY2(!text->text().startsWith(u"Requests: 0.0"_s), qPrintable(text->text()));
    QVERIFY(!indicator.isThrottled());
    d.h.sim.throttleFor(30s);
    QVERIFY(d.h.drive([&] { return indicator.isThrottled(); }));
    QVERIFY(d.h.drive([&] { return !indicator.isThrottled(); }));
}

void TestDashboard::cloneHandsDescribeAndTags()
{
    Dashboard d;
    d.start();
    QVERIFY(d.h.driveRounds(1));
    QVERIFY(d.page->selectJob(u"done-b"_s));
    QSignalSpy cloned(d.page.get(), &DashboardPage::cloneRequested);
    d.pane()->cloneAction()->trigger();
    QVERIFY(d.h.drive([&] { return !cloned.isEmpty(); }));
    const QJsonObject description = cloned.first().at(0).toJsonObject();
    QCOMPARE(description.value(u"TrainingJobName"_s).toString(), u"done-b"_s);
    QCOMPARE(description.value(u"HyperParameters"_s).toObject().value(u"epochs"_s).toString(), u"10"_s);
    // The simulation has no ListTags: the clone goes on without tags and says so.
    QVERIFY(d.pane()->banner()->text().contains(u"without its tags"_s));
}

void TestDashboard::exportWritesCreateInput()
{
    Dashboard d;
    d.start();
    QVERIFY(d.h.driveRounds(1));
    QTemporaryDir dir;
    d.prompts.fileAnswer = dir.filePath(u"done-c.json"_s);
    QVERIFY(d.page->selectJob(u"done-c"_s));
    d.pane()->exportAction()->trigger();
    QVERIFY(d.h.drive([&] { return d.pane()->banner()->text().startsWith(u"Saved"_s); }));
    QFile file(d.prompts.fileAnswer);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject written = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(written.value(u"TrainingJobName"_s).toString(), u"done-c"_s);
    QCOMPARE(written.value(u"ResourceConfig"_s).toObject().value(u"InstanceCount"_s).toInt(), 2);
    for (const char *readOnly : { "TrainingJobArn", "TrainingJobStatus", "CreationTime", "ModelArtifacts",
             "SecondaryStatusTransitions", "FinalMetricDataList" })
        QVERIFY2(!written.contains(QLatin1String(readOnly)), readOnly);
}

void TestDashboard::screenshot()
{
    Dashboard d;
    d.h.sim.populate({ .total = 300, .inProgress = 12 });
    d.start();
    QVERIFY(d.h.drive([&] { return d.h.monitor().isComplete() && d.table()->rowCount() >= 300; }));
    QVERIFY(d.page->selectJob(u"broken"_s));
    QVERIFY(d.h.drive([&] { return d.pane()->hasDescription(); }));
    QTest::qWait(100); // layouts settle: the failure reason appeared
    QVERIFY(!saveScreenshot(d.page.get(), u"dashboard-failed-job"_s, QSize(1280, 800)).isEmpty());
    QVERIFY(d.page->selectJob(u"run-1"_s));
    QVERIFY(d.h.drive([&] { return d.pane()->hasDescription(); }));
    QTest::qWait(100); // layouts settle: the failure reason went
    QVERIFY(!saveScreenshot(d.page.get(), u"dashboard-running-job"_s, QSize(1280, 800)).isEmpty());
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
