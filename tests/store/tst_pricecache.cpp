#include "core/store/pricecache.h"
#include "tests/store/temporarystore.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

PriceRecord price(const QString &type, double perHour, PriceRecord::Source source, QDateTime fetchedAt = {})
{
    PriceRecord record;
    record.region = u"us-east-1"_s;
    record.instanceType = type;
    record.pricePerHour = perHour;
    record.source = source;
    record.fetchedAt = std::move(fetchedAt);
    return record;
}

} // namespace

class TestPriceCache : public QObject
{
    Q_OBJECT

private slots:
    void freshness_data();
    void freshness();
    void storedPriceKeepsEveryField();
    void priceListPriceWinsOverEnteredOne();
    void listHoldsBothSourcesByType();
    void sourceLabelsAreTheWordsShown();
};

void TestPriceCache::freshness_data()
{
    QTest::addColumn<int>("ageSeconds"); // -1: the region was never fetched
    QTest::addColumn<bool>("needsRefresh");
    QTest::newRow("never fetched") << -1 << true;
    QTest::newRow("just fetched") << 0 << false;
    QTest::newRow("23 h 59 min old") << (24 * 3600 - 60) << false;
    QTest::newRow("exactly a day old") << 24 * 3600 << true;
    QTest::newRow("three days old") << 3 * 24 * 3600 << true;
}

void TestPriceCache::freshness()
{
    QFETCH(int, ageSeconds);
    QFETCH(bool, needsRefresh);
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    PriceCache prices(temp.store());
    if (ageSeconds >= 0) {
        QVERIFY(prices
                    .putFetched(
                        u"us-east-1"_s, { price(u"ml.m5.xlarge"_s, 0.23, PriceRecord::Source::PriceListApi) })
                    .ok());
        temp.clock().advance(std::chrono::seconds(ageSeconds));
    }
    QCOMPARE(prices.needsRefresh(u"us-east-1"_s).valueOr(!needsRefresh), needsRefresh);
    auto found = prices.lookup(u"us-east-1"_s, u"ml.m5.xlarge"_s);
    QVERIFY(found.ok());
    QCOMPARE(found->has_value(), ageSeconds >= 0);
    if (found->has_value())
        QCOMPARE(prices.isStale(**found), needsRefresh);
    // Another region's freshness is its own.
    QCOMPARE(prices.needsRefresh(u"eu-west-1"_s).valueOr(false), true);
}

void TestPriceCache::storedPriceKeepsEveryField()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    PriceCache prices(temp.store());
    PriceRecord record = price(u"ml.p3.2xlarge"_s, 3.825, PriceRecord::Source::PriceListApi);
    record.effectiveDate = QDate(2025, 11, 1);
    QVERIFY(prices.put(record).ok());
    QVERIFY(temp.reopen().ok());

    record.fetchedAt = temp.clock().now(); // stamped by the store
    QCOMPARE(PriceCache(temp.store()).lookup(u"us-east-1"_s, u"ml.p3.2xlarge"_s)->value(), record);
    // put() alone does not count as fetching the region.
    QCOMPARE(PriceCache(temp.store()).lastFetched(u"us-east-1"_s).valueOr(QDateTime::currentDateTimeUtc()),
        QDateTime());
}

void TestPriceCache::priceListPriceWinsOverEnteredOne()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    PriceCache prices(temp.store());
    QVERIFY(prices.put(price(u"ml.g5.xlarge"_s, 1.50, PriceRecord::Source::EnteredByUser)).ok());
    QCOMPARE(
        prices.lookup(u"us-east-1"_s, u"ml.g5.xlarge"_s)->value().source, PriceRecord::Source::EnteredByUser);

    QVERIFY(prices.put(price(u"ml.g5.xlarge"_s, 1.408, PriceRecord::Source::PriceListApi)).ok());
    const PriceRecord found = prices.lookup(u"us-east-1"_s, u"ml.g5.xlarge"_s)->value();
    QCOMPARE(found.source, PriceRecord::Source::PriceListApi);
    QCOMPARE(found.pricePerHour, 1.408);

    QCOMPARE(
        prices.remove(u"us-east-1"_s, u"ml.g5.xlarge"_s, PriceRecord::Source::PriceListApi).valueOr(false),
        true);
    QCOMPARE(prices.lookup(u"us-east-1"_s, u"ml.g5.xlarge"_s)->value().pricePerHour, 1.50);
}

void TestPriceCache::listHoldsBothSourcesByType()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    PriceCache prices(temp.store());
    QVERIFY(prices.put(price(u"ml.m5.large"_s, 0.115, PriceRecord::Source::EnteredByUser)).ok());
    QVERIFY(prices
                .putFetched(u"us-east-1"_s,
                    { price(u"ml.m5.large"_s, 0.115, PriceRecord::Source::PriceListApi),
                        price(u"ml.c5.xlarge"_s, 0.204, PriceRecord::Source::PriceListApi) })
                .ok());
    const auto all = *prices.list(u"us-east-1"_s);
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(0).instanceType, u"ml.c5.xlarge"_s);
    QCOMPARE(all.at(1).source, PriceRecord::Source::PriceListApi);
    QCOMPARE(all.at(2).source, PriceRecord::Source::EnteredByUser);
    QVERIFY(prices.list(u"eu-west-1"_s)->isEmpty());
}

void TestPriceCache::sourceLabelsAreTheWordsShown()
{
    QCOMPARE(PriceCache::sourceLabel(PriceRecord::Source::PriceListApi), u"AWS Price List API"_s);
    QCOMPARE(PriceCache::sourceLabel(PriceRecord::Source::EnteredByUser), u"entered by you"_s);
}

QTEST_GUILESS_MAIN(TestPriceCache)
#include "tst_pricecache.moc"
