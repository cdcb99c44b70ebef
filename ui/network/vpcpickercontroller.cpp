#include "ui/network/vpcpickercontroller.h"

#include "core/ec2/ec2client.h"
#include "core/ec2/vpcpreflightcheck.h"

using namespace Qt::StringLiterals;

VpcPickerController::VpcPickerController(VpcAccountPicker *picker, Ec2Client *client, QObject *parent)
    : QObject(parent)
    , m_picker(picker)
    , m_client(client)
{
    connect(picker, &VpcAccountPicker::vpcsWanted, this, [this] { fetch(Lookup::Vpcs); });
    connect(picker, &VpcAccountPicker::subnetsWanted, this, [this] { fetch(Lookup::Subnets); });
    connect(picker, &VpcAccountPicker::securityGroupsWanted, this, [this] { fetch(Lookup::SecurityGroups); });
}

VpcPickerController::~VpcPickerController()
{
    for (const QPointer<Ec2Call> &call : m_calls)
        delete call.data();
}

void VpcPickerController::fetch(Lookup what)
{
    QPointer<Ec2Call> &slot = m_calls[int(what)];
    delete slot.data(); // a newer request replaces the one on its way
    switch (what) {
    case Lookup::Vpcs:
        slot = m_client->describeVpcs();
        break;
    case Lookup::Subnets:
        slot = m_client->describeSubnets();
        break;
    case Lookup::SecurityGroups:
        slot = m_client->describeSecurityGroups();
        break;
    }
    connect(slot, &Ec2Call::finished, this, [this, what](const Ec2Result &result) { answer(what, result); });
}

void VpcPickerController::answer(Lookup what, const Ec2Result &result)
{
    if (!m_picker)
        return;
    if (!result.isOk()) {
        static const char *const nouns[]
            = { QT_TR_NOOP("VPCs"), QT_TR_NOOP("subnets"), QT_TR_NOOP("security groups") };
        static const char *const actions[] = { "DescribeVpcs", "DescribeSubnets", "DescribeSecurityGroups" };
        const QString noun = tr(nouns[int(what)]);
        m_picker->showLookupError(what,
            VpcPreflightCheck::isAccessDenied(result.error) ? tr(
                "These AWS credentials may not list the account's %1 (ec2:%2). Type or paste the IDs below.")
                                                                  .arg(
                                                                      noun, QLatin1String(actions[int(what)]))
                                                            : tr("Could not list the account's %1: %2")
                                                                  .arg(noun, result.error.toString()));
        return;
    }
    switch (what) {
    case Lookup::Vpcs:
        m_picker->setVpcs(result.resources.vpcs);
        break;
    case Lookup::Subnets:
        m_picker->setSubnets(result.resources.subnets);
        break;
    case Lookup::SecurityGroups:
        m_picker->setSecurityGroups(result.resources.securityGroups);
        break;
    }
}
