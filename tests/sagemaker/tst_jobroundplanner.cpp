#include "core/sagemaker/jobroundplanner.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

// The JobMonitor's round decisions, played with hand-made pages and no network: which list pages a round
// asks for (newest first until a known job, on below to save describes, continued in the next round when
// its pages run out) and which jobs it describes (running jobs no page showed, watched ones, not the ones
// the service does not know).
class TestJobRoundPlanner : public QObject
{
    Q_OBJECT

private slots:
    void firstFillListsUntilTheLastPage();
    void listingGoesOnInTheNextRoundWhenPagesRunOut();
    void listingStopsAtAKnownJob();
    void listingGoesOnWhenThatSavesDescribes();
    void describesRunningAndWatchedJobsNoPageShowed();
    void watchedJobSeenEndingIsReportedByItsDescription();
};

namespace {

const QDateTime T(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

double epoch(const QDateTime &time)
{
    return double(time.toMSecsSinceEpoch()) / 1000.0;
}

// A ListTrainingJobs entry of a job created minutesAgo before T.
QJsonObject summary(const QString &name, const QString &status, int minutesAgo)
{
    const QDateTime created = T.addSecs(-60 * minutesAgo);
    return { { u"TrainingJobName"_s, name }, { u"TrainingJobStatus"_s, status },
        { u"SecondaryStatus"_s, status == u"InProgress"_s ? u"Training"_s : status },
        { u"CreationTime"_s, epoch(created) }, { u"LastModifiedTime"_s, epoch(created) } };
}

QJsonObject page(const QList<QJsonObject> &summaries, const QString &nextToken = {})
{
    QJsonArray entries;
    for (const QJsonObject &entry : summaries)
        entries.append(entry);
    QJsonObject response { { u"TrainingJobSummaries"_s, entries } };
    if (!nextToken.isEmpty())
        response.insert(u"NextToken"_s, nextToken);
    return response;
}

// The records a described job leaves in the store's cache.
QList<TrainingJobRecord> cached(const QList<QJsonObject> &summaries)
{
    QList<TrainingJobRecord> records;
    for (const QJsonObject &entry : summaries) {
        TrainingJobRecord record = TrainingJobRecord::fromSummary(entry);
        record.instanceType = u"ml.m5.xlarge"_s;
        record.instanceCount = 1;
        record.hasDetails = true;
        records.append(record);
    }
    return records;
}

QStringList names(const QList<TrainingJobRecord> &records)
{
    QStringList result;
    for (const TrainingJobRecord &record : records)
        result.append(record.name);
    return result;
}

} // namespace

void TestJobRoundPlanner::firstFillListsUntilTheLastPage()
{
    JobRoundPlanner planner(JobMonitorSettings { .pageSize = 2 });
    planner.beginRound();
    const std::optional<QJsonObject> first = planner.nextListRequest();
    QVERIFY(first);
    QCOMPARE(*first,
        (QJsonObject { { u"SortBy"_s, u"CreationTime"_s }, { u"SortOrder"_s, u"Descending"_s },
            { u"MaxResults"_s, 2 } }));
    const auto outcome = planner.applyListPage(
        page({ summary(u"b"_s, u"Completed"_s, 1), summary(u"a"_s, u"Completed"_s, 2) }, u"t1"_s));
    QCOMPARE(names(outcome.changed), (QStringList { u"b"_s, u"a"_s }));
    // Long-ended jobs seen for the first time are no history event.
    QVERIFY(outcome.statusChanges.isEmpty());
    const std::optional<QJsonObject> second = planner.nextListRequest();
    QVERIFY(second);
    QCOMPARE(second->value(u"NextToken"_s).toString(), u"t1"_s);
    planner.applyListPage(page({ summary(u"z"_s, u"InProgress"_s, 3) }));
    QVERIFY(!planner.nextListRequest());
    QCOMPARE(planner.roundDescribes(T), QStringList { u"z"_s }); // running, no details yet
    const JobRoundPlanner::Batch batch = planner.finishRound();
    QCOMPARE(names(batch.changed), (QStringList { u"b"_s, u"a"_s, u"z"_s }));
    QVERIFY(!planner.isRoundOpen());
    QVERIFY(!planner.isComplete()); // z has not been described
}

void TestJobRoundPlanner::listingGoesOnInTheNextRoundWhenPagesRunOut()
{
    JobRoundPlanner planner(JobMonitorSettings { .pageSize = 1, .maxListPagesPerRound = 2 });
    planner.beginRound();
    QVERIFY(planner.nextListRequest());
    planner.applyListPage(page({ summary(u"c"_s, u"Completed"_s, 1) }, u"t1"_s));
    QVERIFY(planner.nextListRequest());
    planner.applyListPage(page({ summary(u"b"_s, u"Completed"_s, 2) }, u"t2"_s));
    QVERIFY(!planner.nextListRequest()); // out of pages
    planner.finishRound();
    QVERIFY(!planner.isComplete());

    planner.beginRound();
    QVERIFY(!planner.nextListRequest()->contains(u"CreationTimeBefore"_s)); // newest first, as always
    planner.applyListPage(page({ summary(u"c"_s, u"Completed"_s, 1) }, u"t3"_s));
    const std::optional<QJsonObject> below = planner.nextListRequest();
    QVERIFY(below);
    QCOMPARE(below->value(u"CreationTimeBefore"_s).toDouble(), epoch(T.addSecs(-120).addMSecs(1)));
    QVERIFY(!below->contains(u"NextToken"_s));
    planner.applyListPage(page({ summary(u"a"_s, u"Completed"_s, 3) }));
    QVERIFY(!planner.nextListRequest());
    planner.finishRound();
    QVERIFY(planner.isComplete());
    QCOMPARE(names(planner.known().records()), (QStringList { u"c"_s, u"b"_s, u"a"_s }));
}

void TestJobRoundPlanner::listingStopsAtAKnownJob()
{
    JobRoundPlanner planner(JobMonitorSettings { .pageSize = 2 });
    planner.loadCache(cached({ summary(u"b"_s, u"Completed"_s, 2), summary(u"a"_s, u"Completed"_s, 3) }));
    planner.beginRound();
    QVERIFY(planner.nextListRequest());
    const auto outcome = planner.applyListPage(
        page({ summary(u"new"_s, u"InProgress"_s, 1), summary(u"b"_s, u"Completed"_s, 2) }, u"t1"_s));
    QCOMPARE(names(outcome.changed), QStringList { u"new"_s });
    QCOMPARE(names(outcome.statusChanges), QStringList { u"new"_s });
    // The cache is checked one page below its oldest job, then nothing is left to list.
    const std::optional<QJsonObject> below = planner.nextListRequest();
    QVERIFY(below);
    QVERIFY(below->contains(u"CreationTimeBefore"_s));
    planner.applyListPage(page({}));
    QVERIFY(!planner.nextListRequest());
}

void TestJobRoundPlanner::listingGoesOnWhenThatSavesDescribes()
{
    JobRoundPlanner planner(JobMonitorSettings { .pageSize = 2 });
    planner.loadCache(cached({ summary(u"c"_s, u"Completed"_s, 1), summary(u"b"_s, u"InProgress"_s, 2),
        summary(u"a"_s, u"InProgress"_s, 3) }));
    planner.beginRound();
    QVERIFY(planner.nextListRequest());
    planner.applyListPage(page({ summary(u"c"_s, u"Completed"_s, 1) }, u"t1"_s));
    // c was known, but the next page shows two running jobs: one list request instead of two describes.
    const std::optional<QJsonObject> next = planner.nextListRequest();
    QVERIFY(next);
    QCOMPARE(next->value(u"NextToken"_s).toString(), u"t1"_s);
    planner.applyListPage(
        page({ summary(u"b"_s, u"InProgress"_s, 2), summary(u"a"_s, u"InProgress"_s, 3) }, u"t2"_s));
    const std::optional<QJsonObject> below = planner.nextListRequest();
    QVERIFY(below);
    QVERIFY(below->contains(u"CreationTimeBefore"_s));
    planner.applyListPage(page({}));
    QVERIFY(!planner.nextListRequest());
    QCOMPARE(planner.roundDescribes(T), QStringList());
}

void TestJobRoundPlanner::describesRunningAndWatchedJobsNoPageShowed()
{
    JobRoundPlanner planner;
    planner.loadCache(cached({ summary(u"recent"_s, u"Completed"_s, 1),
        summary(u"old"_s, u"InProgress"_s, 600), summary(u"ended"_s, u"Failed"_s, 700) }));
    planner.setWatched({ u"elsewhere"_s, u"mistyped"_s });
    planner.markMissing(u"mistyped"_s);
    planner.beginRound();
    QVERIFY(planner.nextListRequest());
    planner.applyListPage(page({ summary(u"recent"_s, u"Completed"_s, 1) }, u"t1"_s));
    QVERIFY(planner.nextListRequest());
    planner.applyListPage(page({}));
    QVERIFY(!planner.nextListRequest());
    QCOMPARE(planner.roundDescribes(T), (QStringList { u"elsewhere"_s, u"old"_s }));

    // Described now: while the table catches up (its first fill), not again within a minute.
    QVERIFY(!planner.applyDescription(u"old"_s, summary(u"old"_s, u"InProgress"_s, 600), T).statusChanged);
    QCOMPARE(planner.roundDescribes(T.addSecs(59)), QStringList { u"elsewhere"_s });
    QCOMPARE(planner.roundDescribes(T.addSecs(60)), (QStringList { u"elsewhere"_s, u"old"_s }));
    QCOMPARE(names(planner.finishRound().described), QStringList { u"old"_s });
}

void TestJobRoundPlanner::watchedJobSeenEndingIsReportedByItsDescription()
{
    JobRoundPlanner planner;
    planner.loadCache(cached({ summary(u"job"_s, u"InProgress"_s, 5) }));
    QVERIFY(planner.watch(u"job"_s));
    QVERIFY(!planner.watch(u"job"_s));
    planner.beginRound();
    QVERIFY(planner.nextListRequest());
    const auto outcome = planner.applyListPage(page({ summary(u"job"_s, u"Failed"_s, 5) }));
    QCOMPARE(names(outcome.statusChanges), QStringList { u"job"_s });
    QVERIFY(planner.nextListRequest()); // below the cache's oldest job
    planner.applyListPage(page({}));
    QVERIFY(!planner.nextListRequest());
    QCOMPARE(planner.roundDescribes(T), QStringList { u"job"_s }); // for the failure reason
    QJsonObject description = summary(u"job"_s, u"Failed"_s, 5);
    description.insert(u"FailureReason"_s, u"AlgorithmError: boom"_s);
    const JobRoundPlanner::DescriptionOutcome described = planner.applyDescription(u"job"_s, description, T);
    QVERIFY(described.ended);
    QCOMPARE(described.record.failureReason, u"AlgorithmError: boom"_s);
    // Once: a second description of the ended job is no new ending.
    QVERIFY(!planner.applyDescription(u"job"_s, description, T).ended);
    planner.finishRound();
}

QTEST_GUILESS_MAIN(TestJobRoundPlanner)
#include "tst_jobroundplanner.moc"
