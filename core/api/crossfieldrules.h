#pragma once

#include "core/api/diagnostic.h"
#include "core/api/speckind.h"

#include <QJsonObject>

// The rules the constraints table cannot express. Each is a named function with its own test rows; each
// returns nothing for a spec of the other kind and never assumes the walker's type checks passed. The
// diagnostic code is the rule's finding ("pipeOnlyCompression", ...), documented at each function.
class CrossFieldRules
{
public:
    using Check = Diagnostics (*)(SpecKind kind, const QJsonObject &spec);
    struct Rule
    {
        const char *name;
        Check check;
    };
    static const QList<Rule> &all();
    static Diagnostics apply(SpecKind kind, const QJsonObject &spec);

    // VpcConfig present without a subnet or without a security group. Code vpcNeedsBothLists, at VpcConfig.
    static Diagnostics vpcNeedsBothLists(SpecKind kind, const QJsonObject &spec);
    // A subnet or security group listed twice. Codes duplicateSubnet / duplicateSecurityGroup, at the repeat.
    static Diagnostics duplicateVpcIds(SpecKind kind, const QJsonObject &spec);
    // Two channels with one name. Code duplicateChannelName, at the repeat's ChannelName.
    static Diagnostics duplicateChannelNames(SpecKind kind, const QJsonObject &spec);
    // CompressionType Gzip when the channel's input mode (its own InputMode, else the algorithm's
    // TrainingInputMode) is not Pipe. Code pipeOnlyCompression.
    static Diagnostics pipeOnlyCompression(SpecKind kind, const QJsonObject &spec);
    // RecordWrapperType RecordIO when the channel's input mode is not Pipe. Code pipeOnlyRecordWrapper.
    static Diagnostics pipeOnlyRecordWrapper(SpecKind kind, const QJsonObject &spec);
    // ShardedByS3Key with one instance in total: nothing to shard across. Warning shardedSingleInstance.
    static Diagnostics shardedWithOneInstance(SpecKind kind, const QJsonObject &spec);
    // Managed spot training needs MaxWaitTimeInSeconds (code spotNeedsMaxWait) ≥ MaxRuntimeInSeconds, whose
    // default is one day (code maxWaitBelowMaxRuntime); without spot training the service refuses a
    // MaxWaitTimeInSeconds (code maxWaitWithoutSpot).
    static Diagnostics spotNeedsMaxWait(SpecKind kind, const QJsonObject &spec);
    // MaxRuntimeInSeconds above 28 days, the service's limit (error maxRuntimeAbove28Days), or above the 5
    // days the original API named (warning maxRuntimeAbove5Days: accounts may still have that quota).
    static Diagnostics maxRuntimeLimits(SpecKind kind, const QJsonObject &spec);
    // Exactly one of AlgorithmSpecification.TrainingImage and .AlgorithmName (none needed for a serverless
    // job). Code imageXorAlgorithmName, at AlgorithmSpecification.
    static Diagnostics imageXorAlgorithmName(SpecKind kind, const QJsonObject &spec);
    // A container's ModelDataUrl not ending in .tar.gz: SageMaker expects a gzipped tar there. Warning
    // modelDataUrlNotTarGz.
    static Diagnostics modelDataUrlTarGz(SpecKind kind, const QJsonObject &spec);
    // Any S3 URI field (found through the shapes) whose bucket part is empty, e.g. s3:///data. Code
    // s3BucketEmpty; it supersedes the generic pattern error at the same path.
    static Diagnostics s3BucketNotEmpty(SpecKind kind, const QJsonObject &spec);
};
