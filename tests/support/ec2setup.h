#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <memory>
#include <optional>
#include <utility>

class AwsTransport;

// Builds EC2 networks in moto_server for tests, through our own transport and Query protocol (so the setup
// exercises them too): VPCs, subnets, security groups and their rules, route tables, endpoints, gateways.
// Every call waits for its answer (up to 30 s, spinning the event loop) and returns the new resource's ID,
// or an empty string / false with error() saying what went wrong:
//
//     Ec2Setup ec2(moto.endpoint());
//     const QString vpc = ec2.createVpc(u"10.1.0.0/16"_s);
//     QVERIFY2(!vpc.isEmpty(), qPrintable(ec2.error()));
class Ec2Setup
{
public:
    using Parameters = QList<std::pair<QString, QString>>;

    // The networks the EC2 tests share (each test's moto_server gets its own copy):
    //   clean: 10.10.0.0/16 named "clean", subnets cleanA (us-east-1a, named "clean-a") and cleanB
    //          (us-east-1b) on route table cleanTable with an S3 gateway endpoint, a CloudWatch Logs
    //          interface endpoint with private DNS, security group "train" allowing all traffic from itself
    //          both ways; plus a /28 subnet "tiny" (us-east-1c, 11 free addresses) on the same table.
    //   bare:  10.20.0.0/16, one subnet on the main route table, no endpoints, a new security group "bare".
    //   nat:   10.30.0.0/16, a public subnet with an internet gateway route holding a NAT gateway, and a
    //          private subnet whose route table sends 0.0.0.0/0 to the NAT gateway; no endpoints.
    //   igw:   10.40.0.0/16, a subnet whose route table sends 0.0.0.0/0 to an internet gateway; no endpoints.
    struct SampleNetworks
    {
        QString cleanVpc, cleanA, cleanB, tiny, train, cleanTable;
        QString bareVpc, bareSubnet, bareGroup;
        QString natPrivate, natGroup;
        QString igwSubnet, igwGroup;
    };

    // Signs for "ec2" in us-east-1 with LocalSandbox's keys.
    explicit Ec2Setup(const QUrl &endpoint);
    ~Ec2Setup();
    Ec2Setup(const Ec2Setup &) = delete;
    Ec2Setup &operator=(const Ec2Setup &) = delete;

    QString error() const { return m_error; }
    AwsTransport *transport() const { return m_transport.get(); }

    QString createVpc(const QString &cidr, const QString &name = {});
    QString createSubnet(
        const QString &vpcId, const QString &cidr, const QString &zone, const QString &name = {});
    QString createSecurityGroup(const QString &vpcId, const QString &name, const QString &description);
    // A rule allowing all traffic (protocol -1) from (ingress) or to (egress) the group itself.
    bool allowAllTrafficFromItself(const QString &groupId, bool inbound, bool outbound);
    // moto's new groups allow all egress to 0.0.0.0/0, like EC2's: this takes that rule away.
    bool revokeDefaultEgress(const QString &groupId);
    QString createRouteTable(const QString &vpcId);
    bool associateRouteTable(const QString &routeTableId, const QString &subnetId);
    // policy: the endpoint's PolicyDocument (JSON); empty leaves EC2's default full access.
    QString createGatewayEndpoint(const QString &vpcId, const QString &serviceName,
        const QStringList &routeTableIds, const QString &policy = {});
    // securityGroupIds: the endpoint's own groups (none given: EC2 puts the VPC's default group there; moto
    // none).
    QString createInterfaceEndpoint(const QString &vpcId, const QString &serviceName,
        const QStringList &subnetIds, bool privateDns, const QStringList &securityGroupIds = {});
    // Creates an internet gateway and attaches it to the VPC.
    QString createInternetGateway(const QString &vpcId);
    // Allocates an address and creates a public NAT gateway in the subnet.
    QString createNatGateway(const QString &subnetId);
    // 0.0.0.0/0 to an internet gateway ("igw-...") or a NAT gateway ("nat-...").
    bool addDefaultRoute(const QString &routeTableId, const QString &target);

    // Builds SampleNetworks; nullopt with error() set when a step fails.
    std::optional<SampleNetworks> buildSampleNetworks();

    // Any EC2 action; the answer's body on success, else nullopt with error() set.
    std::optional<QByteArray> call(const QString &action, const Parameters &parameters);

private:
    // The text of the first element named `element` anywhere in the answer to action.
    QString createAndRead(const QString &action, const Parameters &parameters, const QString &element);

    std::unique_ptr<AwsTransport> m_transport;
    QString m_error;
};
