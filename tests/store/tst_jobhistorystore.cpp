#include "core/store/jobhistorystore.h"
#include "tests/store/temporarystore.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Connection = u"default|us-east-1|https://api.sagemaker.us-east-1.amazonaws.com"_s;
const QDateTime T0(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);

QStringList describe(const QList<StatusChange> &changes)
{
    QStringList result;
    for (const StatusChange &c : changes)
        result << c.status + u'/' + c.secondaryStatus;
    return result;
}

} // namespace

class TestJobHistoryStore : public QObject
{
    Q_OBJECT

private slots:
    void recordsOnlyChanges_data();
    void recordsOnlyChanges();
    void repeatAfterRestartIsNoOp();
    void missingTimeIsStampedByClock();
    void batchCoversManyJobsAndConnectionsStaySeparate();
    void lastStatusesGiveNewestPerJob();
    void transitionsMergeIdempotently();
    void transitionWithoutStartTimeStoresNothing();
    void tenThousandJobsInOneRound();
};

void TestJobHistoryStore::recordsOnlyChanges_data()
{
    QTest::addColumn<QStringList>("observed"); // "Status/SecondaryStatus", one minute apart
    QTest::addColumn<QStringList>("recorded");
    QTest::newRow("same status twice") << QStringList { u"InProgress/Starting"_s, u"InProgress/Starting"_s }
                                       << QStringList { u"InProgress/Starting"_s };
    QTest::newRow("secondary status moves on")
        << QStringList { u"InProgress/Starting"_s, u"InProgress/Downloading"_s, u"InProgress/Training"_s }
        << QStringList { u"InProgress/Starting"_s, u"InProgress/Downloading"_s, u"InProgress/Training"_s };
    QTest::newRow("status changes, secondary stays")
        << QStringList { u"InProgress/Training"_s, u"Stopping/Training"_s, u"Stopping/Training"_s }
        << QStringList { u"InProgress/Training"_s, u"Stopping/Training"_s };
    QTest::newRow("back to an earlier state is a change")
        << QStringList { u"InProgress/Starting"_s, u"InProgress/Interrupted"_s, u"InProgress/Starting"_s }
        << QStringList { u"InProgress/Starting"_s, u"InProgress/Interrupted"_s, u"InProgress/Starting"_s };
    QTest::newRow("no secondary status, repeated")
        << QStringList { u"InProgress/"_s, u"InProgress/"_s } << QStringList { u"InProgress/"_s };
}

void TestJobHistoryStore::recordsOnlyChanges()
{
    QFETCH(QStringList, observed);
    QFETCH(QStringList, recorded);
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    JobHistoryStore history(temp.store());
    QDateTime time = T0;
    int changes = 0;
    for (const QString &pair : observed) {
        const QStringList parts = pair.split(u'/');
        auto done = history.recordStatus(Connection, { u"job-a"_s, parts.at(0), parts.at(1), time });
        QVERIFY2(done.ok(), qPrintable(done.error()));
        changes += *done ? 1 : 0;
        time = time.addSecs(60);
    }
    QCOMPARE(changes, recorded.size());
    const auto stored = *history.history(Connection, u"job-a"_s);
    QCOMPARE(describe(stored), recorded);
    QCOMPARE(stored.constFirst().time, T0);
}

void TestJobHistoryStore::repeatAfterRestartIsNoOp()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    QCOMPARE(JobHistoryStore(temp.store())
                 .recordStatus(Connection, { u"j"_s, u"InProgress"_s, u"Training"_s, T0 })
                 .valueOr(false),
        true);
    QVERIFY(temp.reopen().ok());
    JobHistoryStore history(temp.store());
    QCOMPARE(history.recordStatus(Connection, { u"j"_s, u"InProgress"_s, u"Training"_s, T0.addSecs(30) })
                 .valueOr(true),
        false);
    QCOMPARE(history.history(Connection, u"j"_s)->size(), 1);
}

void TestJobHistoryStore::missingTimeIsStampedByClock()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    temp.clock().setNow(T0.addDays(3));
    JobHistoryStore history(temp.store());
    QVERIFY(history.recordStatus(Connection, { u"j"_s, u"Completed"_s, u"Completed"_s, {} }).ok());
    QCOMPARE(history.lastStatus(Connection, u"j"_s)->value().time, T0.addDays(3));
    QVERIFY(!history.lastStatus(Connection, u"never-seen"_s)->has_value());
}

void TestJobHistoryStore::batchCoversManyJobsAndConnectionsStaySeparate()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    JobHistoryStore history(temp.store());
    const QList<StatusChange> round {
        { u"a"_s, u"InProgress"_s, u"Starting"_s, T0 },
        { u"b"_s, u"InProgress"_s, u"Training"_s, T0 },
        { u"a"_s, u"InProgress"_s, u"Starting"_s, T0.addSecs(5) }, // repeat within the batch
        { u"a"_s, u"InProgress"_s, u"Downloading"_s, T0.addSecs(10) },
    };
    QCOMPARE(history.recordStatuses(Connection, round).valueOr(-1), 3);
    QCOMPARE(history.recordStatuses(u"other-profile|eu-west-1|"_s, round).valueOr(-1), 3);
    QCOMPARE(history.recordStatuses(Connection, round).valueOr(-1), 0);
    QCOMPARE(describe(*history.history(Connection, u"a"_s)),
        (QStringList { u"InProgress/Starting"_s, u"InProgress/Downloading"_s }));
    QVERIFY(history.history(u"nobody"_s, u"a"_s)->isEmpty());
}

void TestJobHistoryStore::lastStatusesGiveNewestPerJob()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    JobHistoryStore history(temp.store());
    QVERIFY(history
                .recordStatuses(Connection,
                    { { u"a"_s, u"InProgress"_s, u"Training"_s, T0 },
                        { u"a"_s, u"Completed"_s, u"Completed"_s, T0.addSecs(600) },
                        { u"b"_s, u"InProgress"_s, u"Starting"_s, T0.addSecs(60) },
                        // Two observations in the same millisecond: the later recorded one wins.
                        { u"c"_s, u"InProgress"_s, u"Starting"_s, T0 },
                        { u"c"_s, u"InProgress"_s, u"Downloading"_s, T0 } })
                .ok());
    QVERIFY(history.recordStatus(u"other"_s, { u"a"_s, u"Failed"_s, u"Failed"_s, T0 }).ok());

    const auto last = *history.lastStatuses(Connection);
    QCOMPARE(last.size(), 3);
    QCOMPARE(last.value(u"a"_s), (StatusChange { u"a"_s, u"Completed"_s, u"Completed"_s, T0.addSecs(600) }));
    QCOMPARE(last.value(u"b"_s).secondaryStatus, u"Starting"_s);
    QCOMPARE(last.value(u"c"_s).secondaryStatus, u"Downloading"_s);
}

void TestJobHistoryStore::transitionsMergeIdempotently()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    JobHistoryStore history(temp.store());
    const StatusTransition starting { u"Starting"_s, T0, T0.addSecs(90),
        u"Preparing the instances for training"_s };
    StatusTransition downloading { u"Downloading"_s, T0.addSecs(90), {}, u"Downloading input data"_s };
    QCOMPARE(history.mergeTransitions(Connection, u"j"_s, { starting, downloading }).valueOr(-1), 2);
    QCOMPARE(history.mergeTransitions(Connection, u"j"_s, { starting, downloading }).valueOr(-1), 0);

    // The next describe: Downloading has ended, Training began.
    downloading.endTime = T0.addSecs(200);
    const StatusTransition training { u"Training"_s, T0.addSecs(200), {},
        u"Training image download completed"_s };
    QCOMPARE(
        history.mergeTransitions(Connection, u"j"_s, { starting, downloading, training }).valueOr(-1), 2);
    // A later describe that leaves out an end time or message does not erase what is known.
    StatusTransition sparse = downloading;
    sparse.endTime = QDateTime();
    sparse.statusMessage.clear();
    QCOMPARE(history.mergeTransitions(Connection, u"j"_s, { sparse }).valueOr(-1), 0);

    QVERIFY(temp.reopen().ok());
    const QList<StatusTransition> expected { starting, downloading, training };
    QCOMPARE(*JobHistoryStore(temp.store()).transitions(Connection, u"j"_s), expected);
}

void TestJobHistoryStore::transitionWithoutStartTimeStoresNothing()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    JobHistoryStore history(temp.store());
    auto merged = history.mergeTransitions(
        Connection, u"j"_s, { { u"Starting"_s, T0, T0.addSecs(5), {} }, { u"Downloading"_s, {}, {}, {} } });
    QVERIFY(!merged.ok());
    QVERIFY2(merged.error().contains(u"Downloading"_s), qPrintable(merged.error()));
    QVERIFY(history.transitions(Connection, u"j"_s)->isEmpty());
}

// The monitor's restart path at dashboard scale. Not a timed test: the figures go to the log.
void TestJobHistoryStore::tenThousandJobsInOneRound()
{
    constexpr int Count = 10'000;
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    JobHistoryStore history(temp.store());
    QList<StatusChange> round;
    round.reserve(Count);
    for (int i = 0; i < Count; ++i)
        round.append({ u"job-%1"_s.arg(i), u"InProgress"_s, u"Starting"_s, T0.addSecs(i) });

    QElapsedTimer timer;
    timer.start();
    QCOMPARE(history.recordStatuses(Connection, round).valueOr(-1), Count);
    const qint64 firstMs = timer.restart();
    QCOMPARE(history.recordStatuses(Connection, round).valueOr(-1), 0);
    const qint64 repeatMs = timer.restart();
    auto last = history.lastStatuses(Connection);
    const qint64 lastMs = timer.elapsed();
    QVERIFY(last.ok());
    QCOMPARE(last->size(), Count);
    qInfo("10,000 jobs: record one change each %lld ms, the same round again (all repeats) %lld ms, "
          "last status of every job %lld ms",
        firstMs, repeatMs, lastMs);
}

QTEST_GUILESS_MAIN(TestJobHistoryStore)
#include "tst_jobhistorystore.moc"
