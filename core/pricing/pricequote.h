#pragma once

#include "core/store/pricerecord.h"

#include <QMetaType>
#include <QString>
#include <optional>

// The answer to "what does an hour of this instance type cost in this region?": a price with its source and
// date, or the plain reason there is none.
struct PriceQuote
{
    enum class Missing {
        None, // priced
        NoInstanceType, // nothing chosen yet
        NotFetched, // the region's prices were never fetched and no fetch is under way
        Fetching, // the first fetch of the region is under way
        Offline, // the Price List API could not be reached
        NotPermitted, // the credentials may not call pricing:GetProducts (or there are none)
        NotListed, // the region's list was fetched and has no Training rate for the type
        NoConnection, // no connection to ask (no credentials resolved, or none configured)
        Failed, // any other failure of the fetch; detail says which
        StoreError, // the local store could not be read
    };

    QString region;
    QString instanceType;
    std::optional<PriceRecord> price;
    Missing missing = Missing::NotFetched;
    QString detail; // the error behind Offline, NotPermitted, Failed, StoreError, NoConnection
    bool refreshing = false; // a fetch of the region is under way (also when a price is shown)
    bool stale = false; // the price is from a fetch more than a day old (the last refresh failed)

    bool isPriced() const { return price.has_value(); }
    // "offline", "not permitted", "not listed", ...: the words in brackets after "No price for ..."
    QString missingReason() const;

    friend bool operator==(const PriceQuote &, const PriceQuote &) = default;
};

Q_DECLARE_METATYPE(PriceQuote)
