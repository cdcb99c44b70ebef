#include "core/pricing/pricelistfetch.h"

#include "core/aws/awscall.h"
#include "core/aws/awsrequest.h"
#include "core/aws/awstransport.h"
#include "core/pricing/pricelistclient.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

PriceListFetch::PriceListFetch(AwsTransport *transport, QString region, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_region(std::move(region))
{
    m_result.region = m_region;
}

PriceListFetch::~PriceListFetch()
{
    delete m_call;
}

void PriceListFetch::requestPage(const QString &nextToken)
{
    if (!m_transport) {
        // finished() must never come from inside fetchTrainingPrices().
        QMetaObject::invokeMethod(
            this, [this] { fail(u"NoConnection"_s, tr("No connection to the AWS Price List API")); },
            Qt::QueuedConnection);
        return;
    }
    m_call = m_transport->send(AwsRequest::json(
        u"AWSPriceListService"_s, u"GetProducts"_s, PriceListClient::getProductsInput(m_region, nextToken)));
    connect(m_call, &AwsCall::finished, this, &PriceListFetch::onPage);
}

void PriceListFetch::onPage(const AwsResult &answer)
{
    m_call = nullptr;
    if (!answer.isOk()) {
        m_result.error = answer.error;
        finish();
        return;
    }
    ++m_result.pages;
    const QJsonValue list = answer.json.value("PriceList"_L1);
    const QJsonValue token = answer.json.value("NextToken"_L1);
    if (!(list.isArray() || list.isUndefined() || list.isNull())
        || !(token.isString() || token.isUndefined() || token.isNull())) {
        fail(u"InvalidResponse"_s, tr("The Price List API answered in an unexpected shape"));
        return;
    }
    PriceListParser::parsePage(list.toArray(), m_region, m_page);

    const QString next = token.toString();
    if (next.isEmpty()) {
        m_result.prices = m_page.prices;
        finish();
    } else if (m_tokensSeen.contains(next) || m_result.pages >= PriceListClient::MaxPages) {
        fail(u"InvalidResponse"_s,
            tr("The Price List API kept sending more pages (%1 so far); the prices are incomplete")
                .arg(m_result.pages));
    } else {
        m_tokensSeen.insert(next);
        requestPage(next);
    }
}

void PriceListFetch::fail(const QString &code, const QString &message)
{
    m_result.error.code = code;
    m_result.error.message = message;
    finish();
}

void PriceListFetch::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_result.entries = m_page.entries;
    m_result.rejected = m_page.rejected;
    m_result.unreadable = m_page.unreadable;
    m_result.conflicts = m_page.conflicts;
    if (!m_result.isOk())
        m_result.prices.clear();
    emit finished(m_result);
    deleteLater();
}
