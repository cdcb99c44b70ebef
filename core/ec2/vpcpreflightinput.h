#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

// What the VPC pre-flight check looks at: a job's VpcConfig, how many instances it starts and the S3
// locations it reads and writes.
struct VpcPreflightInput
{
    QStringList subnetIds; // VpcConfig.Subnets, in the spec's order (findings point at their index)
    QStringList securityGroupIds; // VpcConfig.SecurityGroupIds
    int instanceCount = 1;
    QStringList s3Uris; // "s3://bucket/prefix": named in the explanation when S3 is out of reach
    // Where findings point: "<pathPrefix>.Subnets[1]". The spec's VpcConfig by default.
    QString pathPrefix = QStringLiteral("VpcConfig");

    // {"Subnets": [...], "SecurityGroupIds": [...]} as in a spec.
    static VpcPreflightInput fromVpcConfig(
        const QJsonObject &vpcConfig, int instanceCount = 1, const QStringList &s3Uris = {});
    // A CreateTrainingJob or CreateModel request (or a describe answer): its VpcConfig; the instance count
    // of ResourceConfig (InstanceCount, or the sum over InstanceGroups), 1 when it has none (a model); and
    // every "s3://" string in it (channels, output path, checkpoints, debugger and profiler outputs, ...).
    static VpcPreflightInput fromSpec(const QJsonObject &spec);
};
