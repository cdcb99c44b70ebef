#include "core/store/pricecache.h"

#include "core/store/localstore.h"
#include "core/store/storesql.h"
#include "core/store/storetransaction.h"

using namespace Qt::StringLiterals;

namespace {

// The stored names of the sources; the API one sorts first, which lookup() relies on.
QString sourceName(PriceRecord::Source source)
{
    return source == PriceRecord::Source::EnteredByUser ? u"entered"_s : u"api"_s;
}

const QString SelectPrice = u"SELECT region, instance_type, price_per_hour, currency, source, fetched_ms, "
                            "effective_date FROM prices "_s;

PriceRecord priceFrom(const QSqlQuery &query)
{
    PriceRecord price;
    price.region = query.value(0).toString();
    price.instanceType = query.value(1).toString();
    price.pricePerHour = query.value(2).toDouble();
    price.currency = query.value(3).toString();
    price.source = query.value(4).toString() == u"entered" ? PriceRecord::Source::EnteredByUser
                                                           : PriceRecord::Source::PriceListApi;
    price.fetchedAt = StoreSql::timeFrom(query.value(5));
    price.effectiveDate = StoreSql::dateFrom(query.value(6));
    return price;
}

const QString InsertPrice = u"INSERT OR REPLACE INTO prices (region, instance_type, source, price_per_hour, "
                            "currency, fetched_ms, effective_date) VALUES (?, ?, ?, ?, ?, ?, ?)"_s;

QVariantList priceValues(const PriceRecord &price, const QDateTime &now)
{
    return { price.region, price.instanceType, sourceName(price.source), price.pricePerHour, price.currency,
        StoreSql::timeValue(price.fetchedAt.isValid() ? price.fetchedAt : now),
        StoreSql::dateValue(price.effectiveDate) };
}

} // namespace

PriceCache::PriceCache(LocalStore &store)
    : m_store(store)
{ }

QString PriceCache::sourceLabel(PriceRecord::Source source)
{
    return source == PriceRecord::Source::EnteredByUser ? tr("entered by you") : tr("AWS Price List API");
}

StoreResult<> PriceCache::put(const PriceRecord &price)
{
    return StoreResult<>::from(
        StoreSql::change(m_store, InsertPrice, priceValues(price, m_store.clock()->now()),
            tr("Could not save the price of %1").arg(price.instanceType)));
}

StoreResult<> PriceCache::putFetched(const QString &region, const QList<PriceRecord> &prices)
{
    const QString what = tr("Could not save the prices for %1").arg(region);
    const QDateTime now = m_store.clock()->now();
    return StoreTransaction::write(m_store, [&](const QSqlDatabase &db) -> StoreResult<> {
        auto stored = StoreSql::changeEach(
            db, InsertPrice, prices, what, [&](const PriceRecord &price) { return priceValues(price, now); });
        if (!stored)
            return StoreResult<>::from(stored);
        return StoreResult<>::from(
            StoreSql::change(db, u"INSERT OR REPLACE INTO price_fetches (region, fetched_ms) VALUES (?, ?)"_s,
                { region, StoreSql::timeValue(now) }, what));
    });
}

StoreResult<std::optional<PriceRecord>> PriceCache::lookup(
    const QString &region, const QString &instanceType) const
{
    return StoreSql::rows<PriceRecord>(m_store,
        SelectPrice + u"WHERE region = ? AND instance_type = ? ORDER BY source LIMIT 1"_s,
        { region, instanceType }, tr("Could not read the price of %1").arg(instanceType), priceFrom)
        .map(StoreSql::first<PriceRecord>);
}

StoreResult<QList<PriceRecord>> PriceCache::list(const QString &region) const
{
    return StoreSql::rows<PriceRecord>(m_store,
        SelectPrice + u"WHERE region = ? ORDER BY instance_type, source"_s, { region },
        tr("Could not read the prices for %1").arg(region), priceFrom);
}

StoreResult<bool> PriceCache::remove(
    const QString &region, const QString &instanceType, PriceRecord::Source source)
{
    return StoreSql::change(m_store,
        u"DELETE FROM prices WHERE region = ? AND instance_type = ? AND source = ?"_s,
        { region, instanceType, sourceName(source) },
        tr("Could not delete the price of %1").arg(instanceType))
        .map(StoreSql::anyChanged);
}

bool PriceCache::isOlderThanMaxAge(const QDateTime &time) const
{
    return !time.isValid() || time.secsTo(m_store.clock()->now()) >= std::chrono::seconds(MaxAge).count();
}

bool PriceCache::isStale(const PriceRecord &price) const
{
    return isOlderThanMaxAge(price.fetchedAt);
}

StoreResult<QDateTime> PriceCache::lastFetched(const QString &region) const
{
    return StoreSql::rows<QDateTime>(m_store, u"SELECT fetched_ms FROM price_fetches WHERE region = ?"_s,
        { region }, tr("Could not read when the prices for %1 were fetched").arg(region),
        [](const QSqlQuery &query) { return StoreSql::timeFrom(query.value(0)); })
        .map(
            [](const QList<QDateTime> &times) { return times.isEmpty() ? QDateTime() : times.constFirst(); });
}

StoreResult<bool> PriceCache::needsRefresh(const QString &region) const
{
    return lastFetched(region).map([this](const QDateTime &fetched) { return isOlderThanMaxAge(fetched); });
}
