#pragma once

#include <QJsonObject>
#include <QObject>
#include <QStringList>

class Ec2Client;
class VpcPreflightRun;
struct VpcPreflightInput;

// The VPC pre-flight check as a service: forms run it before their review page, the CLI's check-vpc runs
// it too. See VpcPreflightCheck for the findings.
//
//     VpcPreflightRun *run = preflight->run(spec.value(u"VpcConfig"_s).toObject(), instanceCount, s3Uris);
//     connect(run, &VpcPreflightRun::finished, this, [this](const Diagnostics &findings) { ... });
class VpcPreflight : public QObject
{
    Q_OBJECT

public:
    // client must outlive this object.
    explicit VpcPreflight(Ec2Client *client, QObject *parent = nullptr);

    Ec2Client *client() const { return m_client; }

    // vpcConfig as in a spec ({"Subnets": [...], "SecurityGroupIds": [...]}); findings point at
    // "VpcConfig.Subnets[i]" and so on.
    VpcPreflightRun *run(const QJsonObject &vpcConfig, int instanceCount, const QStringList &s3Uris);
    VpcPreflightRun *run(const VpcPreflightInput &input);

private:
    Ec2Client *m_client;
};
