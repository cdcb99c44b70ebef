#include "core/pricing/priceservice.h"
#include "tests/pricing/pricingharness.h"
#include "tests/support/closedport.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QString useast = u"us-east-1"_s;

// Waits (moving the manual clock through backoffs) until the service has finished one more fetch.
PriceListResult waitForRefresh(PricingHarness &h, PriceService &service)
{
    PriceListResult result;
    bool finished = false;
    const QMetaObject::Connection connection
        = QObject::connect(&service, &PriceService::refreshFinished, &service, [&](const PriceListResult &r) {
              result = r;
              finished = true;
          });
    if (!h.drive([&] { return finished; }))
        qWarning("no refresh finished");
    QObject::disconnect(connection);
    return result;
}

} // namespace

// Proves the price service against the fixture server and a real store on a manual clock: one fetch fills
// the cache with its date, no second fetch within a day (nor after a restart), a new one after; offline,
// refused and connection-less states become "no price" quotes with their reason and are retried later; a
// user's price is kept "entered by you"; a price kept from an earlier fetch survives a failed refresh with
// its old date.
class TestPriceService : public QObject
{
    Q_OBJECT

private slots:
    void fetchesOnceAndQuotesWithSourceAndDate();
    void notRefetchedWithinADayRefetchedAfter();
    void restartWithFreshPricesDoesNotFetch();
    void offlineIsSaidAndRetriedWithinTheHour();
    void refusalIsSaidAndRetriedNextDay();
    void noConnectionIsSaid();
    void enteredPriceIsMarkedEnteredByYou();
    void enteredPriceIsRefused_data();
    void enteredPriceIsRefused();
    void failedRefreshKeepsTheDatedPrice();
    void switchingRegionCancelsAndFetchesTheNewOne();
    void quotesComeFromMemoryAndStoreErrorsAreSaid();
};

void TestPriceService::fetchesOnceAndQuotesWithSourceAndDate()
{
    PricingHarness h;
    h.serveFixturePages();
    h.clock.setNow(QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC));
    PriceService service(h.store);
    QSignalSpy changed(&service, &PriceService::pricesChanged);

    QCOMPARE(service.quote(useast, u"ml.m5.large"_s).missing, PriceQuote::Missing::NotFetched);
    service.setConnection(h.client.get(), useast);
    QVERIFY(service.isRefreshing());
    const PriceQuote during = service.quote(u"ml.m5.large"_s);
    QCOMPARE(during.missing, PriceQuote::Missing::Fetching);
    QVERIFY(during.refreshing);
    const QDateTime fetchedAt = h.clock.now();

    const PriceListResult result = waitForRefresh(h, service);
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    QCOMPARE(h.server.requestCount(), 2); // both pages, one run
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.last().first().toString(), useast);

    const PriceQuote p4d = service.quote(u"ml.p4d.24xlarge"_s);
    QVERIFY(p4d.isPriced());
    QCOMPARE(p4d.missing, PriceQuote::Missing::None);
    QCOMPARE(p4d.price->pricePerHour, 25.251);
    QCOMPARE(p4d.price->source, PriceRecord::Source::PriceListApi);
    QCOMPARE(p4d.price->fetchedAt, fetchedAt);
    QCOMPARE(p4d.price->effectiveDate, QDate(2026, 7, 27));
    QVERIFY(!p4d.stale && !p4d.refreshing);

    PriceCache cache(h.store);
    QCOMPARE(*cache.lastFetched(useast), fetchedAt);
    QCOMPARE(cache.list(useast)->size(), 4);

    const PriceQuote unlisted = service.quote(u"ml.c5.xlarge"_s);
    QCOMPARE(unlisted.missing, PriceQuote::Missing::NotListed);
    QCOMPARE(unlisted.missingReason(), u"not listed"_s);
    QCOMPARE(service.quote(u"eu-west-1"_s, u"ml.m5.large"_s).missing, PriceQuote::Missing::NotFetched);
    QCOMPARE(service.quote(QString()).missing, PriceQuote::Missing::NoInstanceType);
}

void TestPriceService::notRefetchedWithinADayRefetchedAfter()
{
    PricingHarness h;
    h.serveFixturePages();
    PriceService service(h.store);
    service.setConnection(h.client.get(), useast);
    QVERIFY(waitForRefresh(h, service).isOk());
    QCOMPARE(h.server.requestCount(), 2);
    const QDateTime first = h.clock.now();

    h.clock.advance(23h + 59min);
    QTest::qWait(20);
    QVERIFY(!service.isRefreshing());
    QVERIFY(!service.refreshIfDue());
    QCOMPARE(h.server.requestCount(), 2);

    h.clock.advance(1min); // a day old: the scheduled check fetches
    QVERIFY(service.isRefreshing());
    QVERIFY(waitForRefresh(h, service).isOk());
    QCOMPARE(h.server.requestCount(), 4);
    QCOMPARE(*PriceCache(h.store).lastFetched(useast), first.addSecs(24 * 3600));
    QCOMPARE(service.quote(u"ml.m5.large"_s).price->fetchedAt, first.addSecs(24 * 3600));
}

void TestPriceService::restartWithFreshPricesDoesNotFetch()
{
    PricingHarness h;
    h.serveFixturePages();
    {
        PriceService earlier(h.store);
        earlier.setConnection(h.client.get(), useast);
        QVERIFY(waitForRefresh(h, earlier).isOk());
    }
    h.clock.advance(2h);
    PriceService service(h.store);
    service.setConnection(h.client.get(), useast);
    QVERIFY(!service.isRefreshing());
    QCOMPARE(h.server.requestCount(), 2);
    QVERIFY(service.quote(u"ml.g5.2xlarge"_s).isPriced());

    h.clock.advance(21h);
    QCOMPARE(h.server.requestCount(), 2);
    h.clock.advance(1h);
    QVERIFY(service.isRefreshing());
    QVERIFY(waitForRefresh(h, service).isOk());
    QCOMPARE(h.server.requestCount(), 4);
}

void TestPriceService::offlineIsSaidAndRetriedWithinTheHour()
{
    PricingHarness h;
    h.serveFixturePages();
    AwsTransport unreachable(
        AwsTransport::Settings { closedLoopbackUrl(), useast, u"pricing"_s }, h.credentials, &h.clock);
    PriceListClient offline(&unreachable);
    PriceService service(h.store);
    service.setConnection(&offline, useast);
    const PriceListResult result = waitForRefresh(h, service);
    QCOMPARE(result.error.code, u"NetworkError"_s);

    const PriceQuote quote = service.quote(u"ml.m5.large"_s);
    QVERIFY(!quote.isPriced());
    QCOMPARE(quote.missing, PriceQuote::Missing::Offline);
    QCOMPARE(quote.missingReason(), u"offline"_s);
    QVERIFY(quote.detail.startsWith("NetworkError"_L1));

    // The network is back (the app's connection is the same; here the fixture server stands for it).
    service.setConnection(h.client.get(), useast);
    QVERIFY(waitForRefresh(h, service).isOk());
    QVERIFY(service.quote(u"ml.m5.large"_s).isPriced());
}

void TestPriceService::refusalIsSaidAndRetriedNextDay()
{
    PricingHarness h;
    h.serveFixturePages();
    h.server.enqueue(u"GetProducts"_s,
        FixtureAction::awsError(400, u"AccessDeniedException"_s,
            u"User: arn:aws:iam::123456789012:user/ds is not authorized to perform: pricing:GetProducts"_s,
            u"com.amazonaws.pricing"_s));
    PriceService service(h.store);
    service.setConnection(h.client.get(), useast);
    QCOMPARE(waitForRefresh(h, service).error.code, u"AccessDeniedException"_s);
    const PriceQuote quote = service.quote(u"ml.m5.large"_s);
    QCOMPARE(quote.missing, PriceQuote::Missing::NotPermitted);
    QCOMPARE(quote.missingReason(), u"not permitted"_s);
    QVERIFY(quote.detail.contains("pricing:GetProducts"_L1));
    QCOMPARE(h.server.requestCount(), 1);

    h.clock.advance(PriceService::RetryWhenOffline);
    QVERIFY(!service.isRefreshing());
    QCOMPARE(h.server.requestCount(), 1);
    h.clock.advance(PriceService::RetryWhenRefused - PriceService::RetryWhenOffline);
    QVERIFY(service.isRefreshing());
    QVERIFY(waitForRefresh(h, service).isOk());
    QVERIFY(service.quote(u"ml.m5.large"_s).isPriced());
}

void TestPriceService::noConnectionIsSaid()
{
    PricingHarness h;
    PriceService service(h.store);
    QSignalSpy changed(&service, &PriceService::pricesChanged);
    service.setConnection(nullptr, u"eu-west-1"_s, u"No AWS credentials for profile default"_s);
    QVERIFY(!service.isRefreshing());
    QCOMPARE(changed.size(), 1);
    const PriceQuote quote = service.quote(u"ml.m5.large"_s);
    QCOMPARE(quote.region, u"eu-west-1"_s);
    QCOMPARE(quote.missing, PriceQuote::Missing::NoConnection);
    QCOMPARE(quote.detail, u"No AWS credentials for profile default"_s);
    h.clock.advance(48h);
    QCOMPARE(h.server.requestCount(), 0);
}

void TestPriceService::enteredPriceIsMarkedEnteredByYou()
{
    PricingHarness h;
    h.serveFixturePages();
    PriceService service(h.store);
    service.setConnection(h.client.get(), useast);
    QVERIFY(waitForRefresh(h, service).isOk());
    h.clock.advance(3h);
    QSignalSpy changed(&service, &PriceService::pricesChanged);

    QCOMPARE(service.quote(u"ml.c5.xlarge"_s).missing, PriceQuote::Missing::NotListed);
    QVERIFY(service.enterPrice(useast, u"ml.c5.xlarge"_s, 0.204).ok());
    QCOMPARE(changed.size(), 1);
    const PriceQuote quote = service.quote(u"ml.c5.xlarge"_s);
    QVERIFY(quote.isPriced());
    QCOMPARE(quote.price->pricePerHour, 0.204);
    QCOMPARE(quote.price->source, PriceRecord::Source::EnteredByUser);
    QCOMPARE(PriceCache::sourceLabel(quote.price->source), u"entered by you"_s);
    QCOMPARE(quote.price->fetchedAt, h.clock.now());
    QVERIFY(!quote.stale);

    // A price the list has is not replaced by one entered for the same type.
    QVERIFY(service.enterPrice(useast, u"ml.m5.large"_s, 9.99).ok());
    QCOMPARE(service.quote(u"ml.m5.large"_s).price->source, PriceRecord::Source::PriceListApi);
    QCOMPARE(service.quote(u"ml.m5.large"_s).price->pricePerHour, 0.115);
}

void TestPriceService::enteredPriceIsRefused_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("type");
    QTest::addColumn<double>("price");
    QTest::newRow("zero") << useast << u"ml.m5.large"_s << 0.0;
    QTest::newRow("negative") << useast << u"ml.m5.large"_s << -1.0;
    QTest::newRow("not a number") << useast << u"ml.m5.large"_s << std::nan("");
    QTest::newRow("infinite") << useast << u"ml.m5.large"_s << std::numeric_limits<double>::infinity();
    QTest::newRow("malformed type") << useast << u"m5.large"_s << 1.0;
    QTest::newRow("no region") << QString() << u"ml.m5.large"_s << 1.0;
}

void TestPriceService::enteredPriceIsRefused()
{
    QFETCH(QString, region);
    QFETCH(QString, type);
    QFETCH(double, price);
    PricingHarness h;
    PriceService service(h.store);
    QSignalSpy changed(&service, &PriceService::pricesChanged);
    const StoreResult<> result = service.enterPrice(region, type, price);
    QVERIFY(!result.ok());
    QVERIFY(!result.error().isEmpty());
    QCOMPARE(changed.size(), 0);
    QVERIFY(PriceCache(h.store).list(region)->isEmpty());
}

void TestPriceService::failedRefreshKeepsTheDatedPrice()
{
    PricingHarness h;
    h.serveFixturePages();
    PriceService service(h.store);
    service.setConnection(h.client.get(), useast);
    QVERIFY(waitForRefresh(h, service).isOk());
    const QDateTime first = h.clock.now();

    // Every attempt of the next day's refresh meets a service that is down.
    for (int i = 0; i < 3; ++i)
        h.server.enqueue(u"GetProducts"_s,
            FixtureAction::awsError(
                503, u"ServiceUnavailable"_s, u"Service is unavailable"_s, u"com.amazonaws.pricing"_s));
    h.clock.advance(24h);
    QVERIFY(service.isRefreshing());
    const PriceListResult failed = waitForRefresh(h, service);
    QCOMPARE(failed.error.code, u"ServiceUnavailable"_s);
    QCOMPARE(h.server.requestCount(), 2 + 3);

    const PriceQuote quote = service.quote(u"ml.g6e.xlarge"_s);
    QVERIFY(quote.isPriced());
    QVERIFY(quote.stale);
    QCOMPARE(quote.price->fetchedAt, first);
    QCOMPARE(quote.price->pricePerHour, 1.86);

    // Retried within the hour, and fresh again.
    h.clock.advance(PriceService::RetryWhenOffline);
    QVERIFY(service.isRefreshing());
    QVERIFY(waitForRefresh(h, service).isOk());
    QVERIFY(!service.quote(u"ml.g6e.xlarge"_s).stale);
}

void TestPriceService::switchingRegionCancelsAndFetchesTheNewOne()
{
    PricingHarness h(u"eu-central-1"_s);
    h.serveFixturePages();
    h.server.enqueue(u"GetProducts"_s, FixtureAction::stall());
    PriceService service(h.store);
    QSignalSpy finished(&service, &PriceService::refreshFinished);
    service.setConnection(h.client.get(), u"eu-central-1"_s);
    QVERIFY(h.drive([&] { return h.server.stalledConnections() == 1; }));

    service.setConnection(h.client.get(), u"eu-west-1"_s);
    const PriceListResult result = waitForRefresh(h, service);
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    QCOMPARE(result.region, u"eu-west-1"_s);
    QCOMPARE(finished.size(), 1); // the cancelled eu-central-1 fetch never reports
    const QList<FixtureRequest> requests = h.server.requests();
    QCOMPARE(requests.size(), 3);
    QCOMPARE(
        requests.at(1).json().value("Filters"_L1).toArray().at(1).toObject().value("Value"_L1).toString(),
        u"eu-west-1"_s);
    const PriceQuote quote = service.quote(u"ml.m5.large"_s);
    QCOMPARE(quote.region, u"eu-west-1"_s);
    QCOMPARE(quote.price->pricePerHour, 0.128);
    QCOMPARE(service.quote(u"eu-central-1"_s, u"ml.m5.large"_s).missing, PriceQuote::Missing::NotFetched);
}

void TestPriceService::quotesComeFromMemoryAndStoreErrorsAreSaid()
{
    PricingHarness h;
    h.serveFixturePages();
    PriceService service(h.store);
    service.setConnection(h.client.get(), useast);
    QVERIFY(waitForRefresh(h, service).isOk());
    QVERIFY(service.quote(u"ml.m5.large"_s).isPriced());

    // Once read, a region's prices are quoted without the store (a dashboard quotes every row).
    h.store.close();
    QVERIFY(service.quote(u"ml.p4d.24xlarge"_s).isPriced());
    QCOMPARE(service.quote(u"ml.c5.xlarge"_s).missing, PriceQuote::Missing::NotListed);

    const PriceQuote unread = service.quote(u"eu-west-1"_s, u"ml.m5.large"_s);
    QCOMPARE(unread.missing, PriceQuote::Missing::StoreError);
    QVERIFY(!unread.detail.isEmpty());
    QCOMPARE(unread.missingReason(), u"local store unreadable"_s);

    // A failed read is not kept: once the store is back, the region is read.
    QVERIFY(h.store.open().ok());
    QCOMPARE(service.quote(u"eu-west-1"_s, u"ml.m5.large"_s).missing, PriceQuote::Missing::NotFetched);
}

QTEST_GUILESS_MAIN(TestPriceService)
#include "tst_priceservice.moc"
