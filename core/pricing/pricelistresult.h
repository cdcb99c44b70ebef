#pragma once

#include "core/aws/awserror.h"
#include "core/store/pricerecord.h"

#include <QList>
#include <QMetaType>
#include <QString>

// How fetching one region's Training prices from the Price List API ended, after all its pages.
struct PriceListResult
{
    QString region; // the connection's region the prices are for ("eu-west-1")
    QList<PriceRecord> prices; // on success: one per instance type listed, sorted by type; fetchedAt unset
    AwsError error; // null on success
    int pages = 0; // answers read
    int entries = 0; // PriceList entries read, all pages
    int rejected = 0; // entries that were not the on-demand Training rate (see PriceListParser)
    int unreadable = 0;
    int conflicts = 0;

    bool isOk() const { return error.isNull(); }
};

Q_DECLARE_METATYPE(PriceListResult)
