#pragma once

#include "core/ec2/ec2types.h"

class Ec2XmlElement;

// Reads the answers of the EC2 Describe calls (their root element, e.g. <DescribeSubnetsResponse>) into the
// typed structs. Elements it does not know are skipped, missing ones leave members empty, so a newer API
// version or moto's variations read the same.
namespace Ec2ResponseReader {

QList<Ec2Vpc> vpcs(const Ec2XmlElement &response);
QList<Ec2Subnet> subnets(const Ec2XmlElement &response);
QList<Ec2SecurityGroup> securityGroups(const Ec2XmlElement &response);
QList<Ec2RouteTable> routeTables(const Ec2XmlElement &response);
QList<Ec2VpcEndpoint> vpcEndpoints(const Ec2XmlElement &response);
QList<Ec2NatGateway> natGateways(const Ec2XmlElement &response);

// The page token for the next call; empty on the last page.
QString nextToken(const Ec2XmlElement &response);

} // namespace Ec2ResponseReader
