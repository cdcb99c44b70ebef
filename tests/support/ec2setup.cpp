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
    const QString &vpcId, const QString &serviceName, const QStringList &routeTableIds)
{
    return createAndRead(u"CreateVpcEndpoint"_s,
        Parameters {
            { u"VpcId"_s, vpcId }, { u"ServiceName"_s, serviceName }, { u"VpcEndpointType"_s, u"Gateway"_s } }
            + numbered(u"RouteTableId"_s, routeTableIds),
        u"vpcEndpointId"_s);
}

QString Ec2Setup::createInterfaceEndpoint(
    const QString &vpcId, const QString &serviceName, const QStringList &subnetIds, bool privateDns)
{
    return createAndRead(u"CreateVpcEndpoint"_s,
        Parameters { { u"VpcId"_s, vpcId }, { u"ServiceName"_s, serviceName },
            { u"VpcEndpointType"_s, u"Interface"_s },
            { u"PrivateDnsEnabled"_s, privateDns ? u"true"_s : u"false"_s } }
            + numbered(u"SubnetId"_s, subnetIds),
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
