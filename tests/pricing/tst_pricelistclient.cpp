#include "core/pricing/pricelistfetch.h"
#include "tests/pricing/pricingharness.h"

#include <QJsonArray>
#include <QSignalSpy>

using namespace Qt::StringLiterals;

namespace {

// Runs a fetch to its end.
PriceListResult run(PricingHarness &h, PriceListFetch *fetch)
{
    PriceListResult result;
    bool finished = false;
    QObject::connect(fetch, &PriceListFetch::finished, fetch, [&](const PriceListResult &r) {
        result = r;
        finished = true;
    });
    if (!h.drive([&] { return finished; }))
        qWarning("fetch did not finish");
    return result;
}

QJsonArray filtersOf(const FixtureRequest &request)
{
    return request.json().value("Filters"_L1).toArray();
}

QString filterValue(const FixtureRequest &request, const QString &field)
{
    for (const QJsonValue &filter : filtersOf(request)) {
        if (filter.toObject().value("Field"_L1).toString() == field)
            return filter.toObject().value("Value"_L1).toString();
    }
    return {};
}

} // namespace

// Proves the Price List run against the fixture server: the GetProducts request as the service model shapes
// it (target, signing name, filters, MaxResults 100), NextToken pagination in one run, the product filter on
// the connection's region while the API is signed for its own region, and that every failure (a refusal, a
// failed later page, a token loop, an answer of the wrong shape, no transport) ends the run without a partial
// price list.
class TestPriceListClient : public QObject
{
    Q_OBJECT

private slots:
    void followsEveryPageInOneRun();
    void productFilterIsTheConnectionsRegion();
    void refusalEndsTheRun();
    void failedLaterPageLeavesNoPartialList();
    void repeatedTokenEndsTheRun();
    void unexpectedShapeIsInvalidResponse();
    void deletingTheHandleCancels();
    void noTransportFailsFromTheEventLoop();
};

void TestPriceListClient::followsEveryPageInOneRun()
{
    PricingHarness h;
    h.serveFixturePages();
    const PriceListResult result = run(h, h.client->fetchTrainingPrices(u"us-east-1"_s));

    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    QCOMPARE(result.region, u"us-east-1"_s);
    QCOMPARE(result.pages, 2);
    QCOMPARE(result.entries, 11);
    QCOMPARE(result.rejected, 7);
    QCOMPARE(result.prices.size(), 4);
    QCOMPARE(result.prices.at(3).instanceType, u"ml.p4d.24xlarge"_s);
    QCOMPARE(result.prices.at(3).pricePerHour, 25.251);

    const QList<FixtureRequest> requests = h.server.requests();
    QCOMPARE(requests.size(), 2);
    for (const FixtureRequest &request : requests) {
        QCOMPARE(request.target(), QByteArray("AWSPriceListService.GetProducts"));
        QCOMPARE(request.header("Content-Type"), QByteArray("application/x-amz-json-1.1"));
        QVERIFY2(request.header("Authorization").contains("/us-east-1/pricing/aws4_request"),
            request.header("Authorization").constData());
        const QJsonObject input = request.json();
        QCOMPARE(input.value("ServiceCode"_L1).toString(), u"AmazonSageMaker"_s);
        QCOMPARE(input.value("FormatVersion"_L1).toString(), u"aws_v1"_s);
        QCOMPARE(input.value("MaxResults"_L1).toInt(), 100);
        QCOMPARE(filtersOf(request).size(), 4);
        for (const QJsonValue &filter : filtersOf(request))
            QCOMPARE(filter.toObject().value("Type"_L1).toString(), u"TERM_MATCH"_s);
        QCOMPARE(filterValue(request, u"ServiceCode"_s), u"AmazonSageMaker"_s);
        QCOMPARE(filterValue(request, u"regionCode"_s), u"us-east-1"_s);
        QCOMPARE(filterValue(request, u"productFamily"_s), u"ML Instance"_s);
        QCOMPARE(filterValue(request, u"component"_s), u"Training"_s);
    }
    QVERIFY(!requests.at(0).json().contains("NextToken"_L1));
    QCOMPARE(requests.at(1).json().value("NextToken"_L1).toString(),
        PricingFixtures::firstPage().value("NextToken"_L1).toString());
}

void TestPriceListClient::productFilterIsTheConnectionsRegion()
{
    // A connection in eu-west-1 asks the Price List API in eu-central-1 for eu-west-1's prices.
    PricingHarness h(u"eu-central-1"_s);
    h.serveFixturePages();
    const PriceListResult result = run(h, h.client->fetchTrainingPrices(u"eu-west-1"_s));
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    QCOMPARE(filterValue(h.server.requests().first(), u"regionCode"_s), u"eu-west-1"_s);
    QVERIFY(
        h.server.requests().first().header("Authorization").contains("/eu-central-1/pricing/aws4_request"));
    // The fixture's one eu-west-1 Training row is the only price; us-east-1's rows are another region.
    QCOMPARE(result.prices.size(), 1);
    QCOMPARE(result.prices.first().instanceType, u"ml.m5.large"_s);
    QCOMPARE(result.prices.first().pricePerHour, 0.128);
    QCOMPARE(result.prices.first().region, u"eu-west-1"_s);
}

void TestPriceListClient::refusalEndsTheRun()
{
    PricingHarness h;
    h.server.enqueue(u"GetProducts"_s,
        FixtureAction::awsError(400, u"AccessDeniedException"_s,
            u"User is not authorized to perform: pricing:GetProducts"_s, u"com.amazonaws.pricing"_s));
    const PriceListResult result = run(h, h.client->fetchTrainingPrices(u"us-east-1"_s));
    QCOMPARE(result.error.code, u"AccessDeniedException"_s);
    QVERIFY(result.error.message.contains("pricing:GetProducts"_L1));
    QVERIFY(result.prices.isEmpty());
    QCOMPARE(h.server.requestCount(), 1);
}

void TestPriceListClient::failedLaterPageLeavesNoPartialList()
{
    PricingHarness h;
    h.serveFixturePages();
    h.server.setHandler(u"GetProducts"_s, [](const FixtureRequest &request) {
        if (request.json().contains("NextToken"_L1))
            return FixtureAction::awsError(400, u"ExpiredNextTokenException"_s,
                u"The pagination token expired"_s, u"com.amazonaws.pricing"_s);
        return FixtureAction::json(PricingFixtures::firstPage());
    });
    const PriceListResult result = run(h, h.client->fetchTrainingPrices(u"us-east-1"_s));
    QCOMPARE(result.error.code, u"ExpiredNextTokenException"_s);
    QVERIFY(result.prices.isEmpty());
    QCOMPARE(result.pages, 1);
}

void TestPriceListClient::repeatedTokenEndsTheRun()
{
    PricingHarness h;
    h.server.setHandler(u"GetProducts"_s,
        [](const FixtureRequest &) { return FixtureAction::json(PricingFixtures::firstPage()); });
    const PriceListResult result = run(h, h.client->fetchTrainingPrices(u"us-east-1"_s));
    QCOMPARE(result.error.code, u"InvalidResponse"_s);
    QVERIFY(result.prices.isEmpty());
    QCOMPARE(h.server.requestCount(), 2);
}

void TestPriceListClient::unexpectedShapeIsInvalidResponse()
{
    PricingHarness h;
    h.server.enqueue(u"GetProducts"_s,
        FixtureAction::json({ { u"FormatVersion"_s, u"aws_v1"_s }, { u"PriceList"_s, QJsonObject() } }));
    const PriceListResult result = run(h, h.client->fetchTrainingPrices(u"us-east-1"_s));
    QCOMPARE(result.error.code, u"InvalidResponse"_s);
    QVERIFY(result.prices.isEmpty());
}

void TestPriceListClient::deletingTheHandleCancels()
{
    PricingHarness h;
    h.server.enqueue(u"GetProducts"_s, FixtureAction::stall());
    QPointer<PriceListFetch> fetch = h.client->fetchTrainingPrices(u"us-east-1"_s);
    QSignalSpy finished(fetch.data(), &PriceListFetch::finished);
    QVERIFY(h.drive([&] { return h.server.stalledConnections() == 1; }));
    delete fetch.data();
    QVERIFY(h.drive([&] { return h.transport->inFlight() == 0; }));
    QTest::qWait(20);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(h.server.requestCount(), 1);
}

void TestPriceListClient::noTransportFailsFromTheEventLoop()
{
    PricingHarness h;
    PriceListClient offline(nullptr);
    PriceListFetch *fetch = offline.fetchTrainingPrices(u"us-east-1"_s);
    QSignalSpy finished(fetch, &PriceListFetch::finished);
    QCOMPARE(finished.size(), 0); // not from inside fetchTrainingPrices()
    QVERIFY(finished.wait(1000));
    const auto result = finished.first().first().value<PriceListResult>();
    QCOMPARE(result.error.code, u"NoConnection"_s);
    QCOMPARE(h.server.requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestPriceListClient)
#include "tst_pricelistclient.moc"
