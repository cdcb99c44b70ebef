#include "core/aws/awstransport.h"

#include "core/aws/awscall.h"
#include "core/aws/clock.h"
#include "core/aws/connectionresolver.h"
#include "core/aws/credentialsprovider.h"
#include "core/aws/redactsecrets.h"
#include "core/aws/resolvedconnection.h"
#include "core/aws/sigv4signer.h"
#include "core/aws/tokenbucket.h"
#include "core/version.h"

#include <QMetaMethod>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace {

QByteArray hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int defaultPort = url.scheme() == "https"_L1 ? 443 : 80;
    if (url.port(defaultPort) != defaultPort)
        host += ':' + QByteArray::number(url.port());
    return host;
}

} // namespace

AwsTransport::AwsTransport(
    Settings settings, std::shared_ptr<CredentialsProvider> credentials, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_credentials(std::move(credentials))
    , m_clock(clock)
    , m_network(new QNetworkAccessManager(this))
{
    // Redirects are refused per request; caching would hand back stale answers to POSTs anyway.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

AwsTransport::AwsTransport(const ResolvedConnection &connection, Clock *clock, QObject *parent)
    : AwsTransport(
        { connection.endpoint, connection.region, connection.service }, connection.credentials, clock, parent)
{
    m_retryPolicy.setMaxAttempts(connection.maxAttempts);
}

AwsTransport::~AwsTransport() = default;

AwsCall *AwsTransport::send(const AwsRequest &request)
{
    auto *call = new AwsCall(this, request);
    // From the event loop, so a caller connects to finished() before anything can happen.
    QMetaObject::invokeMethod(call, &AwsCall::beginAttempt, Qt::QueuedConnection);
    return call;
}

void AwsTransport::setBudget(TokenBucket *budget)
{
    m_budget = budget;
}

QDateTime AwsTransport::signingTime() const
{
    return m_clock->now().addMSecs(m_clockSkew.count());
}

void AwsTransport::correctClockSkew(const QDateTime &serverTime)
{
    m_clockSkew = std::chrono::milliseconds(m_clock->now().msecsTo(serverTime));
    debug(u"** clock skew corrected: signing times now move by %1 s"_s.arg(
        double(m_clockSkew.count()) / 1000.0));
    emit clockSkewChanged(m_clockSkew);
}

QNetworkReply *AwsTransport::post(const AwsRequest &request, const AwsCredentials &credentials,
    const QDateTime &time, int attempt, QString *error)
{
    const QUrl &url = m_settings.endpoint;
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != "https"_L1 && url.scheme() != "http"_L1)) {
        *error = tr("The endpoint \"%1\" is not an http(s) URL").arg(url.toDisplayString());
        return nullptr;
    }
    if (url.scheme() == "http"_L1 && !ConnectionResolver::isLoopbackHost(url.host())) {
        *error = tr("Plain http:// is only allowed to a loopback address, not to %1; use https://")
                     .arg(url.host());
        return nullptr;
    }

    SignableRequest signable;
    signable.method = "POST";
    signable.path = url.path(QUrl::FullyEncoded).toLatin1();
    if (signable.path.isEmpty())
        signable.path = "/";
    signable.query = url.query(QUrl::FullyEncoded).toLatin1();
    signable.headers.append({ "Host", hostHeader(url) });
    signable.headers.append({ "Content-Type", request.contentType });
    if (!request.target.isEmpty())
        signable.headers.append({ "X-Amz-Target", request.target });
    signable.body = request.body;
    SigV4Signer(credentials, m_settings.region, m_settings.signingService).sign(signable, time);

    QUrl target = url;
    target.setPath(QString::fromLatin1(signable.path), QUrl::StrictMode);
    QNetworkRequest networkRequest(target);
    for (const auto &[name, value] : std::as_const(signable.headers))
        networkRequest.setRawHeader(name, value);
    networkRequest.setRawHeader("User-Agent", "sagedesk/" SAGEDESK_VERSION);
    networkRequest.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    networkRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    // HTTP/1.1: the Host header we signed is the one on the wire.
    networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);

    if (debugging()) {
        debug(u"-> POST %1 %2 attempt %3"_s.arg(target.toDisplayString(), request.operation).arg(attempt));
        const QStringList secrets { credentials.secretAccessKey, credentials.sessionToken };
        for (const auto &[name, value] : std::as_const(signable.headers))
            debug(redactSecrets(
                u"-> %1: %2"_s.arg(QString::fromLatin1(name), QString::fromLatin1(value)), secrets));
        debug(redactSecrets(u"-> "_s + QString::fromUtf8(request.body.left(maxDebugBody)), secrets));
    }

    ++m_inFlight;
    return m_network->post(networkRequest, signable.body);
}

bool AwsTransport::debugging() const
{
    static const QMetaMethod signal = QMetaMethod::fromSignal(&AwsTransport::debugMessage);
    return isSignalConnected(signal);
}

void AwsTransport::debug(const QString &line)
{
    if (debugging())
        emit debugMessage(line);
}
