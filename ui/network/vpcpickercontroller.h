#pragma once

#include "ui/network/vpcaccountpicker.h"

#include <QObject>
#include <QPointer>

class Ec2Call;
class Ec2Client;
struct Ec2Result;

// Answers a VpcAccountPicker's requests with the EC2 client: DescribeVpcs, DescribeSubnets and
// DescribeSecurityGroups over the whole region, every page. A request that comes while the same one is
// still on its way cancels the older one. Failures reach the picker as one plain sentence; a refusal for
// lack of permission says which action to allow and that typing IDs still works.
//
//     auto *picker = new VpcAccountPicker(vpcEditor);
//     new VpcPickerController(picker, ec2Client, picker);
class VpcPickerController : public QObject
{
    Q_OBJECT

public:
    // client must outlive the controller; picker too, unless it is the controller's parent.
    VpcPickerController(VpcAccountPicker *picker, Ec2Client *client, QObject *parent = nullptr);
    ~VpcPickerController() override;

private:
    using Lookup = VpcAccountPicker::Lookup;

    void fetch(Lookup what);
    void answer(Lookup what, const Ec2Result &result);

    QPointer<VpcAccountPicker> m_picker;
    Ec2Client *m_client;
    QPointer<Ec2Call> m_calls[3];
};
