#include "core/ec2/vpcpreflightinput.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

QStringList strings(const QJsonValue &value)
{
    QStringList result;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array)
        if (v.isString())
            result.append(v.toString());
    return result;
}

void collectS3Uris(const QJsonValue &value, QStringList &into)
{
    if (value.isString()) {
        const QString text = value.toString();
        if (text.startsWith("s3://"_L1, Qt::CaseInsensitive) && !into.contains(text))
            into.append(text);
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &v : array)
            collectS3Uris(v, into);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            collectS3Uris(it.value(), into);
    }
}

int instanceCountOf(const QJsonObject &spec)
{
    const QJsonObject resources = spec.value(u"ResourceConfig"_s).toObject();
    if (resources.contains(u"InstanceCount"_s))
        return qMax(1, resources.value(u"InstanceCount"_s).toInt(1));
    // A heterogeneous cluster: every group's instances are in the same network.
    const QJsonArray groups = resources.value(u"InstanceGroups"_s).toArray();
    int count = 0;
    for (const QJsonValue &group : groups)
        count += qMax(0, group.toObject().value(u"InstanceCount"_s).toInt());
    return qMax(1, count);
}

} // namespace

VpcPreflightInput VpcPreflightInput::fromVpcConfig(
    const QJsonObject &vpcConfig, int instanceCount, const QStringList &s3Uris)
{
    VpcPreflightInput input;
    input.subnetIds = strings(vpcConfig.value(u"Subnets"_s));
    input.securityGroupIds = strings(vpcConfig.value(u"SecurityGroupIds"_s));
    input.instanceCount = instanceCount;
    input.s3Uris = s3Uris;
    return input;
}

VpcPreflightInput VpcPreflightInput::fromSpec(const QJsonObject &spec)
{
    QStringList s3Uris;
    collectS3Uris(spec, s3Uris);
    return fromVpcConfig(spec.value(u"VpcConfig"_s).toObject(), instanceCountOf(spec), s3Uris);
}
