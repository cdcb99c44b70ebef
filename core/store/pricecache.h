#pragma once

#include "core/store/pricerecord.h"
#include "core/store/storeresult.h"

#include <QCoreApplication>
#include <QList>
#include <chrono>
#include <optional>

class LocalStore;

// Hourly training prices per region and instance type, from the AWS Price List API or entered by the
// user, each kept with the date it was fetched or entered. A region is refreshed at most once a day.
class PriceCache
{
    Q_DECLARE_TR_FUNCTIONS(PriceCache)

public:
    static constexpr std::chrono::hours MaxAge { 24 };

    explicit PriceCache(LocalStore &store);

    // "AWS Price List API" or "entered by you", for the line beside a price.
    static QString sourceLabel(PriceRecord::Source source);

    // Stores one price, replacing the one of the same region, type and source. An invalid fetchedAt is
    // stamped with the store's clock.
    StoreResult<> put(const PriceRecord &price);
    // Stores one region's prices from the price list in one transaction and records when the region was
    // fetched, so needsRefresh(region) stays false for a day even for types the list has no price for.
    StoreResult<> putFetched(const QString &region, const QList<PriceRecord> &prices);
    // The price list's price when there is one, otherwise the one the user entered.
    StoreResult<std::optional<PriceRecord>> lookup(const QString &region, const QString &instanceType) const;
    // Every stored price of the region (both sources), by instance type.
    StoreResult<QList<PriceRecord>> list(const QString &region) const;
    StoreResult<bool> remove(const QString &region, const QString &instanceType, PriceRecord::Source source);

    // Older than MaxAge by the store's clock (or never stamped).
    bool isStale(const PriceRecord &price) const;
    // When putFetched() last ran for the region; invalid when never.
    StoreResult<QDateTime> lastFetched(const QString &region) const;
    // True when the region was never fetched or its last fetch is older than MaxAge.
    StoreResult<bool> needsRefresh(const QString &region) const;

private:
    bool isOlderThanMaxAge(const QDateTime &time) const;

    LocalStore &m_store;
};
