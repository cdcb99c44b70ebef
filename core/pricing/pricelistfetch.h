#pragma once

#include "core/pricing/pricelistparser.h"
#include "core/pricing/pricelistresult.h"

#include <QObject>
#include <QPointer>
#include <QSet>

class AwsCall;
class AwsTransport;
struct AwsResult;

// The handle of one paginated Price List run (see PriceListClient::fetchTrainingPrices): requests page
// after page, parses each as it arrives and emits finished() exactly once. Deletes itself after finished();
// deleting it before cancels the page on the wire without a signal.
class PriceListFetch : public QObject
{
    Q_OBJECT

public:
    ~PriceListFetch() override;

    const QString &region() const { return m_region; }
    bool isFinished() const { return m_finished; }

signals:
    void finished(const PriceListResult &result);

private:
    friend class PriceListClient;

    PriceListFetch(AwsTransport *transport, QString region, QObject *parent);

    void requestPage(const QString &nextToken);
    void onPage(const AwsResult &answer);
    void fail(const QString &code, const QString &message);
    void finish();

    QPointer<AwsTransport> m_transport;
    QString m_region;
    QPointer<AwsCall> m_call;
    PriceListParser::Page m_page;
    PriceListResult m_result;
    QSet<QString> m_tokensSeen;
    bool m_finished = false;
};
