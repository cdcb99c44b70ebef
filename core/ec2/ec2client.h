#pragma once

#include "core/ec2/ec2call.h"

#include <QObject>

class AwsTransport;

// Which resources a Describe call asks for: these IDs (all when empty) and these filters (all must match).
// Missing IDs make EC2 refuse the whole call ("InvalidSubnetID.NotFound"); an ID filter ("subnet-id")
// instead answers with the ones that exist, which is how the pre-flight check tells which are missing.
struct Ec2Query
{
    QStringList ids;
    QList<Ec2Filter> filters;
};

// The EC2 calls SageDesk makes, over the EC2 Query protocol (form-encoded POST of
// Action=...&Version=2016-11-15, XML answers) on an AwsTransport signing for "ec2": the same retries, error
// handling, credentials and request budget as every other call. Each method returns a handle that follows
// every page.
//
//     Ec2Call *call = client->describeSubnets({ {}, { { u"vpc-id"_s, { vpcId } } } });
//     connect(call, &Ec2Call::finished, this, [](const Ec2Result &result) { ... result.resources.subnets ...
//     });
class Ec2Client : public QObject
{
    Q_OBJECT

public:
    static constexpr auto apiVersion = "2016-11-15";
    // MaxResults of each page, sent only when a call names no IDs (EC2 refuses both together): the largest
    // DescribeRouteTables accepts.
    static constexpr int pageSize = 100;

    // transport signs for "ec2" (ConnectionResolver::resolve(options, "ec2")) and must outlive the client.
    explicit Ec2Client(AwsTransport *transport, QObject *parent = nullptr);

    AwsTransport *transport() const { return m_transport; }
    // The transport's signing region: "us-east-1". Endpoint service names ("com.amazonaws.<region>.s3") use
    // it.
    QString region() const;

    Ec2Call *describeVpcs(const Ec2Query &query = {});
    Ec2Call *describeSubnets(const Ec2Query &query = {});
    Ec2Call *describeSecurityGroups(const Ec2Query &query = {});
    Ec2Call *describeRouteTables(const Ec2Query &query = {});
    Ec2Call *describeVpcEndpoints(const Ec2Query &query = {});
    Ec2Call *describeNatGateways(const Ec2Query &query = {});

    // The form fields of a Describe call: "<idName>.1=...", "Filter.1.Name=...", "Filter.1.Value.1=...",
    // "MaxResults=..." (Action, Version and NextToken are added when sending).
    static Ec2Call::Parameters parameters(const QString &idName, const Ec2Query &query, int maxResults);

private:
    Ec2Call *describe(
        const QString &action, const QString &idName, const Ec2Query &query, Ec2Call::PageReader reader);

    AwsTransport *m_transport;
};
