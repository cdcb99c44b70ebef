#pragma once

#include "core/aws/awserror.h"
#include "core/pricing/pricelistresult.h"
#include "core/pricing/pricequote.h"
#include "core/store/pricecache.h"
#include "core/store/storeresult.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <chrono>
#include <memory>

class Clock;
class LocalStore;
class PriceListClient;
class PriceListFetch;

// Answers "what does an hour of instance type T cost in region R?" from the local store's price cache, and
// keeps the connection region's prices fresh in the background: the first time (or when the stored ones are
// a day old) it fetches all of the region's on-demand Training prices from the Price List API in one run
// and stores them with the date; then it checks again when they turn a day old, so the API is asked at most
// once a day per region. A failed fetch is retried after RetryWhenOffline (network errors, throttling,
// server errors) or RetryWhenRefused (anything else, such as AccessDenied); until then the quotes say why
// there is no price. Prices the user enters are kept with the mark "entered by you"; a price from the list
// takes precedence over one entered for the same type.
//
// Time goes through the store's clock, so tests move it with a ManualClock. No widget in sight: forms and the
// dashboard call quote() and listen to pricesChanged(). quote() reads a region's prices from the store once
// and keeps them in memory until this service changes them, so it costs a hash lookup per call.
class PriceService : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::hours RetryWhenOffline { 1 };
    static constexpr std::chrono::hours RetryWhenRefused { 24 };

    // store must be open and outlive the service.
    explicit PriceService(LocalStore &store, QObject *parent = nullptr);
    ~PriceService() override;

    // The Price List client of the current connection (not owned; nullptr when there is none, with
    // noConnectionReason saying why, e.g. the resolver's error) and the connection's region, whose prices
    // are kept fresh. Cancels a fetch for an earlier connection; starts one when the region's prices are
    // due.
    void setConnection(
        PriceListClient *client, const QString &region, const QString &noConnectionReason = {});
    QString region() const { return m_region; }

    // In the connection's region.
    PriceQuote quote(const QString &instanceType) const;
    PriceQuote quote(const QString &region, const QString &instanceType) const;

    // Keeps pricePerHour (USD) for the type in the region, marked "entered by you" and dated now; emits
    // pricesChanged(region). Fails for a price that is not a positive number or a malformed type name.
    StoreResult<> enterPrice(const QString &region, const QString &instanceType, double pricePerHour);

    bool isRefreshing() const { return !m_fetch.isNull(); }
    // Starts a fetch of the connection region's prices when they are due (never fetched, or fetched a day
    // ago or more) and none is running; true when one was started.
    bool refreshIfDue();

signals:
    // quote() may now answer differently for region: prices fetched, a price entered, a fetch started or
    // failed.
    void pricesChanged(const QString &region);
    // A fetch ended (result.error is null on success), after its prices were stored.
    void refreshFinished(const PriceListResult &result);

private:
    // One region's prices as quote() gives them, read from the store once and again after each change, so
    // a dashboard can quote every row without a query each.
    struct RegionPrices
    {
        QHash<QString, PriceRecord> byType; // the list's price, else the one entered
        QDateTime lastFetched;
        QString storeError;
    };
    // A failed read is not kept: the next quote reads again.
    RegionPrices regionPrices(const QString &region) const;
    void onFetched(const PriceListResult &result);
    void scheduleCheck(std::chrono::milliseconds delay);

    LocalStore &m_store;
    Clock *m_clock;
    PriceCache m_cache;
    QPointer<PriceListClient> m_client;
    QString m_region;
    QString m_noConnectionReason;
    QPointer<PriceListFetch> m_fetch;
    QHash<QString, AwsError> m_failures; // the last failed fetch per region, until one succeeds
    mutable QHash<QString, RegionPrices> m_regions;
    // The context of the one scheduled check: replacing it cancels the previous one, on any Clock.
    std::unique_ptr<QObject> m_pendingCheck;
};
