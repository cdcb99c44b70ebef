#pragma once

#include "core/aws/awsrequest.h"
#include "core/aws/retrypolicy.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QUrl>
#include <chrono>
#include <memory>

class AwsCall;
class Clock;
class CredentialsProvider;
class QNetworkAccessManager;
class QNetworkReply;
class TokenBucket;
struct AwsCredentials;
struct ResolvedConnection;

// Signs and sends AWS requests to one endpoint on QNetworkAccessManager, asynchronously, and retries them
// the way the SDKs' standard mode does (see RetryPolicy), corrects clock skew and re-resolves expired
// credentials. Knows no protocol beyond "POST these bytes, hand back the answer": AwsRequest carries the
// body and the format of the answer. Lives in one thread; usable from the GUI event loop and from
// QCoreApplication (no nested event loops). Every attempt takes a token from the budget, when one is set.
//
//     AwsCall *call = transport->send(AwsRequest::json(u"SageMaker"_s, u"DescribeModel"_s, input));
//     connect(call, &AwsCall::finished, this, [](const AwsResult &result) { ... });
class AwsTransport : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        QUrl endpoint; // "https://api.sagemaker.us-east-1.amazonaws.com"; http:// only to loopback
        QString region; // "us-east-1"
        QString signingService; // "sagemaker", "pricing", "ec2"
        std::chrono::milliseconds attemptTimeout { 60000 };
    };

    // clock must outlive the transport.
    AwsTransport(Settings settings, std::shared_ptr<CredentialsProvider> credentials, Clock *clock,
        QObject *parent = nullptr);
    // Endpoint, region, signing name, max attempts and credentials of a resolved connection (isValid()).
    AwsTransport(const ResolvedConnection &connection, Clock *clock, QObject *parent = nullptr);
    ~AwsTransport() override;

    // Starts a call. The handle emits finished() once, at the earliest from the event loop (never from
    // inside send()), and deletes itself afterwards; delete it earlier to cancel the call. Connect with a
    // context object so a receiver destroyed first is never called.
    AwsCall *send(const AwsRequest &request);

    const Settings &settings() const { return m_settings; }
    void setAttemptTimeout(std::chrono::milliseconds timeout) { m_settings.attemptTimeout = timeout; }
    RetryPolicy &retryPolicy() { return m_retryPolicy; }
    // The connection's shared request budget; not owned, must outlive the calls. nullptr (the default)
    // sends without waiting.
    void setBudget(TokenBucket *budget);
    TokenBucket *budget() const { return m_budget; }
    // Added to the clock for every signing time, learnt from the service's Date after a skew error.
    std::chrono::milliseconds clockSkew() const { return m_clockSkew; }
    // Attempts on the wire now (sent, no answer yet).
    int inFlight() const { return m_inFlight; }

signals:
    // One line of the request/response exchange for --debug. Authorization, the session token and the
    // secret never appear in it.
    void debugMessage(const QString &line);
    void clockSkewChanged(std::chrono::milliseconds skew);

private:
    friend class AwsCall;

    // How much of a request or response body --debug shows.
    static constexpr qsizetype maxDebugBody = 4096;

    QDateTime signingTime() const;
    void correctClockSkew(const QDateTime &serverTime);
    // Signs and posts one attempt; nullptr with *error set when the endpoint may not be used.
    QNetworkReply *post(const AwsRequest &request, const AwsCredentials &credentials, const QDateTime &time,
        int attempt, QString *error);
    void attemptFinished() { --m_inFlight; }
    bool debugging() const;
    void debug(const QString &line);

    Settings m_settings;
    std::shared_ptr<CredentialsProvider> m_credentials;
    Clock *m_clock;
    QNetworkAccessManager *m_network;
    RetryPolicy m_retryPolicy;
    TokenBucket *m_budget = nullptr;
    std::chrono::milliseconds m_clockSkew { 0 };
    int m_inFlight = 0;
};
