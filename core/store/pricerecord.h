#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

// The on-demand training price of one instance type in one region, with where it came from and when.
struct PriceRecord
{
    enum class Source { PriceListApi, EnteredByUser };

    QString region; // "us-east-1"
    QString instanceType; // "ml.m5.xlarge"
    double pricePerHour = 0.0;
    QString currency = QStringLiteral("USD");
    Source source = Source::PriceListApi;
    QDateTime fetchedAt; // when it was fetched or entered; the store stamps it when left invalid
    QDate effectiveDate; // the price list's effective date, when known

    friend bool operator==(const PriceRecord &, const PriceRecord &) = default;
};
