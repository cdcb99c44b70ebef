#pragma once

#include "core/aws/awserror.h"
#include "core/ec2/ec2types.h"

#include <QMap>

// What the VPC pre-flight runner fetched: the resources, and the Describe calls that failed (by action,
// "DescribeRouteTables"), whose checks are skipped with a finding that says why.
struct VpcPreflightData
{
    // The failure key of the second DescribeSecurityGroups call, for the interface endpoints' own groups.
    static inline const QString EndpointGroupsCall = QStringLiteral("DescribeSecurityGroups (endpoints)");

    Ec2Resources resources;
    QMap<QString, AwsError> failures;

    bool fetched(const QString &action) const { return !failures.contains(action); }
};
