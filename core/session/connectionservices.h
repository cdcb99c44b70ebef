#pragma once

#include "core/aws/resolvedconnection.h"

#include <QObject>
#include <QString>

class AwsTransport;
class Clock;
class Ec2Client;
class JobMonitor;
class LocalStore;
class PriceListClient;
class SageMakerClient;
class TokenBucket;

// Everything that talks to AWS for one connection, built together when the session connects and dropped
// together when it changes, so nothing outlives the credentials and endpoint it was made for:
// - the SageMaker transport with the connection's one request budget (TokenBucket), the SageMakerClient on
//   it and the JobMonitor (created stopped: the dashboard starts it);
// - the EC2 client (VPC pickers, pre-flight check) and the Price List client, each on its own transport
//   (their throttles are the services' own) and each absent, with a reason, when its connection did not
//   resolve.
class ConnectionServices : public QObject
{
    Q_OBJECT

public:
    // sageMaker must be valid. ec2 and pricing may be invalid: their clients are then nullptr and
    // ec2Unavailable()/pricingUnavailable() say why. store (may be nullptr) and clock must outlive this.
    ConnectionServices(const ResolvedConnection &sageMaker, const ResolvedConnection &ec2,
        const ResolvedConnection &pricing, LocalStore *store, Clock *clock, QObject *parent = nullptr);
    ~ConnectionServices() override;

    // The key the store files this connection's history, summaries and watch list under.
    QString connectionKey() const { return m_connectionKey; }
    QString region() const { return m_region; }

    TokenBucket *budget() const { return m_budget; }
    AwsTransport *sageMakerTransport() const { return m_sageMakerTransport; }
    SageMakerClient *sageMaker() const { return m_sageMaker; }
    JobMonitor *monitor() const { return m_monitor; }

    Ec2Client *ec2() const { return m_ec2; }
    QString ec2Unavailable() const { return m_ec2Unavailable; }
    PriceListClient *priceList() const { return m_priceList; }
    QString pricingUnavailable() const { return m_pricingUnavailable; }

private:
    QString m_connectionKey;
    QString m_region;
    TokenBucket *m_budget;
    AwsTransport *m_sageMakerTransport;
    SageMakerClient *m_sageMaker;
    JobMonitor *m_monitor = nullptr;
    Ec2Client *m_ec2 = nullptr;
    QString m_ec2Unavailable;
    PriceListClient *m_priceList = nullptr;
    QString m_pricingUnavailable;
};
