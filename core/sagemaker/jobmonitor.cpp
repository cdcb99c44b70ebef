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

#include <QJsonArray>
#include <algorithm>

using namespace Qt::StringLiterals;

// One listing: from the newest job (before invalid) or continuing below a creation time.
struct JobMonitor::Segment
{
    QDateTime before;
    QString nextToken;
    QDateTime lastListed; // creation time of the oldest job this segment has listed
    bool optional = false; // continued only to save describes: dropped, not resumed, when pages run out
};

struct JobMonitor::Round
{
    int number = 0;
    QDateTime startedAt;
    bool catchingUp = false; // the table was not complete when the round began
    QList<Segment> segments; // the first is being listed
    int pagesLeft = 0;
    QSet<QString> covered; // listed in this round
    QSet<QString> newThisRound;
    QSet<QString> fresh; // known jobs a page showed changed: described this round
    QSet<QString> changed; // for the batch
    QSet<QString> toCache; // described: their details go to the summary cache at the end
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
    , m_settings(settings)
    , m_rateMeter(std::make_unique<RequestRateMeter>(clock))
    , m_history(std::make_unique<JobHistoryRecorder>(store, m_connection))
{
    m_settings.pageSize = std::clamp(m_settings.pageSize, 1, 100);
    m_settings.maxListPagesPerRound = std::max(1, m_settings.maxListPagesPerRound);
    m_settings.maxConcurrentRequests = std::max(1, m_settings.maxConcurrentRequests);

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
    const TrainingJobRecord *record = m_known.find(name);
    return record ? std::optional<TrainingJobRecord>(*record) : std::nullopt;
}

bool JobMonitor::isComplete() const
{
    if (!m_listedOnce || !m_resumeBefore.isEmpty())
        return false;
    const QStringList active = m_known.activeJobs();
    return std::all_of(active.cbegin(), active.cend(),
        [this](const QString &name) { return m_known.find(name)->hasDetails || m_missing.contains(name); });
}

void JobMonitor::start()
{
    if (m_running)
        return;
    m_running = true;
    m_missing.clear();
    if (m_store) {
        auto watched = WatchList(*m_store).watched(m_connection);
        if (!watched)
            reportStore(watched.error());
        m_watched.clear();
        for (const WatchedJob &job : watched.valueOr({}))
            m_watched.append(job.jobName);
        emit watchListChanged(m_watched);

        auto cached = JobSummaryCache(*m_store).summaries(m_connection);
        if (!cached)
            reportStore(cached.error());
        QList<TrainingJobRecord> records;
        records.reserve(cached->size());
        for (const JobSummaryRecord &summary : cached.valueOr({}))
            records.append(TrainingJobRecord::fromCache(summary));
        m_known.load(records);
        m_listedOnce = false;
        m_resumeBefore.clear();
        if (!records.isEmpty()) {
            // The cache may end before the oldest job (a first fill cut short): one page below it checks.
            m_resumeBefore.append(m_known.oldestCreationTime().addMSecs(1));
            JobMonitorRound round;
            round.number = 0;
            round.fromCache = true;
            round.changed = records;
            round.knownJobs = int(m_known.size());
            round.activeJobs = int(m_known.activeCount());
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
        parkListings();
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
    Round &r = *m_round;
    r.number = ++m_roundNumber;
    r.startedAt = m_clock->now();
    r.pagesLeft = m_settings.maxListPagesPerRound;
    r.catchingUp = !isComplete();
    r.segments.append(Segment());
    for (const QDateTime &before : std::exchange(m_resumeBefore, {}))
        r.segments.append(Segment { before, {}, {}, false });
    r.changed = std::exchange(m_changedOutsideRounds, {});
    emit roundStarted(r.number);
    listNextPage();
}

void JobMonitor::listNextPage()
{
    Round &r = *m_round;
    if (r.pagesLeft <= 0)
        parkListings(); // out of pages for this round: what is left is listed in the next ones
    if (r.segments.isEmpty()) {
        planDescribes();
        return;
    }
    const Segment &s = r.segments.constFirst();
    QJsonObject request { { u"SortBy"_s, u"CreationTime"_s }, { u"SortOrder"_s, u"Descending"_s },
        { u"MaxResults"_s, m_settings.pageSize } };
    if (s.before.isValid())
        request.insert(u"CreationTimeBefore"_s, double(s.before.toMSecsSinceEpoch()) / 1000.0);
    if (!s.nextToken.isEmpty())
        request.insert(u"NextToken"_s, s.nextToken);
    --r.pagesLeft;
    SageMakerCall *call = m_client->listTrainingJobs(request);
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
        endRound(result.error);
        return;
    }
    Segment &s = r.segments.first();
    const QDateTime now = m_clock->now();
    const QJsonArray page = result.json.value(u"TrainingJobSummaries"_s).toArray();
    QList<TrainingJobRecord> toCache;
    std::optional<TrainingJobRecord> last;
    bool lastKnownBefore = false;
    for (const QJsonValue &entry : page) {
        const TrainingJobRecord summary = TrainingJobRecord::fromSummary(entry.toObject());
        if (summary.name.isEmpty())
            continue;
        const TrainingJobRecord *known = m_known.find(summary.name);
        const bool knownBefore = known && !r.newThisRound.contains(summary.name);
        const bool wasActive = known && known->isActive();
        const QString oldStatus = known ? known->status : QString();
        const QString oldSecondary = known ? known->secondaryStatus : QString();

        const KnownJobs::Change change = m_known.applySummary(summary);
        const TrainingJobRecord &record = *m_known.find(summary.name);
        r.covered.insert(record.name);
        if (change == KnownJobs::Change::New)
            r.newThisRound.insert(record.name);
        if (change == KnownJobs::Change::Changed)
            r.fresh.insert(record.name);
        if (change != KnownJobs::Change::None) {
            r.changed.insert(record.name);
            toCache.append(record);
        }
        // A change, or the first sight of a job that can still change: the first sight of one of the
        // thousands of long-ended jobs of an account is no event (nor worth a describe).
        if ((change == KnownJobs::Change::New && record.isActive())
            || (known && (oldStatus != record.status || oldSecondary != record.secondaryStatus)))
            m_history->observe(record, {}, now);
        // A watched job seen ending, or first seen ended: the describe brings the failure reason.
        if (record.isEnded() && m_watched.contains(record.name) && (wasActive || !known))
            m_endPending.insert(record.name);
        last = record;
        lastKnownBefore = knownBefore;
    }
    storeSummaries(toCache);
    flushHistory();

    const QString token = result.json.value(u"NextToken"_s).toString();
    if (last)
        s.lastListed = last->creationTime;
    // New jobs are newer than every known one: below a known job there is nothing new to find.
    const bool unknownBelow = !token.isEmpty() && !lastKnownBefore;
    const bool savesDescribes = !token.isEmpty() && last && r.pagesLeft > 0
        && m_known.activeAmongOlder(*last, m_settings.pageSize, r.covered) >= 2;
    if (unknownBelow || savesDescribes) {
        s.nextToken = token;
        s.optional = !unknownBelow;
    } else {
        if (!s.before.isValid())
            m_listedOnce = true;
        r.segments.removeFirst();
    }
    listNextPage();
}

bool JobMonitor::isDue(const QString &jobName) const
{
    const QDateTime last = m_lastDescribed.value(jobName);
    const auto interval
        = m_round && m_round->catchingUp ? m_settings.catchUpDescribeInterval : m_settings.pollInterval;
    return !last.isValid() || last.msecsTo(m_clock->now()) >= interval.count();
}

void JobMonitor::planDescribes()
{
    Round &r = *m_round;
    QSet<QString> queued;
    const auto add = [&](const QString &name) {
        if (!m_missing.contains(name) && !queued.contains(name)) {
            queued.insert(name);
            r.describeQueue.append(name);
        }
    };
    // Changed jobs, watched ones still running and running ones no page showed: only a describe tells.
    const auto needed = [&](const QString &name) {
        const TrainingJobRecord *record = m_known.find(name);
        if (!record || r.fresh.contains(name) || m_endPending.contains(name))
            return true;
        return record->isActive() && !r.covered.contains(name) && isDue(name);
    };
    for (const QString &name : std::as_const(m_watched)) {
        if (needed(name))
            add(name);
    }
    const QStringList active = m_known.activeJobs();
    QList<const TrainingJobRecord *> fresh;
    for (const QString &name : std::as_const(r.fresh))
        fresh.append(m_known.find(name));
    std::sort(fresh.begin(), fresh.end(), [](const TrainingJobRecord *a, const TrainingJobRecord *b) {
        return a->creationTime > b->creationTime;
    });
    for (const TrainingJobRecord *record : std::as_const(fresh))
        add(record->name);
    for (const QString &name : active) {
        if (needed(name))
            add(name);
    }
    int details = 0;
    for (const QString &name : active) {
        if (details >= m_settings.maxDetailDescribesPerRound)
            break;
        if (!m_known.find(name)->hasDetails && !queued.contains(name) && !m_missing.contains(name)) {
            add(name);
            ++details;
        }
    }
    describeNext();
}

void JobMonitor::describeNext()
{
    Round &r = *m_round;
    while (r.inFlight < m_settings.maxConcurrentRequests && !r.describeQueue.isEmpty() && r.error.isNull()) {
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
    Round &r = *m_round;
    if (m_visible.isEmpty() || !m_budget || m_budget->isThrottled())
        return false;
    // Only what the budget refills while the monitor would wait for the next round; that wait is shortened
    // by the time these take, so the rounds' own work keeps its pace. None when the next round follows at
    // once (the table catching up, a refresh asked for).
    const double pauseSeconds = double(pauseAfter(isComplete()).count()) / 1000.0;
    const int spare = std::min(m_settings.maxVisibleDescribesPerRound, int(m_budget->rate() * pauseSeconds));
    r.describeQueue = m_known.endedWithoutDetails(m_visible, spare, m_missing);
    return !r.describeQueue.isEmpty();
}

std::chrono::milliseconds JobMonitor::pauseAfter(bool complete) const
{
    return m_refreshRequested || !complete ? m_settings.catchUpInterval : m_settings.pollInterval;
}

bool JobMonitor::isMissing(const AwsError &error) const
{
    return error.code == u"ResourceNotFound"_s
        || (error.code == u"ValidationException"_s
            && error.message.contains(u"not found"_s, Qt::CaseInsensitive));
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
        // A watched name the service does not know (mistyped, another account): said once, not asked again.
        m_missing.insert(jobName);
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
    TrainingJobRecord described = TrainingJobRecord::fromDescription(description);
    if (described.name.isEmpty())
        described.name = jobName;
    const TrainingJobRecord *known = m_known.find(jobName);
    const std::optional<TrainingJobRecord> before = known ? std::optional(*known) : std::nullopt;
    const QList<StatusTransition> transitions = TrainingJobRecord::transitions(description);
    const QDateTime now = m_clock->now();

    m_known.applyDescription(described);
    const TrainingJobRecord record = *m_known.find(jobName);
    m_lastDescribed.insert(jobName, now);
    if (!before || *before != record)
        noteChanged(jobName);
    if (!before || before->status != record.status || before->secondaryStatus != record.secondaryStatus)
        m_history->observe(record, transitions, now);
    if (auto stored = m_history->storeTransitions(jobName, transitions); !stored)
        reportStore(stored.error());

    const bool endSeenOnList = m_endPending.remove(jobName);
    const bool ended = record.isEnded() && (endSeenOnList || !before || before->isActive());
    if (m_round) {
        m_round->toCache.insert(jobName);
    } else {
        flushHistory();
        storeSummaries({ record });
    }
    emit jobDescribed(jobName, description);
    if (ended && m_watched.contains(jobName))
        emit watchedJobEnded(jobName, record.status, record.failureReason);
}

void JobMonitor::noteChanged(const QString &jobName)
{
    if (m_round)
        m_round->changed.insert(jobName);
    else
        m_changedOutsideRounds.insert(jobName);
}

void JobMonitor::parkListings()
{
    // A listing that has not reached known jobs goes on below the last job it listed; one that only went on
    // to save describes, or the newest-first one before its first page, is simply dropped.
    for (const Segment &s : std::as_const(m_round->segments)) {
        if (!s.optional && (s.before.isValid() || !s.nextToken.isEmpty()))
            m_resumeBefore.append(s.lastListed.isValid() ? s.lastListed.addMSecs(1) : s.before);
    }
    m_round->segments.clear();
}

void JobMonitor::endRound(const AwsError &error)
{
    m_round->error = error;
    parkListings();
    finishRound();
}

void JobMonitor::finishRound()
{
    const std::unique_ptr<Round> finished = std::move(m_round);
    const Round &r = *finished;
    flushHistory();
    QList<TrainingJobRecord> described;
    for (const QString &name : r.toCache) {
        if (const TrainingJobRecord *record = m_known.find(name))
            described.append(*record);
    }
    storeSummaries(described);

    JobMonitorRound round;
    round.number = r.number;
    for (const QString &name : r.changed) {
        if (const TrainingJobRecord *record = m_known.find(name))
            round.changed.append(*record);
    }
    std::sort(round.changed.begin(), round.changed.end(),
        [](const TrainingJobRecord &a, const TrainingJobRecord &b) {
            return a.creationTime != b.creationTime ? a.creationTime > b.creationTime : a.name > b.name;
        });
    round.listRequests = r.listRequests;
    round.describeRequests = r.describeRequests;
    round.visibleDescribes = r.visibleDescribes;
    round.attempts = r.attempts;
    round.knownJobs = int(m_known.size());
    round.activeJobs = int(m_known.activeCount());
    round.complete = isComplete();
    round.startedAt = r.startedAt;
    round.finishedAt = m_clock->now();
    round.error = r.error;

    std::chrono::milliseconds delay = m_settings.pollInterval;
    if (!r.error.isNull()) {
        ++m_failedRounds;
        const qint64 factor = qint64(1) << std::min(m_failedRounds, 16);
        delay = std::min(
            m_settings.maxBackoff, std::chrono::milliseconds(m_settings.pollInterval.count() * factor));
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
    if (jobName.isEmpty() || m_watched.contains(jobName))
        return;
    if (m_store) {
        if (auto added = WatchList(*m_store).watch(m_connection, jobName); !added)
            reportStore(added.error());
    }
    m_watched.append(jobName);
    m_missing.remove(jobName);
    emit watchListChanged(m_watched);
}

void JobMonitor::unwatch(const QString &jobName)
{
    if (!m_watched.contains(jobName))
        return;
    if (m_store) {
        if (auto removed = WatchList(*m_store).unwatch(m_connection, jobName); !removed)
            reportStore(removed.error());
    }
    m_watched.removeAll(jobName);
    m_endPending.remove(jobName);
    emit watchListChanged(m_watched);
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
