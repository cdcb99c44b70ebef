#include "core/aws/tokenbucket.h"
#include "tests/support/manualclock.h"

#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// Proves the shared request budget: never more than rate x window requests in a window, FIFO waiting through
// the clock, multiplicative slow-down on throttling and additive recovery.
class TestTokenBucket : public QObject
{
    Q_OBJECT

private slots:
    void neverExceedsRate_data();
    void neverExceedsRate();
    void burstIsServedAtOnce();
    void throttlingHalvesAndRecoversAdditively();
    void slowsDownAfterThrottling();
    void destroyedWaiterGivesUpItsPlace();
    void acquireFromCallbackDoesNotNest();
    void configuredRateChange();
};

void TestTokenBucket::neverExceedsRate_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<int>("calls");
    QTest::newRow("default 2/s, 200 calls") << 2.0 << 200;
    QTest::newRow("0.7/s, 30 calls") << 0.7 << 30;
    QTest::newRow("10/s, 500 calls") << 10.0 << 500;
}

void TestTokenBucket::neverExceedsRate()
{
    QFETCH(double, rate);
    QFETCH(int, calls);
    ManualClock clock;
    const QDateTime start = clock.now();
    TokenBucket bucket({ .rate = rate }, &clock);
    QObject context;
    QList<qint64> grants;
    for (int i = 0; i < calls; ++i)
        bucket.acquire(&context, [&, i] {
            QCOMPARE(grants.size(), i); // first come, first served
            grants.append(start.msecsTo(clock.now()));
        });
    QCOMPARE(bucket.waiting(), calls - 1);
    while (clock.runNext()) { }
    QCOMPARE(grants.size(), calls);
    QCOMPARE(bucket.issued(), quint64(calls));
    QCOMPARE(bucket.waiting(), 0);

    // Spacing: never closer than 1/rate (to the millisecond the clock rounds to).
    const qint64 spacing = qint64(1000.0 / rate);
    for (qsizetype i = 1; i < grants.size(); ++i)
        QVERIFY2(grants[i] - grants[i - 1] >= spacing,
            qPrintable(u"grants %1 and %2: %3 ms apart"_s.arg(i - 1).arg(i).arg(grants[i] - grants[i - 1])));
    // Sliding windows of one second hold at most ceil(rate) requests.
    const int perWindow = int(std::ceil(rate));
    for (qsizetype i = 0; i < grants.size(); ++i) {
        const auto inWindow = std::count_if(
            grants.cbegin() + i, grants.cend(), [&](qint64 t) { return t < grants[i] + 1000; });
        QVERIFY2(inWindow <= perWindow,
            qPrintable(u"%1 requests in the second after %2 ms"_s.arg(inWindow).arg(grants[i])));
    }
    // And it is not slower than it needs to be.
    QVERIFY(grants.last() <= qint64(std::ceil((calls - 1) * 1000.0 / rate)) + calls);
}

void TestTokenBucket::burstIsServedAtOnce()
{
    ManualClock clock;
    TokenBucket bucket({ .rate = 1.0, .burst = 3.0 }, &clock);
    QObject context;
    int granted = 0;
    for (int i = 0; i < 5; ++i)
        bucket.acquire(&context, [&] { ++granted; });
    QCOMPARE(granted, 3);
    clock.advance(999ms);
    QCOMPARE(granted, 3);
    clock.advance(1ms);
    QCOMPARE(granted, 4);
    clock.advance(1000ms);
    QCOMPARE(granted, 5);
}

void TestTokenBucket::throttlingHalvesAndRecoversAdditively()
{
    ManualClock clock;
    TokenBucket bucket(
        { .rate = 2.0, .minRate = 0.25, .increaseStep = 0.5, .recoveryInterval = 1000ms }, &clock);
    QSignalSpy rates(&bucket, &TokenBucket::rateChanged);
    QSignalSpy throttled(&bucket, &TokenBucket::throttledChanged);

    bucket.reportThrottled();
    QCOMPARE(bucket.rate(), 1.0);
    QVERIFY(bucket.isThrottled());
    QCOMPARE(throttled.size(), 1);
    QCOMPARE(throttled.last().first().toBool(), true);

    // A second throttled answer from the same burst does not halve again.
    bucket.reportThrottled();
    QCOMPARE(bucket.rate(), 1.0);
    clock.advance(1000ms);
    bucket.reportThrottled();
    QCOMPARE(bucket.rate(), 0.5);
    clock.advance(1000ms);
    bucket.reportThrottled();
    clock.advance(1000ms);
    bucket.reportThrottled();
    QCOMPARE(bucket.rate(), 0.25); // floor

    // Recovery: +0.5 per interval with a success, not faster.
    bucket.reportSuccess(); // same instant as the last change: too early
    QCOMPARE(bucket.rate(), 0.25);
    clock.advance(1000ms);
    bucket.reportSuccess();
    QCOMPARE(bucket.rate(), 0.75);
    bucket.reportSuccess();
    QCOMPARE(bucket.rate(), 0.75);
    clock.advance(1000ms);
    bucket.reportSuccess();
    QCOMPARE(bucket.rate(), 1.25);
    QVERIFY(bucket.isThrottled());
    clock.advance(1000ms);
    bucket.reportSuccess();
    QCOMPARE(bucket.rate(), 1.75);
    clock.advance(1000ms);
    bucket.reportSuccess();
    QCOMPARE(bucket.rate(), 2.0); // capped at the configured rate
    QVERIFY(!bucket.isThrottled());
    QCOMPARE(throttled.last().first().toBool(), false);
    QCOMPARE(rates.last().first().toDouble(), 2.0);
}

void TestTokenBucket::slowsDownAfterThrottling()
{
    ManualClock clock;
    const QDateTime start = clock.now();
    TokenBucket bucket({ .rate = 2.0 }, &clock);
    QObject context;
    QList<qint64> grants;
    for (int i = 0; i < 6; ++i)
        bucket.acquire(&context, [&] { grants.append(start.msecsTo(clock.now())); });
    clock.advance(500ms);
    QCOMPARE(grants, (QList<qint64> { 0, 500 }));
    bucket.reportThrottled(); // now 1/s
    while (clock.runNext()) { }
    QCOMPARE(grants, (QList<qint64> { 0, 500, 1500, 2500, 3500, 4500 }));
}

void TestTokenBucket::destroyedWaiterGivesUpItsPlace()
{
    ManualClock clock;
    TokenBucket bucket({ .rate = 1.0 }, &clock);
    QObject keep;
    auto gone = std::make_unique<QObject>();
    QStringList order;
    bucket.acquire(&keep, [&] { order << u"first"_s; });
    bucket.acquire(gone.get(), [&] { order << u"gone"_s; });
    bucket.acquire(&keep, [&] { order << u"third"_s; });
    QCOMPARE(bucket.waiting(), 2);
    gone.reset();
    QCOMPARE(bucket.waiting(), 1);
    clock.advance(1000ms);
    QCOMPARE(order, (QStringList { u"first"_s, u"third"_s }));
    QCOMPARE(bucket.issued(), quint64(2));
}

void TestTokenBucket::acquireFromCallbackDoesNotNest()
{
    ManualClock clock;
    TokenBucket bucket({ .rate = 1.0, .burst = 2.0 }, &clock);
    QObject context;
    int depth = 0;
    int maxDepth = 0;
    int granted = 0;
    std::function<void()> chain = [&] {
        ++depth;
        maxDepth = std::max(maxDepth, depth);
        if (++granted < 4)
            bucket.acquire(&context, chain);
        --depth;
    };
    bucket.acquire(&context, chain);
    QCOMPARE(granted, 2); // the burst
    QCOMPARE(maxDepth, 1);
    while (clock.runNext()) { }
    QCOMPARE(granted, 4);
    QCOMPARE(maxDepth, 1);
}

void TestTokenBucket::configuredRateChange()
{
    ManualClock clock;
    TokenBucket bucket({ .rate = 2.0 }, &clock);
    bucket.setConfiguredRate(5.0);
    QCOMPARE(bucket.rate(), 5.0);
    QVERIFY(!bucket.isThrottled());
    bucket.reportThrottled();
    QCOMPARE(bucket.rate(), 2.5);
    bucket.setConfiguredRate(1.0); // below the throttled rate: take it at once
    QCOMPARE(bucket.rate(), 1.0);
    QVERIFY(!bucket.isThrottled());
}

QTEST_GUILESS_MAIN(TestTokenBucket)
#include "tst_tokenbucket.moc"
