#pragma once

#include "tests/support/testdata.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// The GetProducts answers under tests/data/pricing: us-east-1's Training rates over two pages, mixed with
// the rows a careless reader would take (training-plan upfront fee, HyperPod cluster, hosting, notebook,
// processing, spot, another region). The Training rates they hold:
//   ml.g5.2xlarge 1.515 (2026-07-11), ml.g6e.xlarge 1.86 (2026-05-01), ml.m5.large 0.115 (2026-08-01),
//   ml.p4d.24xlarge 25.251 (2026-07-27).
namespace PricingFixtures {

inline QJsonObject page(const QString &name)
{
    return TestData::object(QStringLiteral("pricing/") + name + QStringLiteral(".json"));
}

inline QJsonObject firstPage()
{
    return page(QStringLiteral("getproducts-us-east-1-page1"));
}

inline QJsonObject lastPage()
{
    return page(QStringLiteral("getproducts-us-east-1-page2"));
}

// The ml.m5.large on-demand Training entry of us-east-1, as the API sends it (a JSON document in a string).
inline QString trainingEntry()
{
    return firstPage().value(QStringLiteral("PriceList")).toArray().at(0).toString();
}

} // namespace PricingFixtures
