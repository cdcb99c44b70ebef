#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

class AwsTransport;
class PriceListFetch;

// The AWS Price List API (service "pricing", JSON 1.1, target AWSPriceListService) as far as SageMaker
// Training prices need it. The transport must be made for the pricing service: its endpoint and signing
// region are the Price List's own (us-east-1, eu-central-1 or ap-south-1; ConnectionResolver::resolve(...,
// "pricing") picks one), while the region of the prices is the connection's and goes into the product
// filter.
class PriceListClient : public QObject
{
    Q_OBJECT

public:
    static constexpr int PageSize = 100; // GetProducts' MaxResults limit
    static constexpr int MaxPages = 50; // far above the ~2 pages a region has; ends a token loop

    // transport is not owned and must outlive the fetches.
    explicit PriceListClient(AwsTransport *transport, QObject *parent = nullptr);

    // Fetches every on-demand Training price of the region in one paginated run (GetProducts filtered by
    // regionCode, productFamily "ML Instance" and component "Training", MaxResults 100, following
    // NextToken). The handle emits finished() once, from the event loop, then deletes itself; delete it
    // earlier to cancel.
    PriceListFetch *fetchTrainingPrices(const QString &region);

    // The GetProducts input for one page; nextToken empty for the first.
    static QJsonObject getProductsInput(const QString &region, const QString &nextToken = QString());

    AwsTransport *transport() const { return m_transport; }

private:
    AwsTransport *m_transport;
};
