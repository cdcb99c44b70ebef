#pragma once

#include "core/sagemaker/sagemakercall.h"
#include "core/sagemaker/sagemakerresult.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

class AwsTransport;

// The nine SageMaker operations SageDesk uses, asynchronously, over an AwsTransport (which signs, sends and
// retries; the client has no network code of its own). Each method returns at once with a handle that
// emits finished(SageMakerResult) from the event loop with the answer in the API's JSON (core/api reads
// it) or an AwsError; see SageMakerCall. Calls still running when the client is destroyed are cancelled.
//
// Requests are the operations' wire-shape JSON, passed through as they are: the client adds nothing and
// validates nothing (core/api's validator does that before a create).
//
// Creates are safe to retry (SafeCreateCall): a create whose first answer was lost and whose retry was
// refused because the name exists is checked with a describe, and reported as success when the resource
// is the one sent. The list-all helpers follow NextToken and merge the pages (PaginatedCall).
class SageMakerClient : public QObject
{
    Q_OBJECT

public:
    // transport must outlive the client's calls (give both the same parent, or make the transport the
    // client's parent).
    explicit SageMakerClient(AwsTransport *transport, QObject *parent = nullptr);

    AwsTransport *transport() const;

    SageMakerCall *createModel(const QJsonObject &request);
    SageMakerCall *describeModel(const QString &modelName);
    // One page; request holds the filters, MaxResults and NextToken.
    SageMakerCall *listModels(const QJsonObject &request = {});
    SageMakerCall *deleteModel(const QString &modelName);

    SageMakerCall *createTrainingJob(const QJsonObject &request);
    SageMakerCall *describeTrainingJob(const QString &trainingJobName);
    // One page; request holds the filters, MaxResults and NextToken.
    SageMakerCall *listTrainingJobs(const QJsonObject &request = {});
    SageMakerCall *stopTrainingJob(const QString &trainingJobName);

    // One page of a resource's tags.
    SageMakerCall *listTags(const QString &resourceArn, const QString &nextToken = {});

    // Every page, merged: {"TrainingJobSummaries": [...]} / {"Models": [...]} / {"Tags": [...]}, plus the
    // service's "NextToken" when maxItems cut the listing short. filters is the list request without
    // NextToken (StatusEquals, NameContains, CreationTimeAfter as epoch seconds, SortBy, SortOrder, ...;
    // MaxResults sets the page size, 100 by default). maxItems 0 means all. The handle's pageReceived()
    // reports progress page by page.
    SageMakerCall *listAllTrainingJobs(const QJsonObject &filters = {}, int maxItems = 0);
    SageMakerCall *listAllModels(const QJsonObject &filters = {}, int maxItems = 0);
    SageMakerCall *listAllTags(const QString &resourceArn);

private:
    SageMakerCall *single(const QString &operation, const QJsonObject &input);
    SageMakerCall *started(SageMakerCall *call);

    QPointer<AwsTransport> m_transport;
};
