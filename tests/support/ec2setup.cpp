#include "tests/support/ec2setup.h"

#include "core/aws/awscall.h"
#include "core/aws/awstransport.h"
#include "core/aws/localsandbox.h"
#include "core/ec2/ec2client.h"
#include "core/ec2/ec2xmlelement.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;

namespace {

const Ec2XmlElement *findElement(const Ec2XmlElement &e, QStringView name)
{
    if (e.name() == name)
        return &e;
    for (const Ec2XmlElement &c : e.children())
        if (const Ec2XmlElement *found = findElement(c, name))
            return found;
    return nullptr;
}

Ec2Setup::Parameters nameTag(const QString &resourceType, const QString &name)
{
    if (name.isEmpty())
        return {};
    return { { u"TagSpecification.1.ResourceType"_s, resourceType },
        { u"TagSpecification.1.Tag.1.Key"_s, u"Name"_s }, { u"TagSpecification.1.Tag.1.Value"_s, name } };
}

Ec2Setup::Parameters numbered(const QString &stem, const QStringList &values)
{
    Ec2Setup::Parameters result;
    for (qsizetype i = 0; i < values.size(); ++i)
        result.append({ u"%1.%2"_s.arg(stem).arg(i + 1), values.at(i) });
    return result;
}

} // namespace

Ec2Setup::Ec2Setup(const QUrl &endpoint)
    : m_transport(std::make_unique<AwsTransport>(
        AwsTransport::Settings { endpoint, QLatin1String(LocalSandbox::region), u"ec2"_s },
        LocalSandbox::credentialsProvider(), Clock::system()))
{
    m_transport->retryPolicy().setRandomSource([] { return 0.0; });
}

Ec2Setup::~Ec2Setup() = default;

std::optional<QByteArray> Ec2Setup::call(const QString &action, const Parameters &parameters)
{
    AwsCall *call
        = m_transport->send(AwsRequest::query(action, QLatin1String(Ec2Client::apiVersion), parameters));
    QSignalSpy finished(call, &AwsCall::finished);
    if (!finished.wait(30000)) {
        m_error = action + u": no answer within 30 s"_s;
        return std::nullopt;
    }
    const AwsResult result = finished.first().first().value<AwsResult>();
    if (!result.isOk()) {
        m_error = action + u": "_s + result.error.toString();
        return std::nullopt;
    }
    return result.body;
}

QString Ec2Setup::createAndRead(const QString &action, const Parameters &parameters, const QString &element)
{
    const std::optional<QByteArray> body = call(action, parameters);
    if (!body)
        return {};
    QString parseError;
    const std::optional<Ec2XmlElement> answer = Ec2XmlElement::parse(*body, &parseError);
    const Ec2XmlElement *found = answer ? findElement(*answer, element) : nullptr;
    if (!found || found->text().isEmpty()) {
        m_error = u"%1: no <%2> in the answer %3"_s.arg(action, element, QString::fromUtf8(body->left(500)));
        return {};
    }
    return found->text();
}

QString Ec2Setup::createVpc(const QString &cidr, const QString &name)
{
    return createAndRead(
        u"CreateVpc"_s, Parameters { { u"CidrBlock"_s, cidr } } + nameTag(u"vpc"_s, name), u"vpcId"_s);
}

QString Ec2Setup::createSubnet(
    const QString &vpcId, const QString &cidr, const QString &zone, const QString &name)
{
    return createAndRead(u"CreateSubnet"_s,
        Parameters { { u"VpcId"_s, vpcId }, { u"CidrBlock"_s, cidr }, { u"AvailabilityZone"_s, zone } }
            + nameTag(u"subnet"_s, name),
        u"subnetId"_s);
}

QString Ec2Setup::createSecurityGroup(const QString &vpcId, const QString &name, const QString &description)
{
    return createAndRead(u"CreateSecurityGroup"_s,
        { { u"VpcId"_s, vpcId }, { u"GroupName"_s, name }, { u"GroupDescription"_s, description } },
        u"groupId"_s);
}

bool Ec2Setup::allowAllTrafficFromItself(const QString &groupId, bool inbound, bool outbound)
{
    const Parameters rule { { u"GroupId"_s, groupId }, { u"IpPermissions.1.IpProtocol"_s, u"-1"_s },
        { u"IpPermissions.1.Groups.1.GroupId"_s, groupId } };
    return (!inbound || call(u"AuthorizeSecurityGroupIngress"_s, rule))
        && (!outbound || call(u"AuthorizeSecurityGroupEgress"_s, rule));
}

bool Ec2Setup::revokeDefaultEgress(const QString &groupId)
{
    return call(u"RevokeSecurityGroupEgress"_s,
        { { u"GroupId"_s, groupId }, { u"IpPermissions.1.IpProtocol"_s, u"-1"_s },
            { u"IpPermissions.1.IpRanges.1.CidrIp"_s, u"0.0.0.0/0"_s } })
        .has_value();
}

QString Ec2Setup::createRouteTable(const QString &vpcId)
{
    return createAndRead(u"CreateRouteTable"_s, { { u"VpcId"_s, vpcId } }, u"routeTableId"_s);
}

bool Ec2Setup::associateRouteTable(const QString &routeTableId, const QString &subnetId)
{
    return call(
        u"AssociateRouteTable"_s, { { u"RouteTableId"_s, routeTableId }, { u"SubnetId"_s, subnetId } })
        .has_value();
}

QString Ec2Setup::createGatewayEndpoint(
    const QString &vpcId, const QString &serviceName, const QStringList &routeTableIds, const QString &policy)
{
    Parameters parameters { { u"VpcId"_s, vpcId }, { u"ServiceName"_s, serviceName },
        { u"VpcEndpointType"_s, u"Gateway"_s } };
    if (!policy.isEmpty())
        parameters.append({ u"PolicyDocument"_s, policy });
    return createAndRead(
        u"CreateVpcEndpoint"_s, parameters + numbered(u"RouteTableId"_s, routeTableIds), u"vpcEndpointId"_s);
}

QString Ec2Setup::createInterfaceEndpoint(const QString &vpcId, const QString &serviceName,
    const QStringList &subnetIds, bool privateDns, const QStringList &securityGroupIds)
{
    return createAndRead(u"CreateVpcEndpoint"_s,
        Parameters { { u"VpcId"_s, vpcId }, { u"ServiceName"_s, serviceName },
            { u"VpcEndpointType"_s, u"Interface"_s },
            { u"PrivateDnsEnabled"_s, privateDns ? u"true"_s : u"false"_s } }
            + numbered(u"SubnetId"_s, subnetIds) + numbered(u"SecurityGroupId"_s, securityGroupIds),
        u"vpcEndpointId"_s);
}

QString Ec2Setup::createInternetGateway(const QString &vpcId)
{
    const QString gateway = createAndRead(u"CreateInternetGateway"_s, {}, u"internetGatewayId"_s);
    if (gateway.isEmpty()
        || !call(u"AttachInternetGateway"_s, { { u"InternetGatewayId"_s, gateway }, { u"VpcId"_s, vpcId } }))
        return {};
    return gateway;
}

QString Ec2Setup::createNatGateway(const QString &subnetId)
{
    const QString allocation
        = createAndRead(u"AllocateAddress"_s, { { u"Domain"_s, u"vpc"_s } }, u"allocationId"_s);
    if (allocation.isEmpty())
        return {};
    return createAndRead(u"CreateNatGateway"_s,
        { { u"SubnetId"_s, subnetId }, { u"AllocationId"_s, allocation } }, u"natGatewayId"_s);
}

bool Ec2Setup::addDefaultRoute(const QString &routeTableId, const QString &target)
{
    const QString targetMember = target.startsWith("nat-"_L1) ? u"NatGatewayId"_s : u"GatewayId"_s;
    return call(u"CreateRoute"_s,
        { { u"RouteTableId"_s, routeTableId }, { u"DestinationCidrBlock"_s, u"0.0.0.0/0"_s },
            { targetMember, target } })
        .has_value();
}

std::optional<Ec2Setup::SampleNetworks> Ec2Setup::buildSampleNetworks()
{
    SampleNetworks n;
    // Each step stores an ID; the first empty one (or failed step) ends the build with error() set.
    const auto ok = [](const QString &id) { return !id.isEmpty(); };
    QString scratch, natVpc, publicSubnet, publicTable, privateTable, nat, igwVpc, igwTable, gateway;
    const bool built = ok(n.cleanVpc = createVpc(u"10.10.0.0/16"_s, u"clean"_s))
        && ok(n.cleanA = createSubnet(n.cleanVpc, u"10.10.1.0/24"_s, u"us-east-1a"_s, u"clean-a"_s))
        && ok(n.cleanB = createSubnet(n.cleanVpc, u"10.10.2.0/24"_s, u"us-east-1b"_s))
        && ok(n.tiny = createSubnet(n.cleanVpc, u"10.10.3.0/28"_s, u"us-east-1c"_s, u"tiny"_s))
        && ok(n.train = createSecurityGroup(n.cleanVpc, u"train"_s, u"SageMaker training"_s))
        && allowAllTrafficFromItself(n.train, true, true) && ok(n.cleanTable = createRouteTable(n.cleanVpc))
        && associateRouteTable(n.cleanTable, n.cleanA) && associateRouteTable(n.cleanTable, n.cleanB)
        && associateRouteTable(n.cleanTable, n.tiny)
        && ok(scratch = createGatewayEndpoint(n.cleanVpc, u"com.amazonaws.us-east-1.s3"_s, { n.cleanTable }))
        && ok(scratch
            = createInterfaceEndpoint(n.cleanVpc, u"com.amazonaws.us-east-1.logs"_s, { n.cleanA }, true))

        && ok(n.bareVpc = createVpc(u"10.20.0.0/16"_s))
        && ok(n.bareSubnet = createSubnet(n.bareVpc, u"10.20.1.0/24"_s, u"us-east-1a"_s))
        && ok(n.bareGroup = createSecurityGroup(n.bareVpc, u"bare"_s, u"no rules of its own"_s))

        && ok(natVpc = createVpc(u"10.30.0.0/16"_s))
        && ok(publicSubnet = createSubnet(natVpc, u"10.30.1.0/24"_s, u"us-east-1a"_s))
        && ok(n.natPrivate = createSubnet(natVpc, u"10.30.2.0/24"_s, u"us-east-1b"_s))
        && ok(gateway = createInternetGateway(natVpc)) && ok(publicTable = createRouteTable(natVpc))
        && associateRouteTable(publicTable, publicSubnet) && addDefaultRoute(publicTable, gateway)
        && ok(nat = createNatGateway(publicSubnet)) && ok(privateTable = createRouteTable(natVpc))
        && associateRouteTable(privateTable, n.natPrivate) && addDefaultRoute(privateTable, nat)
        && ok(n.natGroup = createSecurityGroup(natVpc, u"nat"_s, u"behind NAT"_s))

        && ok(igwVpc = createVpc(u"10.40.0.0/16"_s))
        && ok(n.igwSubnet = createSubnet(igwVpc, u"10.40.1.0/24"_s, u"us-east-1a"_s))
        && ok(gateway = createInternetGateway(igwVpc)) && ok(igwTable = createRouteTable(igwVpc))
        && associateRouteTable(igwTable, n.igwSubnet) && addDefaultRoute(igwTable, gateway)
        && ok(n.igwGroup = createSecurityGroup(igwVpc, u"igw"_s, u"public"_s));
    if (!built)
        return std::nullopt;
    return n;
}
