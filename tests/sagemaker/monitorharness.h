#pragma once

#include "core/aws/awstransport.h"
#include "core/aws/tokenbucket.h"
#include "core/sagemaker/jobmonitor.h"
#include "core/sagemaker/sagemakerclient.h"
#include "core/store/localstore.h"
#include "tests/aws/transportharness.h"
#include "tests/support/fixtureserver.h"
#include "tests/support/manualclock.h"
#include "tests/support/sagemakersim.h"

#include <QTemporaryDir>
#include <functional>
#include <memory>

// A JobMonitor against the SageMaker simulation on the fixture server, with a store in a temporary folder
// and time on a ManualClock that moves only while nothing is on the wire: rounds, budget waits and
// backoffs take no wall time, and the times the server records are the times the monitor sent at.
// restart() drops the monitor, its client and the store object and makes new ones on the same file, as a
// restarted program would; the simulation and the request budget carry on.
class MonitorHarness
{
public:
    static QDateTime startTime() { return QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC); }
    static QString connection() { return QStringLiteral("default|us-east-1|http://127.0.0.1"); }

    explicit MonitorHarness(JobMonitor::Settings settings = {}, TokenBucket::Settings budgetSettings = {});
    ~MonitorHarness();

    JobMonitor &monitor() { return *m_monitor; }
    LocalStore &store() { return *m_store; }
    TokenBucket &budget() { return *m_budget; }
    AwsTransport &transport() { return *m_net.transport; }

    // A new store object, client and monitor (not started), as after a restart.
    void restart();

    // Runs the event loop, moving the clock whenever the monitor waits, until done() (false when that takes
    // too long; see TransportHarness::drive).
    bool drive(const std::function<bool()> &done) { return m_net.drive(done); }
    // Until count more rounds with requests (round 0, the cache, does not count) have finished.
    bool driveRounds(int count);
    // Until the clock reaches now + span.
    bool driveFor(std::chrono::milliseconds span);

    // The most requests that arrived within any window of windowMs (half-open), by the server's clock: what
    // the request budget allows is never more than its rate times the window (2 in a second by default).
    static int busiestWindow(const QList<FixtureRequest> &requests, qint64 windowMs);

    // Every round the current monitor finished, round 0 included.
    QList<JobMonitorRound> rounds;
    // watchedJobEnded: "name status reason".
    QStringList endings;
    QList<AwsError> errors;
    QStringList storeErrors;

private:
    TransportHarness m_net; // the clock, the fixture server, the credentials and the transport

public:
    ManualClock &clock = m_net.clock;
    FixtureServer &server = m_net.server;
    std::shared_ptr<TestCredentialsProvider> &credentials = m_net.credentials;
    SageMakerSim sim { &clock };

private:
    void connectMonitor();

    JobMonitor::Settings m_settings;
    QTemporaryDir m_dir;
    std::unique_ptr<TokenBucket> m_budget;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<SageMakerClient> m_client;
    std::unique_ptr<JobMonitor> m_monitor;
};
