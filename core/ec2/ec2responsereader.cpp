#include "core/ec2/ec2responsereader.h"

#include "core/ec2/ec2xmlelement.h"

using namespace Qt::StringLiterals;

namespace {

QList<Ec2Tag> tags(const Ec2XmlElement &e)
{
    QList<Ec2Tag> result;
    for (const Ec2XmlElement *item : e.items(u"tagSet"))
        result.append({ item->childText(u"key"), item->childText(u"value") });
    return result;
}

QStringList childTexts(const Ec2XmlElement &e, QStringView setName, QStringView member)
{
    QStringList result;
    for (const Ec2XmlElement *item : e.items(setName))
        result.append(item->childText(member));
    return result;
}

Ec2IpPermission ipPermission(const Ec2XmlElement &e)
{
    Ec2IpPermission p;
    p.ipProtocol = e.childText(u"ipProtocol");
    p.fromPort = e.childInt(u"fromPort");
    p.toPort = e.childInt(u"toPort");
    p.ipv4Ranges = childTexts(e, u"ipRanges", u"cidrIp");
    p.ipv6Ranges = childTexts(e, u"ipv6Ranges", u"cidrIpv6");
    p.prefixListIds = childTexts(e, u"prefixListIds", u"prefixListId");
    for (const Ec2XmlElement *item : e.items(u"groups"))
        p.groupPairs.append(
            { item->childText(u"groupId"), item->childText(u"userId"), item->childText(u"vpcId") });
    return p;
}

QList<Ec2IpPermission> ipPermissions(const Ec2XmlElement &e, QStringView setName)
{
    QList<Ec2IpPermission> result;
    for (const Ec2XmlElement *item : e.items(setName))
        result.append(ipPermission(*item));
    return result;
}

template<typename T, typename Read>
QList<T> readItems(const Ec2XmlElement &response, QStringView setName, Read read)
{
    QList<T> result;
    for (const Ec2XmlElement *item : response.items(setName))
        result.append(read(*item));
    return result;
}

} // namespace

namespace Ec2ResponseReader {

QList<Ec2Vpc> vpcs(const Ec2XmlElement &response)
{
    return readItems<Ec2Vpc>(response, u"vpcSet", [](const Ec2XmlElement &e) {
        Ec2Vpc v;
        v.vpcId = e.childText(u"vpcId");
        v.cidrBlock = e.childText(u"cidrBlock");
        v.state = e.childText(u"state");
        v.isDefault = e.childBool(u"isDefault");
        v.tags = tags(e);
        return v;
    });
}

QList<Ec2Subnet> subnets(const Ec2XmlElement &response)
{
    return readItems<Ec2Subnet>(response, u"subnetSet", [](const Ec2XmlElement &e) {
        Ec2Subnet s;
        s.subnetId = e.childText(u"subnetId");
        s.vpcId = e.childText(u"vpcId");
        s.availabilityZone = e.childText(u"availabilityZone");
        s.availabilityZoneId = e.childText(u"availabilityZoneId");
        s.cidrBlock = e.childText(u"cidrBlock");
        s.state = e.childText(u"state");
        s.availableIpAddressCount = e.childInt(u"availableIpAddressCount").value_or(0);
        s.defaultForAz = e.childBool(u"defaultForAz");
        s.mapPublicIpOnLaunch = e.childBool(u"mapPublicIpOnLaunch");
        s.tags = tags(e);
        return s;
    });
}

QList<Ec2SecurityGroup> securityGroups(const Ec2XmlElement &response)
{
    return readItems<Ec2SecurityGroup>(response, u"securityGroupInfo", [](const Ec2XmlElement &e) {
        Ec2SecurityGroup g;
        g.groupId = e.childText(u"groupId");
        g.groupName = e.childText(u"groupName");
        g.description = e.childText(u"groupDescription");
        g.vpcId = e.childText(u"vpcId");
        g.ownerId = e.childText(u"ownerId");
        g.ingress = ipPermissions(e, u"ipPermissions");
        g.egress = ipPermissions(e, u"ipPermissionsEgress");
        g.tags = tags(e);
        return g;
    });
}

QList<Ec2RouteTable> routeTables(const Ec2XmlElement &response)
{
    return readItems<Ec2RouteTable>(response, u"routeTableSet", [](const Ec2XmlElement &e) {
        Ec2RouteTable t;
        t.routeTableId = e.childText(u"routeTableId");
        t.vpcId = e.childText(u"vpcId");
        for (const Ec2XmlElement *item : e.items(u"routeSet")) {
            Ec2Route r;
            r.destinationCidrBlock = item->childText(u"destinationCidrBlock");
            r.destinationIpv6CidrBlock = item->childText(u"destinationIpv6CidrBlock");
            r.destinationPrefixListId = item->childText(u"destinationPrefixListId");
            r.gatewayId = item->childText(u"gatewayId");
            r.natGatewayId = item->childText(u"natGatewayId");
            r.transitGatewayId = item->childText(u"transitGatewayId");
            r.vpcPeeringConnectionId = item->childText(u"vpcPeeringConnectionId");
            r.networkInterfaceId = item->childText(u"networkInterfaceId");
            r.instanceId = item->childText(u"instanceId");
            r.state = item->childText(u"state");
            r.origin = item->childText(u"origin");
            t.routes.append(r);
        }
        for (const Ec2XmlElement *item : e.items(u"associationSet")) {
            Ec2RouteTableAssociation a;
            a.associationId = item->childText(u"routeTableAssociationId");
            a.routeTableId = item->childText(u"routeTableId");
            a.subnetId = item->childText(u"subnetId");
            a.gatewayId = item->childText(u"gatewayId");
            a.main = item->childBool(u"main");
            if (const Ec2XmlElement *state = item->child(u"associationState"))
                a.state = state->childText(u"state");
            t.associations.append(a);
        }
        t.tags = tags(e);
        return t;
    });
}

QList<Ec2VpcEndpoint> vpcEndpoints(const Ec2XmlElement &response)
{
    return readItems<Ec2VpcEndpoint>(response, u"vpcEndpointSet", [](const Ec2XmlElement &e) {
        Ec2VpcEndpoint v;
        v.vpcEndpointId = e.childText(u"vpcEndpointId");
        v.vpcEndpointType = e.childText(u"vpcEndpointType");
        v.vpcId = e.childText(u"vpcId");
        v.serviceName = e.childText(u"serviceName");
        v.state = e.childText(u"state");
        v.policyDocument = e.childText(u"policyDocument");
        v.routeTableIds = e.itemTexts(u"routeTableIdSet");
        v.subnetIds = e.itemTexts(u"subnetIdSet");
        v.groupIds = childTexts(e, u"groupSet", u"groupId");
        v.privateDnsEnabled = e.childBool(u"privateDnsEnabled");
        v.tags = tags(e);
        return v;
    });
}

QList<Ec2NatGateway> natGateways(const Ec2XmlElement &response)
{
    return readItems<Ec2NatGateway>(response, u"natGatewaySet", [](const Ec2XmlElement &e) {
        Ec2NatGateway n;
        n.natGatewayId = e.childText(u"natGatewayId");
        n.vpcId = e.childText(u"vpcId");
        n.subnetId = e.childText(u"subnetId");
        n.state = e.childText(u"state");
        n.connectivityType = e.childText(u"connectivityType");
        n.tags = tags(e);
        return n;
    });
}

QString nextToken(const Ec2XmlElement &response)
{
    return response.childText(u"nextToken");
}

} // namespace Ec2ResponseReader
