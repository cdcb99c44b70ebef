#pragma once

#include "core/aws/awserror.h"
#include "core/aws/tokenbucket.h"
#include "core/sagemaker/jobmonitorround.h"
#include "core/sagemaker/jobmonitorsettings.h"
#include "core/sagemaker/jobroundplanner.h"
#include "core/sagemaker/requestbudgetstate.h"
#include "core/sagemaker/trainingjobrecord.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <chrono>
#include <memory>
#include <optional>

class Clock;
class JobHistoryRecorder;
class LocalStore;
class RequestRateMeter;
class SageMakerCall;
class SageMakerClient;
struct ResolvedConnection;
struct SageMakerResult;

// The polling engine behind the dashboard: one per connection (profile + region + endpoint). It runs in
// rounds that never overlap; the next round starts a poll interval after the previous one ended. What a
// round lists and describes is JobRoundPlanner's decision (see there); the monitor sends those requests,
// schedules the rounds and keeps what they bring.
//
// Every request goes through the connection's TokenBucket (the transport's budget; created with the default
// 2 requests/s when the transport has none), which spaces them and slows down after throttling; a failed
// round is reported and the next one comes after a doubled interval. Each round ends with one batch of
// changed jobs (roundFinished); every change of status or secondary status and the
// SecondaryStatusTransitions of every description go to the store's job history, the table to its summary
// cache, and the watch list lives there too, so a restarted monitor paints the cached table at once and
// reattaches its watches.
class JobMonitor : public QObject
{
    Q_OBJECT

public:
    using Settings = JobMonitorSettings;

    // client, store and clock must outlive the monitor; store may be nullptr (nothing is kept).
    // connection is the key the store files this connection's data under (see connectionKey()).
    JobMonitor(SageMakerClient *client, LocalStore *store, QString connection, Clock *clock,
        QObject *parent = nullptr);
    JobMonitor(SageMakerClient *client, LocalStore *store, QString connection, Clock *clock,
        Settings settings, QObject *parent = nullptr);
    ~JobMonitor() override;

    // "<profile>|<region>|<endpoint>": one monitor, one history and one watch list per key.
    static QString connectionKey(const ResolvedConnection &connection);

    QString connection() const { return m_connection; }
    const Settings &settings() const { return m_planner.settings(); }
    void setPollInterval(std::chrono::milliseconds interval) { m_planner.setPollInterval(interval); }

    // Loads the watch list and the cached table (emitting it as round 0 before returning, when there is
    // one), then starts round 1 from the event loop. Connect first.
    void start();
    // Cancels the running round and every request of the monitor; start() again resumes from the store.
    void stop();
    bool isRunning() const { return m_running; }
    bool isRoundRunning() const { return m_round != nullptr; }
    // Starts the next round now, or right after the running one.
    void refreshNow();

    // The table, newest first; the record of one job. Already up to date when a signal reports a change.
    QList<TrainingJobRecord> jobs() const { return m_planner.known().records(); }
    std::optional<TrainingJobRecord> job(const QString &name) const;
    // Every job down to the oldest has been listed once and every active job described.
    bool isComplete() const { return m_planner.isComplete(); }

    // The watch list (persisted per connection). A watched job is described every round until it ends;
    // then watchedJobEnded() fires once. It stays on the list until unwatched.
    void watch(const QString &jobName);
    void unwatch(const QString &jobName);
    bool isWatched(const QString &jobName) const { return m_planner.isWatched(jobName); }
    QStringList watchedJobs() const { return m_planner.watched(); }

    // Describes one job now, outside the rounds (the detail pane's selection): jobDescribed() follows, and
    // the record's change goes into the next round's batch.
    void describeJob(const QString &jobName);
    // Sends StopTrainingJob; stopFinished() reports the answer, and a describe follows a success.
    void stopJob(const QString &jobName);

    // The jobs the dashboard shows now (the table's visible rows, top first; empty while it shows none).
    // Ended ones without details are described at the end of the next rounds, in this order, with what is
    // left of the budget (see Settings::maxVisibleDescribesPerRound); each only once, since the details
    // stay in the record and the store's summary cache.
    void setVisibleJobs(const QStringList &jobNames) { m_visible = jobNames; }
    QStringList visibleJobs() const { return m_visible; }

    TokenBucket *budget() const { return m_budget; }
    RequestBudgetState budgetState() const;
    // The connection's request rate when not throttled (requests per second).
    void setRequestRate(double requestsPerSecond);

signals:
    void roundStarted(int number);
    // One batch per round of the jobs that are new or changed, with the round's cost.
    void roundFinished(const JobMonitorRound &round);
    // A DescribeTrainingJob answer, as the service gave it (in a round or for describeJob()).
    void jobDescribed(const QString &jobName, const QJsonObject &description);
    // A watched job was seen to end: status Completed, Failed (with the failure reason) or Stopped.
    void watchedJobEnded(const QString &jobName, const QString &status, const QString &failureReason);
    void watchListChanged(const QStringList &watched);
    // The budget's rate, throttling, queue or use changed: for the status bar.
    void budgetChanged(const RequestBudgetState &state);
    void throttledChanged(bool throttled);
    // A request failed after the transport's retries. The monitor keeps going (a failed round backs off).
    void errorOccurred(const AwsError &error);
    // The store could not be read or written; monitoring goes on without it.
    void storeErrorOccurred(const QString &message);
    // The answer to stopJob(): a null error on success.
    void stopFinished(const QString &jobName, const AwsError &error);

private:
    struct Round;

    void scheduleRound(std::chrono::milliseconds delay);
    void beginRound();
    void listNextPage();
    void onListPage(const SageMakerResult &result);
    void planDescribes();
    void describeNext();
    bool planVisibleDescribes();
    std::chrono::milliseconds pauseAfter(bool complete) const;
    void onRoundDescribe(const QString &jobName, const SageMakerResult &result);
    void applyDescription(const QString &jobName, const QJsonObject &description);
    void finishRound();
    void track(SageMakerCall *call);
    void storeSummaries(const QList<TrainingJobRecord> &records);
    void flushHistory();
    void reportStore(const QString &error);
    void emitBudget();

    SageMakerClient *m_client;
    LocalStore *m_store;
    QString m_connection;
    Clock *m_clock;
    JobRoundPlanner m_planner;
    QPointer<TokenBucket> m_budget;
    std::unique_ptr<RequestRateMeter> m_rateMeter;
    quint64 m_issuedSeen = 0; // the budget's issued() last counted into the rate meter
    std::unique_ptr<JobHistoryRecorder> m_history;
    QStringList m_visible;

    std::unique_ptr<Round> m_round;
    QList<QPointer<SageMakerCall>> m_calls;
    bool m_running = false;
    bool m_refreshRequested = false;
    quint64 m_scheduled = 0; // identifies the pending scheduled round; bumped to cancel it
    int m_roundNumber = 0;
    int m_failedRounds = 0;
};
