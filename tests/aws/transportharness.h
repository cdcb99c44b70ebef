#pragma once

#include "core/aws/awscall.h"
#include "core/aws/awstransport.h"
#include "core/aws/credentialsprovider.h"
#include "tests/support/fixtureserver.h"
#include "tests/support/manualclock.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTest>
#include <memory>

// Credentials that count refreshes and can be told to fail; a refresh hands out a new session token.
class TestCredentialsProvider final : public CredentialsProvider
{
public:
    AwsCredentials credentials(bool forceRefresh, QString *error) override
    {
        if (!failure.isEmpty()) {
            *error = failure;
            return {};
        }
        if (forceRefresh)
            ++refreshes;
        return { QStringLiteral("AKIDEXAMPLE"), QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
            QStringLiteral("session-token-v%1").arg(refreshes + 1), {} };
    }
    QString sourceDescription() const override { return QStringLiteral("test"); }

    int refreshes = 0;
    QString failure;
};

// A transport against a fixture server, with time on a ManualClock that moves only while nothing is on the
// wire (or everything on the wire is stalled, which only a timeout can end): backoffs, budget waits and
// timeouts take no wall time, and the times the server records are the times the transport sent at.
struct TransportHarness
{
    TransportHarness()
    {
        server.setClock(&clock);
        if (!server.listen())
            qFatal("fixture server cannot listen");
        transport = std::make_unique<AwsTransport>(
            AwsTransport::Settings { server.url(), QStringLiteral("us-east-1"), QStringLiteral("sagemaker") },
            credentials, &clock);
        transport->retryPolicy().setRandomSource([] { return 0.5; });
    }

    AwsCall *call(const QString &operation, const QJsonObject &input = {})
    {
        return transport->send(AwsRequest::json(QStringLiteral("SageMaker"), operation, input));
    }

    // Runs until done() or 20 s of wall time; false on the latter.
    bool drive(const std::function<bool()> &done)
    {
        QElapsedTimer wall;
        wall.start();
        int idleRounds = 0;
        while (!done()) {
            if (wall.elapsed() > 20000)
                return false;
            QTest::qWait(1);
            // Done while waiting: moving the clock now would run what the test wants to see pending.
            if (done())
                return true;
            const bool idle = transport->inFlight() == server.stalledConnections() && clock.pending() > 0;
            // Idle twice in a row, with events processed between: nothing queued is about to be sent.
            idleRounds = idle ? idleRounds + 1 : 0;
            if (idleRounds >= 2) {
                clock.runNext();
                idleRounds = 0;
            }
        }
        return true;
    }

    // Runs the call to its end and returns its result.
    AwsResult run(AwsCall *call)
    {
        AwsResult result;
        bool finished = false;
        QObject::connect(call, &AwsCall::finished, call, [&](const AwsResult &r) {
            result = r;
            finished = true;
        });
        if (!drive([&] { return finished; }))
            qWarning("call did not finish");
        return result;
    }

    ManualClock clock;
    FixtureServer server;
    std::shared_ptr<TestCredentialsProvider> credentials = std::make_shared<TestCredentialsProvider>();
    std::unique_ptr<AwsTransport> transport;
};
