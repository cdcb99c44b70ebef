#pragma once

#include "core/api/diagnostic.h"
#include "core/ec2/vpcpreflightdata.h"
#include "core/ec2/vpcpreflightinput.h"

#include <QObject>
#include <QPointer>

class Ec2Call;
class Ec2Client;
struct Ec2Result;

// One run of the VPC pre-flight check (see VpcPreflight::run): fetches the job's subnets and security
// groups, then the route tables, VPC endpoints and NAT gateways of the subnets' VPCs (and the interface
// endpoints' security groups that are not the job's), and emits finished() once with VpcPreflightCheck's
// findings, at the earliest from the event loop. A failed or refused Describe
// call becomes a finding, never a failed run. It deletes itself after finished(); deleting it before
// cancels the calls in flight without a signal.
class VpcPreflightRun : public QObject
{
    Q_OBJECT

public:
    ~VpcPreflightRun() override;

    const VpcPreflightInput &input() const { return m_input; }
    bool isFinished() const { return m_finished; }
    // Valid once finished.
    const VpcPreflightData &data() const { return m_data; }
    const Diagnostics &findings() const { return m_findings; }

signals:
    void finished(const Diagnostics &findings);

private:
    friend class VpcPreflight;

    VpcPreflightRun(Ec2Client *client, VpcPreflightInput input, QObject *parent);

    void start();
    // failureKey: what a failure is recorded as (the call's action when empty).
    void send(Ec2Call *call, void (VpcPreflightRun::*then)(const Ec2Result &), QString failureKey = {});
    void onSubnets(const Ec2Result &result);
    void onVpcEndpoints(const Ec2Result &result);
    void onOther(const Ec2Result &result);
    void callDone();
    void finish();

    Ec2Client *m_client;
    VpcPreflightInput m_input;
    VpcPreflightData m_data;
    Diagnostics m_findings;
    QList<QPointer<Ec2Call>> m_calls;
    int m_pending = 0;
    bool m_finished = false;
};
