#pragma once

#include "tests/support/fixtureaction.h"
#include "tests/support/fixturerequest.h"
#include "tests/support/simtrainingjob.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <chrono>
#include <memory>
#include <vector>

class Clock;
class FixtureServer;

// A SageMaker look-alike for the training-job operations the dashboard uses, driven by a Clock (a ManualClock
// in tests): jobs follow scripted lifecycles, so a test moves time and the jobs move through Starting,
// Downloading, Training, Uploading to their end. It answers in the JSON 1.1 shape of the real API
// (epoch-second timestamps): ListTrainingJobs (NextToken pagination, MaxResults 1..100, SortBy, SortOrder,
// StatusEquals, NameContains, CreationTimeAfter/Before, LastModifiedTimeAfter/Before), DescribeTrainingJob,
// StopTrainingJob and CreateTrainingJob, and throttles on demand. Every request is counted per operation.
//
//     SageMakerSim sim(&clock);
//     sim.attach(server);                  // answers what the server has no scripted fault for
//     sim.populate({ .total = 10000, .inProgress = 50 });
//     sim.throttleFor(5s);
class SageMakerSim
{
public:
    struct BulkOptions
    {
        int total = 10000;
        int inProgress = 50; // still running at populate() time, and for hours after
        std::chrono::hours span { 24 * 90 }; // creation times spread over this much of the past
        std::chrono::hours inProgressSpan { 48 }; // the running jobs' creation times, over this much
        quint32 seed = 1;
        double failedShare = 0.05;
        double stoppedShare = 0.02; // half stopped by a user, half by MaxRuntimeExceeded
    };

    struct RequestRecord
    {
        QString operation;
        QDateTime at; // by the simulation's clock
        bool throttled = false;
    };

    explicit SageMakerSim(Clock *clock, QString region = QStringLiteral("us-east-1"),
        QString account = QStringLiteral("123456789012"));
    ~SageMakerSim();
    SageMakerSim(const SageMakerSim &) = delete;
    SageMakerSim &operator=(const SageMakerSim &) = delete;

    // Makes this the server's default handler: faults queued on the server still come first.
    void attach(FixtureServer &server);
    FixtureAction handle(const FixtureRequest &request);

    // An invalid creation time means now. A job with the same name is replaced.
    void addJob(SimTrainingJob::Script script);
    // Adds options.total jobs created over the past options.span, newest a minute ago: most completed, some
    // failed or stopped, options.inProgress still running (created over options.inProgressSpan: by default
    // the last two days, so some are older than the newest list page). Deterministic for a seed.
    void populate(const BulkOptions &options);
    const SimTrainingJob *job(const QString &name) const;
    qsizetype jobCount() const { return qsizetype(m_jobs.size()); }
    QStringList jobsInProgress() const;
    // Stops a job as StopTrainingJob would; false when it is not in progress.
    bool stopJob(const QString &name);

    // How long Stopping lasts after StopTrainingJob.
    void setStoppingDuration(std::chrono::milliseconds duration) { m_stopping = duration; }
    // The lifecycle a job created through CreateTrainingJob follows.
    void setCreatedJobPhases(QList<SimTrainingJob::Phase> phases) { m_createdPhases = std::move(phases); }

    // The next count requests are answered with ThrottlingException (HTTP 400), whatever they ask.
    void throttleNext(int count) { m_throttleNext = count; }
    // Every request from now until window has passed (by the clock) is throttled.
    void throttleFor(std::chrono::milliseconds window);
    // The service's own limit: a bucket of burst requests refilled at requestsPerSecond; a request that finds
    // it empty is throttled. 0 turns it off (the default).
    void setRateLimit(double requestsPerSecond, double burst = 1.0);

    qsizetype requestCount() const { return m_requests.size(); }
    qsizetype requestCount(const QString &operation) const;
    qsizetype throttledCount() const;
    const QList<RequestRecord> &requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }

private:
    struct Row;

    bool takeThrottle(qint64 nowMs);
    FixtureAction listTrainingJobs(const QJsonObject &input, qint64 nowMs) const;
    FixtureAction describeTrainingJob(const QJsonObject &input, qint64 nowMs) const;
    FixtureAction stopTrainingJob(const QJsonObject &input, qint64 nowMs);
    FixtureAction createTrainingJob(const QJsonObject &input, qint64 nowMs);
    SimTrainingJob *findJob(const QString &name) const;
    // Every job by (CreationTime, name), rebuilt after jobs were added.
    const std::vector<SimTrainingJob *> &creationIndex() const;
    qint64 nowMs() const;

    Clock *m_clock;
    QString m_region;
    QString m_arnPrefix;
    std::vector<std::unique_ptr<SimTrainingJob>> m_jobs;
    QHash<QString, SimTrainingJob *> m_byName;
    mutable std::vector<SimTrainingJob *> m_creationIndex;
    mutable bool m_creationIndexDirty = false;
    std::chrono::milliseconds m_stopping { 5000 };
    QList<SimTrainingJob::Phase> m_createdPhases;
    int m_throttleNext = 0;
    qint64 m_throttleUntilMs = 0;
    double m_rateLimit = 0.0;
    double m_rateBurst = 1.0;
    double m_rateTokens = 1.0;
    qint64 m_rateRefilledMs = 0;
    QList<RequestRecord> m_requests;
};
