#include "core/sagemaker/jobmonitor.h"

#include "core/aws/awstransport.h"
#include "core/aws/clock.h"
#include "core/aws/resolvedconnection.h"
#include "core/sagemaker/jobhistoryrecorder.h"
#include "core/sagemaker/requestratemeter.h"
#include "core/sagemaker/sagemakerclient.h"
#include "core/store/jobsummarycache.h"
#include "core/store/localstore.h"
#include "core/store/watchlist.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// A watched name the service does not know (mistyped, another account).
bool isMissing(const AwsError &error)
{
    return error.code == u"ResourceNotFound"_s
        || (error.code == u"ValidationException"_s
            && error.message.contains(u"not found"_s, Qt::CaseInsensitive));
}

} // namespace

// The requests of the round under way; what they ask for is the planner's choice.
struct JobMonitor::Round
{
    int number = 0;
    QDateTime startedAt;
    QStringList describeQueue;
    // The round's own describes are done; visible ended jobs are described since visibleStartedAt (invalid
    // when none were).
    bool visiblePhase = false;
    QDateTime visibleStartedAt;
    int inFlight = 0;
    int listRequests = 0;
    int describeRequests = 0;
    int visibleDescribes = 0;
    int attempts = 0;
    AwsError error;
};

JobMonitor::JobMonitor(
    SageMakerClient *client, LocalStore *store, QString connection, Clock *clock, QObject *parent)
    : JobMonitor(client, store, std::move(connection), clock, Settings(), parent)
{ }

JobMonitor::JobMonitor(SageMakerClient *client, LocalStore *store, QString connection, Clock *clock,
    Settings settings, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_connection(std::move(connection))
    , m_clock(clock)
    , m_planner(settings)
    , m_rateMeter(std::make_unique<RequestRateMeter>(clock))
    , m_history(std::make_unique<JobHistoryRecorder>(store, m_connection))
{
    // Every request of the connection shares one budget; a transport without one gets the default here.
    AwsTransport *transport = m_client->transport();
    m_budget = transport->budget();
    if (!m_budget) {
        m_budget = new TokenBucket(TokenBucket::Settings(), clock, transport);
        transport->setBudget(m_budget);
    }
    connect(m_budget, &TokenBucket::rateChanged, this, [this] { emitBudget(); });
    connect(m_budget, &TokenBucket::throttledChanged, this, [this](bool throttled) {
        emit throttledChanged(throttled);
        emitBudget();
    });
    connect(m_budget, &TokenBucket::usageChanged, this, [this] {
        const quint64 issued = m_budget->issued();
        if (issued > m_issuedSeen)
            m_rateMeter->record(int(issued - m_issuedSeen));
        m_issuedSeen = issued;
        emitBudget();
    });
    m_issuedSeen = m_budget->issued();
}

JobMonitor::~JobMonitor()
{
    stop();
}

QString JobMonitor::connectionKey(const ResolvedConnection &connection)
{
    return connection.profile + u'|' + connection.region + u'|'
        + connection.endpoint.toString(QUrl::StripTrailingSlash);
}

std::optional<TrainingJobRecord> JobMonitor::job(const QString &name) const
{
    const TrainingJobRecord *record = m_planner.known().find(name);
    return record ? std::optional<TrainingJobRecord>(*record) : std::nullopt;
}

void JobMonitor::start()
{
    if (m_running)
        return;
    m_running = true;
    m_planner.forgetMissing();
    if (m_store) {
        auto watched = WatchList(*m_store).watched(m_connection);
        if (!watched)
            reportStore(watched.error());
        QStringList names;
        for (const WatchedJob &job : watched.valueOr({}))
            names.append(job.jobName);
        m_planner.setWatched(names);
        emit watchListChanged(names);

        auto cached = JobSummaryCache(*m_store).summaries(m_connection);
        if (!cached)
            reportStore(cached.error());
        QList<TrainingJobRecord> records;
        records.reserve(cached->size());
        for (const JobSummaryRecord &summary : cached.valueOr({}))
            records.append(TrainingJobRecord::fromCache(summary));
        m_planner.loadCache(records);
        if (!records.isEmpty()) {
            JobMonitorRound round;
            round.number = 0;
            round.fromCache = true;
            round.changed = records;
            round.knownJobs = int(m_planner.known().size());
            round.activeJobs = int(m_planner.known().activeCount());
            round.startedAt = round.finishedAt = m_clock->now();
            emit roundFinished(round);
        }
    }
    scheduleRound(std::chrono::milliseconds(0));
}

void JobMonitor::stop()
{
    m_running = false;
    ++m_scheduled;
    const auto calls = std::exchange(m_calls, {});
    for (const QPointer<SageMakerCall> &call : calls)
        delete call.data();
    if (m_round)
        m_planner.abandonRound();
    m_round.reset();
    flushHistory();
}

void JobMonitor::refreshNow()
{
    if (!m_running)
        return;
    if (m_round) {
        m_refreshRequested = true;
        return;
    }
    ++m_scheduled;
    beginRound();
}

void JobMonitor::scheduleRound(std::chrono::milliseconds delay)
{
    if (!m_running)
        return;
    const quint64 id = ++m_scheduled;
    m_clock->callAfter(delay, this, [this, id] {
        if (id == m_scheduled && m_running && !m_round)
            beginRound();
    });
}

void JobMonitor::beginRound()
{
    m_round = std::make_unique<Round>();
    m_round->number = ++m_roundNumber;
    m_round->startedAt = m_clock->now();
    m_planner.beginRound();
    emit roundStarted(m_round->number);
    listNextPage();
}

void JobMonitor::listNextPage()
{
    const std::optional<QJsonObject> request = m_planner.nextListRequest();
    if (!request) {
        planDescribes();
        return;
    }
    SageMakerCall *call = m_client->listTrainingJobs(*request);
    track(call);
    connect(call, &SageMakerCall::finished, this, &JobMonitor::onListPage);
}

void JobMonitor::onListPage(const SageMakerResult &result)
{
    if (!m_round)
        return;
    Round &r = *m_round;
    ++r.listRequests;
    r.attempts += result.requests;
    if (!result.isOk()) {
        r.error = result.error;
        finishRound();
        return;
    }
    const QDateTime now = m_clock->now();
    const JobRoundPlanner::PageOutcome page = m_planner.applyListPage(result.json);
    for (const TrainingJobRecord &record : page.statusChanges)
        m_history->observe(record, {}, now);
    storeSummaries(page.changed);
    flushHistory();
    listNextPage();
}

void JobMonitor::planDescribes()
{
    m_round->describeQueue = m_planner.roundDescribes(m_clock->now());
    describeNext();
}

void JobMonitor::describeNext()
{
    Round &r = *m_round;
    while (r.inFlight < settings().maxConcurrentRequests && !r.describeQueue.isEmpty() && r.error.isNull()) {
        const QString name = r.describeQueue.takeFirst();
        ++r.inFlight;
        ++r.describeRequests;
        if (r.visiblePhase)
            ++r.visibleDescribes;
        SageMakerCall *call = m_client->describeTrainingJob(name);
        track(call);
        connect(call, &SageMakerCall::finished, this,
            [this, name](const SageMakerResult &result) { onRoundDescribe(name, result); });
    }
    if (r.inFlight > 0)
        return;
    if (!r.visiblePhase && r.error.isNull()) {
        r.visiblePhase = true;
        if (planVisibleDescribes()) {
            r.visibleStartedAt = m_clock->now();
            describeNext();
            return;
        }
    }
    finishRound();
}

bool JobMonitor::planVisibleDescribes()
{
    if (m_visible.isEmpty() || !m_budget || m_budget->isThrottled())
        return false;
    // Only what the budget refills while the monitor would wait for the next round; that wait is shortened
    // by the time these take, so the rounds' own work keeps its pace. None when the next round follows at
    // once (the table catching up, a refresh asked for).
    const double pauseSeconds = double(pauseAfter(m_planner.isComplete()).count()) / 1000.0;
    const int spare = std::min(settings().maxVisibleDescribesPerRound, int(m_budget->rate() * pauseSeconds));
    m_round->describeQueue = m_planner.visibleDescribes(m_visible, spare);
    return !m_round->describeQueue.isEmpty();
}

std::chrono::milliseconds JobMonitor::pauseAfter(bool complete) const
{
    return m_refreshRequested || !complete ? settings().catchUpInterval : settings().pollInterval;
}

void JobMonitor::onRoundDescribe(const QString &jobName, const SageMakerResult &result)
{
    if (!m_round)
        return;
    Round &r = *m_round;
    --r.inFlight;
    r.attempts += result.requests;
    if (result.isOk()) {
        applyDescription(jobName, result.json);
    } else if (isMissing(result.error)) {
        // Said once, not asked again.
        m_planner.markMissing(jobName);
        AwsError error = result.error;
        error.message = tr("%1: %2").arg(jobName, error.message);
        emit errorOccurred(error);
    } else if (r.error.isNull()) {
        // Throttled or failing after the transport's retries: the rest of the round waits for the next.
        r.error = result.error;
        r.describeQueue.clear();
    }
    describeNext();
}

void JobMonitor::applyDescription(const QString &jobName, const QJsonObject &description)
{
    const QDateTime now = m_clock->now();
    const JobRoundPlanner::DescriptionOutcome outcome = m_planner.applyDescription(jobName, description, now);
    const QList<StatusTransition> transitions = TrainingJobRecord::transitions(description);
    if (outcome.statusChanged)
        m_history->observe(outcome.record, transitions, now);
    if (auto stored = m_history->storeTransitions(jobName, transitions); !stored)
        reportStore(stored.error());
    if (!m_planner.isRoundOpen()) {
        flushHistory();
        storeSummaries({ outcome.record });
    }
    emit jobDescribed(jobName, description);
    if (outcome.ended && m_planner.isWatched(jobName))
        emit watchedJobEnded(jobName, outcome.record.status, outcome.record.failureReason);
}

void JobMonitor::finishRound()
{
    const std::unique_ptr<Round> finished = std::move(m_round);
    const Round &r = *finished;
    JobRoundPlanner::Batch batch = m_planner.finishRound();
    flushHistory();
    storeSummaries(batch.described);

    JobMonitorRound round;
    round.number = r.number;
    round.changed = std::move(batch.changed);
    round.listRequests = r.listRequests;
    round.describeRequests = r.describeRequests;
    round.visibleDescribes = r.visibleDescribes;
    round.attempts = r.attempts;
    round.knownJobs = int(m_planner.known().size());
    round.activeJobs = int(m_planner.known().activeCount());
    round.complete = m_planner.isComplete();
    round.startedAt = r.startedAt;
    round.finishedAt = m_clock->now();
    round.error = r.error;

    std::chrono::milliseconds delay = settings().pollInterval;
    if (!r.error.isNull()) {
        ++m_failedRounds;
        const qint64 factor = qint64(1) << std::min(m_failedRounds, 16);
        delay = std::min(
            settings().maxBackoff, std::chrono::milliseconds(settings().pollInterval.count() * factor));
        emit errorOccurred(r.error);
    } else {
        m_failedRounds = 0;
        delay = pauseAfter(round.complete);
        if (r.visibleStartedAt.isValid())
            delay = std::max(std::chrono::milliseconds(0),
                delay - std::chrono::milliseconds(r.visibleStartedAt.msecsTo(round.finishedAt)));
    }
    m_refreshRequested = false;
    emit roundFinished(round);
    scheduleRound(delay);
}

void JobMonitor::watch(const QString &jobName)
{
    if (!m_planner.watch(jobName))
        return;
    if (m_store) {
        if (auto added = WatchList(*m_store).watch(m_connection, jobName); !added)
            reportStore(added.error());
    }
    emit watchListChanged(m_planner.watched());
}

void JobMonitor::unwatch(const QString &jobName)
{
    if (!m_planner.unwatch(jobName))
        return;
    if (m_store) {
        if (auto removed = WatchList(*m_store).unwatch(m_connection, jobName); !removed)
            reportStore(removed.error());
    }
    emit watchListChanged(m_planner.watched());
}

void JobMonitor::describeJob(const QString &jobName)
{
    SageMakerCall *call = m_client->describeTrainingJob(jobName);
    track(call);
    connect(call, &SageMakerCall::finished, this, [this, jobName](const SageMakerResult &result) {
        if (result.isOk())
            applyDescription(jobName, result.json);
        else
            emit errorOccurred(result.error);
    });
}

void JobMonitor::stopJob(const QString &jobName)
{
    SageMakerCall *call = m_client->stopTrainingJob(jobName);
    track(call);
    connect(call, &SageMakerCall::finished, this, [this, jobName](const SageMakerResult &result) {
        emit stopFinished(jobName, result.error);
        if (result.isOk())
            describeJob(jobName);
    });
}

void JobMonitor::track(SageMakerCall *call)
{
    m_calls.removeIf([](const QPointer<SageMakerCall> &c) { return c.isNull(); });
    m_calls.append(call);
}

void JobMonitor::storeSummaries(const QList<TrainingJobRecord> &records)
{
    if (!m_store || records.isEmpty())
        return;
    QList<JobSummaryRecord> rows;
    rows.reserve(records.size());
    for (const TrainingJobRecord &record : records)
        rows.append(record.toCache());
    if (auto stored = JobSummaryCache(*m_store).upsert(m_connection, rows); !stored)
        reportStore(stored.error());
}

void JobMonitor::flushHistory()
{
    if (auto written = m_history->flush(); !written)
        reportStore(written.error());
}

void JobMonitor::reportStore(const QString &error)
{
    emit storeErrorOccurred(error);
}

RequestBudgetState JobMonitor::budgetState() const
{
    RequestBudgetState state;
    if (!m_budget)
        return state;
    state.configuredRate = m_budget->configuredRate();
    state.rate = m_budget->rate();
    state.throttled = m_budget->isThrottled();
    state.waiting = m_budget->waiting();
    if (AwsTransport *transport = m_client->transport())
        state.inFlight = transport->inFlight();
    state.usedRate = m_rateMeter->perSecond();
    return state;
}

void JobMonitor::setRequestRate(double requestsPerSecond)
{
    if (m_budget)
        m_budget->setConfiguredRate(requestsPerSecond);
}

void JobMonitor::emitBudget()
{
    emit budgetChanged(budgetState());
}
