#pragma once

#include "core/store/pricerecord.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class QJsonArray;

// Reads the entries of a Price List GetProducts answer (each a JSON document in a JSON string) and keeps only
// the on-demand SageMaker Training rate of each instance type in one region.
//
// An entry is the on-demand Training rate of instance type T in region R when all of these hold:
//  1. it is a JSON object whose product.attributes is an object, and its service code (serviceCode, or
//     attributes.servicecode), when present, is "AmazonSageMaker";
//  2. product.productFamily (or attributes.productFamily) is "ML Instance";
//  3. attributes.regionCode is R, and attributes.locationType, when present, is "AWS Region" (not an
//     Outpost or a Local Zone);
//  4. attributes.component is "Training": this leaves out Hosting, Notebook, Processing, BatchTransform,
//     AsyncInf, Studio-*, the HyperPod cluster rates (component "Cluster") and the training-plan upfront fee
//     (which has no component);
//  5. attributes.usagetype is "<region prefix>-Train:T" ("USE1-Train:ml.m5.large", "EU-Train:ml.m5.large";
//     the prefix may be absent): the meter of on-demand training. This alone also rejects
//     "USE1-TrainingPlanUpfrontFee…", "…-Cluster:…", "…-Host:…" and any spot meter ("…-Spot-Train…");
//  6. neither attributes.platoinstancetype nor the usage type names spot;
//  7. T, taken from attributes.instanceName (else instanceType, else the usage type after the colon), is the
//     same type the usage type names and is well formed (ml.<series>.<size>);
//  8. its terms.OnDemand hold exactly one price for the unit "Hrs" (begin range 0 when given), greater than
//     zero, in USD (or, where the list has no USD, in its only currency, e.g. CNY in China). When several
//     on-demand terms exist, the one with the latest effectiveDate counts; its date is kept.
// attributes.operation is not used: training, hosting and processing rows share "RunInstance", so it says
// nothing the usage type does not. When two entries pass for the same type, the higher price is kept (an
// estimate must not come out low) and the entry is counted as a conflict.
class PriceListParser
{
    Q_DECLARE_TR_FUNCTIONS(PriceListParser)

public:
    // Why an entry is or is not the rate, in the order of the rule above.
    enum class Verdict {
        TrainingOnDemand,
        Unreadable, // not JSON, or no product attributes
        OtherService,
        OtherProductFamily,
        OtherRegion,
        NotAnAwsRegion,
        OtherComponent,
        OtherUsageType,
        Spot,
        BadInstanceType,
        NoHourlyPrice,
        AmbiguousPrice,
    };

    struct Entry
    {
        Verdict verdict = Verdict::Unreadable;
        PriceRecord price; // valid for TrainingOnDemand: fetchedAt left invalid for the store to stamp
    };

    struct Page
    {
        QList<PriceRecord> prices; // one per instance type, sorted by type
        int entries = 0;
        int rejected = 0; // well-formed entries that are not the Training on-demand rate
        int unreadable = 0;
        int conflicts = 0;
    };

    static Entry parseEntry(const QString &entry, const QString &region);
    // priceList: the answer's PriceList array (strings; other members count as unreadable). Merges with
    // earlier pages through into, so a type listed on two pages is judged once.
    static void parsePage(const QJsonArray &priceList, const QString &region, Page &into);

    // "component is not Training" and so on, for debug output and test messages.
    static QString verdictText(Verdict verdict);
};
