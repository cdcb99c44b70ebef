#include "core/sagemaker/describewithtags.h"

#include "core/sagemaker/notconnectederror.h"
#include "core/sagemaker/sagemakercall.h"
#include "core/sagemaker/sagemakerclient.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

QString arnMember(SpecKind kind)
{
    return kind == SpecKind::TrainingJob ? u"TrainingJobArn"_s : u"ModelArn"_s;
}

} // namespace

DescribeWithTags::DescribeWithTags(SageMakerClient *client, SpecKind kind, QString name, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_kind(kind)
{
    qRegisterMetaType<DescribeWithTags::Result>();
    m_result.name = std::move(name);
}

DescribeWithTags::~DescribeWithTags()
{
    delete m_call; // cancels a request still on the wire
}

DescribeWithTags *DescribeWithTags::start(
    SageMakerClient *client, SpecKind kind, const QString &name, QObject *parent)
{
    auto *fetch = new DescribeWithTags(client, kind, name, parent);
    // From the event loop, so the caller connects first.
    QTimer::singleShot(0, fetch, &DescribeWithTags::describe);
    return fetch;
}

DescribeWithTags *DescribeWithTags::start(
    SageMakerClient *client, SpecKind kind, const QJsonObject &description, QObject *parent)
{
    auto *fetch = new DescribeWithTags(
        client, kind, description.value(SpecKinds::nameMember(kind)).toString(), parent);
    fetch->m_result.description = description;
    QTimer::singleShot(0, fetch, &DescribeWithTags::listTags);
    return fetch;
}

void DescribeWithTags::describe()
{
    if (!m_client) {
        m_result.error = notConnectedError();
        finish();
        return;
    }
    m_call = m_kind == SpecKind::TrainingJob ? m_client->describeTrainingJob(m_result.name)
                                             : m_client->describeModel(m_result.name);
    connect(m_call, &SageMakerCall::finished, this, [this](const SageMakerResult &answer) {
        if (!answer.isOk()) {
            m_result.error = answer.error;
            finish();
            return;
        }
        m_result.description = answer.json;
        listTags();
    });
}

void DescribeWithTags::listTags()
{
    const QString arn = m_result.description.value(arnMember(m_kind)).toString();
    if (!m_client || arn.isEmpty()) {
        if (!m_client)
            m_result.tagsError = notConnectedError();
        finish();
        return;
    }
    m_call = m_client->listAllTags(arn);
    connect(m_call, &SageMakerCall::finished, this, [this](const SageMakerResult &answer) {
        if (answer.isOk())
            m_result.tags = answer.json;
        else
            m_result.tagsError = answer.error;
        finish();
    });
}

void DescribeWithTags::finish()
{
    emit finished(m_result);
    deleteLater();
}
