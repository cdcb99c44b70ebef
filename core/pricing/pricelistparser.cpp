#include "core/pricing/pricelistparser.h"

#include "core/api/timestamp.h"
#include "core/pricing/instancecatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

using Verdict = PriceListParser::Verdict;

QString text(const QJsonObject &object, QLatin1StringView key)
{
    return object.value(key).toString().trimmed();
}

bool sameWord(const QString &a, QLatin1StringView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

bool isHourUnit(const QString &unit)
{
    return sameWord(unit, "Hrs"_L1) || sameWord(unit, "Hr"_L1) || sameWord(unit, "Hours"_L1)
        || sameWord(unit, "Hour"_L1);
}

struct Rate
{
    double amount = 0;
    QString currency;
};

// The one price of a dimension: USD when listed, otherwise the only currency there is.
std::optional<Rate> rateOf(const QJsonObject &pricePerUnit)
{
    QString currency = u"USD"_s;
    if (!pricePerUnit.contains(currency)) {
        if (pricePerUnit.size() != 1)
            return std::nullopt;
        currency = pricePerUnit.begin().key();
    }
    const QJsonValue value = pricePerUnit.value(currency);
    bool ok = value.isDouble();
    const double amount = ok ? value.toDouble() : value.toString().trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(amount) || amount <= 0)
        return std::nullopt;
    return Rate { amount, currency };
}

struct TermPrice
{
    Verdict verdict = Verdict::NoHourlyPrice;
    Rate rate;
    QDate effectiveDate;
};

// The hourly price of the latest on-demand term.
TermPrice onDemandPrice(const QJsonObject &terms)
{
    const QJsonObject onDemand = terms.value("OnDemand"_L1).toObject();
    QJsonObject latest;
    QDateTime latestDate;
    for (auto term = onDemand.begin(); term != onDemand.end(); ++term) {
        const QJsonObject object = term.value().toObject();
        const QDateTime date = Timestamp::parse(object.value("effectiveDate"_L1));
        if (latest.isEmpty() || (date.isValid() && (!latestDate.isValid() || date > latestDate))) {
            latest = object;
            latestDate = date;
        }
    }
    TermPrice result;
    const QJsonObject dimensions = latest.value("priceDimensions"_L1).toObject();
    int found = 0;
    for (auto dimension = dimensions.begin(); dimension != dimensions.end(); ++dimension) {
        const QJsonObject object = dimension.value().toObject();
        if (!isHourUnit(text(object, "unit"_L1)))
            continue;
        const QString begin = text(object, "beginRange"_L1);
        if (!begin.isEmpty() && begin.toDouble() != 0)
            continue;
        const std::optional<Rate> rate = rateOf(object.value("pricePerUnit"_L1).toObject());
        if (!rate)
            continue;
        if (found > 0 && (rate->amount != result.rate.amount || rate->currency != result.rate.currency))
            return { Verdict::AmbiguousPrice, {}, {} };
        result.rate = *rate;
        ++found;
    }
    if (found == 0)
        return result;
    result.verdict = Verdict::TrainingOnDemand;
    result.effectiveDate = latestDate.isValid() ? latestDate.toUTC().date() : QDate();
    return result;
}

bool namesSpot(const QString &value)
{
    return value.contains("spot"_L1, Qt::CaseInsensitive);
}

} // namespace

PriceListParser::Entry PriceListParser::parseEntry(const QString &entry, const QString &region)
{
    Entry result;
    const QJsonDocument document = QJsonDocument::fromJson(entry.toUtf8());
    const QJsonObject root = document.object();
    const QJsonObject product = root.value("product"_L1).toObject();
    const QJsonValue attributesValue = product.value("attributes"_L1);
    if (!document.isObject() || !attributesValue.isObject())
        return result;
    const QJsonObject attributes = attributesValue.toObject();

    auto reject = [&result](Verdict verdict) {
        result.verdict = verdict;
        return result;
    };
    for (const QString &service : { text(root, "serviceCode"_L1), text(attributes, "servicecode"_L1) }) {
        if (!service.isEmpty() && service != "AmazonSageMaker"_L1)
            return reject(Verdict::OtherService);
    }
    QString family = text(product, "productFamily"_L1);
    if (family.isEmpty())
        family = text(attributes, "productFamily"_L1);
    if (family != "ML Instance"_L1)
        return reject(Verdict::OtherProductFamily);
    if (text(attributes, "regionCode"_L1) != region)
        return reject(Verdict::OtherRegion);
    const QString locationType = text(attributes, "locationType"_L1);
    if (!locationType.isEmpty() && locationType != "AWS Region"_L1)
        return reject(Verdict::NotAnAwsRegion);
    if (!sameWord(text(attributes, "component"_L1), "Training"_L1))
        return reject(Verdict::OtherComponent);

    // "USE1-Train:ml.m5.large": a region prefix of capitals and digits, then exactly "Train".
    static const QRegularExpression trainUsage(u"^(?:[A-Z]{2,4}[0-9]{0,2}-)?Train:(\\S+)$"_s);
    const QString usageType = text(attributes, "usagetype"_L1);
    const QRegularExpressionMatch usage = trainUsage.match(usageType);
    if (namesSpot(usageType) || namesSpot(text(attributes, "platoinstancetype"_L1)))
        return reject(Verdict::Spot);
    if (!usage.hasMatch())
        return reject(Verdict::OtherUsageType);

    const QString usageInstance = usage.captured(1);
    QString instanceType = text(attributes, "instanceName"_L1);
    if (instanceType.isEmpty())
        instanceType = text(attributes, "instanceType"_L1);
    if (instanceType.isEmpty())
        instanceType = usageInstance;
    if (instanceType != usageInstance || !InstanceCatalog::isWellFormedTypeName(instanceType))
        return reject(Verdict::BadInstanceType);

    const TermPrice term = onDemandPrice(root.value("terms"_L1).toObject());
    if (term.verdict != Verdict::TrainingOnDemand)
        return reject(term.verdict);

    result.verdict = Verdict::TrainingOnDemand;
    result.price.region = region;
    result.price.instanceType = instanceType;
    result.price.pricePerHour = term.rate.amount;
    result.price.currency = term.rate.currency;
    result.price.source = PriceRecord::Source::PriceListApi;
    result.price.effectiveDate = term.effectiveDate;
    return result;
}

void PriceListParser::parsePage(const QJsonArray &priceList, const QString &region, Page &into)
{
    for (const QJsonValue &value : priceList) {
        ++into.entries;
        // The model says JSON strings; a service that inlines the object is read the same way.
        const QString entryText = value.isString() ? value.toString()
            : value.isObject()
            ? QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact))
            : QString();
        const Entry entry = parseEntry(entryText, region);
        if (entry.verdict == Verdict::Unreadable) {
            ++into.unreadable;
            continue;
        }
        if (entry.verdict != Verdict::TrainingOnDemand) {
            ++into.rejected;
            continue;
        }
        const auto at = std::lower_bound(into.prices.begin(), into.prices.end(), entry.price.instanceType,
            [](const PriceRecord &price, const QString &type) { return price.instanceType < type; });
        if (at == into.prices.end() || at->instanceType != entry.price.instanceType) {
            into.prices.insert(at, entry.price);
            continue;
        }
        ++into.conflicts;
        if (entry.price.currency == at->currency && entry.price.pricePerHour > at->pricePerHour)
            *at = entry.price;
    }
}

QString PriceListParser::verdictText(Verdict verdict)
{
    switch (verdict) {
    case Verdict::TrainingOnDemand:
        return tr("on-demand Training rate");
    case Verdict::Unreadable:
        return tr("not a price list entry");
    case Verdict::OtherService:
        return tr("another service");
    case Verdict::OtherProductFamily:
        return tr("product family is not ML Instance");
    case Verdict::OtherRegion:
        return tr("another region");
    case Verdict::NotAnAwsRegion:
        return tr("location is not an AWS Region");
    case Verdict::OtherComponent:
        return tr("component is not Training");
    case Verdict::OtherUsageType:
        return tr("usage type is not on-demand training");
    case Verdict::Spot:
        return tr("spot rate");
    case Verdict::BadInstanceType:
        return tr("instance type missing or inconsistent");
    case Verdict::NoHourlyPrice:
        return tr("no hourly on-demand price");
    case Verdict::AmbiguousPrice:
        return tr("several different hourly prices");
    }
    return {};
}
