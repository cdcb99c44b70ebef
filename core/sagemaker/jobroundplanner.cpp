#include "core/sagemaker/jobroundplanner.h"

#include <QJsonArray>
#include <algorithm>

using namespace Qt::StringLiterals;

JobRoundPlanner::JobRoundPlanner(JobMonitorSettings settings)
    : m_settings(settings)
{
    m_settings.pageSize = std::clamp(m_settings.pageSize, 1, 100);
    m_settings.maxListPagesPerRound = std::max(1, m_settings.maxListPagesPerRound);
    m_settings.maxConcurrentRequests = std::max(1, m_settings.maxConcurrentRequests);
}

bool JobRoundPlanner::isComplete() const
{
    if (!m_listedOnce || !m_resumeBefore.isEmpty())
        return false;
    const QStringList active = m_known.activeJobs();
    return std::all_of(active.cbegin(), active.cend(),
        [this](const QString &name) { return m_known.find(name)->hasDetails || m_missing.contains(name); });
}

void JobRoundPlanner::loadCache(const QList<TrainingJobRecord> &records)
{
    m_known.load(records);
    m_listedOnce = false;
    m_resumeBefore.clear();
    if (!records.isEmpty())
        m_resumeBefore.append(m_known.oldestCreationTime().addMSecs(1));
}

bool JobRoundPlanner::watch(const QString &jobName)
{
    if (jobName.isEmpty() || m_watched.contains(jobName))
        return false;
    m_watched.append(jobName);
    m_missing.remove(jobName);
    return true;
}

bool JobRoundPlanner::unwatch(const QString &jobName)
{
    if (!m_watched.contains(jobName))
        return false;
    m_watched.removeAll(jobName);
    m_endPending.remove(jobName);
    return true;
}

void JobRoundPlanner::beginRound()
{
    Round &r = m_round.emplace();
    r.pagesLeft = m_settings.maxListPagesPerRound;
    r.catchingUp = !isComplete();
    r.segments.append(Segment());
    for (const QDateTime &before : std::exchange(m_resumeBefore, {}))
        r.segments.append(Segment { before, {}, {}, false });
}

std::optional<QJsonObject> JobRoundPlanner::nextListRequest()
{
    Q_ASSERT(m_round);
    Round &r = *m_round;
    if (r.pagesLeft <= 0)
        parkListings(); // out of pages for this round: what is left is listed in the next ones
    if (r.segments.isEmpty())
        return std::nullopt;
    const Segment &s = r.segments.constFirst();
    QJsonObject request { { u"SortBy"_s, u"CreationTime"_s }, { u"SortOrder"_s, u"Descending"_s },
        { u"MaxResults"_s, m_settings.pageSize } };
    if (s.before.isValid())
        request.insert(u"CreationTimeBefore"_s, double(s.before.toMSecsSinceEpoch()) / 1000.0);
    if (!s.nextToken.isEmpty())
        request.insert(u"NextToken"_s, s.nextToken);
    --r.pagesLeft;
    return request;
}

JobRoundPlanner::PageOutcome JobRoundPlanner::applyListPage(const QJsonObject &response)
{
    Q_ASSERT(m_round && !m_round->segments.isEmpty());
    Round &r = *m_round;
    Segment &s = r.segments.first();
    PageOutcome outcome;
    std::optional<TrainingJobRecord> last;
    bool lastKnownBefore = false;
    const QJsonArray page = response.value(u"TrainingJobSummaries"_s).toArray();
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
            m_changed.insert(record.name);
            outcome.changed.append(record);
        }
        if ((change == KnownJobs::Change::New && record.isActive())
            || (known && (oldStatus != record.status || oldSecondary != record.secondaryStatus)))
            outcome.statusChanges.append(record);
        // A watched job seen ending, or first seen ended: the describe brings the failure reason.
        if (record.isEnded() && m_watched.contains(record.name) && (wasActive || !known))
            m_endPending.insert(record.name);
        last = record;
        lastKnownBefore = knownBefore;
    }

    const QString token = response.value(u"NextToken"_s).toString();
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
    return outcome;
}

bool JobRoundPlanner::isDue(const QString &jobName, const QDateTime &now) const
{
    const QDateTime last = m_lastDescribed.value(jobName);
    const auto interval
        = m_round && m_round->catchingUp ? m_settings.catchUpDescribeInterval : m_settings.pollInterval;
    return !last.isValid() || last.msecsTo(now) >= interval.count();
}

QStringList JobRoundPlanner::roundDescribes(const QDateTime &now) const
{
    Q_ASSERT(m_round);
    const Round &r = *m_round;
    QStringList queue;
    QSet<QString> queued;
    const auto add = [&](const QString &name) {
        if (!m_missing.contains(name) && !queued.contains(name)) {
            queued.insert(name);
            queue.append(name);
        }
    };
    // Changed jobs, watched ones still running and running ones no page showed: only a describe tells.
    const auto needed = [&](const QString &name) {
        const TrainingJobRecord *record = m_known.find(name);
        if (!record || r.fresh.contains(name) || m_endPending.contains(name))
            return true;
        return record->isActive() && !r.covered.contains(name) && isDue(name, now);
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
    return queue;
}

QStringList JobRoundPlanner::visibleDescribes(const QStringList &visible, int count) const
{
    return m_known.endedWithoutDetails(visible, count, m_missing);
}

JobRoundPlanner::DescriptionOutcome JobRoundPlanner::applyDescription(
    const QString &jobName, const QJsonObject &description, const QDateTime &now)
{
    TrainingJobRecord described = TrainingJobRecord::fromDescription(description);
    if (described.name.isEmpty())
        described.name = jobName;
    const TrainingJobRecord *known = m_known.find(jobName);
    const std::optional<TrainingJobRecord> before = known ? std::optional(*known) : std::nullopt;

    m_known.applyDescription(described);
    DescriptionOutcome outcome { *m_known.find(jobName), false, false };
    const TrainingJobRecord &record = outcome.record;
    m_lastDescribed.insert(jobName, now);
    if (!before || *before != record)
        m_changed.insert(jobName);
    outcome.statusChanged
        = !before || before->status != record.status || before->secondaryStatus != record.secondaryStatus;
    const bool endSeenOnList = m_endPending.remove(jobName);
    outcome.ended = record.isEnded() && (endSeenOnList || !before || before->isActive());
    if (m_round)
        m_round->toCache.insert(jobName);
    return outcome;
}

void JobRoundPlanner::parkListings()
{
    // A listing that has not reached known jobs goes on below the last job it listed; one that only went on
    // to save describes, or the newest-first one before its first page, is simply dropped.
    for (const Segment &s : std::as_const(m_round->segments)) {
        if (!s.optional && (s.before.isValid() || !s.nextToken.isEmpty()))
            m_resumeBefore.append(s.lastListed.isValid() ? s.lastListed.addMSecs(1) : s.before);
    }
    m_round->segments.clear();
}

JobRoundPlanner::Batch JobRoundPlanner::finishRound()
{
    Q_ASSERT(m_round);
    parkListings();
    const Round r = std::move(*m_round);
    m_round.reset();
    Batch batch;
    for (const QString &name : r.toCache) {
        if (const TrainingJobRecord *record = m_known.find(name))
            batch.described.append(*record);
    }
    for (const QString &name : std::exchange(m_changed, {})) {
        if (const TrainingJobRecord *record = m_known.find(name))
            batch.changed.append(*record);
    }
    std::sort(batch.changed.begin(), batch.changed.end(),
        [](const TrainingJobRecord &a, const TrainingJobRecord &b) {
            return a.creationTime != b.creationTime ? a.creationTime > b.creationTime : a.name > b.name;
        });
    return batch;
}

void JobRoundPlanner::abandonRound()
{
    Q_ASSERT(m_round);
    parkListings();
    m_round.reset();
    m_changed.clear();
}
