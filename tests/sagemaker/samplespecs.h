#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// Create requests and descriptions for client and CLI tests.

// A complete CreateTrainingJob request, as a form would send it.
inline QJsonObject sampleTrainingJob(const QString &name)
{
    using namespace Qt::StringLiterals;
    const QJsonObject s3 { { u"S3DataType"_s, u"S3Prefix"_s }, { u"S3Uri"_s, u"s3://bucket/train"_s },
        { u"S3DataDistributionType"_s, u"FullyReplicated"_s } };
    return {
        { u"TrainingJobName"_s, name },
        { u"HyperParameters"_s, QJsonObject { { u"epochs"_s, u"3"_s } } },
        { u"AlgorithmSpecification"_s,
            QJsonObject {
                { u"TrainingImage"_s, u"123456789012.dkr.ecr.us-east-1.amazonaws.com/algo:latest"_s },
                { u"TrainingInputMode"_s, u"File"_s } } },
        { u"RoleArn"_s, u"arn:aws:iam::123456789012:role/SageMakerRole"_s },
        { u"InputDataConfig"_s,
            QJsonArray { QJsonObject { { u"ChannelName"_s, u"train"_s },
                { u"DataSource"_s, QJsonObject { { u"S3DataSource"_s, s3 } } } } } },
        { u"OutputDataConfig"_s, QJsonObject { { u"S3OutputPath"_s, u"s3://bucket/output"_s } } },
        { u"ResourceConfig"_s,
            QJsonObject { { u"InstanceType"_s, u"ml.m5.large"_s }, { u"InstanceCount"_s, 1 },
                { u"VolumeSizeInGB"_s, 10 } } },
        { u"StoppingCondition"_s, QJsonObject { { u"MaxRuntimeInSeconds"_s, 3600 } } },
        { u"Tags"_s, QJsonArray { QJsonObject { { u"Key"_s, u"team"_s }, { u"Value"_s, u"vision"_s } } } },
    };
}

// A complete CreateModel request.
inline QJsonObject sampleModel(const QString &name)
{
    using namespace Qt::StringLiterals;
    return {
        { u"ModelName"_s, name },
        { u"PrimaryContainer"_s,
            QJsonObject { { u"Image"_s, u"123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:latest"_s },
                { u"ModelDataUrl"_s, u"s3://bucket/model.tar.gz"_s },
                { u"Environment"_s, QJsonObject { { u"MODE"_s, u"fast"_s } } } } },
        { u"ExecutionRoleArn"_s, u"arn:aws:iam::123456789012:role/SageMakerRole"_s },
        { u"Tags"_s, QJsonArray { QJsonObject { { u"Key"_s, u"team"_s }, { u"Value"_s, u"vision"_s } } } },
    };
}

// What the service describes for a created request: the request without Tags, plus the members the service
// adds (ARN, status, times, defaults).
inline QJsonObject describedAs(const QJsonObject &request, const QString &arnMember, const QString &arn)
{
    using namespace Qt::StringLiterals;
    QJsonObject description = request;
    description.remove(u"Tags"_s);
    description.insert(arnMember, arn);
    description.insert(u"CreationTime"_s, 1767225600.0);
    if (request.contains(u"TrainingJobName"_s)) {
        description.insert(u"TrainingJobStatus"_s, u"InProgress"_s);
        description.insert(u"SecondaryStatus"_s, u"Starting"_s);
        description.insert(u"EnableNetworkIsolation"_s, false);
    }
    return description;
}
