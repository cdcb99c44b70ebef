#include "core/sagemaker/sagemakerclient.h"

#include "core/aws/awstransport.h"
#include "core/sagemaker/paginatedcall.h"
#include "core/sagemaker/safecreatecall.h"

using namespace Qt::StringLiterals;

SageMakerClient::SageMakerClient(AwsTransport *transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{
    qRegisterMetaType<SageMakerResult>();
}

AwsTransport *SageMakerClient::transport() const
{
    return m_transport;
}

SageMakerCall *SageMakerClient::started(SageMakerCall *call)
{
    call->startLater();
    return call;
}

SageMakerCall *SageMakerClient::single(const QString &operation, const QJsonObject &input)
{
    return started(new SageMakerCall(m_transport, operation, input, this));
}

SageMakerCall *SageMakerClient::createModel(const QJsonObject &request)
{
    return started(new SafeCreateCall(m_transport, SpecKind::Model, request, this));
}

SageMakerCall *SageMakerClient::describeModel(const QString &modelName)
{
    return single(u"DescribeModel"_s, { { u"ModelName"_s, modelName } });
}

SageMakerCall *SageMakerClient::listModels(const QJsonObject &request)
{
    return single(u"ListModels"_s, request);
}

SageMakerCall *SageMakerClient::deleteModel(const QString &modelName)
{
    return single(u"DeleteModel"_s, { { u"ModelName"_s, modelName } });
}

SageMakerCall *SageMakerClient::createTrainingJob(const QJsonObject &request)
{
    return started(new SafeCreateCall(m_transport, SpecKind::TrainingJob, request, this));
}

SageMakerCall *SageMakerClient::describeTrainingJob(const QString &trainingJobName)
{
    return single(u"DescribeTrainingJob"_s, { { u"TrainingJobName"_s, trainingJobName } });
}

SageMakerCall *SageMakerClient::listTrainingJobs(const QJsonObject &request)
{
    return single(u"ListTrainingJobs"_s, request);
}

SageMakerCall *SageMakerClient::stopTrainingJob(const QString &trainingJobName)
{
    return single(u"StopTrainingJob"_s, { { u"TrainingJobName"_s, trainingJobName } });
}

SageMakerCall *SageMakerClient::listTags(const QString &resourceArn, const QString &nextToken)
{
    QJsonObject input { { u"ResourceArn"_s, resourceArn } };
    if (!nextToken.isEmpty())
        input.insert(u"NextToken"_s, nextToken);
    return single(u"ListTags"_s, input);
}

SageMakerCall *SageMakerClient::listAllTrainingJobs(const QJsonObject &filters, int maxItems)
{
    return started(new PaginatedCall(m_transport, u"ListTrainingJobs"_s, filters, maxItems, this));
}

SageMakerCall *SageMakerClient::listAllModels(const QJsonObject &filters, int maxItems)
{
    return started(new PaginatedCall(m_transport, u"ListModels"_s, filters, maxItems, this));
}

SageMakerCall *SageMakerClient::listAllTags(const QString &resourceArn)
{
    return started(
        new PaginatedCall(m_transport, u"ListTags"_s, { { u"ResourceArn"_s, resourceArn } }, 0, this));
}
