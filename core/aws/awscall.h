#pragma once

#include "core/aws/awsrequest.h"
#include "core/aws/awsresult.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <chrono>

class AwsTransport;
class QNetworkReply;
struct AwsCredentials;

// The handle of one AWS call (request/handle/result): runs the attempts, waits out the backoff, the
// request budget and a credential_process, and emits finished() exactly once. It deletes itself after
// finished(); deleting it before cancels the call without a signal.
class AwsCall : public QObject
{
    Q_OBJECT

public:
    ~AwsCall() override;

    const AwsRequest &request() const { return m_request; }
    bool isFinished() const { return m_finished; }
    // Valid once finished.
    const AwsResult &result() const { return m_result; }
    int attempts() const { return m_attempts; }

    // Ends the call now with the error "Aborted" (finished() is emitted from inside abort()).
    void abort();

signals:
    void finished(const AwsResult &result);
    // An attempt failed and another follows after delay.
    void retrying(int nextAttempt, const AwsError &error, std::chrono::milliseconds delay);

private:
    friend class AwsTransport;

    AwsCall(AwsTransport *transport, AwsRequest request);

    void beginAttempt();
    void sendAttempt();
    void signAndSend(const AwsCredentials &credentials, const QString &problem);
    void onTimeout(quint64 attemptId);
    void onReplyFinished(QNetworkReply *reply);
    void handleFailure(AwsError error, const QDateTime &serverDate, bool mayHaveTakenEffect);
    void retryAfter(std::chrono::milliseconds delay, const AwsError &error);
    void succeed(int httpStatus, const QString &requestId, const QByteArray &body);
    void finish(AwsResult result);

    QPointer<AwsTransport> m_transport;
    AwsRequest m_request;
    AwsResult m_result;
    QNetworkReply *m_reply = nullptr;
    QElapsedTimer m_attemptTimer;
    QDateTime m_signingTime;
    quint64 m_attemptId = 0;
    int m_attempts = 0;
    int m_backoffRetries = 0;
    int m_lastRetryCost = 0;
    int m_uploads = 0; // complete uploads of the current attempt: more than one means a silent resend
    bool m_uploaded = false;
    bool m_timedOut = false;
    bool m_forceRefresh = false;
    bool m_skewRetried = false;
    bool m_refreshRetried = false;
    bool m_lastMayHaveTakenEffect = false;
    bool m_earlierMayHaveTakenEffect = false;
    bool m_finished = false;
};
