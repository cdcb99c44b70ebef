#include "core/ec2/vpcpreflightcheck.h"

#include "core/api/jsonpath.h"
#include "core/ec2/endpointpolicy.h"

#include <QHostAddress>
#include <QMap>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

const QString subnetsMember = u"Subnets"_s;
const QString securityGroupsMember = u"SecurityGroupIds"_s;

QString tr(const char *text)
{
    return VpcPreflightCheck::tr(text);
}

QString joined(const QStringList &items)
{
    return items.join(u", "_s);
}

// outer contains inner (both IPv4 or IPv6 CIDR blocks).
bool cidrContains(const QString &outer, const QString &inner)
{
    const auto outerNet = QHostAddress::parseSubnet(outer);
    const auto innerNet = QHostAddress::parseSubnet(inner);
    if (outerNet.first.isNull() || innerNet.first.isNull())
        return false;
    return innerNet.second >= outerNet.second && innerNet.first.isInSubnet(outerNet);
}

template<typename T>
const T *findById(const QList<T> &items, QString T::*idMember, const QString &id)
{
    const auto it
        = std::find_if(items.cbegin(), items.cend(), [&](const T &item) { return item.*idMember == id; });
    return it == items.cend() ? nullptr : &*it;
}

bool isDefaultRoute(const Ec2Route &route)
{
    return route.destinationCidrBlock == "0.0.0.0/0"_L1;
}

// How a route table reaches the internet.
enum class InternetRoute {
    None,
    InternetGatewayOnly, // useless to SageMaker's interfaces, which have no public address
    Opaque, // a transit gateway, peering, virtual gateway or appliance: may well lead out, we cannot see
    Nat,
};

struct Reach
{
    bool s3 = false;
    bool logs = false;
    InternetRoute internet = InternetRoute::None;
    QStringList logsEndpointsWithoutPrivateDns;
    QList<const Ec2VpcEndpoint *> s3Gateways; // S3 traffic takes these, whatever else the table has
};

class Checker
{
public:
    Checker(const VpcPreflightInput &input, const VpcPreflightData &data, const QString &region)
        : m_input(input)
        , m_data(data)
        , m_resources(data.resources)
        , m_region(region)
    { }

    Diagnostics run()
    {
        reportFailures();
        if (m_data.fetched(u"DescribeSubnets"_s))
            checkSubnets();
        if (m_data.fetched(u"DescribeSecurityGroups"_s))
            checkSecurityGroups();
        if (m_data.fetched(u"DescribeSubnets"_s) && m_data.fetched(u"DescribeRouteTables"_s))
            checkRoutes();
        if (m_data.fetched(u"DescribeSecurityGroups"_s) && m_input.instanceCount > 1)
            checkTrafficBetweenInstances();
        if (m_data.fetched(u"DescribeSecurityGroups"_s))
            checkHttpsEgress();
        if (m_data.fetched(u"DescribeSubnets"_s) && m_data.fetched(u"DescribeSecurityGroups"_s)
            && m_data.fetched(u"DescribeVpcEndpoints"_s)
            && m_data.fetched(VpcPreflightData::EndpointGroupsCall))
            checkEndpointSecurityGroups();
        std::stable_sort(m_findings.begin(), m_findings.end(),
            [](const Diagnostic &a, const Diagnostic &b) { return int(a.severity) < int(b.severity); });
        return m_findings;
    }

private:
    QString path(const QString &member) const { return JsonPath::member(m_input.pathPrefix, member); }
    QString path(const QString &member, qsizetype index) const
    {
        return JsonPath::index(path(member), index);
    }

    void add(Diagnostic::Severity severity, const QString &path, const QString &code, const QString &message)
    {
        m_findings.append({ path, severity, code, message });
    }

    const Ec2Subnet *subnet(const QString &id) const
    {
        return findById(m_resources.subnets, &Ec2Subnet::subnetId, id);
    }
    const Ec2SecurityGroup *securityGroup(const QString &id) const
    {
        return findById(m_resources.securityGroups, &Ec2SecurityGroup::groupId, id);
    }

    // The job's subnets that exist, each once, in the spec's order.
    QList<const Ec2Subnet *> foundSubnets() const
    {
        QList<const Ec2Subnet *> result;
        for (const QString &id : m_input.subnetIds)
            if (const Ec2Subnet *s = subnet(id); s && !result.contains(s))
                result.append(s);
        return result;
    }

    QList<const Ec2SecurityGroup *> foundSecurityGroups() const
    {
        QList<const Ec2SecurityGroup *> result;
        for (const QString &id : m_input.securityGroupIds)
            if (const Ec2SecurityGroup *g = securityGroup(id); g && !result.contains(g))
                result.append(g);
        return result;
    }

    static QStringList idsOf(const QList<const Ec2SecurityGroup *> &groups)
    {
        QStringList ids;
        for (const Ec2SecurityGroup *g : groups)
            ids.append(g->groupId);
        return ids;
    }

    void reportFailures()
    {
        static const QMap<QString, const char *> skipped {
            { u"DescribeSubnets"_s,
                QT_TRANSLATE_NOOP(
                    "VpcPreflightCheck", "the subnets (existence, VPC, free addresses, routes)") },
            { u"DescribeSecurityGroups"_s,
                QT_TRANSLATE_NOOP("VpcPreflightCheck", "the security groups and their rules") },
            { u"DescribeRouteTables"_s,
                QT_TRANSLATE_NOOP("VpcPreflightCheck", "the routes to S3 and CloudWatch Logs") },
            { u"DescribeVpcEndpoints"_s,
                QT_TRANSLATE_NOOP("VpcPreflightCheck", "the VPC endpoints for S3 and CloudWatch Logs") },
            { u"DescribeNatGateways"_s, QT_TRANSLATE_NOOP("VpcPreflightCheck", "the NAT gateways' state") },
            { VpcPreflightData::EndpointGroupsCall,
                QT_TRANSLATE_NOOP("VpcPreflightCheck", "the security groups of the VPC endpoints") },
        };
        // One finding for the refused calls, one for those that failed otherwise (the first error told).
        QStringList deniedCalls, deniedSkips, failedCalls, failedSkips;
        QString firstError;
        const auto appendOnce = [](QStringList &list, const QString &item) {
            if (!list.contains(item))
                list.append(item);
        };
        for (auto it = m_data.failures.cbegin(); it != m_data.failures.cend(); ++it) {
            const QString what
                = tr(skipped.value(it.key(), QT_TRANSLATE_NOOP("VpcPreflightCheck", "part of the network")));
            // The action alone: EndpointGroupsCall is a second DescribeSecurityGroups.
            const QString action = it.key().section(u' ', 0, 0);
            if (VpcPreflightCheck::isAccessDenied(it.value())) {
                appendOnce(deniedCalls, u"ec2:"_s + action);
                deniedSkips.append(what);
            } else {
                appendOnce(failedCalls, action);
                failedSkips.append(what);
                if (firstError.isEmpty())
                    firstError = it.value().toString();
            }
        }
        if (!deniedCalls.isEmpty())
            add(Diagnostic::Severity::Warning, m_input.pathPrefix, u"ec2AccessDenied"_s,
                tr("These AWS credentials may not call %1, so %2 could not be checked. You can still go on; "
                   "allow those actions in the IAM policy for a full check.")
                    .arg(joined(deniedCalls), joined(deniedSkips)));
        if (!failedCalls.isEmpty())
            add(Diagnostic::Severity::Warning, m_input.pathPrefix, u"ec2LookupFailed"_s,
                tr("Could not ask EC2 about the network (%1 failed: %2), so %3 could not be checked. You can "
                   "still go on.")
                    .arg(joined(failedCalls), firstError, joined(failedSkips)));
    }

    void checkSubnets()
    {
        for (qsizetype i = 0; i < m_input.subnetIds.size(); ++i)
            if (!subnet(m_input.subnetIds.at(i)))
                add(Diagnostic::Severity::Error, path(subnetsMember, i), u"subnetNotFound"_s,
                    tr("This account has no subnet %1 in %2. Check the ID and the region.")
                        .arg(m_input.subnetIds.at(i), m_region));

        const QList<const Ec2Subnet *> found = foundSubnets();
        if (found.isEmpty())
            return;

        QStringList vpcs;
        QMap<QString, QStringList> subnetsByVpc;
        for (const Ec2Subnet *s : found) {
            if (!vpcs.contains(s->vpcId))
                vpcs.append(s->vpcId);
            subnetsByVpc[s->vpcId].append(s->subnetId);
        }
        if (vpcs.size() > 1) {
            QStringList parts;
            for (const QString &vpc : std::as_const(vpcs))
                parts.append(tr("%1 in %2").arg(joined(subnetsByVpc.value(vpc)), vpc));
            add(Diagnostic::Severity::Error, path(subnetsMember), u"subnetsInSeveralVpcs"_s,
                tr("The subnets belong to %1 different VPCs (%2), but all of a job's subnets must be in one "
                   "VPC.")
                    .arg(vpcs.size())
                    .arg(parts.join(u"; "_s)));
        }

        const int needed = VpcPreflightCheck::addressesNeeded(m_input.instanceCount);
        int available = 0;
        QStringList counts;
        for (const Ec2Subnet *s : found) {
            available += s->availableIpAddressCount;
            counts.append(u"%1: %2"_s.arg(s->subnetId).arg(s->availableIpAddressCount));
        }
        if (available < needed)
            add(Diagnostic::Severity::Error, path(subnetsMember), u"notEnoughIpAddresses"_s,
                tr("The job needs at least %1 free IP addresses (2 for each of its %2 instances), but its "
                   "subnets "
                   "have only %3 (%4). Add subnets with more free addresses or use fewer instances.")
                    .arg(needed)
                    .arg(m_input.instanceCount)
                    .arg(available)
                    .arg(joined(counts)));

        QStringList zones;
        for (const Ec2Subnet *s : found)
            if (!s->availabilityZone.isEmpty() && !zones.contains(s->availabilityZone))
                zones.append(s->availabilityZone);
        if (zones.size() == 1)
            add(Diagnostic::Severity::Info, path(subnetsMember), u"singleAvailabilityZone"_s,
                tr("All subnets are in one availability zone (%1). When that zone has no capacity for the "
                   "instance type, the job cannot start; subnets in two or more zones let SageMaker choose.")
                    .arg(zones.first()));
    }

    void checkSecurityGroups()
    {
        for (qsizetype i = 0; i < m_input.securityGroupIds.size(); ++i)
            if (!securityGroup(m_input.securityGroupIds.at(i)))
                add(Diagnostic::Severity::Error, path(securityGroupsMember, i), u"securityGroupNotFound"_s,
                    tr("This account has no security group %1 in %2. Check the ID and the region.")
                        .arg(m_input.securityGroupIds.at(i), m_region));

        if (!m_data.fetched(u"DescribeSubnets"_s))
            return;
        QStringList subnetVpcs;
        for (const Ec2Subnet *s : foundSubnets())
            if (!subnetVpcs.contains(s->vpcId))
                subnetVpcs.append(s->vpcId);
        if (subnetVpcs.isEmpty())
            return;
        for (qsizetype i = 0; i < m_input.securityGroupIds.size(); ++i) {
            const Ec2SecurityGroup *g = securityGroup(m_input.securityGroupIds.at(i));
            if (!g || subnetVpcs.contains(g->vpcId) || m_input.securityGroupIds.indexOf(g->groupId) < i)
                continue;
            add(Diagnostic::Severity::Error, path(securityGroupsMember, i), u"securityGroupInOtherVpc"_s,
                tr("Security group %1 belongs to %2, but the subnets are in %3. A job's security groups must "
                   "be in its subnets' VPC.")
                    .arg(g->groupId, g->vpcId.isEmpty() ? tr("no VPC") : g->vpcId, joined(subnetVpcs)));
        }
    }

    // The table a subnet uses: its explicit association, else its VPC's main table.
    const Ec2RouteTable *routeTableOf(const Ec2Subnet &s) const
    {
        for (const Ec2RouteTable &t : m_resources.routeTables)
            for (const Ec2RouteTableAssociation &a : t.associations)
                if (a.subnetId == s.subnetId && a.state != "disassociated"_L1)
                    return &t;
        for (const Ec2RouteTable &t : m_resources.routeTables)
            if (t.vpcId == s.vpcId && t.isMain())
                return &t;
        return nullptr;
    }

    QString serviceName(const char *service) const
    {
        return u"com.amazonaws.%1.%2"_s.arg(m_region, QLatin1String(service));
    }

    const Ec2NatGateway *natGateway(const QString &id) const
    {
        return findById(m_resources.natGateways, &Ec2NatGateway::natGatewayId, id);
    }

    InternetRoute internetRoute(const Ec2RouteTable &table) const
    {
        InternetRoute best = InternetRoute::None;
        for (const Ec2Route &r : table.routes) {
            if (!r.isActive() || !isDefaultRoute(r))
                continue;
            InternetRoute kind = InternetRoute::Opaque;
            if (!r.natGatewayId.isEmpty()) {
                const Ec2NatGateway *nat = natGateway(r.natGatewayId);
                // Without the NAT gateway's description (not fetched, or not allowed), trust the route.
                kind = !nat || nat->reachesInternet() ? InternetRoute::Nat : InternetRoute::None;
            } else if (r.gatewayId.startsWith("igw-"_L1)) {
                kind = InternetRoute::InternetGatewayOnly;
            }
            best = std::max(best, kind);
        }
        return best;
    }

    Reach reachOf(const Ec2RouteTable &table) const
    {
        Reach reach;
        reach.internet = internetRoute(table);
        const bool throughInternet
            = reach.internet == InternetRoute::Nat || reach.internet == InternetRoute::Opaque;
        reach.s3 = throughInternet;
        reach.logs = throughInternet;
        if (!m_data.fetched(u"DescribeVpcEndpoints"_s)) {
            // Unknown endpoints: not reported as missing (the failure finding says what was skipped).
            reach.s3 = reach.logs = true;
            return reach;
        }
        const QString s3 = serviceName("s3");
        const QString logs = serviceName("logs");
        for (const Ec2VpcEndpoint &e : m_resources.vpcEndpoints) {
            if (e.vpcId != table.vpcId || !e.isUsable())
                continue;
            if (e.serviceName == s3 && e.isGateway()) {
                const bool routed = e.routeTableIds.contains(table.routeTableId)
                    || std::any_of(table.routes.cbegin(), table.routes.cend(),
                        [&e](const Ec2Route &r) { return r.isActive() && r.gatewayId == e.vpcEndpointId; });
                reach.s3 = reach.s3 || routed;
                if (routed)
                    reach.s3Gateways.append(&e);
            } else if (e.serviceName == s3 && e.isInterface()) {
                reach.s3 = reach.s3 || e.privateDnsEnabled;
            } else if (e.serviceName == logs && e.isInterface()) {
                if (e.privateDnsEnabled)
                    reach.logs = true;
                else
                    reach.logsEndpointsWithoutPrivateDns.append(e.vpcEndpointId);
            }
        }
        return reach;
    }

    void checkRoutes()
    {
        // Subnets grouped by the route table they use, so each finding names one table to fix.
        QList<const Ec2RouteTable *> tables;
        QMap<QString, QStringList> subnetsByTable;
        for (const Ec2Subnet *s : foundSubnets()) {
            const Ec2RouteTable *table = routeTableOf(*s);
            if (!table)
                continue;
            if (!tables.contains(table))
                tables.append(table);
            subnetsByTable[table->routeTableId].append(s->subnetId);
        }
        QList<const Ec2VpcEndpoint *> policiesChecked;
        for (const Ec2RouteTable *table : std::as_const(tables)) {
            const Reach reach = reachOf(*table);
            for (const Ec2VpcEndpoint *endpoint : reach.s3Gateways) {
                if (policiesChecked.contains(endpoint))
                    continue;
                policiesChecked.append(endpoint);
                const QStringList blocked
                    = EndpointPolicy::blockedS3Uris(endpoint->policyDocument, m_input.s3Uris);
                if (!blocked.isEmpty())
                    add(Diagnostic::Severity::Warning, path(subnetsMember), u"s3EndpointPolicyBlocks"_s,
                        tr("The S3 gateway endpoint %1 (on route table %2) has a policy that allows none of "
                           "%3. The job's requests for them go through the endpoint and will be refused "
                           "(AccessDenied). Allow them in the endpoint's policy, and deny them nowhere in "
                           "it.")
                            .arg(endpoint->vpcEndpointId, table->routeTableId, joined(blocked)));
            }
            const QString subnets = joined(subnetsByTable.value(table->routeTableId));
            const QString tableName = table->isMain()
                ? tr("The VPC's main route table %1").arg(table->routeTableId)
                : tr("Route table %1").arg(table->routeTableId);
            const QString igwNote = reach.internet == InternetRoute::InternetGatewayOnly
                ? tr(" Its default route to an internet gateway does not help: the job's network interfaces "
                     "get no public IP address.")
                : QString();
            if (!reach.s3) {
                const QString data = m_input.s3Uris.isEmpty() ? tr("its data in S3") : joined(m_input.s3Uris);
                add(Diagnostic::Severity::Warning, path(subnetsMember), u"noRouteToS3"_s,
                    tr("%1 (used by %2) has no route to Amazon S3: no gateway endpoint for %3 is attached to "
                       "it "
                       "and it has no default route through a NAT gateway.%4 The job will not be able to "
                       "reach "
                       "%5. Add an S3 gateway endpoint to the route table.")
                        .arg(tableName, subnets, serviceName("s3"), igwNote, data));
            }
            if (!reach.logs) {
                QString privateDnsNote;
                if (!reach.logsEndpointsWithoutPrivateDns.isEmpty())
                    privateDnsNote = tr(" (%1 has private DNS switched off, so the job's default address for "
                                        "CloudWatch Logs does not lead to it)")
                                         .arg(joined(reach.logsEndpointsWithoutPrivateDns));
                add(Diagnostic::Severity::Warning, path(subnetsMember), u"noRouteToCloudWatchLogs"_s,
                    tr("%1 (used by %2) has no default route through a NAT gateway, and the VPC has no "
                       "interface "
                       "endpoint for %3 with private DNS%4.%5 The job's logs and metrics will not arrive in "
                       "CloudWatch, so a failure is hard to diagnose. Add an interface endpoint for %3.")
                        .arg(tableName, subnets, serviceName("logs"), privateDnsNote, igwNote));
            }
        }
    }

    // The rule allows TCP traffic to port; all traffic always counts, and only it when port is not given.
    static bool coversPort(const Ec2IpPermission &rule, std::optional<int> port)
    {
        if (rule.isAllTraffic())
            return true;
        if (!port || (rule.ipProtocol != "tcp"_L1 && rule.ipProtocol != "6"_L1))
            return false;
        return rule.fromPort.value_or(0) <= *port && *port <= rule.toPort.value_or(65535);
    }

    // Some rule in rules allows traffic (all of it, or TCP to port) to or from the job's instances: from one
    // of the job's groups, or from a CIDR block covering every subnet of the job.
    bool allowsFromJob(const QList<Ec2IpPermission> &rules, const QStringList &groupIds,
        const QStringList &subnetCidrs, std::optional<int> port = std::nullopt) const
    {
        for (const Ec2IpPermission &rule : rules) {
            if (!coversPort(rule, port))
                continue;
            for (const Ec2GroupPair &pair : rule.groupPairs)
                if (groupIds.contains(pair.groupId))
                    return true;
            if (subnetCidrs.isEmpty())
                continue;
            for (const QString &range : rule.ipv4Ranges)
                if (std::all_of(subnetCidrs.cbegin(), subnetCidrs.cend(),
                        [&range](const QString &cidr) { return cidrContains(range, cidr); }))
                    return true;
        }
        return false;
    }

    void checkTrafficBetweenInstances()
    {
        const QList<const Ec2SecurityGroup *> groups = foundSecurityGroups();
        if (groups.isEmpty())
            return;
        const QStringList groupIds = idsOf(groups);
        QStringList subnetCidrs;
        if (m_data.fetched(u"DescribeSubnets"_s))
            for (const Ec2Subnet *s : foundSubnets())
                subnetCidrs.append(s->cidrBlock);
        const bool inbound = std::any_of(groups.cbegin(), groups.cend(),
            [&](const Ec2SecurityGroup *g) { return allowsFromJob(g->ingress, groupIds, subnetCidrs); });
        const bool outbound = std::any_of(groups.cbegin(), groups.cend(),
            [&](const Ec2SecurityGroup *g) { return allowsFromJob(g->egress, groupIds, subnetCidrs); });
        if (inbound && outbound)
            return;
        const QString missing = !inbound && !outbound ? tr("inbound from and outbound to")
            : !inbound                                ? tr("inbound from")
                                                      : tr("outbound to");
        add(Diagnostic::Severity::Warning, path(securityGroupsMember), u"noTrafficBetweenInstances"_s,
            tr("The job's %1 instances must reach each other, but none of its security groups (%2) allows "
               "all traffic %3 the job's own security groups: distributed training will hang. Add a rule to "
               "%4 that allows all traffic (protocol -1) from %4 itself, inbound and outbound.")
                .arg(m_input.instanceCount)
                .arg(joined(groupIds), missing, groupIds.first()));
    }

    // Every way out of the VPC the job needs (S3 through a gateway or interface endpoint or NAT, CloudWatch
    // Logs) is HTTPS, and security groups filter it on the way out too: some rule of the job's groups must
    // let TCP 443 out to somewhere other than the job's own groups. Where to is not judged (a CIDR, a prefix
    // list, another group may all be the right place), so this warns only when nothing can leave.
    void checkHttpsEgress()
    {
        const QList<const Ec2SecurityGroup *> groups = foundSecurityGroups();
        if (groups.isEmpty())
            return;
        const QStringList groupIds = idsOf(groups);
        const auto leaves = [&groupIds](const Ec2IpPermission &rule) {
            return coversPort(rule, 443)
                && (!rule.ipv4Ranges.isEmpty() || !rule.ipv6Ranges.isEmpty() || !rule.prefixListIds.isEmpty()
                    || std::any_of(rule.groupPairs.cbegin(), rule.groupPairs.cend(),
                        [&groupIds](const Ec2GroupPair &pair) { return !groupIds.contains(pair.groupId); }));
        };
        for (const Ec2SecurityGroup *g : groups)
            if (std::any_of(g->egress.cbegin(), g->egress.cend(), leaves))
                return;
        add(Diagnostic::Severity::Warning, path(securityGroupsMember), u"noHttpsEgress"_s,
            tr("None of the job's security groups (%1) lets HTTPS (TCP port 443) out to anything but the "
               "job's "
               "own instances, so the job cannot reach S3 or CloudWatch Logs: it will fail to download its "
               "data. Add an outbound rule to %2 for TCP port 443 to 0.0.0.0/0 (or to the S3 prefix list and "
               "the endpoints' security groups).")
                .arg(joined(groupIds), groupIds.first()));
    }

    // The interface endpoints the job's traffic goes to by name (private DNS) for CloudWatch Logs, and for
    // S3 when no gateway endpoint takes it: each must let HTTPS in from the job.
    void checkEndpointSecurityGroups()
    {
        const QList<const Ec2SecurityGroup *> jobGroups = foundSecurityGroups();
        const QList<const Ec2Subnet *> subnets = foundSubnets();
        if (jobGroups.isEmpty() || subnets.isEmpty())
            return;
        const QStringList groupIds = idsOf(jobGroups);
        QStringList subnetCidrs, vpcs;
        for (const Ec2Subnet *s : subnets) {
            subnetCidrs.append(s->cidrBlock);
            if (!vpcs.contains(s->vpcId))
                vpcs.append(s->vpcId);
        }
        const QString logs = serviceName("logs");
        const QString s3 = serviceName("s3");
        const auto hasS3Gateway = [&](const QString &vpc) {
            return std::any_of(m_resources.vpcEndpoints.cbegin(), m_resources.vpcEndpoints.cend(),
                [&](const Ec2VpcEndpoint &e) {
                    return e.vpcId == vpc && e.serviceName == s3 && e.isGateway() && e.isUsable();
                });
        };
        for (const Ec2VpcEndpoint &e : m_resources.vpcEndpoints) {
            if (!e.isInterface() || !e.isUsable() || !e.privateDnsEnabled || !vpcs.contains(e.vpcId)
                || e.groupIds.isEmpty())
                continue;
            QString consequence;
            if (e.serviceName == logs)
                consequence = tr("The job's logs and metrics will not arrive in CloudWatch.");
            else if (e.serviceName == s3 && !hasS3Gateway(e.vpcId))
                consequence
                    = tr("The job will not be able to read its data from S3 or write its model there.");
            else
                continue;
            bool known = true;
            bool allowed = false;
            for (const QString &id : e.groupIds) {
                const Ec2SecurityGroup *g = securityGroup(id);
                known = known && g;
                allowed = allowed || (g && allowsFromJob(g->ingress, groupIds, subnetCidrs, 443));
            }
            if (allowed || !known)
                continue;
            add(Diagnostic::Severity::Warning, path(securityGroupsMember), u"endpointRefusesJob"_s,
                tr("The interface endpoint %1 for %2 lets in only what its security groups (%3) allow, and "
                   "none of them allows HTTPS (TCP port 443) from the job's security groups (%4) or its "
                   "subnets. %5 Add an inbound rule for TCP port 443 from %6 to %7.")
                    .arg(e.vpcEndpointId, e.serviceName, joined(e.groupIds), joined(groupIds), consequence,
                        groupIds.first(), e.groupIds.first()));
        }
    }

    const VpcPreflightInput &m_input;
    const VpcPreflightData &m_data;
    const Ec2Resources &m_resources;
    QString m_region;
    Diagnostics m_findings;
};

} // namespace

Diagnostics VpcPreflightCheck::run(
    const VpcPreflightInput &input, const VpcPreflightData &data, const QString &region)
{
    return Checker(input, data, region).run();
}

bool VpcPreflightCheck::isAccessDenied(const AwsError &error)
{
    static const QStringList codes { u"UnauthorizedOperation"_s, u"AccessDenied"_s,
        u"AccessDeniedException"_s, u"Client.UnauthorizedOperation"_s };
    return codes.contains(error.code);
}
