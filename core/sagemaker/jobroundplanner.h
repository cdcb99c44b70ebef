#pragma once

#include "core/sagemaker/jobmonitorsettings.h"
#include "core/sagemaker/knownjobs.h"
#include "core/sagemaker/trainingjobrecord.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QStringList>
#include <optional>

// What a JobMonitor knows of one connection's training jobs, and what each of its rounds asks the service
// for. Pure logic: it sends nothing, stores nothing and reads no clock (the time comes in as an argument),
// so a test can play a round with hand-made pages. A round:
//
//  1. lists training jobs newest first (SortBy CreationTime, Descending), page after page, until a page
//     ends with a job it already knew (new jobs are always newer than known ones), or one more page would
//     show at least two active jobs that would otherwise need a describe;
//  2. continues an unfinished listing (the first fill of a large account, a listing cut short) with
//     CreationTimeBefore, at most maxListPagesPerRound pages per round in all, so each round stays short;
//  3. describes the jobs that changed on those pages, the active (InProgress, Stopping) and watched jobs
//     the pages did not show (an old job changing status is not on the first page), and a few active jobs
//     it has no details for yet;
//  4. last and only with budget to spare, describes a few ended jobs the dashboard shows that only a list
//     page has shown: no instance type, count or billable time yet. Ended jobs are never described in bulk
//     (10,000 describes take 83 minutes at 2 requests/s); each visible one once, and the store keeps what
//     it brought.
//
// So a steady round of 10,000 jobs with 50 running costs one list page plus the running jobs that are not
// on it.
class JobRoundPlanner
{
public:
    // What a list page brought.
    struct PageOutcome
    {
        QList<TrainingJobRecord> changed; // new or changed: for the summary cache
        // A new status or secondary status, or the first sight of a job that can still change: for the job
        // history (the first sight of one of the thousands of long-ended jobs of an account is no event).
        QList<TrainingJobRecord> statusChanges;
    };
    // What a description changed.
    struct DescriptionOutcome
    {
        TrainingJobRecord record; // as known now
        bool statusChanged = false; // status or secondary status new: for the job history
        // Seen to end now (it was active, first seen ended, or a list page showed it ending): what a watch
        // waits for.
        bool ended = false;
    };
    // What a round ends with.
    struct Batch
    {
        QList<TrainingJobRecord> changed; // new or changed since the previous batch, newest first
        QList<TrainingJobRecord> described; // described in the round: for the summary cache
    };

    // Clamps pageSize to 1..100, and maxListPagesPerRound and maxConcurrentRequests to at least 1.
    explicit JobRoundPlanner(JobMonitorSettings settings = {});

    const JobMonitorSettings &settings() const { return m_settings; }
    void setPollInterval(std::chrono::milliseconds interval) { m_settings.pollInterval = interval; }

    const KnownJobs &known() const { return m_known; }
    // Every job down to the oldest has been listed once and every active job described.
    bool isComplete() const;
    // Replaces the table with the store's cached one. The cache may end before the oldest job (a first fill
    // cut short): the next round lists one page below it to check.
    void loadCache(const QList<TrainingJobRecord> &records);
    // Described as not found (mistyped, another account): not asked again until watched again or
    // forgetMissing() (a restart).
    void markMissing(const QString &jobName) { m_missing.insert(jobName); }
    void forgetMissing() { m_missing.clear(); }

    // The watch list: a watched job is described every round until it ends.
    QStringList watched() const { return m_watched; }
    bool isWatched(const QString &jobName) const { return m_watched.contains(jobName); }
    void setWatched(const QStringList &jobNames) { m_watched = jobNames; }
    // False when jobName is empty or already watched.
    bool watch(const QString &jobName);
    // False when jobName was not watched.
    bool unwatch(const QString &jobName);

    void beginRound();
    bool isRoundOpen() const { return m_round.has_value(); }
    // The round's next ListTrainingJobs request; none once its listing is done, or its pages are used up
    // (the next rounds go on where it stopped).
    std::optional<QJsonObject> nextListRequest();
    // Takes the answer to the last nextListRequest().
    PageOutcome applyListPage(const QJsonObject &response);
    // Once the listing is done: the jobs the round describes, in order.
    QStringList roundDescribes(const QDateTime &now) const;
    // Of visible (the dashboard's rows, top first), at most count ended jobs only a list page has shown.
    QStringList visibleDescribes(const QStringList &visible, int count) const;
    // Takes a description, in a round or outside one (its change then goes into the next round's batch).
    DescriptionOutcome applyDescription(
        const QString &jobName, const QJsonObject &description, const QDateTime &now);
    // Closes the round; a listing it did not finish goes on in the next (after a failed request, say).
    Batch finishRound();
    // Closes the round without a batch (the monitor stopped); unfinished listings are kept for the next.
    void abandonRound();

private:
    // One listing: from the newest job (before invalid) or continuing below a creation time.
    struct Segment
    {
        QDateTime before;
        QString nextToken;
        QDateTime lastListed; // creation time of the oldest job this segment has listed
        bool optional = false; // continued only to save describes: dropped, not resumed, when pages run out
    };
    struct Round
    {
        bool catchingUp = false; // the table was not complete when the round began
        QList<Segment> segments; // the first is being listed
        int pagesLeft = 0;
        QSet<QString> covered; // listed in this round
        QSet<QString> newThisRound;
        QSet<QString> fresh; // known jobs a page showed changed: described this round
        QSet<QString> toCache; // described: their details go to the summary cache at the end
    };

    bool isDue(const QString &jobName, const QDateTime &now) const;
    void parkListings();

    JobMonitorSettings m_settings;
    KnownJobs m_known;
    QStringList m_watched;
    QSet<QString> m_missing;
    QSet<QString> m_endPending; // watched jobs a list page showed ending; the describe brings the reason
    QSet<QString> m_changed; // since the last batch
    QHash<QString, QDateTime> m_lastDescribed;
    QList<QDateTime> m_resumeBefore; // unfinished listings: continue with CreationTimeBefore
    bool m_listedOnce = false;
    std::optional<Round> m_round;
};
