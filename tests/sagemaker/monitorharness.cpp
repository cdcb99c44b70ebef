#include "tests/sagemaker/monitorharness.h"

MonitorHarness::MonitorHarness(JobMonitor::Settings settings, TokenBucket::Settings budgetSettings)
    : m_settings(settings)
{
    clock.setNow(startTime());
    sim.attach(server);
    m_budget = std::make_unique<TokenBucket>(budgetSettings, &clock);
    m_net.transport->setBudget(m_budget.get());
    restart();
}

MonitorHarness::~MonitorHarness()
{
    m_monitor.reset();
    m_client.reset();
    m_store.reset();
    m_net.transport.reset();
}

void MonitorHarness::restart()
{
    m_monitor.reset();
    m_client.reset();
    m_store.reset();
    rounds.clear();
    endings.clear();
    errors.clear();
    storeErrors.clear();
    m_store = std::make_unique<LocalStore>(m_dir.filePath(QStringLiteral("sagedesk.sqlite")), &clock);
    if (auto opened = m_store->open(); !opened)
        qFatal("store: %s", qPrintable(opened.error()));
    m_client = std::make_unique<SageMakerClient>(m_net.transport.get());
    m_monitor = std::make_unique<JobMonitor>(m_client.get(), m_store.get(), connection(), &clock, m_settings);
    connectMonitor();
}

void MonitorHarness::connectMonitor()
{
    JobMonitor *monitor = m_monitor.get();
    QObject::connect(monitor, &JobMonitor::roundFinished, monitor,
        [this](const JobMonitorRound &round) { rounds.append(round); });
    QObject::connect(monitor, &JobMonitor::watchedJobEnded, monitor,
        [this](const QString &name, const QString &status, const QString &reason) {
            endings.append(name + QLatin1Char(' ') + status + QLatin1Char(' ') + reason);
        });
    QObject::connect(
        monitor, &JobMonitor::errorOccurred, monitor, [this](const AwsError &e) { errors.append(e); });
    QObject::connect(monitor, &JobMonitor::storeErrorOccurred, monitor,
        [this](const QString &message) { storeErrors.append(message); });
}

bool MonitorHarness::driveRounds(int count)
{
    const auto networkRounds = [this] {
        return std::count_if(
            rounds.cbegin(), rounds.cend(), [](const JobMonitorRound &r) { return !r.fromCache; });
    };
    const auto target = networkRounds() + count;
    return drive([&] { return networkRounds() >= target; });
}

bool MonitorHarness::driveFor(std::chrono::milliseconds span)
{
    const QDateTime until = clock.now().addMSecs(span.count());
    return drive([&] { return clock.now() >= until; });
}

int MonitorHarness::busiestWindow(const QList<FixtureRequest> &requests, qint64 windowMs)
{
    int most = 0;
    qsizetype first = 0;
    for (qsizetype last = 0; last < requests.size(); ++last) {
        while (requests[first].arrivedAt.msecsTo(requests[last].arrivedAt) >= windowMs)
            ++first;
        most = std::max(most, int(last - first + 1));
    }
    return most;
}
