#include "core/pricing/pricelistparser.h"
#include "tests/pricing/pricingfixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Verdict = PriceListParser::Verdict;

QJsonObject parsed(const QString &entry)
{
    return QJsonDocument::fromJson(entry.toUtf8()).object();
}

QString serialized(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// The training entry with product.attributes.<name> set (Undefined removes it).
QString withAttribute(
    const QString &name, const QJsonValue &value, QString entry = PricingFixtures::trainingEntry())
{
    QJsonObject root = parsed(entry);
    QJsonObject product = root.value("product"_L1).toObject();
    QJsonObject attributes = product.value("attributes"_L1).toObject();
    if (value.isUndefined())
        attributes.remove(name);
    else
        attributes.insert(name, value);
    product.insert(u"attributes"_s, attributes);
    root.insert(u"product"_s, product);
    return serialized(root);
}

QString withAttributes(const QList<std::pair<QString, QJsonValue>> &changes)
{
    QString entry = PricingFixtures::trainingEntry();
    for (const auto &[name, value] : changes)
        entry = withAttribute(name, value, entry);
    return entry;
}

QString withTop(const QString &key, const QJsonValue &value, QString entry = PricingFixtures::trainingEntry())
{
    QJsonObject root = parsed(entry);
    if (value.isUndefined())
        root.remove(key);
    else
        root.insert(key, value);
    return serialized(root);
}

QString withProductFamily(const QJsonValue &family, bool inAttributes = false)
{
    QJsonObject root = parsed(PricingFixtures::trainingEntry());
    QJsonObject product = root.value("product"_L1).toObject();
    product.remove(u"productFamily"_s);
    if (inAttributes) {
        QJsonObject attributes = product.value("attributes"_L1).toObject();
        attributes.insert(u"productFamily"_s, family);
        product.insert(u"attributes"_s, attributes);
    } else {
        product.insert(u"productFamily"_s, family);
    }
    root.insert(u"product"_s, product);
    return serialized(root);
}

QJsonObject dimension(const QJsonValue &price, const QString &unit = u"Hrs"_s, const QString &begin = u"0"_s,
    const QString &currency = u"USD"_s)
{
    return { { u"unit"_s, unit }, { u"beginRange"_s, begin }, { u"endRange"_s, u"Inf"_s },
        { u"pricePerUnit"_s, QJsonObject { { currency, price } } } };
}

QJsonObject term(const QString &effectiveDate, const QList<QJsonObject> &dimensions)
{
    QJsonObject byRateCode;
    for (qsizetype i = 0; i < dimensions.size(); ++i)
        byRateCode.insert(u"SKU.JRTCKXETXF.RATE%1"_s.arg(i), dimensions.at(i));
    return { { u"effectiveDate"_s, effectiveDate }, { u"priceDimensions"_s, byRateCode } };
}

// The training entry with its on-demand terms replaced.
QString withTerms(const QList<QJsonObject> &terms)
{
    QJsonObject onDemand;
    for (qsizetype i = 0; i < terms.size(); ++i)
        onDemand.insert(u"SKU.TERM%1"_s.arg(i), terms.at(i));
    return withTop(u"terms"_s, QJsonObject { { u"OnDemand"_s, onDemand } });
}

QString withOneDimension(const QJsonObject &dimension)
{
    return withTerms({ term(u"2026-08-01T00:00:00Z"_s, { dimension }) });
}

} // namespace

// Proves the selection rule written at PriceListParser: each row of parseEntry's table is a real-shaped
// entry changed in one respect and names the verdict that change must bring; the fixture pages, with their
// upfront fee, HyperPod, hosting, notebook, processing, spot and other-region rows, yield exactly the four
// Training rates across pages.
class TestPriceListParser : public QObject
{
    Q_OBJECT

private slots:
    void parseEntry_data();
    void parseEntry();
    void fixturePagesYieldOnlyTrainingRates();
    void upfrontFeeAloneIsNoPrice();
    void conflictingEntriesKeepTheHigherPrice();
    void nonStringEntriesAreCounted();
};

void TestPriceListParser::parseEntry_data()
{
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QString>("region");
    QTest::addColumn<int>("verdict");
    QTest::addColumn<QString>("instanceType");
    QTest::addColumn<double>("pricePerHour");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QDate>("effectiveDate");

    const QString useast = u"us-east-1"_s;
    const QDate aug1(2026, 8, 1);
    const auto accepted = [&](const char *name, const QString &entry, double price = 0.115,
                              const QString &type = u"ml.m5.large"_s, const QString &currency = u"USD"_s,
                              QDate date = QDate(2026, 8, 1), const QString &region = u"us-east-1"_s) {
        QTest::newRow(name) << entry << region << int(Verdict::TrainingOnDemand) << type << price << currency
                            << date;
    };
    const auto rejected = [&](const char *name, const QString &entry, Verdict verdict) {
        QTest::newRow(name) << entry << useast << int(verdict) << QString() << 0.0 << QString() << QDate();
    };

    accepted("the training row as the API sends it", PricingFixtures::trainingEntry());
    accepted("component in lower case", withAttribute(u"component"_s, u"training"_s));
    accepted("usage type without region prefix", withAttribute(u"usagetype"_s, u"Train:ml.m5.large"_s));
    accepted("eu-west-1 row with the EU- prefix",
        withAttributes(
            { { u"regionCode"_s, u"eu-west-1"_s }, { u"usagetype"_s, u"EU-Train:ml.m5.large"_s } }),
        0.115, u"ml.m5.large"_s, u"USD"_s, aug1, u"eu-west-1"_s);
    accepted("no instanceName: instanceType counts", withAttribute(u"instanceName"_s, QJsonValue::Undefined));
    accepted("no instance attributes: the usage type names it",
        withAttributes(
            { { u"instanceName"_s, QJsonValue::Undefined }, { u"instanceType"_s, QJsonValue::Undefined } }));
    accepted("no locationType", withAttribute(u"locationType"_s, QJsonValue::Undefined));
    accepted("no service codes",
        withTop(
            u"serviceCode"_s, QJsonValue::Undefined, withAttribute(u"servicecode"_s, QJsonValue::Undefined)));
    accepted("productFamily among the attributes", withProductFamily(u"ML Instance"_s, true));
    accepted("operation is not looked at", withAttribute(u"operation"_s, u"SomethingElse"_s));
    accepted("price as a JSON number", withOneDimension(dimension(0.115)));
    accepted("unit spelled Hours", withOneDimension(dimension(u"0.115"_s, u"Hours"_s)));
    accepted("the same price twice",
        withTerms(
            { term(u"2026-08-01T00:00:00Z"_s, { dimension(u"0.115"_s), dimension(u"0.1150000000"_s) }) }));
    accepted("a tier beyond the first is ignored",
        withTerms({ term(u"2026-08-01T00:00:00Z"_s,
            { dimension(u"0.115"_s), dimension(u"0.09"_s, u"Hrs"_s, u"750"_s) }) }));
    accepted("only CNY listed (China)", withOneDimension(dimension(u"0.98"_s, u"Hrs"_s, u"0"_s, u"CNY"_s)),
        0.98, u"ml.m5.large"_s, u"CNY"_s);
    accepted("the latest of two terms counts",
        withTerms({ term(u"2025-01-01T00:00:00Z"_s, { dimension(u"0.134"_s) }),
            term(u"2026-09-15T00:00:00Z"_s, { dimension(u"0.121"_s) }) }),
        0.121, u"ml.m5.large"_s, u"USD"_s, QDate(2026, 9, 15));
    accepted("no effective date",
        withTerms(
            { QJsonObject { { u"priceDimensions"_s, QJsonObject { { u"R"_s, dimension(u"0.115"_s) } } } } }),
        0.115, u"ml.m5.large"_s, u"USD"_s, QDate());

    rejected("not JSON", u"{\"product\": "_s, Verdict::Unreadable);
    rejected("a JSON array", u"[1, 2]"_s, Verdict::Unreadable);
    rejected("empty text", QString(), Verdict::Unreadable);
    rejected("no product attributes", u"{\"product\": {\"productFamily\": \"ML Instance\"}}"_s,
        Verdict::Unreadable);
    rejected("another service code", withTop(u"serviceCode"_s, u"AmazonEC2"_s), Verdict::OtherService);
    rejected("another servicecode attribute", withAttribute(u"servicecode"_s, u"AmazonEC2"_s),
        Verdict::OtherService);
    rejected("product family Storage", withProductFamily(u"Storage"_s), Verdict::OtherProductFamily);
    rejected("no product family", withProductFamily(QString()), Verdict::OtherProductFamily);
    rejected("another region", withAttribute(u"regionCode"_s, u"eu-west-1"_s), Verdict::OtherRegion);
    rejected("no regionCode", withAttribute(u"regionCode"_s, QJsonValue::Undefined), Verdict::OtherRegion);
    rejected("an Outpost", withAttribute(u"locationType"_s, u"AWS Outposts"_s), Verdict::NotAnAwsRegion);
    rejected("hosting",
        withAttributes({ { u"component"_s, u"Hosting"_s }, { u"usagetype"_s, u"USE1-Host:ml.m5.large"_s } }),
        Verdict::OtherComponent);
    rejected("HyperPod cluster",
        withAttributes(
            { { u"component"_s, u"Cluster"_s }, { u"usagetype"_s, u"USE1-Cluster:ml.m5.large"_s } }),
        Verdict::OtherComponent);
    rejected("notebook", withAttribute(u"component"_s, u"Notebook"_s), Verdict::OtherComponent);
    rejected("processing", withAttribute(u"component"_s, u"Processing"_s), Verdict::OtherComponent);
    rejected("training-plan upfront fee (no component)",
        withAttributes({ { u"component"_s, QJsonValue::Undefined },
            { u"usagetype"_s, u"USE1-TrainingPlanUpfrontFee:ml.m5.large"_s } }),
        Verdict::OtherComponent);
    rejected("upfront fee even with component Training",
        withAttribute(u"usagetype"_s, u"USE1-TrainingPlanUpfrontFee:ml.m5.large"_s), Verdict::OtherUsageType);
    rejected("upfront fee without an instance in the usage type",
        withAttribute(u"usagetype"_s, u"USE1-TrainingPlanUpfrontFee"_s), Verdict::OtherUsageType);
    rejected("hosting meter with component Training",
        withAttribute(u"usagetype"_s, u"USE1-Host:ml.m5.large"_s), Verdict::OtherUsageType);
    rejected("no usage type", withAttribute(u"usagetype"_s, QJsonValue::Undefined), Verdict::OtherUsageType);
    rejected("spot meter", withAttribute(u"usagetype"_s, u"USE1-Spot-Train:ml.m5.large"_s), Verdict::Spot);
    rejected(
        "spot platoinstancetype", withAttribute(u"platoinstancetype"_s, u"SpotTraining"_s), Verdict::Spot);
    rejected("instanceName disagrees with the usage type",
        withAttribute(u"instanceName"_s, u"ml.m5.xlarge"_s), Verdict::BadInstanceType);
    rejected("type without the ml. prefix",
        withAttributes({ { u"usagetype"_s, u"USE1-Train:m5.large"_s }, { u"instanceName"_s, u"m5.large"_s },
            { u"instanceType"_s, u"m5.large"_s } }),
        Verdict::BadInstanceType);
    rejected("unit Quantity (a one-off fee)", withOneDimension(dimension(u"13.57"_s, u"Quantity"_s)),
        Verdict::NoHourlyPrice);
    rejected(
        "price zero (free tier)", withOneDimension(dimension(u"0.0000000000"_s)), Verdict::NoHourlyPrice);
    rejected("price not a number", withOneDimension(dimension(u"n/a"_s)), Verdict::NoHourlyPrice);
    rejected("two currencies, none USD",
        withOneDimension(QJsonObject { { u"unit"_s, u"Hrs"_s },
            { u"pricePerUnit"_s, QJsonObject { { u"CNY"_s, u"1"_s }, { u"EUR"_s, u"1"_s } } } }),
        Verdict::NoHourlyPrice);
    rejected("no on-demand terms", withTop(u"terms"_s, QJsonObject { { u"Reserved"_s, QJsonObject() } }),
        Verdict::NoHourlyPrice);
    rejected("no terms at all", withTop(u"terms"_s, QJsonValue::Undefined), Verdict::NoHourlyPrice);
    rejected("two different hourly prices",
        withTerms({ term(u"2026-08-01T00:00:00Z"_s, { dimension(u"0.115"_s), dimension(u"0.2"_s) }) }),
        Verdict::AmbiguousPrice);
}

void TestPriceListParser::parseEntry()
{
    QFETCH(QString, entry);
    QFETCH(QString, region);
    QFETCH(int, verdict);
    QFETCH(QString, instanceType);
    QFETCH(double, pricePerHour);
    QFETCH(QString, currency);
    QFETCH(QDate, effectiveDate);

    const PriceListParser::Entry parsedEntry = PriceListParser::parseEntry(entry, region);
    QCOMPARE(
        PriceListParser::verdictText(parsedEntry.verdict), PriceListParser::verdictText(Verdict(verdict)));
    if (verdict != int(Verdict::TrainingOnDemand))
        return;
    QCOMPARE(parsedEntry.price.region, region);
    QCOMPARE(parsedEntry.price.instanceType, instanceType);
    QCOMPARE(parsedEntry.price.pricePerHour, pricePerHour);
    QCOMPARE(parsedEntry.price.currency, currency);
    QCOMPARE(parsedEntry.price.effectiveDate, effectiveDate);
    QCOMPARE(parsedEntry.price.source, PriceRecord::Source::PriceListApi);
    QVERIFY(!parsedEntry.price.fetchedAt.isValid());
}

void TestPriceListParser::fixturePagesYieldOnlyTrainingRates()
{
    PriceListParser::Page page;
    const QString region = u"us-east-1"_s;
    PriceListParser::parsePage(PricingFixtures::firstPage().value("PriceList"_L1).toArray(), region, page);
    PriceListParser::parsePage(PricingFixtures::lastPage().value("PriceList"_L1).toArray(), region, page);

    QCOMPARE(page.entries, 11);
    QCOMPARE(page.rejected, 7);
    QCOMPARE(page.unreadable, 0);
    QCOMPARE(page.conflicts, 0);
    QStringList types;
    QList<double> prices;
    for (const PriceRecord &price : std::as_const(page.prices)) {
        types << price.instanceType;
        prices << price.pricePerHour;
        QCOMPARE(price.region, region);
    }
    QCOMPARE(types,
        (QStringList { u"ml.g5.2xlarge"_s, u"ml.g6e.xlarge"_s, u"ml.m5.large"_s, u"ml.p4d.24xlarge"_s }));
    // 25.251, not the upfront fee's 13.57 nor HyperPod's 25.91; 0.115, not hosting's 0.134 nor eu-west-1's
    // 0.128; 1.515, not the spot meter's 0.4545.
    QCOMPARE(prices, (QList<double> { 1.515, 1.86, 0.115, 25.251 }));
    QCOMPARE(page.prices.at(3).effectiveDate, QDate(2026, 7, 27));
}

void TestPriceListParser::upfrontFeeAloneIsNoPrice()
{
    // The first page's second entry is the p4d upfront fee; alone, it must leave p4d without a price.
    PriceListParser::Page page;
    const QJsonArray firstPage = PricingFixtures::firstPage().value("PriceList"_L1).toArray();
    PriceListParser::parsePage(QJsonArray { firstPage.at(1), firstPage.at(2) }, u"us-east-1"_s, page);
    QCOMPARE(page.entries, 2);
    QCOMPARE(page.rejected, 2);
    QVERIFY(page.prices.isEmpty());
}

void TestPriceListParser::conflictingEntriesKeepTheHigherPrice()
{
    const QString cheaper = withOneDimension(dimension(u"0.100"_s));
    const QString dearer = withOneDimension(dimension(u"0.130"_s));
    for (const QJsonArray &order : { QJsonArray { cheaper, dearer }, QJsonArray { dearer, cheaper } }) {
        PriceListParser::Page page;
        PriceListParser::parsePage(order, u"us-east-1"_s, page);
        QCOMPARE(page.prices.size(), 1);
        QCOMPARE(page.prices.first().pricePerHour, 0.130);
        QCOMPARE(page.conflicts, 1);
    }
}

void TestPriceListParser::nonStringEntriesAreCounted()
{
    PriceListParser::Page page;
    PriceListParser::parsePage(
        QJsonArray { 42, QJsonValue(), u"not json"_s, parsed(PricingFixtures::trainingEntry()) },
        u"us-east-1"_s, page);
    QCOMPARE(page.entries, 4);
    QCOMPARE(page.unreadable, 3);
    // An entry inlined as an object instead of a string is read all the same.
    QCOMPARE(page.prices.size(), 1);
}

QTEST_GUILESS_MAIN(TestPriceListParser)
#include "tst_pricelistparser.moc"
