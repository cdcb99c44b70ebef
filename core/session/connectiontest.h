#pragma once

#include "core/aws/awserror.h"
#include "core/aws/resolvedconnection.h"

#include <QObject>

class QNetworkAccessManager;
class QNetworkReply;

// The connection dialog's "Test connection": exactly one ListTrainingJobs call with MaxResults 1, no retries,
// so the answer is quick and says what is wrong. Until SageMakerClient exists this signs and sends the call
// itself; the client's listTrainingJobs replaces the body of start().
class ConnectionTest : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        bool success = false;
        int jobsListed = 0; // 0 or 1 (MaxResults 1)
        bool moreJobs = false; // the answer carried a NextToken
        AwsError error; // code "CredentialsError" when the connection did not resolve
        QString text; // one readable paragraph for the dialog
    };

    // network: shared manager (may be null: the test makes its own).
    explicit ConnectionTest(QNetworkAccessManager *network = nullptr, QObject *parent = nullptr);
    ~ConnectionTest() override;

    // Emits finished() once, later (never from inside start()).
    void start(const ResolvedConnection &connection);

    static constexpr int timeoutMs = 15000;

signals:
    void finished(const ConnectionTest::Result &result);

private:
    void onReply(QNetworkReply *reply, const ResolvedConnection &connection);
    void finish(Result result);

    QNetworkAccessManager *m_network;
};

Q_DECLARE_METATYPE(ConnectionTest::Result)
