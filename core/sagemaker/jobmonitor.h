#pragma once

#include "core/aws/awserror.h"
#include "core/aws/tokenbucket.h"
#include "core/sagemaker/jobmonitorround.h"
#include "core/sagemaker/knownjobs.h"
#include "core/sagemaker/requestbudgetstate.h"
#include "core/sagemaker/trainingjobrecord.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
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
// rounds that never overlap; the next round starts a poll interval after the previous one ended. A round:
//
//  1. lists training jobs newest first (SortBy CreationTime, Descending), page after page, until a page
//     ends with a job it already knew (new jobs are always newer than known ones), or one more page would
//     show at least two active jobs that would otherwise need a describe;
//  2. continues an unfinished listing (the first fill of a large account, a listing cut short) with
//     CreationTimeBefore, at most maxListPagesPerRound pages per round in all, so each round stays short;
//  3. describes the jobs that changed on those pages, the active (InProgress, Stopping) and watched jobs
//     the pages did not show (an old job changing status is not on the first page), and a few active jobs
//     it has no details for yet;
//  4. last and only with budget to spare, describes a few ended jobs the dashboard shows (setVisibleJobs())
//     that only a list page has shown: no instance type, count or billable time yet. Ended jobs are never
//     described in bulk (10,000 describes take 83 minutes at 2 requests/s); each visible one once, and the
//     store keeps what it brought.
//
// So a steady round of 10,000 jobs with 50 running costs one list page plus the running jobs that are not
// on it. Every request goes through the connection's TokenBucket (the transport's budget; created with the
// default 2 requests/s when the transport has none), which spaces them and slows down after throttling; a
// failed round is reported and the next one comes after a doubled interval. Each round ends with one batch
// of changed jobs (roundFinished); every change of status or secondary status and the
// SecondaryStatusTransitions of every description go to the store's job history, the table to its
// summary cache, and the watch list lives there too, so a restarted monitor paints the cached table at once
// and reattaches its watches.
class JobMonitor : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        // From the end of one round to the start of the next.
        std::chrono::milliseconds pollInterval { 10000 };
        // The same while the table is not complete (first fill, details missing).
        std::chrono::milliseconds catchUpInterval { 0 };
        // Meanwhile, a running job no list page shows is described again at most this often (the back-to-back
        // rounds of a first fill would otherwise describe it every round).
        std::chrono::milliseconds catchUpDescribeInterval { 60000 };
        // After failed rounds the interval doubles, up to this.
        std::chrono::milliseconds maxBackoff { 300000 };
        int pageSize = 100; // ListTrainingJobs MaxResults
        int maxListPagesPerRound = 10;
        // Describes of active jobs only missing their details (instance type, ...), per round.
        int maxDetailDescribesPerRound = 10;
        // Describes of visible ended jobs missing their details, per round; fewer when the budget refills
        // fewer tokens during the pause before the next round (none while throttled or catching up).
        int maxVisibleDescribesPerRound = 5;
        // Requests the monitor has waiting for the budget at once: leaves room for the user's own.
        int maxConcurrentRequests = 2;
    };

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
    const Settings &settings() const { return m_settings; }
    void setPollInterval(std::chrono::milliseconds interval) { m_settings.pollInterval = interval; }

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
    QList<TrainingJobRecord> jobs() const { return m_known.records(); }
    std::optional<TrainingJobRecord> job(const QString &name) const;
    // Every job down to the oldest has been listed once and every active job described.
    bool isComplete() const;

    // The watch list (persisted per connection). A watched job is described every round until it ends;
    // then watchedJobEnded() fires once. It stays on the list until unwatched.
    void watch(const QString &jobName);
    void unwatch(const QString &jobName);
    bool isWatched(const QString &jobName) const { return m_watched.contains(jobName); }
    QStringList watchedJobs() const { return m_watched; }

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
    struct Segment;

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
    void parkListings();
    void endRound(const AwsError &error = {});
    void finishRound();
    bool isDue(const QString &jobName) const;
    bool isMissing(const AwsError &error) const;
    void noteChanged(const QString &jobName);
    void track(SageMakerCall *call);
    void storeSummaries(const QList<TrainingJobRecord> &records);
    void flushHistory();
    void reportStore(const QString &error);
    void emitBudget();

    SageMakerClient *m_client;
    LocalStore *m_store;
    QString m_connection;
    Clock *m_clock;
    Settings m_settings;
    QPointer<TokenBucket> m_budget;
    std::unique_ptr<RequestRateMeter> m_rateMeter;
    quint64 m_issuedSeen = 0; // the budget's issued() last counted into the rate meter
    std::unique_ptr<JobHistoryRecorder> m_history;

    KnownJobs m_known;
    QStringList m_watched;
    QStringList m_visible;
    QSet<QString> m_missing; // described as not found: not asked again until restart
    QSet<QString> m_endPending; // watched jobs a list page showed ending; the describe brings the reason
    QSet<QString> m_changedOutsideRounds;
    QHash<QString, QDateTime> m_lastDescribed;
    QList<QDateTime> m_resumeBefore; // unfinished listings: continue with CreationTimeBefore
    bool m_listedOnce = false;

    std::unique_ptr<Round> m_round;
    QList<QPointer<SageMakerCall>> m_calls;
    bool m_running = false;
    bool m_refreshRequested = false;
    quint64 m_scheduled = 0; // identifies the pending scheduled round; bumped to cancel it
    int m_roundNumber = 0;
    int m_failedRounds = 0;
};
