#include "core/ec2/ec2types.h"

using namespace Qt::StringLiterals;

QString ec2NameTag(const QList<Ec2Tag> &tags)
{
    for (const Ec2Tag &tag : tags)
        if (tag.key == "Name"_L1)
            return tag.value;
    return {};
}

bool Ec2RouteTable::isMain() const
{
    return std::any_of(
        associations.cbegin(), associations.cend(), [](const Ec2RouteTableAssociation &a) { return a.main; });
}

bool Ec2VpcEndpoint::isUsable() const
{
    static const QStringList gone { u"deleting"_s, u"deleted"_s, u"rejected"_s, u"failed"_s, u"expired"_s };
    return !gone.contains(state.toLower());
}

bool Ec2NatGateway::reachesInternet() const
{
    const bool alive = state.isEmpty() || state == "available"_L1 || state == "pending"_L1;
    return alive && connectivityType != "private"_L1;
}

void Ec2Resources::append(const Ec2Resources &other)
{
    vpcs += other.vpcs;
    subnets += other.subnets;
    securityGroups += other.securityGroups;
    routeTables += other.routeTables;
    vpcEndpoints += other.vpcEndpoints;
    natGateways += other.natGateways;
}
