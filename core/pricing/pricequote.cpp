#include "core/pricing/pricequote.h"

#include <QCoreApplication>

QString PriceQuote::missingReason() const
{
    switch (missing) {
    case Missing::None:
        return {};
    case Missing::NoInstanceType:
        return QCoreApplication::translate("PriceQuote", "no instance type chosen");
    case Missing::NotFetched:
        return QCoreApplication::translate("PriceQuote", "prices not fetched yet");
    case Missing::Fetching:
        return QCoreApplication::translate("PriceQuote", "looking it up");
    case Missing::Offline:
        return QCoreApplication::translate("PriceQuote", "offline");
    case Missing::NotPermitted:
        return QCoreApplication::translate("PriceQuote", "not permitted");
    case Missing::NotListed:
        return QCoreApplication::translate("PriceQuote", "not listed");
    case Missing::NoConnection:
        return QCoreApplication::translate("PriceQuote", "no connection");
    case Missing::Failed:
        return QCoreApplication::translate("PriceQuote", "price list unavailable");
    case Missing::StoreError:
        return QCoreApplication::translate("PriceQuote", "local store unreadable");
    }
    return {};
}
