#include "core/sagemaker/modelbrowser.h"

#include "core/sagemaker/describewithtags.h"
#include "core/sagemaker/notconnectederror.h"
#include "core/sagemaker/sagemakercall.h"
#include "core/sagemaker/sagemakerclient.h"

#include <QTimer>

using namespace Qt::StringLiterals;

ModelBrowser::ModelBrowser(QObject *parent)
    : QObject(parent)
{ }

ModelBrowser::~ModelBrowser()
{
    cancelAll();
}

void ModelBrowser::setClient(SageMakerClient *client)
{
    if (client == m_client)
        return;
    cancelAll();
    m_client = client;
    m_models = {};
    emit clientChanged();
}

SageMakerClient *ModelBrowser::client() const
{
    return m_client;
}

void ModelBrowser::cancelAll()
{
    delete m_listing;
    for (const QPointer<SageMakerCall> &call : std::as_const(m_calls))
        delete call;
    m_calls.clear();
    m_deleting.clear();
}

void ModelBrowser::refresh()
{
    delete m_listing;
    emit listingStarted();
    if (!m_client) {
        QTimer::singleShot(0, this, [this] { emit listFailed(notConnectedError()); });
        return;
    }
    m_listing = m_client->listAllModels(
        { { u"SortBy"_s, u"CreationTime"_s }, { u"SortOrder"_s, u"Descending"_s } });
    connect(m_listing, &SageMakerCall::finished, this, [this](const SageMakerResult &result) {
        m_listing = nullptr; // the handle deletes itself after this signal; listing is over now
        if (!result.isOk()) {
            emit listFailed(result.error);
            return;
        }
        m_models = result.json.value(u"Models"_s).toArray();
        emit modelsListed(m_models);
    });
}

void ModelBrowser::describe(const QString &modelName)
{
    if (!m_client) {
        QTimer::singleShot(
            0, this, [this, modelName] { emit describeFailed(modelName, notConnectedError()); });
        return;
    }
    SageMakerCall *call = m_client->describeModel(modelName);
    m_calls.append(call);
    connect(call, &SageMakerCall::finished, this, [this, call, modelName](const SageMakerResult &result) {
        m_calls.removeAll(call);
        if (result.isOk())
            emit modelDescribed(modelName, result.json);
        else
            emit describeFailed(modelName, result.error);
    });
}

void ModelBrowser::deleteModel(const QString &modelName)
{
    if (!m_client) {
        QTimer::singleShot(0, this, [this, modelName] { emit deleteFailed(modelName, notConnectedError()); });
        return;
    }
    if (m_deleting.contains(modelName))
        return;
    m_deleting.insert(modelName);
    SageMakerCall *call = m_client->deleteModel(modelName);
    m_calls.append(call);
    connect(call, &SageMakerCall::finished, this, [this, call, modelName](const SageMakerResult &result) {
        m_calls.removeAll(call);
        m_deleting.remove(modelName);
        if (!result.isOk()) {
            emit deleteFailed(modelName, result.error);
            return;
        }
        for (qsizetype i = 0; i < m_models.size(); ++i) {
            if (m_models.at(i).toObject().value(u"ModelName"_s).toString() == modelName) {
                m_models.removeAt(i);
                break;
            }
        }
        emit modelDeleted(modelName);
    });
}

DescribeWithTags *ModelBrowser::fetchWithTags(const QString &modelName, QObject *parent)
{
    if (!m_client)
        return nullptr;
    return DescribeWithTags::start(m_client, SpecKind::Model, modelName, parent ? parent : this);
}
