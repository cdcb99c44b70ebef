#include "core/ec2/vpcpreflight.h"

#include "core/ec2/vpcpreflightinput.h"
#include "core/ec2/vpcpreflightrun.h"

VpcPreflight::VpcPreflight(Ec2Client *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

VpcPreflightRun *VpcPreflight::run(const QJsonObject &vpcConfig, int instanceCount, const QStringList &s3Uris)
{
    return run(VpcPreflightInput::fromVpcConfig(vpcConfig, instanceCount, s3Uris));
}

VpcPreflightRun *VpcPreflight::run(const VpcPreflightInput &input)
{
    auto *run = new VpcPreflightRun(m_client, input, this);
    run->start();
    return run;
}
