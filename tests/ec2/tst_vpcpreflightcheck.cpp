#include "core/ec2/vpcpreflightcheck.h"

#include <QJsonDocument>
#include <QTest>
#include <functional>

using namespace Qt::StringLiterals;

// Proves each rule of the VPC pre-flight check on hand-built EC2 data, one row per situation: a clean
// network gives no finding, and each fault gives exactly its finding (severity, code and path), no more.
class TestVpcPreflightCheck : public QObject
{
    Q_OBJECT

private slots:
    void findings_data();
    void findings();
    void explanationsNameWhatToFix();
    void errorsComeFirst();
    void accessDeniedCodes_data();
    void accessDeniedCodes();
    void inputFromTrainingJob();
    void inputFromModelAndInstanceGroups();
};

namespace {

template<typename T>
T &find(QList<T> &items, QString T::*idMember, const QString &id)
{
    for (T &item : items)
        if (item.*idMember == id)
            return item;
    qFatal("no %s in the test network", qPrintable(id));
}

struct Network
{
    VpcPreflightInput input;
    VpcPreflightData data;

    Ec2Subnet &subnet(const QString &id) { return find(data.resources.subnets, &Ec2Subnet::subnetId, id); }
    Ec2SecurityGroup &group(const QString &id)
    {
        return find(data.resources.securityGroups, &Ec2SecurityGroup::groupId, id);
    }
    Ec2RouteTable &table(const QString &id)
    {
        return find(data.resources.routeTables, &Ec2RouteTable::routeTableId, id);
    }
    Ec2VpcEndpoint &endpoint(const QString &id)
    {
        return find(data.resources.vpcEndpoints, &Ec2VpcEndpoint::vpcEndpointId, id);
    }
    void removeEndpoint(const QString &id)
    {
        data.resources.vpcEndpoints.removeIf(
            [&id](const Ec2VpcEndpoint &e) { return e.vpcEndpointId == id; });
    }
    // A default route to target: natGatewayId, gatewayId, transitGatewayId, ...
    void addDefaultRoute(const QString &table, QString Ec2Route::*target, const QString &id)
    {
        Ec2Route route;
        route.*target = id;
        route.destinationCidrBlock = u"0.0.0.0/0"_s;
        route.state = u"active"_s;
        this->table(table).routes.append(route);
    }
};

Ec2IpPermission allTrafficFrom(const QString &groupId)
{
    Ec2IpPermission p;
    p.ipProtocol = u"-1"_s;
    p.groupPairs.append({ groupId, u"123456789012"_s, {} });
    return p;
}

Ec2IpPermission allTrafficFromCidr(const QString &cidr)
{
    Ec2IpPermission p;
    p.ipProtocol = u"-1"_s;
    p.ipv4Ranges.append(cidr);
    return p;
}

Ec2IpPermission tcpFrom(int fromPort, int toPort, const QString &groupOrCidr)
{
    Ec2IpPermission p
        = groupOrCidr.startsWith(u"sg-"_s) ? allTrafficFrom(groupOrCidr) : allTrafficFromCidr(groupOrCidr);
    p.ipProtocol = u"tcp"_s;
    p.fromPort = fromPort;
    p.toPort = toPort;
    return p;
}

// HTTPS out to S3's prefix list, as a locked-down group for a gateway endpoint has it.
Ec2IpPermission httpsToS3()
{
    Ec2IpPermission p = tcpFrom(443, 443, u"0.0.0.0/0"_s);
    p.ipv4Ranges.clear();
    p.prefixListIds = { u"pl-63a5400a"_s };
    return p;
}

// vpc-a (10.0.0.0/16): subnet-a1 (us-east-1a) and subnet-a2 (us-east-1b), both associated with rtb-a, which
// has an S3 gateway endpoint; a CloudWatch Logs interface endpoint with private DNS; sg-a allows all traffic
// from itself both ways, and HTTPS out to S3's prefix list. vpc-b (10.1.0.0/16): subnet-b1 on its bare main
// table, sg-b. The job uses subnet-a1, subnet-a2 and sg-a, one instance.
Network cleanNetwork()
{
    Network n;
    n.input.subnetIds = { u"subnet-a1"_s, u"subnet-a2"_s };
    n.input.securityGroupIds = { u"sg-a"_s };
    n.input.s3Uris = { u"s3://data/train/"_s, u"s3://models/out/"_s };
    Ec2Resources &r = n.data.resources;
    r.vpcs = { { u"vpc-a"_s, u"10.0.0.0/16"_s, u"available"_s, false, {} },
        { u"vpc-b"_s, u"10.1.0.0/16"_s, u"available"_s, false, {} } };
    const auto subnet = [](const QString &id, const QString &vpc, const QString &zone, const QString &cidr) {
        Ec2Subnet s;
        s.subnetId = id;
        s.vpcId = vpc;
        s.availabilityZone = zone;
        s.cidrBlock = cidr;
        s.availableIpAddressCount = 200;
        return s;
    };
    r.subnets = { subnet(u"subnet-a1"_s, u"vpc-a"_s, u"us-east-1a"_s, u"10.0.1.0/24"_s),
        subnet(u"subnet-a2"_s, u"vpc-a"_s, u"us-east-1b"_s, u"10.0.2.0/24"_s),
        subnet(u"subnet-b1"_s, u"vpc-b"_s, u"us-east-1c"_s, u"10.1.1.0/24"_s) };
    Ec2SecurityGroup a;
    a.groupId = u"sg-a"_s;
    a.vpcId = u"vpc-a"_s;
    a.ingress = { allTrafficFrom(u"sg-a"_s) };
    a.egress = { allTrafficFrom(u"sg-a"_s), httpsToS3() };
    Ec2SecurityGroup b;
    b.groupId = u"sg-b"_s;
    b.vpcId = u"vpc-b"_s;
    b.egress = { allTrafficFromCidr(u"0.0.0.0/0"_s) };
    r.securityGroups = { a, b };

    const Ec2Route local { u"10.0.0.0/16"_s, {}, {}, u"local"_s, {}, {}, {}, {}, {}, u"active"_s, {} };
    Ec2RouteTable mainA { u"rtb-main-a"_s, u"vpc-a"_s, { local }, {}, {} };
    mainA.associations.append({ u"rtbassoc-1"_s, u"rtb-main-a"_s, {}, {}, true, u"associated"_s });
    Ec2RouteTable own { u"rtb-a"_s, u"vpc-a"_s, { local }, {}, {} };
    own.associations.append({ u"rtbassoc-2"_s, u"rtb-a"_s, u"subnet-a1"_s, {}, false, u"associated"_s });
    own.associations.append({ u"rtbassoc-3"_s, u"rtb-a"_s, u"subnet-a2"_s, {}, false, u"associated"_s });
    own.routes.append({ {}, {}, u"pl-63a5400a"_s, u"vpce-s3"_s, {}, {}, {}, {}, {}, u"active"_s, {} });
    Ec2RouteTable mainB { u"rtb-main-b"_s, u"vpc-b"_s, {}, {}, {} };
    mainB.associations.append({ u"rtbassoc-4"_s, u"rtb-main-b"_s, {}, {}, true, u"associated"_s });
    r.routeTables = { mainA, own, mainB };

    Ec2VpcEndpoint s3;
    s3.vpcEndpointId = u"vpce-s3"_s;
    s3.vpcEndpointType = u"Gateway"_s;
    s3.vpcId = u"vpc-a"_s;
    s3.serviceName = u"com.amazonaws.us-east-1.s3"_s;
    s3.state = u"available"_s;
    s3.routeTableIds = { u"rtb-a"_s };
    Ec2VpcEndpoint logs;
    logs.vpcEndpointId = u"vpce-logs"_s;
    logs.vpcEndpointType = u"Interface"_s;
    logs.vpcId = u"vpc-a"_s;
    logs.serviceName = u"com.amazonaws.us-east-1.logs"_s;
    logs.state = u"available"_s;
    logs.subnetIds = { u"subnet-a1"_s };
    logs.privateDnsEnabled = true;
    r.vpcEndpoints = { s3, logs };
    r.natGateways = { { u"nat-ok"_s, u"vpc-a"_s, u"subnet-a1"_s, u"available"_s, {}, {} },
        { u"nat-broken"_s, u"vpc-a"_s, u"subnet-a1"_s, u"failed"_s, {}, {} },
        { u"nat-private"_s, u"vpc-a"_s, u"subnet-a1"_s, u"available"_s, u"private"_s, {} } };
    return n;
}

AwsError denied()
{
    return { u"UnauthorizedOperation"_s, u"You are not authorized to perform this operation."_s, u"req-1"_s,
        403 };
}

struct Case
{
    const char *name;
    std::function<void(Network &)> change;
    QStringList expected; // "severity:code@path", sorted
};

// The logs endpoint guarded by a security group sg-ep (not the job's) with these inbound rules.
void guardLogsEndpoint(Network &n, const QList<Ec2IpPermission> &ingress)
{
    Ec2SecurityGroup ep;
    ep.groupId = u"sg-ep"_s;
    ep.vpcId = u"vpc-a"_s;
    ep.ingress = ingress;
    n.data.resources.securityGroups.append(ep);
    n.endpoint(u"vpce-logs"_s).groupIds = { u"sg-ep"_s };
}

// Route tables with the S3 and logs endpoints taken away, for the routing rows.
void withoutEndpoints(Network &n)
{
    n.removeEndpoint(u"vpce-s3"_s);
    n.removeEndpoint(u"vpce-logs"_s);
    n.table(u"rtb-a"_s).routes.removeLast(); // the endpoint's prefix-list route
}

const QList<Case> &cases()
{
    static const QString subnets = u"VpcConfig.Subnets"_s;
    static const QString groups = u"VpcConfig.SecurityGroupIds"_s;
    static const QList<Case> table = {
        { "clean network, one instance", [](Network &) {}, {} },
        { "clean network, four instances", [](Network &n) { n.input.instanceCount = 4; }, {} },
        { "no VpcConfig lists: nothing to check",
            [](Network &n) {
                n.input.subnetIds.clear();
                n.input.securityGroupIds.clear();
            },
            {} },
        { "unknown subnet", [](Network &n) { n.input.subnetIds.append(u"subnet-gone"_s); },
            { u"error:subnetNotFound@VpcConfig.Subnets[2]"_s } },
        { "unknown security group", [](Network &n) { n.input.securityGroupIds.prepend(u"sg-gone"_s); },
            { u"error:securityGroupNotFound@VpcConfig.SecurityGroupIds[0]"_s } },
        { "subnets in two VPCs",
            [](Network &n) {
                n.input.subnetIds = { u"subnet-a1"_s, u"subnet-b1"_s };
            },
            // subnet-b1's VPC has no endpoints and a bare main table, sg-a is in vpc-a: still within the VPCs
            { u"error:subnetsInSeveralVpcs@"_s + subnets, u"warning:noRouteToCloudWatchLogs@"_s + subnets,
                u"warning:noRouteToS3@"_s + subnets } },
        { "security group from another VPC", [](Network &n) { n.input.securityGroupIds.append(u"sg-b"_s); },
            { u"error:securityGroupInOtherVpc@VpcConfig.SecurityGroupIds[1]"_s } },
        { "too few free addresses",
            [](Network &n) {
                n.input.instanceCount = 10;
                n.subnet(u"subnet-a1"_s).availableIpAddressCount = 11;
                n.subnet(u"subnet-a2"_s).availableIpAddressCount = 8;
            },
            { u"error:notEnoughIpAddresses@"_s + subnets } },
        { "exactly enough free addresses",
            [](Network &n) {
                n.input.instanceCount = 8;
                n.subnet(u"subnet-a1"_s).availableIpAddressCount = 11;
                n.subnet(u"subnet-a2"_s).availableIpAddressCount = 5;
            },
            {} },
        { "a subnet listed twice counts once",
            [](Network &n) {
                n.input.subnetIds = { u"subnet-a1"_s, u"subnet-a2"_s, u"subnet-a1"_s };
                n.input.instanceCount = 2;
                n.subnet(u"subnet-a1"_s).availableIpAddressCount = 2;
                n.subnet(u"subnet-a2"_s).availableIpAddressCount = 1;
            },
            { u"error:notEnoughIpAddresses@"_s + subnets } },
        { "one availability zone", [](Network &n) { n.input.subnetIds = { u"subnet-a1"_s }; },
            { u"info:singleAvailabilityZone@"_s + subnets } },
        { "no S3 endpoint, no NAT",
            [](Network &n) {
                n.removeEndpoint(u"vpce-s3"_s);
                n.table(u"rtb-a"_s).routes.removeLast();
            },
            { u"warning:noRouteToS3@"_s + subnets } },
        { "S3 endpoint known only from the endpoint's route table list",
            [](Network &n) { n.table(u"rtb-a"_s).routes.removeLast(); }, {} },
        { "S3 endpoint known only from the route",
            [](Network &n) { n.endpoint(u"vpce-s3"_s).routeTableIds.clear(); }, {} },
        { "S3 endpoint of another region",
            [](Network &n) {
                n.endpoint(u"vpce-s3"_s).serviceName = u"com.amazonaws.eu-west-1.s3"_s;
                n.table(u"rtb-a"_s).routes.removeLast();
            },
            { u"warning:noRouteToS3@"_s + subnets } },
        { "S3 endpoint being deleted",
            [](Network &n) {
                n.endpoint(u"vpce-s3"_s).state = u"Deleting"_s;
                n.table(u"rtb-a"_s).routes.removeLast();
            },
            { u"warning:noRouteToS3@"_s + subnets } },
        { "S3 interface endpoint with private DNS",
            [](Network &n) {
                Ec2VpcEndpoint &e = n.endpoint(u"vpce-s3"_s);
                e.vpcEndpointType = u"Interface"_s;
                e.routeTableIds.clear();
                e.privateDnsEnabled = true;
                n.table(u"rtb-a"_s).routes.removeLast();
            },
            {} },
        { "NAT gateway instead of endpoints",
            [](Network &n) {
                withoutEndpoints(n);
                n.addDefaultRoute(u"rtb-a"_s, &Ec2Route::natGatewayId, u"nat-ok"_s);
            },
            {} },
        { "failed NAT gateway",
            [](Network &n) {
                withoutEndpoints(n);
                n.addDefaultRoute(u"rtb-a"_s, &Ec2Route::natGatewayId, u"nat-broken"_s);
            },
            { u"warning:noRouteToCloudWatchLogs@"_s + subnets, u"warning:noRouteToS3@"_s + subnets } },
        { "private NAT gateway",
            [](Network &n) {
                withoutEndpoints(n);
                n.addDefaultRoute(u"rtb-a"_s, &Ec2Route::natGatewayId, u"nat-private"_s);
            },
            { u"warning:noRouteToCloudWatchLogs@"_s + subnets, u"warning:noRouteToS3@"_s + subnets } },
        { "blackhole NAT route",
            [](Network &n) {
                withoutEndpoints(n);
                n.addDefaultRoute(u"rtb-a"_s, &Ec2Route::natGatewayId, u"nat-ok"_s);
                n.table(u"rtb-a"_s).routes.last().state = u"blackhole"_s;
            },
            { u"warning:noRouteToCloudWatchLogs@"_s + subnets, u"warning:noRouteToS3@"_s + subnets } },
        { "internet gateway only",
            [](Network &n) {
                withoutEndpoints(n);
                n.addDefaultRoute(u"rtb-a"_s, &Ec2Route::gatewayId, u"igw-1"_s);
            },
            { u"warning:noRouteToCloudWatchLogs@"_s + subnets, u"warning:noRouteToS3@"_s + subnets } },
        { "transit gateway: cannot see past it, no warning",
            [](Network &n) {
                withoutEndpoints(n);
                n.addDefaultRoute(u"rtb-a"_s, &Ec2Route::transitGatewayId, u"tgw-1"_s);
            },
            {} },
        { "subnet without association uses the main table",
            [](Network &n) { n.table(u"rtb-a"_s).associations.removeLast(); },
            // rtb-main-a has no S3 endpoint; the logs interface endpoint serves the whole VPC
            { u"warning:noRouteToS3@"_s + subnets } },
        { "main table with the S3 endpoint",
            [](Network &n) {
                n.table(u"rtb-a"_s).associations.removeLast();
                n.endpoint(u"vpce-s3"_s).routeTableIds.append(u"rtb-main-a"_s);
            },
            {} },
        { "S3 endpoint policy allows other buckets only",
            [](Network &n) {
                n.endpoint(u"vpce-s3"_s).policyDocument
                    = uR"({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:*",
                           "Resource": ["arn:aws:s3:::data", "arn:aws:s3:::data/*"]}]})"_s;
            },
            { u"warning:s3EndpointPolicyBlocks@"_s + subnets } },
        { "S3 endpoint policy allows the job's buckets",
            [](Network &n) {
                n.endpoint(u"vpce-s3"_s).policyDocument
                    = uR"({"Statement": {"Effect": "Allow", "Principal": "*", "Action": "*",
                           "Resource": ["arn:aws:s3:::data/*", "arn:aws:s3:::models/out/*"]}})"_s;
            },
            {} },
        { "logs endpoint without private DNS",
            [](Network &n) { n.endpoint(u"vpce-logs"_s).privateDnsEnabled = false; },
            { u"warning:noRouteToCloudWatchLogs@"_s + subnets } },
        { "logs through NAT",
            [](Network &n) {
                n.removeEndpoint(u"vpce-logs"_s);
                n.addDefaultRoute(u"rtb-a"_s, &Ec2Route::natGatewayId, u"nat-ok"_s);
            },
            {} },
        { "distributed, no inbound rule from itself",
            [](Network &n) {
                n.input.instanceCount = 2;
                n.group(u"sg-a"_s).ingress.clear();
            },
            { u"warning:noTrafficBetweenInstances@"_s + groups } },
        { "distributed, no outbound rule at all",
            [](Network &n) {
                n.input.instanceCount = 2;
                n.group(u"sg-a"_s).egress.clear();
            },
            { u"warning:noHttpsEgress@"_s + groups, u"warning:noTrafficBetweenInstances@"_s + groups } },
        { "outbound only to itself: nothing leaves",
            [](Network &n) { n.group(u"sg-a"_s).egress = { allTrafficFrom(u"sg-a"_s) }; },
            { u"warning:noHttpsEgress@"_s + groups } },
        { "outbound port 80 only",
            [](Network &n) { n.group(u"sg-a"_s).egress = { tcpFrom(80, 80, u"0.0.0.0/0"_s) }; },
            { u"warning:noHttpsEgress@"_s + groups } },
        { "outbound HTTPS to another group (an endpoint's) may be the way out",
            [](Network &n) { n.group(u"sg-a"_s).egress = { tcpFrom(443, 443, u"sg-ep"_s) }; }, {} },
        { "outbound TCP ports covering 443 to a private block",
            [](Network &n) { n.group(u"sg-a"_s).egress = { tcpFrom(0, 65535, u"10.0.0.0/8"_s) }; }, {} },
        { "distributed, outbound to anywhere covers the instances",
            [](Network &n) {
                n.input.instanceCount = 2;
                n.group(u"sg-a"_s).egress = { allTrafficFromCidr(u"0.0.0.0/0"_s) };
            },
            {} },
        { "distributed, inbound from the VPC's block",
            [](Network &n) {
                n.input.instanceCount = 2;
                n.group(u"sg-a"_s).ingress = { allTrafficFromCidr(u"10.0.0.0/16"_s) };
            },
            {} },
        { "distributed, inbound from a block missing one subnet",
            [](Network &n) {
                n.input.instanceCount = 2;
                n.group(u"sg-a"_s).ingress = { allTrafficFromCidr(u"10.0.1.0/24"_s) };
            },
            { u"warning:noTrafficBetweenInstances@"_s + groups } },
        { "distributed, TCP only is not all traffic",
            [](Network &n) {
                n.input.instanceCount = 2;
                Ec2IpPermission tcp = allTrafficFrom(u"sg-a"_s);
                tcp.ipProtocol = u"tcp"_s;
                tcp.fromPort = 0;
                tcp.toPort = 65535;
                n.group(u"sg-a"_s).ingress = { tcp };
            },
            { u"warning:noTrafficBetweenInstances@"_s + groups } },
        { "distributed, a second group of the job allows the first",
            [](Network &n) {
                n.input.instanceCount = 2;
                n.group(u"sg-a"_s).ingress.clear();
                Ec2SecurityGroup second;
                second.groupId = u"sg-a2"_s;
                second.vpcId = u"vpc-a"_s;
                second.ingress = { allTrafficFrom(u"sg-a"_s) };
                n.data.resources.securityGroups.append(second);
                n.input.securityGroupIds.append(u"sg-a2"_s);
            },
            {} },
        { "logs endpoint lets HTTPS in from the job's group",
            [](Network &n) { guardLogsEndpoint(n, { tcpFrom(443, 443, u"sg-a"_s) }); }, {} },
        { "logs endpoint lets HTTPS in from the VPC's block",
            [](Network &n) { guardLogsEndpoint(n, { tcpFrom(0, 65535, u"10.0.0.0/16"_s) }); }, {} },
        { "logs endpoint lets all traffic in from anywhere",
            [](Network &n) { guardLogsEndpoint(n, { allTrafficFromCidr(u"0.0.0.0/0"_s) }); }, {} },
        { "logs endpoint with the VPC's default group: only from itself",
            [](Network &n) { guardLogsEndpoint(n, { allTrafficFrom(u"sg-ep"_s) }); },
            { u"warning:endpointRefusesJob@"_s + groups } },
        { "logs endpoint lets in port 80 only",
            [](Network &n) { guardLogsEndpoint(n, { tcpFrom(80, 80, u"sg-a"_s) }); },
            { u"warning:endpointRefusesJob@"_s + groups } },
        { "logs endpoint lets HTTPS in from one subnet only",
            [](Network &n) { guardLogsEndpoint(n, { tcpFrom(443, 443, u"10.0.1.0/24"_s) }); },
            { u"warning:endpointRefusesJob@"_s + groups } },
        { "logs endpoint: a second group of the endpoint, the job's own, lets it in",
            [](Network &n) {
                guardLogsEndpoint(n, {});
                n.endpoint(u"vpce-logs"_s).groupIds.append(u"sg-a"_s);
            },
            {} },
        { "logs endpoint without private DNS: its groups do not matter",
            [](Network &n) {
                guardLogsEndpoint(n, {});
                n.endpoint(u"vpce-logs"_s).privateDnsEnabled = false;
            },
            { u"warning:noRouteToCloudWatchLogs@"_s + subnets } },
        { "logs endpoint's groups not readable: not guessed",
            [](Network &n) {
                n.endpoint(u"vpce-logs"_s).groupIds = { u"sg-ep"_s };
                n.data.failures.insert(VpcPreflightData::EndpointGroupsCall, denied());
            },
            { u"warning:ec2AccessDenied@VpcConfig"_s } },
        { "S3 interface endpoint refusing the job, no gateway endpoint",
            [](Network &n) {
                guardLogsEndpoint(n, { tcpFrom(443, 443, u"sg-a"_s) });
                Ec2VpcEndpoint &e = n.endpoint(u"vpce-s3"_s);
                e.vpcEndpointType = u"Interface"_s;
                e.routeTableIds.clear();
                e.privateDnsEnabled = true;
                e.groupIds = { u"sg-ep"_s, u"sg-b"_s };
                n.table(u"rtb-a"_s).routes.removeLast();
                n.group(u"sg-ep"_s).ingress = { tcpFrom(443, 443, u"sg-b"_s) };
                n.endpoint(u"vpce-logs"_s).groupIds = { u"sg-a"_s };
            },
            { u"warning:endpointRefusesJob@"_s + groups } },
        { "one instance needs no rule from itself",
            [](Network &n) {
                n.group(u"sg-a"_s).ingress.clear();
                n.group(u"sg-a"_s).egress = { httpsToS3() };
            },
            {} },
        { "no permission at all",
            [](Network &n) {
                n.data.resources = {};
                n.data.failures.insert(u"DescribeSubnets"_s, denied());
                n.data.failures.insert(u"DescribeSecurityGroups"_s, denied());
            },
            { u"warning:ec2AccessDenied@VpcConfig"_s } },
        { "no permission for route tables: the other checks still run",
            [](Network &n) {
                n.data.resources.routeTables.clear();
                n.data.failures.insert(u"DescribeRouteTables"_s, denied());
                n.input.subnetIds.append(u"subnet-gone"_s);
            },
            { u"error:subnetNotFound@VpcConfig.Subnets[2]"_s, u"warning:ec2AccessDenied@VpcConfig"_s } },
        { "endpoints lookup failed: no guessing about S3",
            [](Network &n) {
                withoutEndpoints(n);
                n.data.failures.insert(
                    u"DescribeVpcEndpoints"_s, { u"NetworkError"_s, u"Connection refused"_s, {}, 0 });
            },
            { u"warning:ec2LookupFailed@VpcConfig"_s } },
        { "NAT gateways not readable: the NAT route is trusted",
            [](Network &n) {
                withoutEndpoints(n);
                n.addDefaultRoute(u"rtb-a"_s, &Ec2Route::natGatewayId, u"nat-unknown"_s);
                n.data.resources.natGateways.clear();
                n.data.failures.insert(u"DescribeNatGateways"_s, denied());
            },
            { u"warning:ec2AccessDenied@VpcConfig"_s } },
    };
    return table;
}

QStringList summary(const Diagnostics &findings)
{
    static const char *const severities[] = { "error", "warning", "info" };
    QStringList result;
    for (const Diagnostic &d : findings)
        result.append(QLatin1String(severities[int(d.severity)]) + u':' + d.code + u'@' + d.path);
    result.sort();
    return result;
}

} // namespace

void TestVpcPreflightCheck::findings_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < cases().size(); ++i)
        QTest::newRow(cases().at(i).name) << i;
}

void TestVpcPreflightCheck::findings()
{
    QFETCH(int, index);
    const Case &c = cases().at(index);
    Network network = cleanNetwork();
    c.change(network);
    const Diagnostics findings = VpcPreflightCheck::run(network.input, network.data, u"us-east-1"_s);
    QStringList expected = c.expected;
    expected.sort();
    const QStringList actual = summary(findings);
    if (actual != expected) {
        for (const Diagnostic &d : findings)
            qWarning().noquote() << d.code << d.message;
    }
    QCOMPARE(actual, expected);
    for (const Diagnostic &d : findings)
        QVERIFY2(!d.message.isEmpty() && d.message.endsWith(u'.'), qPrintable(d.message));
}

void TestVpcPreflightCheck::explanationsNameWhatToFix()
{
    const auto messageOf = [](const Diagnostics &findings, const QString &code) {
        for (const Diagnostic &d : findings)
            if (d.code == code)
                return d.message;
        return QString();
    };

    Network n = cleanNetwork();
    withoutEndpoints(n);
    n.addDefaultRoute(u"rtb-a"_s, &Ec2Route::gatewayId, u"igw-1"_s);
    Diagnostics findings = VpcPreflightCheck::run(n.input, n.data, u"us-east-1"_s);
    QString s3 = messageOf(findings, u"noRouteToS3"_s);
    QVERIFY2(s3.contains(u"Route table rtb-a (used by subnet-a1, subnet-a2)"_s), qPrintable(s3));
    QVERIFY2(s3.contains(u"com.amazonaws.us-east-1.s3"_s), qPrintable(s3));
    QVERIFY2(s3.contains(u"no public IP address"_s), qPrintable(s3));
    QVERIFY2(s3.contains(u"s3://data/train/, s3://models/out/"_s), qPrintable(s3));
    QVERIFY2(messageOf(findings, u"noRouteToCloudWatchLogs"_s).contains(u"com.amazonaws.us-east-1.logs"_s),
        qPrintable(messageOf(findings, u"noRouteToCloudWatchLogs"_s)));

    n = cleanNetwork();
    n.table(u"rtb-a"_s).associations.removeLast();
    s3 = messageOf(VpcPreflightCheck::run(n.input, n.data, u"us-east-1"_s), u"noRouteToS3"_s);
    QVERIFY2(s3.startsWith(u"The VPC's main route table rtb-main-a (used by subnet-a2)"_s), qPrintable(s3));

    n = cleanNetwork();
    n.endpoint(u"vpce-logs"_s).privateDnsEnabled = false;
    const QString logs
        = messageOf(VpcPreflightCheck::run(n.input, n.data, u"us-east-1"_s), u"noRouteToCloudWatchLogs"_s);
    QVERIFY2(logs.contains(u"vpce-logs has private DNS switched off"_s), qPrintable(logs));

    n = cleanNetwork();
    guardLogsEndpoint(n, { tcpFrom(80, 80, u"sg-a"_s) });
    const QString endpoint
        = messageOf(VpcPreflightCheck::run(n.input, n.data, u"us-east-1"_s), u"endpointRefusesJob"_s);
    QVERIFY2(endpoint.contains(u"vpce-logs for com.amazonaws.us-east-1.logs"_s)
            && endpoint.contains(u"inbound rule for TCP port 443 from sg-a to sg-ep"_s),
        qPrintable(endpoint));

    n = cleanNetwork();
    n.input.instanceCount = 10;
    n.subnet(u"subnet-a1"_s).availableIpAddressCount = 11;
    n.subnet(u"subnet-a2"_s).availableIpAddressCount = 0;
    const QString ips
        = messageOf(VpcPreflightCheck::run(n.input, n.data, u"us-east-1"_s), u"notEnoughIpAddresses"_s);
    QVERIFY2(ips.contains(u"at least 20 free IP addresses"_s)
            && ips.contains(u"only 11 (subnet-a1: 11, subnet-a2: 0)"_s),
        qPrintable(ips));

    n = cleanNetwork();
    n.input.instanceCount = 3;
    n.group(u"sg-a"_s).egress.clear();
    const QString traffic
        = messageOf(VpcPreflightCheck::run(n.input, n.data, u"us-east-1"_s), u"noTrafficBetweenInstances"_s);
    QVERIFY2(traffic.contains(u"3 instances"_s) && traffic.contains(u"traffic outbound to"_s)
            && traffic.contains(u"will hang"_s),
        qPrintable(traffic));

    n = cleanNetwork();
    n.data.failures.insert(u"DescribeRouteTables"_s, denied());
    n.data.failures.insert(u"DescribeVpcEndpoints"_s, denied());
    const QString access
        = messageOf(VpcPreflightCheck::run(n.input, n.data, u"us-east-1"_s), u"ec2AccessDenied"_s);
    QVERIFY2(access.contains(u"ec2:DescribeRouteTables, ec2:DescribeVpcEndpoints"_s)
            && access.contains(u"You can still go on"_s),
        qPrintable(access));

    n = cleanNetwork();
    n.input.subnetIds = { u"subnet-a1"_s, u"subnet-b1"_s };
    const QString vpcs
        = messageOf(VpcPreflightCheck::run(n.input, n.data, u"us-east-1"_s), u"subnetsInSeveralVpcs"_s);
    QVERIFY2(vpcs.contains(u"subnet-a1 in vpc-a; subnet-b1 in vpc-b"_s), qPrintable(vpcs));
}

void TestVpcPreflightCheck::errorsComeFirst()
{
    Network n = cleanNetwork();
    n.input.subnetIds = { u"subnet-a1"_s, u"subnet-gone"_s };
    n.input.securityGroupIds.append(u"sg-b"_s);
    n.removeEndpoint(u"vpce-logs"_s);
    const Diagnostics findings = VpcPreflightCheck::run(n.input, n.data, u"us-east-1"_s);
    QCOMPARE(findings.size(), 4);
    QCOMPARE(findings[0].severity, Diagnostic::Severity::Error);
    QCOMPARE(findings[1].severity, Diagnostic::Severity::Error);
    QCOMPARE(findings[2].code, u"noRouteToCloudWatchLogs"_s);
    QCOMPARE(findings[3].code, u"singleAvailabilityZone"_s);
}

void TestVpcPreflightCheck::accessDeniedCodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("denied");
    QTest::newRow("EC2") << u"UnauthorizedOperation"_s << true;
    QTest::newRow("IAM style") << u"AccessDenied"_s << true;
    QTest::newRow("JSON style") << u"AccessDeniedException"_s << true;
    QTest::newRow("bad keys are not a permission question") << u"AuthFailure"_s << false;
    QTest::newRow("network") << u"NetworkError"_s << false;
}

void TestVpcPreflightCheck::accessDeniedCodes()
{
    QFETCH(QString, code);
    QFETCH(bool, denied);
    AwsError error;
    error.code = code;
    QCOMPARE(VpcPreflightCheck::isAccessDenied(error), denied);
}

void TestVpcPreflightCheck::inputFromTrainingJob()
{
    const QJsonObject spec = QJsonDocument::fromJson(R"({
        "TrainingJobName": "t",
        "InputDataConfig": [
            {"ChannelName": "train", "DataSource": {"S3DataSource": {"S3Uri": "s3://data/train/"}}},
            {"ChannelName": "test", "DataSource": {"S3DataSource": {"S3Uri": "s3://data/test/"}}},
            {"ChannelName": "again", "DataSource": {"S3DataSource": {"S3Uri": "s3://data/train/"}}}
        ],
        "OutputDataConfig": {"S3OutputPath": "s3://models/"},
        "CheckpointConfig": {"S3Uri": "s3://models/checkpoints/", "LocalPath": "/opt/ml/checkpoints"},
        "ResourceConfig": {"InstanceType": "ml.p4d.24xlarge", "InstanceCount": 3, "VolumeSizeInGB": 50},
        "VpcConfig": {"SecurityGroupIds": ["sg-1"], "Subnets": ["subnet-1", "subnet-2"]}
    })")
                                 .object();
    const VpcPreflightInput input = VpcPreflightInput::fromSpec(spec);
    QCOMPARE(input.subnetIds, (QStringList { u"subnet-1"_s, u"subnet-2"_s }));
    QCOMPARE(input.securityGroupIds, QStringList { u"sg-1"_s });
    QCOMPARE(input.instanceCount, 3);
    QStringList uris = input.s3Uris;
    uris.sort();
    QCOMPARE(uris,
        (QStringList {
            u"s3://data/test/"_s, u"s3://data/train/"_s, u"s3://models/"_s, u"s3://models/checkpoints/"_s }));
    QCOMPARE(input.pathPrefix, u"VpcConfig"_s);
}

void TestVpcPreflightCheck::inputFromModelAndInstanceGroups()
{
    const QJsonObject model = QJsonDocument::fromJson(R"({
        "ModelName": "m", "PrimaryContainer": {"ModelDataUrl": "s3://models/model.tar.gz"},
        "VpcConfig": {"SecurityGroupIds": ["sg-1"], "Subnets": ["subnet-1"]}
    })")
                                  .object();
    const VpcPreflightInput fromModel = VpcPreflightInput::fromSpec(model);
    QCOMPARE(fromModel.instanceCount, 1);
    QCOMPARE(fromModel.s3Uris, QStringList { u"s3://models/model.tar.gz"_s });

    const QJsonObject heterogeneous = QJsonDocument::fromJson(R"({
        "ResourceConfig": {"InstanceGroups": [{"InstanceGroupName": "a", "InstanceCount": 2},
                                              {"InstanceGroupName": "b", "InstanceCount": 3}]}
    })")
                                          .object();
    QCOMPARE(VpcPreflightInput::fromSpec(heterogeneous).instanceCount, 5);
    QVERIFY(VpcPreflightInput::fromSpec(heterogeneous).subnetIds.isEmpty());
}

QTEST_GUILESS_MAIN(TestVpcPreflightCheck)
#include "tst_vpcpreflightcheck.moc"
