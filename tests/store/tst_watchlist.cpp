#include "core/store/watchlist.h"
#include "tests/store/temporarystore.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString Connection = u"default|us-east-1|"_s;
}

class TestWatchList : public QObject
{
    Q_OBJECT

private slots:
    void watchListSurvivesReopen();
    void watchingTwiceKeepsFirstTime();
    void unwatchRemovesOnlyThatJob();
};

void TestWatchList::watchListSurvivesReopen()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    const QDateTime first = temp.clock().now();
    {
        WatchList watch(temp.store());
        QVERIFY(watch.watch(Connection, u"job-b"_s).valueOr(false));
        temp.clock().advance(std::chrono::minutes(1));
        QVERIFY(watch.watch(Connection, u"job-a"_s).valueOr(false));
        QVERIFY(watch.watch(u"sandbox|us-east-1|http://127.0.0.1:5000"_s, u"job-c"_s).valueOr(false));
    }
    QVERIFY(temp.reopen().ok());
    WatchList watch(temp.store());
    const QList<WatchedJob> expected { { u"job-b"_s, first }, { u"job-a"_s, first.addSecs(60) } };
    QCOMPARE(*watch.watched(Connection), expected);
    QCOMPARE(watch.isWatched(Connection, u"job-c"_s).valueOr(true), false);
    QCOMPARE(watch.isWatched(u"sandbox|us-east-1|http://127.0.0.1:5000"_s, u"job-c"_s).valueOr(false), true);
}

void TestWatchList::watchingTwiceKeepsFirstTime()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    WatchList watch(temp.store());
    const QDateTime first = temp.clock().now();
    QCOMPARE(watch.watch(Connection, u"j"_s).valueOr(false), true);
    temp.clock().advance(std::chrono::hours(2));
    QCOMPARE(watch.watch(Connection, u"j"_s).valueOr(true), false);
    QCOMPARE(*watch.watched(Connection), QList<WatchedJob> { (WatchedJob { u"j"_s, first }) });
}

void TestWatchList::unwatchRemovesOnlyThatJob()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    WatchList watch(temp.store());
    QVERIFY(watch.watch(Connection, u"a"_s).ok());
    QVERIFY(watch.watch(Connection, u"b"_s).ok());
    QCOMPARE(watch.unwatch(Connection, u"a"_s).valueOr(false), true);
    QCOMPARE(watch.unwatch(Connection, u"a"_s).valueOr(true), false);
    QCOMPARE(watch.watched(Connection)->size(), 1);
    QCOMPARE(watch.watched(Connection)->constFirst().jobName, u"b"_s);
}

QTEST_GUILESS_MAIN(TestWatchList)
#include "tst_watchlist.moc"
