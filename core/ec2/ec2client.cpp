#include "core/ec2/ec2client.h"

#include "core/aws/awstransport.h"
#include "core/ec2/ec2responsereader.h"

using namespace Qt::StringLiterals;

Ec2Client::Ec2Client(AwsTransport *transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{ }

QString Ec2Client::region() const
{
    return m_transport->settings().region;
}

Ec2Call::Parameters Ec2Client::parameters(const QString &idName, const Ec2Query &query, int maxResults)
{
    Ec2Call::Parameters result;
    for (qsizetype i = 0; i < query.ids.size(); ++i)
        result.append({ u"%1.%2"_s.arg(idName).arg(i + 1), query.ids.at(i) });
    for (qsizetype f = 0; f < query.filters.size(); ++f) {
        const Ec2Filter &filter = query.filters.at(f);
        const QString stem = u"Filter.%1."_s.arg(f + 1);
        result.append({ stem + u"Name"_s, filter.name });
        for (qsizetype v = 0; v < filter.values.size(); ++v)
            result.append({ stem + u"Value.%1"_s.arg(v + 1), filter.values.at(v) });
    }
    if (query.ids.isEmpty() && maxResults > 0)
        result.append({ u"MaxResults"_s, QString::number(maxResults) });
    return result;
}

Ec2Call *Ec2Client::describe(
    const QString &action, const QString &idName, const Ec2Query &query, Ec2Call::PageReader reader)
{
    auto *call = new Ec2Call(m_transport, action, parameters(idName, query, pageSize), reader);
    call->sendPage(QString());
    return call;
}

Ec2Call *Ec2Client::describeVpcs(const Ec2Query &query)
{
    return describe(
        u"DescribeVpcs"_s, u"VpcId"_s, query, [](const Ec2XmlElement &response, Ec2Resources &into) {
            into.vpcs += Ec2ResponseReader::vpcs(response);
        });
}

Ec2Call *Ec2Client::describeSubnets(const Ec2Query &query)
{
    return describe(
        u"DescribeSubnets"_s, u"SubnetId"_s, query, [](const Ec2XmlElement &response, Ec2Resources &into) {
            into.subnets += Ec2ResponseReader::subnets(response);
        });
}

Ec2Call *Ec2Client::describeSecurityGroups(const Ec2Query &query)
{
    return describe(u"DescribeSecurityGroups"_s, u"GroupId"_s, query,
        [](const Ec2XmlElement &response, Ec2Resources &into) {
            into.securityGroups += Ec2ResponseReader::securityGroups(response);
        });
}

Ec2Call *Ec2Client::describeRouteTables(const Ec2Query &query)
{
    return describe(u"DescribeRouteTables"_s, u"RouteTableId"_s, query,
        [](const Ec2XmlElement &response, Ec2Resources &into) {
            into.routeTables += Ec2ResponseReader::routeTables(response);
        });
}

Ec2Call *Ec2Client::describeVpcEndpoints(const Ec2Query &query)
{
    return describe(u"DescribeVpcEndpoints"_s, u"VpcEndpointId"_s, query,
        [](const Ec2XmlElement &response, Ec2Resources &into) {
            into.vpcEndpoints += Ec2ResponseReader::vpcEndpoints(response);
        });
}

Ec2Call *Ec2Client::describeNatGateways(const Ec2Query &query)
{
    return describe(u"DescribeNatGateways"_s, u"NatGatewayId"_s, query,
        [](const Ec2XmlElement &response, Ec2Resources &into) {
            into.natGateways += Ec2ResponseReader::natGateways(response);
        });
}
