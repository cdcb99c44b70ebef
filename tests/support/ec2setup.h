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
    QString createGatewayEndpoint(
        const QString &vpcId, const QString &serviceName, const QStringList &routeTableIds);
    QString createInterfaceEndpoint(
        const QString &vpcId, const QString &serviceName, const QStringList &subnetIds, bool privateDns);
    // Creates an internet gateway and attaches it to the VPC.
    QString createInternetGateway(const QString &vpcId);
    // Allocates an address and creates a public NAT gateway in the subnet.
    QString createNatGateway(const QString &subnetId);
    // 0.0.0.0/0 to an internet gateway ("igw-...") or a NAT gateway ("nat-...").
    bool addDefaultRoute(const QString &routeTableId, const QString &target);

    // Any EC2 action; the answer's body on success, else nullopt with error() set.
    std::optional<QByteArray> call(const QString &action, const Parameters &parameters);

private:
    // The text of the first element named `element` anywhere in the answer to action.
    QString createAndRead(const QString &action, const Parameters &parameters, const QString &element);

    std::unique_ptr<AwsTransport> m_transport;
    QString m_error;
};
