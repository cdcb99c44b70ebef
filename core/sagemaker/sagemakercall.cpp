#include "core/sagemaker/sagemakercall.h"

#include "core/aws/awscall.h"
#include "core/aws/awstransport.h"

using namespace Qt::StringLiterals;

SageMakerCall::SageMakerCall(AwsTransport *transport, QString operation, QJsonObject input, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_operation(std::move(operation))
    , m_input(std::move(input))
{
    if (!transport)
        return;
    // Requests on the wire are this call's children, not the transport's: they must go while the
    // transport's network manager still exists (destroyed() comes before the transport's children die).
    connect(transport, &QObject::destroyed, this, [this] {
        qDeleteAll(findChildren<AwsCall *>(Qt::FindDirectChildrenOnly));
        abort();
    });
}

// Requests still on the wire are children and are cancelled with the handle.
SageMakerCall::~SageMakerCall() = default;

void SageMakerCall::start()
{
    send(m_operation, m_input, [this](const AwsResult &result) { finish(fromAws(result)); });
}

void SageMakerCall::abort()
{
    if (m_finished)
        return;
    SageMakerResult result;
    result.error.code = u"Aborted"_s;
    result.error.message = tr("The request was cancelled");
    finish(result);
}

void SageMakerCall::send(
    const QString &operation, const QJsonObject &input, std::function<void(const AwsResult &)> then)
{
    if (m_finished)
        return;
    if (!m_transport) {
        SageMakerResult result;
        result.error.code = u"Aborted"_s;
        result.error.message = tr("The connection was closed before the request could be sent");
        finish(result);
        return;
    }
    AwsCall *call = m_transport->send(AwsRequest::json(u"SageMaker"_s, operation, input));
    call->setParent(this);
    connect(call, &AwsCall::finished, this, [this, then = std::move(then)](const AwsResult &result) {
        m_requests += result.attempts;
        if (!m_finished)
            then(result);
    });
}

void SageMakerCall::run(SageMakerCall *call, std::function<void(const SageMakerResult &)> then)
{
    call->setParent(this);
    connect(
        call, &SageMakerCall::finished, this, [this, then = std::move(then)](const SageMakerResult &result) {
            m_requests += result.requests;
            if (!m_finished)
                then(result);
        });
    call->startLater();
}

void SageMakerCall::startLater()
{
    QMetaObject::invokeMethod(
        this, [this] { start(); }, Qt::QueuedConnection);
}

void SageMakerCall::finish(SageMakerResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    result.requests = m_requests;
    m_result = result;
    emit finished(m_result);
    deleteLater();
}

SageMakerResult SageMakerCall::fromAws(const AwsResult &result)
{
    SageMakerResult converted;
    converted.error = result.error;
    converted.json = result.json;
    converted.requestId = result.requestId;
    converted.httpStatus = result.httpStatus;
    converted.outcomeUnknown = !result.isOk() && result.mayHaveTakenEffect();
    return converted;
}

AwsTransport *SageMakerCall::transport() const
{
    return m_transport;
}
