// The dashboard benchmark, GUI half: the real Training jobs page (table model, proxy, delegate, detail pane,
// live columns) shown at 1280×800 on the GUI thread, fed by a JobMonitor that polls sagedesk-fixture-sim in
// another process (10,000 training jobs, 50 running) through the real transport and its 2 requests/s
// budget, on the wall clock. What the GUI thread does is measured, the service's work is not (it runs in
// its own process). Prints, with targets:
//   - the longest event-loop stall on the GUI thread (a 1 ms PreciseTimer watchdog's worst lateness, and the
//     longest single event delivery) while the table fills, during steady rounds, and for a user's filter
//     and sort; target < 50 ms,
//   - the time from start to the first rows and to the full table,
//   - the cached first paint of 10,000 rows after a restart,
//   - peak RSS (VmHWM) of the GUI process; target < 200 MB.
//
// SAGEDESK_BENCH_RATE (requests/s, default 2 as in the app) shortens the fill on a patient machine.
#include "core/aws/awstransport.h"
#include "core/aws/clock.h"
#include "core/aws/credentialsprovider.h"
#include "core/aws/tokenbucket.h"
#include "core/pricing/priceservice.h"
#include "core/sagemaker/jobmonitor.h"
#include "core/sagemaker/sagemakerclient.h"
#include "core/store/localstore.h"
#include "tests/bench/procstatus.h"
#include "ui/dashboard/dashboardpage.h"
#include "ui/dashboard/trainingjobfilterproxy.h"
#include "ui/dashboard/trainingjobtablemodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLineEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <functional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// 10,000 as the issue measures it. CI only checks the benchmark runs, and at 2 requests/s the full table
// alone takes ~95 s there: scripts/test.sh sets SAGEDESK_BENCH_JOBS to a smaller account.
const int totalJobs = qEnvironmentVariableIntValue("SAGEDESK_BENCH_JOBS") > 0
    ? qEnvironmentVariableIntValue("SAGEDESK_BENCH_JOBS")
    : 10000;
constexpr int runningJobs = 50;
constexpr double stallTargetMs = 50;
constexpr double rssTargetMb = 200;

// The longest delivery of one event at the outermost level of the GUI thread's loop.
class TimedApplication : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth > 0)
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer timer;
        timer.start();
        const bool handled = QApplication::notify(receiver, event);
        s_longestNs = std::max(s_longestNs, timer.nsecsElapsed());
        --m_depth;
        return handled;
    }

    static inline qint64 s_longestNs = 0;

private:
    int m_depth = 0;
};

// A 1 ms timer that measures how late it fires: the event loop was busy for that long.
class Watchdog : public QObject
{
public:
    Watchdog()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 ns = m_since.nsecsElapsed();
            m_since.restart();
            m_worstNs = std::max(m_worstNs, ns - 1'000'000);
        });
    }
    // Starts a phase: the worst lateness and the longest event from now on.
    void reset()
    {
        m_worstNs = 0;
        TimedApplication::s_longestNs = 0;
        m_since.restart();
        if (!m_timer.isActive())
            m_timer.start();
    }
    double worstMs() const { return double(m_worstNs) / 1e6; }
    static double longestEventMs() { return double(TimedApplication::s_longestNs) / 1e6; }

private:
    QTimer m_timer;
    QElapsedTimer m_since;
    qint64 m_worstNs = 0;
};

const char *verdict(double value, double target)
{
    return value < target ? "met" : "NOT met";
}

// The GUI process's half of a connection: transport with its budget, client, store, monitor.
struct Connection
{
    Connection(const QUrl &endpoint, const QString &storePath, double rate)
        : transport(AwsTransport::Settings { endpoint, u"us-east-1"_s, u"sagemaker"_s },
            std::make_shared<StaticCredentialsProvider>(AwsCredentials { u"bench"_s, u"bench"_s, {}, {} }),
            Clock::system())
        , budget(TokenBucket::Settings { .rate = rate }, Clock::system())
        , client(&transport)
        , store(storePath)
    {
        transport.setBudget(&budget);
        if (!store.open())
            qFatal("store did not open");
        monitor = std::make_unique<JobMonitor>(&client, &store, u"bench|us-east-1|sim"_s, Clock::system());
    }
    ~Connection() { monitor.reset(); }

    AwsTransport transport;
    TokenBucket budget;
    SageMakerClient client;
    LocalStore store;
    std::unique_ptr<JobMonitor> monitor;
};

} // namespace

class BenchDashboardGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void dashboardPageAtTenThousandJobs();

private:
    QProcess m_sim;
    QUrl m_endpoint;
    QTemporaryDir m_dir;
};

void BenchDashboardGui::initTestCase()
{
    m_sim.setProgram(QStringLiteral(SAGEDESK_FIXTURE_SIM_PATH));
    m_sim.setArguments({ u"--port"_s, u"0"_s, u"--jobs"_s, QString::number(totalJobs), u"--in-progress"_s,
        QString::number(runningJobs), u"--no-demo"_s });
    m_sim.start();
    QVERIFY2(m_sim.waitForStarted(), qPrintable(m_sim.errorString()));
    const QRegularExpression url(u"http://127\\.0\\.0\\.1:\\d+"_s);
    QByteArray out;
    QVERIFY(QTest::qWaitFor(
        [&] {
            out += m_sim.readAllStandardOutput();
            return url.match(QString::fromUtf8(out)).hasMatch();
        },
        20000));
    m_endpoint = QUrl(url.match(QString::fromUtf8(out)).captured());
}

void BenchDashboardGui::cleanupTestCase()
{
    m_sim.terminate();
    m_sim.waitForFinished(5000);
}

void BenchDashboardGui::dashboardPageAtTenThousandJobs()
{
    const double rate = qEnvironmentVariableIsSet("SAGEDESK_BENCH_RATE")
        ? qEnvironmentVariable("SAGEDESK_BENCH_RATE").toDouble()
        : TokenBucket::Settings().rate;
    const QString storePath = m_dir.filePath(u"sagedesk.sqlite"_s);
    Watchdog watchdog;
    const double baselineMb = procStatusMegabytes("VmRSS");

    auto connection = std::make_unique<Connection>(m_endpoint, storePath, rate);
    PriceService prices(connection->store);
    prices.setConnection(nullptr, u"us-east-1"_s, u"benchmark"_s);
    for (const char *type : { "ml.m5.xlarge", "ml.m5.2xlarge", "ml.c5.4xlarge", "ml.g5.2xlarge",
             "ml.g5.12xlarge", "ml.p3.2xlarge", "ml.p4d.24xlarge" })
        QVERIFY(prices.enterPrice(u"us-east-1"_s, QLatin1String(type), 1.25));
    DashboardPage page(Clock::system());
    page.setPriceService(&prices);
    page.resize(1280, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    TrainingJobTableModel *jobs = page.jobsModel();
    QList<JobMonitorRound> rounds;
    const auto track = [&] {
        connect(connection->monitor.get(), &JobMonitor::roundFinished, this,
            [&rounds](const JobMonitorRound &round) { rounds.append(round); });
    };
    track();

    // Phase 1: from start to the full table.
    watchdog.reset();
    QElapsedTimer clock;
    clock.start();
    page.setMonitor(connection->monitor.get(), &connection->client);
    QVERIFY(QTest::qWaitFor([&] { return jobs->rowCount() > 0; }, 60000));
    const qint64 firstRowsMs = clock.elapsed();
    const int firstRows = jobs->rowCount();
    QVERIFY(QTest::qWaitFor([&] { return !rounds.isEmpty() && rounds.last().complete; }, 600000));
    const qint64 fullMs = clock.elapsed();
    QCOMPARE(jobs->rowCount(), totalJobs);
    const double fillStall = watchdog.worstMs();
    const double fillEvent = Watchdog::longestEventMs();
    const qsizetype fillRounds = rounds.size();

    // Phase 2: steady rounds, a running job selected (the pane's live facts tick too).
    page.selectJob(page.filteredJobs()->jobName(0));
    watchdog.reset();
    const qsizetype steadyFrom = rounds.size();
    constexpr int steadyRounds = 3;
    QVERIFY(QTest::qWaitFor([&] { return rounds.size() >= steadyFrom + steadyRounds; }, 120000));
    const double steadyStall = watchdog.worstMs();
    const double steadyEvent = Watchdog::longestEventMs();
    int steadyRequests = 0;
    int steadyVisible = 0;
    int steadyChanged = 0;
    for (qsizetype i = steadyFrom; i < rounds.size(); ++i) {
        steadyRequests += rounds.at(i).requests();
        steadyVisible += rounds.at(i).visibleDescribes;
        steadyChanged += int(rounds.at(i).changed.size());
    }

    // Phase 3: what a user does: type a name filter, sort by duration, scroll to the end, clear the filter,
    // sort by creation again. Each step's own time is the GUI thread's, start to end.
    watchdog.reset();
    QStringList steps;
    const auto step = [&steps](const char *what, const std::function<void()> &action) {
        QElapsedTimer timer;
        timer.start();
        action();
        steps << u"%1 %2 ms"_s.arg(QLatin1String(what)).arg(double(timer.nsecsElapsed()) / 1e6, 0, 'f', 1);
        QTest::qWait(50);
    };
    auto *filter = page.findChild<QLineEdit *>(u"nameFilter"_s);
    step("filter 'resnet':", [&] {
        filter->setText(u"resnet"_s);
        QTest::qWait(200); // the filter applies a moment after the last key
    });
    step("sort by duration:",
        [&] { page.table()->sortByColumn(TrainingJobTableModel::Duration, Qt::DescendingOrder); });
    step("scroll to the end:", [&] {
        page.table()->scrollToBottom();
        page.table()->viewport()->repaint();
    });
    step("clear the filter:", [&] {
        filter->clear();
        QTest::qWait(200);
    });
    step("sort by creation:",
        [&] { page.table()->sortByColumn(TrainingJobTableModel::Created, Qt::DescendingOrder); });
    const double userStall = watchdog.worstMs();
    const double userEvent = Watchdog::longestEventMs();

    // Phase 4: a restart: a new monitor on the same store paints the cached table before any request.
    page.setMonitor(nullptr, nullptr);
    connection.reset();
    connection = std::make_unique<Connection>(m_endpoint, storePath, rate);
    rounds.clear();
    track();
    watchdog.reset();
    QElapsedTimer restart;
    qint64 resetStartMs = -1;
    qint64 resetEndMs = -1;
    // The page empties the table, the monitor reads the store, round 0 resets the table (the proxy sorts it
    // as the reset ends), the views follow.
    const QMetaObject::Connection aboutToReset = connect(
        jobs, &QAbstractItemModel::modelAboutToBeReset, this, [&] { resetStartMs = restart.elapsed(); });
    const QMetaObject::Connection didReset
        = connect(jobs, &QAbstractItemModel::modelReset, this, [&] { resetEndMs = restart.elapsed(); });
    restart.start();
    page.setMonitor(connection->monitor.get(), &connection->client);
    const qint64 cachedPaintMs = restart.elapsed();
    disconnect(aboutToReset);
    disconnect(didReset);
    QCOMPARE(jobs->rowCount(), totalJobs);
    QTest::qWait(20);
    const double restartStall = watchdog.worstMs();
    page.setMonitor(nullptr, nullptr);

    const double peakMb = procStatusMegabytes("VmHWM");
    const double worstStall = std::max({ fillStall, steadyStall, userStall });
    qInfo("Dashboard benchmark (GUI thread): %d training jobs, %d running, in sagedesk-fixture-sim; budget "
          "%.1f "
          "requests/s; the real DashboardPage at 1280x800 (offscreen)",
        totalJobs, runningJobs, rate);
    qInfo("  start to first rows: %lld ms (%d jobs); to the full table: %.1f s (%lld rounds, budget-bound)",
        qlonglong(firstRowsMs), firstRows, double(fullMs) / 1000.0, qlonglong(fillRounds));
    qInfo("  longest GUI stall (1 ms watchdog lateness / longest single event), target < %.0f ms:",
        stallTargetMs);
    qInfo("    while filling:           %6.1f ms / %6.1f ms", fillStall, fillEvent);
    qInfo("    %d steady rounds:         %6.1f ms / %6.1f ms (%d requests, %d of them describes of ended "
          "rows in view; %d changed jobs)",
        steadyRounds, steadyStall, steadyEvent, steadyRequests, steadyVisible, steadyChanged);
    qInfo("    filter, sort, scroll:    %6.1f ms / %6.1f ms (%s; the filter steps include a 200 ms wait)",
        userStall, userEvent, qPrintable(steps.join(u", "_s)));
    qInfo("    => worst during rounds and use: %.1f ms (%s)", worstStall, verdict(worstStall, stallTargetMs));
    qInfo(
        "  restart: cached first paint of %d rows in %lld ms, before any request (one stall of %.1f ms): "
        "%lld ms until round 0 (the monitor reads the store), %lld ms resetting and sorting the table, %lld "
        "ms after (views, charts)",
        totalJobs, qlonglong(cachedPaintMs), restartStall, qlonglong(resetStartMs),
        qlonglong(resetEndMs - resetStartMs), qlonglong(cachedPaintMs - resetEndMs));
    qInfo("  peak RSS (VmHWM) of the GUI process: %.1f MB, %.1f MB of it before the dashboard (Qt); target < "
          "%.0f MB: %s",
        peakMb, baselineMb, rssTargetMb, verdict(peakMb, rssTargetMb));
}

int main(int argc, char *argv[])
{
    TimedApplication app(argc, argv);
    BenchDashboardGui bench;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&bench, argc, argv);
}

#include "bench_dashboard_gui.moc"
