#include "core/pricing/pricelistclient.h"

#include "core/pricing/pricelistfetch.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

QJsonObject termMatch(const QString &field, const QString &value)
{
    return { { u"Type"_s, u"TERM_MATCH"_s }, { u"Field"_s, field }, { u"Value"_s, value } };
}

} // namespace

PriceListClient::PriceListClient(AwsTransport *transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{ }

PriceListFetch *PriceListClient::fetchTrainingPrices(const QString &region)
{
    auto *fetch = new PriceListFetch(m_transport, region, this);
    fetch->requestPage(QString());
    return fetch;
}

QJsonObject PriceListClient::getProductsInput(const QString &region, const QString &nextToken)
{
    // The filters narrow the answer; PriceListParser still checks every entry against the whole rule.
    QJsonObject input { { u"ServiceCode"_s, u"AmazonSageMaker"_s }, { u"FormatVersion"_s, u"aws_v1"_s },
        { u"MaxResults"_s, PageSize },
        { u"Filters"_s,
            QJsonArray { termMatch(u"ServiceCode"_s, u"AmazonSageMaker"_s),
                termMatch(u"regionCode"_s, region), termMatch(u"productFamily"_s, u"ML Instance"_s),
                termMatch(u"component"_s, u"Training"_s) } } };
    if (!nextToken.isEmpty())
        input.insert(u"NextToken"_s, nextToken);
    return input;
}
