#pragma once

#include "core/aws/awserror.h"
#include "core/aws/resolvedconnection.h"

#include <QObject>

struct SageMakerResult;

// The connection dialog's "Test connection": exactly one ListTrainingJobs call with MaxResults 1 through
// SageMakerClient, with a single attempt (no retries), so the answer is quick and says what is wrong.
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

    explicit ConnectionTest(QObject *parent = nullptr);
    ~ConnectionTest() override;

    // Emits finished() once, later (never from inside start()).
    void start(const ResolvedConnection &connection);

    static constexpr int timeoutMs = 15000;

signals:
    void finished(const ConnectionTest::Result &result);

private:
    Result interpret(const SageMakerResult &answer, const ResolvedConnection &connection) const;
};

Q_DECLARE_METATYPE(ConnectionTest::Result)
