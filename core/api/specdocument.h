#pragma once

#include "core/api/jsonfields.h"

// What the two create requests share by name and shape: Tags, VpcConfig and EnableNetworkIsolation.
class SpecDocument : public JsonFields
{
public:
    using JsonFields::JsonFields;

    QList<SpecTag> tags() const { return tagList(u"Tags"); }
    void setTags(const QList<SpecTag> &v) { setTagList(u"Tags", v); }

    // VpcConfig; emptying both lists removes VpcConfig.
    QStringList subnets() const { return stringList(u"VpcConfig.Subnets"); }
    void setSubnets(const QStringList &v) { setStringList(u"VpcConfig.Subnets", v); }
    QStringList securityGroupIds() const { return stringList(u"VpcConfig.SecurityGroupIds"); }
    void setSecurityGroupIds(const QStringList &v) { setStringList(u"VpcConfig.SecurityGroupIds", v); }

    bool enableNetworkIsolation() const { return flag(u"EnableNetworkIsolation"); }
    void setEnableNetworkIsolation(bool v) { setFlag(u"EnableNetworkIsolation", v); }
};
