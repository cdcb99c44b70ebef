#pragma once

#include "core/store/pricerecord.h"

#include <QDateTime>
#include <QString>

// Shared by the cost tests and the cost widget's test: prices fetched at a fixed moment, and the cost texts
// with their layout characters made plain so expected strings can be written as people read them.
namespace PriceTestData {

// 2026-11-27 09:30 UTC: the date every text below must show.
inline QDateTime fetchedAt()
{
    return QDateTime(QDate(2026, 11, 27), QTime(9, 30), Qt::UTC);
}

inline PriceRecord price(const QString &type, double perHour,
    PriceRecord::Source source = PriceRecord::Source::PriceListApi,
    const QString &currency = QStringLiteral("USD"), const QString &region = QStringLiteral("us-east-1"))
{
    PriceRecord record;
    record.region = region;
    record.instanceType = type;
    record.pricePerHour = perHour;
    record.currency = currency;
    record.source = source;
    record.fetchedAt = fetchedAt();
    return record;
}

// The texts keep numbers and units together (no-break spaces, a word joiner in "/h").
inline QString plain(QString text)
{
    return text.replace(QChar(0x00a0), u' ').remove(QChar(0x2060));
}

} // namespace PriceTestData
