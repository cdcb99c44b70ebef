#include "core/pricing/priceservice.h"

#include "core/aws/clock.h"
#include "core/pricing/instancecatalog.h"
#include "core/pricing/pricelistclient.h"
#include "core/pricing/pricelistfetch.h"
#include "core/store/localstore.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

bool isOffline(const AwsError &error)
{
    return error.code == "NetworkError"_L1 || error.code == "Timeout"_L1;
}

bool isRefusal(const AwsError &error)
{
    static const QStringList codes = { u"AccessDeniedException"_s, u"AccessDenied"_s,
        u"UnrecognizedClientException"_s, u"InvalidClientTokenId"_s, u"ExpiredTokenException"_s,
        u"ExpiredToken"_s, u"InvalidSignatureException"_s, u"SignatureDoesNotMatch"_s,
        u"MissingAuthenticationTokenException"_s, u"CredentialsError"_s };
    return codes.contains(error.code) || error.httpStatus == 401 || error.httpStatus == 403;
}

PriceQuote::Missing missingFor(const AwsError &error)
{
    if (isOffline(error))
        return PriceQuote::Missing::Offline;
    if (isRefusal(error))
        return PriceQuote::Missing::NotPermitted;
    if (error.code == "NoConnection"_L1)
        return PriceQuote::Missing::NoConnection;
    return PriceQuote::Missing::Failed;
}

} // namespace

PriceService::PriceService(LocalStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(store.clock())
    , m_cache(store)
{ }

PriceService::~PriceService()
{
    delete m_fetch;
}

void PriceService::setConnection(
    PriceListClient *client, const QString &region, const QString &noConnectionReason)
{
    delete m_fetch;
    m_pendingCheck.reset();
    const QString previous = m_region;
    m_client = client;
    m_region = region;
    m_noConnectionReason = noConnectionReason;
    if (!previous.isEmpty() && previous != region)
        emit pricesChanged(previous);
    if (!refreshIfDue() && !region.isEmpty())
        emit pricesChanged(region);
}

PriceQuote PriceService::quote(const QString &instanceType) const
{
    return quote(m_region, instanceType);
}

PriceQuote PriceService::quote(const QString &region, const QString &instanceType) const
{
    PriceQuote quote;
    quote.region = region;
    quote.instanceType = instanceType;
    quote.refreshing = isRefreshing() && m_fetch->region() == region;
    if (instanceType.isEmpty()) {
        quote.missing = PriceQuote::Missing::NoInstanceType;
        return quote;
    }
    const RegionPrices prices = regionPrices(region);
    if (!prices.storeError.isEmpty()) {
        quote.missing = PriceQuote::Missing::StoreError;
        quote.detail = prices.storeError;
        return quote;
    }
    const auto found = prices.byType.constFind(instanceType);
    if (found != prices.byType.cend()) {
        quote.price = *found;
        quote.missing = PriceQuote::Missing::None;
        quote.stale
            = quote.price->source == PriceRecord::Source::PriceListApi && m_cache.isStale(*quote.price);
        return quote;
    }
    if (prices.lastFetched.isValid()) {
        quote.missing = PriceQuote::Missing::NotListed;
    } else if (quote.refreshing) {
        quote.missing = PriceQuote::Missing::Fetching;
    } else if (m_failures.contains(region)) {
        const AwsError &error = m_failures[region];
        quote.missing = missingFor(error);
        quote.detail = error.toString();
    } else if (region == m_region && !m_client) {
        quote.missing = PriceQuote::Missing::NoConnection;
        quote.detail = m_noConnectionReason;
    } else {
        quote.missing = PriceQuote::Missing::NotFetched;
    }
    return quote;
}

StoreResult<> PriceService::enterPrice(
    const QString &region, const QString &instanceType, double pricePerHour)
{
    if (!std::isfinite(pricePerHour) || pricePerHour <= 0)
        return StoreResult<>::failure(tr("A price per hour must be a number above zero"));
    if (!InstanceCatalog::isWellFormedTypeName(instanceType))
        return StoreResult<>::failure(
            tr("\"%1\" is not an instance type name such as ml.m5.large").arg(instanceType));
    if (region.isEmpty())
        return StoreResult<>::failure(tr("A price needs a region"));
    PriceRecord price;
    price.region = region;
    price.instanceType = instanceType;
    price.pricePerHour = pricePerHour;
    price.source = PriceRecord::Source::EnteredByUser;
    price.fetchedAt = m_clock->now();
    auto stored = m_cache.put(price);
    if (stored) {
        m_regions.remove(region);
        emit pricesChanged(region);
    }
    return stored;
}

bool PriceService::refreshIfDue()
{
    if (!m_client || m_region.isEmpty() || isRefreshing())
        return false;
    const QDateTime lastFetched = m_cache.lastFetched(m_region).valueOr(QDateTime());
    const QDateTime now = m_clock->now();
    const qint64 maxAge = std::chrono::seconds(PriceCache::MaxAge).count();
    if (lastFetched.isValid() && lastFetched.secsTo(now) < maxAge) {
        scheduleCheck(std::chrono::seconds(maxAge - lastFetched.secsTo(now)));
        return false;
    }
    m_fetch = m_client->fetchTrainingPrices(m_region);
    connect(m_fetch, &PriceListFetch::finished, this, &PriceService::onFetched);
    emit pricesChanged(m_region);
    return true;
}

void PriceService::onFetched(const PriceListResult &result)
{
    m_fetch = nullptr;
    PriceListResult stored = result;
    if (result.isOk()) {
        const auto saved = m_cache.putFetched(result.region, result.prices);
        m_regions.remove(result.region);
        if (saved) {
            m_failures.remove(result.region);
        } else {
            stored.error.code = u"StoreError"_s;
            stored.error.message = saved.error();
        }
    }
    if (!stored.isOk())
        m_failures.insert(result.region, stored.error);

    if (result.region == m_region) {
        if (stored.isOk())
            scheduleCheck(PriceCache::MaxAge);
        else
            scheduleCheck(
                stored.error.retryable || isOffline(stored.error) ? RetryWhenOffline : RetryWhenRefused);
    }
    emit refreshFinished(stored);
    emit pricesChanged(result.region);
}

PriceService::RegionPrices PriceService::regionPrices(const QString &region) const
{
    const auto cached = m_regions.constFind(region);
    if (cached != m_regions.cend())
        return *cached;
    RegionPrices prices;
    // Sorted by type, the list's price before the entered one: the first of each type is the one to quote.
    const auto stored = m_cache.list(region);
    const auto fetched = m_cache.lastFetched(region);
    if (!stored)
        prices.storeError = stored.error();
    else if (!fetched)
        prices.storeError = fetched.error();
    else
        prices.lastFetched = *fetched;
    for (const PriceRecord &price : stored.valueOr({})) {
        if (!prices.byType.contains(price.instanceType))
            prices.byType.insert(price.instanceType, price);
    }
    if (prices.storeError.isEmpty())
        m_regions.insert(region, prices);
    return prices;
}

void PriceService::scheduleCheck(std::chrono::milliseconds delay)
{
    m_pendingCheck = std::make_unique<QObject>();
    m_clock->callAfter(delay, m_pendingCheck.get(), [this] {
        // Not deleted from inside its own call: the clock may still hold it.
        m_pendingCheck.release()->deleteLater();
        refreshIfDue();
    });
}
