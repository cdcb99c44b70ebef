#include "core/ec2/vpcpreflightrun.h"

#include "core/ec2/ec2client.h"
#include "core/ec2/vpcpreflightcheck.h"

using namespace Qt::StringLiterals;

namespace {
QStringList unique(const QStringList &ids)
{
    QStringList result;
    for (const QString &id : ids)
        if (!id.isEmpty() && !result.contains(id))
            result.append(id);
    return result;
}
} // namespace

VpcPreflightRun::VpcPreflightRun(Ec2Client *client, VpcPreflightInput input, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_input(std::move(input))
{ }

VpcPreflightRun::~VpcPreflightRun()
{
    for (const QPointer<Ec2Call> &call : std::as_const(m_calls))
        delete call.data();
}

void VpcPreflightRun::start()
{
    // ID filters rather than ID lists: EC2 refuses a whole call for one unknown ID, a filter answers with
    // the ones that exist, so the missing ones are told apart.
    const QStringList subnets = unique(m_input.subnetIds);
    const QStringList groups = unique(m_input.securityGroupIds);
    if (!subnets.isEmpty())
        send(m_client->describeSubnets({ {}, { { u"subnet-id"_s, subnets } } }), &VpcPreflightRun::onSubnets);
    if (!groups.isEmpty())
        send(m_client->describeSecurityGroups({ {}, { { u"group-id"_s, groups } } }),
            &VpcPreflightRun::onOther);
    if (m_pending == 0) // nothing to check; still answer from the event loop
        QMetaObject::invokeMethod(this, &VpcPreflightRun::finish, Qt::QueuedConnection);
}

void VpcPreflightRun::send(
    Ec2Call *call, void (VpcPreflightRun::*then)(const Ec2Result &), QString failureKey)
{
    ++m_pending;
    m_calls.append(call);
    if (failureKey.isEmpty())
        failureKey = call->action();
    connect(call, &Ec2Call::finished, this, [this, then, failureKey](const Ec2Result &result) {
        if (!result.isOk())
            m_data.failures.insert(failureKey, result.error);
        (this->*then)(result);
        callDone();
    });
}

void VpcPreflightRun::onSubnets(const Ec2Result &result)
{
    m_data.resources.append(result.resources);
    QStringList vpcs;
    for (const Ec2Subnet &s : result.resources.subnets)
        if (!vpcs.contains(s.vpcId))
            vpcs.append(s.vpcId);
    if (vpcs.isEmpty())
        return;
    const Ec2Query inVpcs { {}, { { u"vpc-id"_s, vpcs } } };
    send(m_client->describeRouteTables(inVpcs), &VpcPreflightRun::onOther);
    send(m_client->describeVpcEndpoints(inVpcs), &VpcPreflightRun::onVpcEndpoints);
    send(m_client->describeNatGateways(inVpcs), &VpcPreflightRun::onOther);
}

void VpcPreflightRun::onVpcEndpoints(const Ec2Result &result)
{
    m_data.resources.append(result.resources);
    // An interface endpoint lets in only what its own security groups allow.
    QStringList groups;
    for (const Ec2VpcEndpoint &e : result.resources.vpcEndpoints)
        if (e.isInterface())
            groups.append(e.groupIds);
    groups = unique(groups);
    groups.removeIf([this](const QString &id) { return m_input.securityGroupIds.contains(id); });
    if (!groups.isEmpty())
        send(m_client->describeSecurityGroups({ {}, { { u"group-id"_s, groups } } }),
            &VpcPreflightRun::onOther, VpcPreflightData::EndpointGroupsCall);
}

void VpcPreflightRun::onOther(const Ec2Result &result)
{
    m_data.resources.append(result.resources);
}

void VpcPreflightRun::callDone()
{
    if (--m_pending == 0)
        finish();
}

void VpcPreflightRun::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_calls.clear();
    m_findings = VpcPreflightCheck::run(m_input, m_data, m_client->region());
    emit finished(m_findings);
    deleteLater();
}
