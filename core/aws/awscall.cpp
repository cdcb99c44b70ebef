#include "core/aws/awscall.h"

#include "core/aws/awserrorparser.h"
#include "core/aws/awstransport.h"
#include "core/aws/clock.h"
#include "core/aws/credentialsprovider.h"
#include "core/aws/httpdate.h"
#include "core/aws/redactsecrets.h"
#include "core/aws/tokenbucket.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

// Beyond this difference between our signing time and the service's Date, an authentication error is taken
// for clock skew (AWS accepts signatures up to 5 minutes off).
constexpr qint64 skewThresholdMs = 4 * 60 * 1000;

// Errors from the network layer, as opposed to QNetworkReply's codes for HTTP error statuses.
bool isTransportFailure(QNetworkReply::NetworkError error)
{
    return error > QNetworkReply::NoError && error < QNetworkReply::ProxyConnectionRefusedError;
}

// "Signature expired: 20260101T000000Z is now earlier than 20260101T001000Z (20260101T001500Z - 5 min.)":
// the service's time is the one in the parentheses. A fallback for answers without a Date header.
QDateTime serverTimeFromMessage(const QString &message)
{
    static const QRegularExpression pattern(u"\\((\\d{8}T\\d{6}Z) [-+] \\d+ min\\.\\)"_s);
    const auto match = pattern.match(message);
    if (!match.hasMatch())
        return {};
    QDateTime time = QDateTime::fromString(match.captured(1), u"yyyyMMdd'T'HHmmss'Z'"_s);
    return time.isValid() ? QDateTime(time.date(), time.time(), Qt::UTC) : QDateTime();
}

} // namespace

AwsCall::AwsCall(AwsTransport *transport, AwsRequest request)
    : QObject(transport)
    , m_transport(transport)
    , m_request(std::move(request))
{ }

AwsCall::~AwsCall()
{
    if (m_reply) {
        // A cancelled call: the reply dies with us (it is our child), without reaching onReplyFinished.
        m_reply->disconnect(this);
        m_reply->abort();
        if (m_transport)
            m_transport->attemptFinished();
    }
}

void AwsCall::abort()
{
    if (m_finished)
        return;
    AwsResult result;
    result.error.code = u"Aborted"_s;
    result.error.message = tr("The request was cancelled");
    result.outcomeUnknown = m_reply != nullptr && m_uploaded;
    finish(result);
}

void AwsCall::beginAttempt()
{
    if (m_finished || !m_transport)
        return;
    if (TokenBucket *budget = m_transport->budget())
        budget->acquire(this, [this] { sendAttempt(); });
    else
        sendAttempt();
}

void AwsCall::sendAttempt()
{
    if (m_finished || !m_transport)
        return;
    // What the previous attempt left uncertain stays uncertain, whatever this one brings.
    m_earlierMayHaveTakenEffect = m_earlierMayHaveTakenEffect || m_lastMayHaveTakenEffect;
    m_lastMayHaveTakenEffect = false;
    const bool forceRefresh = std::exchange(m_forceRefresh, false);
    if (!m_transport->m_credentials) {
        signAndSend({}, QString());
        return;
    }
    // A credential_process may run now (cached credentials about to expire, or ExpiredToken): the
    // event loop goes on meanwhile, and the attempt is signed once the answer is there.
    m_transport->m_credentials->refresh(
        this, forceRefresh, [this](const AwsCredentials &credentials, const QString &problem) {
            signAndSend(credentials, problem);
        });
}

void AwsCall::signAndSend(const AwsCredentials &credentials, const QString &problem)
{
    if (m_finished || !m_transport)
        return;
    AwsTransport *transport = m_transport;
    if (!credentials.isValid()) {
        AwsResult result;
        result.error.code = u"CredentialsError"_s;
        result.error.message = problem.isEmpty() ? tr("No AWS credentials are configured") : problem;
        finish(result);
        return;
    }

    m_signingTime = transport->signingTime();
    ++m_attempts;
    QString refusal;
    QNetworkReply *reply = transport->post(m_request, credentials, m_signingTime, m_attempts, &refusal);
    if (!reply) {
        --m_attempts;
        AwsResult result;
        result.error.code = u"InvalidEndpoint"_s;
        result.error.message = refusal;
        finish(result);
        return;
    }
    m_reply = reply;
    reply->setParent(this);
    m_uploaded = false;
    m_timedOut = false;
    m_attemptTimer.start();
    m_uploads = 0;
    connect(reply, &QNetworkReply::uploadProgress, this, [this, reply](qint64 sent, qint64 total) {
        if (reply != m_reply || total <= 0 || sent < total)
            return;
        m_uploaded = true;
        // QNetworkAccessManager resends a request by itself, POST included, when the connection closes
        // before any answer (it has no switch for that). The earlier send may have been carried out.
        if (++m_uploads == 2) {
            m_earlierMayHaveTakenEffect = true;
            if (m_transport)
                m_transport->debug(u"** %1 was resent by the network layer after the connection closed"_s.arg(
                    m_request.operation));
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReplyFinished(reply); });
    const quint64 attemptId = ++m_attemptId;
    transport->m_clock->callAfter(
        transport->settings().attemptTimeout, reply, [this, attemptId] { onTimeout(attemptId); });
}

void AwsCall::onTimeout(quint64 attemptId)
{
    if (attemptId != m_attemptId || !m_reply)
        return;
    m_timedOut = true;
    m_reply->abort(); // finishes the reply: onReplyFinished sees m_timedOut
}

void AwsCall::onReplyFinished(QNetworkReply *reply)
{
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    if (m_transport)
        m_transport->attemptFinished();
    if (m_finished || !m_transport)
        return;
    AwsTransport *transport = m_transport;

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const AwsErrorParser::Headers headers = reply->rawHeaderPairs();
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const QNetworkReply::NetworkError networkError = reply->error();
    const QString requestId = AwsErrorParser::requestIdFromHeaders(headers);
    const QDateTime serverDate = HttpDate::parse(reply->rawHeader("Date"));

    if (transport->debugging()) {
        const QString took = u"%1 ms"_s.arg(m_attemptTimer.elapsed());
        if (m_timedOut)
            transport->debug(u"<- no answer within %1"_s.arg(took));
        else if (status == 0)
            transport->debug(u"<- %1 after %2"_s.arg(reply->errorString(), took));
        else
            transport->debug(u"<- %1 in %2"_s.arg(status).arg(took));
        for (const auto &[name, value] : headers)
            transport->debug(
                redactSecrets(u"<- %1: %2"_s.arg(QString::fromLatin1(name), QString::fromLatin1(value))));
        if (!body.isEmpty())
            transport->debug(
                redactSecrets(u"<- "_s + QString::fromUtf8(body.left(AwsTransport::maxDebugBody))));
    }

    AwsError error;
    bool mayHaveTakenEffect = false;
    if (m_timedOut) {
        error.code = u"Timeout"_s;
        error.message = tr("No answer from %1 within %2 s")
                            .arg(transport->settings().endpoint.host())
                            .arg(double(transport->settings().attemptTimeout.count()) / 1000.0);
        mayHaveTakenEffect = m_uploaded;
    } else if (isTransportFailure(networkError) && status == 0) {
        error.code = u"NetworkError"_s;
        error.message = m_uploaded
            ? tr("The connection broke after the request was sent: %1").arg(reply->errorString())
            : tr("Could not send the request: %1").arg(reply->errorString());
        mayHaveTakenEffect = m_uploaded;
    } else if (isTransportFailure(networkError) && status >= 200 && status < 300) {
        // The service carried the request out, but its answer was cut short.
        error.code = u"NetworkError"_s;
        error.message = tr("The connection broke before the whole answer arrived (%1 bytes of HTTP %2): %3")
                            .arg(body.size())
                            .arg(status)
                            .arg(reply->errorString());
        error.httpStatus = status;
        error.requestId = requestId;
        mayHaveTakenEffect = true;
    } else if (status >= 200 && status < 300) {
        succeed(status, requestId, body);
        return;
    } else if (status >= 300 && status < 400) {
        error = AwsErrorParser::parse(status, headers, body);
        error.code = u"UnexpectedRedirect"_s;
        error.message = tr(
            "The endpoint answered HTTP %1 with a redirect to \"%2\"; check the endpoint URL and the region")
                            .arg(status)
                            .arg(QString::fromLatin1(reply->rawHeader("Location")));
    } else {
        // An error answer, possibly cut short: the parser makes the best of what arrived.
        error = AwsErrorParser::parse(status, headers, body);
        mayHaveTakenEffect = status >= 500;
    }
    m_result.body = body;
    handleFailure(error, serverDate, mayHaveTakenEffect);
}

void AwsCall::succeed(int httpStatus, const QString &requestId, const QByteArray &body)
{
    AwsTransport *transport = m_transport;
    AwsResult result;
    result.httpStatus = httpStatus;
    result.requestId = requestId;
    result.body = body;
    if (m_request.responseFormat == AwsRequest::ResponseFormat::Json && !body.trimmed().isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
        if (!document.isObject()) {
            // The service did act on the request; what it answered is lost.
            result.error.code = u"InvalidResponse"_s;
            result.error.message = parseError.error != QJsonParseError::NoError
                ? tr("The answer to %1 is not valid JSON (%2 at byte %3)")
                      .arg(m_request.operation, parseError.errorString())
                      .arg(parseError.offset)
                : tr("The answer to %1 is not a JSON object").arg(m_request.operation);
            result.error.httpStatus = httpStatus;
            result.error.requestId = requestId;
            m_lastMayHaveTakenEffect = true;
            finish(result);
            return;
        }
        result.json = document.object();
    }
    transport->retryPolicy().releaseRetryQuota(m_lastRetryCost);
    if (TokenBucket *budget = transport->budget())
        budget->reportSuccess();
    finish(result);
}

void AwsCall::handleFailure(AwsError error, const QDateTime &serverDate, bool mayHaveTakenEffect)
{
    AwsTransport *transport = m_transport;
    m_lastMayHaveTakenEffect = mayHaveTakenEffect;

    QDateTime serverTime = serverDate;
    const bool skewObserved
        = serverTime.isValid() && std::abs(m_signingTime.msecsTo(serverTime)) > skewThresholdMs;
    const RetryPolicy::ErrorKind kind = RetryPolicy::classify(error, skewObserved);
    error.retryable = RetryPolicy::isRetryable(kind);
    if (kind == RetryPolicy::ErrorKind::Throttling) {
        if (TokenBucket *budget = transport->budget())
            budget->reportThrottled();
    }

    RetryPolicy &policy = transport->retryPolicy();
    const bool attemptsLeft = m_attempts < policy.maxAttempts();
    bool retried = false;
    switch (kind) {
    case RetryPolicy::ErrorKind::ClockSkew:
        if (!serverTime.isValid())
            serverTime = serverTimeFromMessage(error.message);
        if (attemptsLeft && !m_skewRetried && serverTime.isValid()) {
            m_skewRetried = true;
            transport->correctClockSkew(serverTime);
            retried = true;
            retryAfter(std::chrono::milliseconds(0), error);
        }
        break;
    case RetryPolicy::ErrorKind::ExpiredCredentials:
        if (attemptsLeft && !m_refreshRetried) {
            m_refreshRetried = true;
            m_forceRefresh = true;
            retried = true;
            retryAfter(std::chrono::milliseconds(0), error);
        }
        break;
    case RetryPolicy::ErrorKind::Throttling:
    case RetryPolicy::ErrorKind::Transient:
    case RetryPolicy::ErrorKind::Timeout:
        if (attemptsLeft) {
            if (const auto cost = policy.acquireRetryQuota(kind)) {
                m_lastRetryCost = *cost;
                retried = true;
                retryAfter(policy.backoffDelay(m_backoffRetries++), error);
            } else {
                transport->debug(u"** retry quota exhausted: not retrying %1"_s.arg(m_request.operation));
            }
        }
        break;
    case RetryPolicy::ErrorKind::NotRetryable:
        break;
    }
    if (retried)
        return;

    AwsResult result;
    result.error = error;
    result.body = m_result.body;
    result.httpStatus = error.httpStatus;
    result.requestId = error.requestId;
    finish(result);
}

void AwsCall::retryAfter(std::chrono::milliseconds delay, const AwsError &error)
{
    AwsTransport *transport = m_transport;
    transport->debug(u"** %1 failed with %2; attempt %3 in %4 ms"_s.arg(m_request.operation, error.code)
                         .arg(m_attempts + 1)
                         .arg(delay.count()));
    emit retrying(m_attempts + 1, error, delay);
    if (delay.count() <= 0)
        QMetaObject::invokeMethod(this, &AwsCall::beginAttempt, Qt::QueuedConnection);
    else
        transport->m_clock->callAfter(delay, this, [this] { beginAttempt(); });
}

void AwsCall::finish(AwsResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
        if (m_transport)
            m_transport->attemptFinished();
    }
    result.attempts = m_attempts;
    if (!result.isOk()) {
        result.outcomeUnknown = result.outcomeUnknown || m_lastMayHaveTakenEffect;
        result.earlierOutcomeUnknown = result.earlierOutcomeUnknown || m_earlierMayHaveTakenEffect;
    } else {
        result.earlierOutcomeUnknown = m_earlierMayHaveTakenEffect;
    }
    m_result = result;
    emit finished(m_result);
    deleteLater();
}
