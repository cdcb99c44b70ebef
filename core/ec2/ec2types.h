#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

// The EC2 resources SageDesk reads (DescribeVpcs, DescribeSubnets, DescribeSecurityGroups,
// DescribeRouteTables, DescribeVpcEndpoints, DescribeNatGateways), with the members the pickers and the VPC
// pre-flight check use. Names follow the API's; an empty string is a member the answer did not carry.

struct Ec2Tag
{
    QString key;
    QString value;
    friend bool operator==(const Ec2Tag &, const Ec2Tag &) = default;
};

// The value of the "Name" tag, or empty.
QString ec2NameTag(const QList<Ec2Tag> &tags);

// One Filter.N of a Describe call: a resource matches when its attribute `name` equals any of `values`.
struct Ec2Filter
{
    QString name; // "vpc-id", "subnet-id", "group-id", "tag:Name", ...
    QStringList values;
};

struct Ec2Vpc
{
    QString vpcId;
    QString cidrBlock; // the primary IPv4 block
    QString state; // "available", "pending"
    bool isDefault = false;
    QList<Ec2Tag> tags;

    QString name() const { return ec2NameTag(tags); }
};

struct Ec2Subnet
{
    QString subnetId;
    QString vpcId;
    QString availabilityZone; // "us-east-1a"
    QString availabilityZoneId; // "use1-az6"
    QString cidrBlock;
    QString state;
    int availableIpAddressCount = 0;
    bool defaultForAz = false;
    bool mapPublicIpOnLaunch = false;
    QList<Ec2Tag> tags;

    QString name() const { return ec2NameTag(tags); }
};

// A source (ingress) or destination (egress) given as a security group: UserIdGroupPairs in the API.
struct Ec2GroupPair
{
    QString groupId;
    QString userId;
    QString vpcId; // set for a group in a peered VPC
    friend bool operator==(const Ec2GroupPair &, const Ec2GroupPair &) = default;
};

// One rule of a security group (IpPermission).
struct Ec2IpPermission
{
    QString ipProtocol; // "-1" (all traffic), "tcp", "udp", "icmp" or a protocol number
    std::optional<int> fromPort;
    std::optional<int> toPort;
    QStringList ipv4Ranges; // CidrIp of each IpRanges entry
    QStringList ipv6Ranges; // CidrIpv6
    QStringList prefixListIds;
    QList<Ec2GroupPair> groupPairs;

    bool isAllTraffic() const { return ipProtocol == QLatin1String("-1"); }
};

struct Ec2SecurityGroup
{
    QString groupId;
    QString groupName;
    QString description;
    QString vpcId;
    QString ownerId;
    QList<Ec2IpPermission> ingress; // IpPermissions
    QList<Ec2IpPermission> egress; // IpPermissionsEgress
    QList<Ec2Tag> tags;
};

struct Ec2Route
{
    QString destinationCidrBlock;
    QString destinationIpv6CidrBlock;
    QString destinationPrefixListId; // "pl-...": a gateway endpoint's route
    QString gatewayId; // "local", "igw-...", "vgw-...", or "vpce-..." for a gateway endpoint
    QString natGatewayId;
    QString transitGatewayId;
    QString vpcPeeringConnectionId;
    QString networkInterfaceId;
    QString instanceId;
    QString state; // "active" or "blackhole"
    QString origin;

    bool isActive() const { return state.isEmpty() || state == QLatin1String("active"); }
};

struct Ec2RouteTableAssociation
{
    QString associationId;
    QString routeTableId;
    QString subnetId; // empty for the main association and gateway associations
    QString gatewayId;
    bool main = false;
    QString state; // associationState.state: "associated", "disassociated", ...
};

struct Ec2RouteTable
{
    QString routeTableId;
    QString vpcId;
    QList<Ec2Route> routes;
    QList<Ec2RouteTableAssociation> associations;
    QList<Ec2Tag> tags;

    // The VPC's main route table: the one subnets without an explicit association use.
    bool isMain() const;
};

struct Ec2VpcEndpoint
{
    QString vpcEndpointId;
    QString vpcEndpointType; // "Gateway", "Interface", "GatewayLoadBalancer"
    QString vpcId;
    QString serviceName; // "com.amazonaws.us-east-1.s3"
    QString state; // "available", "pending", ... (the API answers in lower or mixed case)
    QString policyDocument;
    QStringList routeTableIds; // Gateway
    QStringList subnetIds; // Interface
    QStringList groupIds; // Interface
    bool privateDnsEnabled = false;
    QList<Ec2Tag> tags;

    bool isGateway() const
    {
        return vpcEndpointType.compare(QLatin1String("Gateway"), Qt::CaseInsensitive) == 0;
    }
    bool isInterface() const
    {
        return vpcEndpointType.compare(QLatin1String("Interface"), Qt::CaseInsensitive) == 0;
    }
    // Not being deleted, rejected or failed.
    bool isUsable() const;
};

struct Ec2NatGateway
{
    QString natGatewayId;
    QString vpcId;
    QString subnetId;
    QString state; // "pending", "available", "deleting", "deleted", "failed"
    QString connectivityType; // "public" (default) or "private"
    QList<Ec2Tag> tags;

    // Reaches the internet: available (or still coming up) and public.
    bool reachesInternet() const;
};

// What one or more Describe calls returned. A call fills only its own list.
struct Ec2Resources
{
    QList<Ec2Vpc> vpcs;
    QList<Ec2Subnet> subnets;
    QList<Ec2SecurityGroup> securityGroups;
    QList<Ec2RouteTable> routeTables;
    QList<Ec2VpcEndpoint> vpcEndpoints;
    QList<Ec2NatGateway> natGateways;

    // Appends other's lists to these.
    void append(const Ec2Resources &other);
};

Q_DECLARE_METATYPE(Ec2Resources)
