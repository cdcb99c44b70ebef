#include "core/api/specskeleton.h"

#include "core/api/modelspec.h"
#include "core/api/trainingjobspec.h"

using namespace Qt::StringLiterals;

namespace {
const auto exampleRole = u"arn:aws:iam::123456789012:role/SageMakerExecutionRole"_s;
const auto exampleImage = u"123456789012.dkr.ecr.us-east-1.amazonaws.com/my-algorithm:latest"_s;
} // namespace

QJsonObject SpecSkeleton::document(SpecKind kind)
{
    if (kind == SpecKind::Model) {
        ModelSpec spec;
        spec.setName(u"my-model"_s);
        spec.setImage(u"123456789012.dkr.ecr.us-east-1.amazonaws.com/my-inference:latest"_s);
        spec.setModelDataUrl(u"s3://amzn-s3-demo-bucket/my-training-job/output/model.tar.gz"_s);
        spec.setExecutionRoleArn(exampleRole);
        return spec.json();
    }
    TrainingJobSpec spec;
    spec.setName(u"my-training-job"_s);
    spec.setHyperParameters({ { u"epochs"_s, u"10"_s } });
    spec.setTrainingImage(exampleImage);
    spec.setTrainingInputMode(u"File"_s);
    spec.setRoleArn(exampleRole);
    TrainingChannel train;
    train.setName(u"train"_s);
    train.setS3DataType(u"S3Prefix"_s);
    train.setS3Uri(u"s3://amzn-s3-demo-bucket/train/"_s);
    train.setS3DataDistributionType(u"FullyReplicated"_s);
    spec.setChannels({ train });
    spec.setS3OutputPath(u"s3://amzn-s3-demo-bucket/output/"_s);
    spec.setInstanceType(u"ml.m5.large"_s);
    spec.setInstanceCount(1);
    spec.setVolumeSizeInGB(30);
    spec.setMaxRuntimeInSeconds(86400);
    return spec.json();
}
