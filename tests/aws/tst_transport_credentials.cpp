#include "core/aws/processcredentialsprovider.h"
#include "tests/aws/transportharness.h"
#include "tests/support/credentialprocessscript.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// A transport on the wall clock whose credentials come from a credential_process (profile "slow"); its
// expiration is judged on credentialsClock, which the test moves.
struct ProcessTransport
{
    ProcessTransport()
    {
        if (!server.listen())
            qFatal("fixture server cannot listen");
        server.setDefaultHandler([](const FixtureRequest &) { return FixtureAction::json({}); });
        provider = std::make_shared<ProcessCredentialsProvider>(script.command(), QStringLiteral("slow"),
            CredentialProcessScript::environment(), &credentialsClock);
        transport = std::make_unique<AwsTransport>(
            AwsTransport::Settings { server.url(), QStringLiteral("us-east-1"), QStringLiteral("sagemaker") },
            provider, Clock::system());
    }
    AwsCall *call() { return transport->send(AwsRequest::json(u"SageMaker"_s, u"ListTrainingJobs"_s, {})); }
    // The key ID the n-th request was signed with.
    QByteArray signedWith(int n) const
    {
        const QByteArray authorization = server.requests().value(n).header("Authorization");
        const qsizetype from = authorization.indexOf("Credential=") + 11;
        return authorization.mid(from, authorization.indexOf('/', from) - from);
    }

    CredentialProcessScript script;
    ManualClock credentialsClock;
    FixtureServer server;
    std::shared_ptr<ProcessCredentialsProvider> provider;
    std::unique_ptr<AwsTransport> transport;
};

AwsResult waitFor(AwsCall *call)
{
    AwsResult result;
    bool finished = false;
    QObject::connect(call, &AwsCall::finished, call, [&](const AwsResult &r) {
        result = r;
        finished = true;
    });
    if (!QTest::qWaitFor([&finished] { return finished; }, 15000))
        qWarning("call did not finish");
    return result;
}

} // namespace

// Proves the transport gets credentials from a credential_process without blocking the event loop: one run
// shared by concurrent calls, a failing command as a readable CredentialsError and nothing sent, and keys
// renewed before they expire and after ExpiredToken.
class TestTransportCredentials : public QObject
{
    Q_OBJECT

private slots:
    void slowCredentialProcessDoesNotBlockTheEventLoop();
    void failingCredentialProcessIsACredentialsError();
    void expiringProcessCredentialsAreRenewedBeforeSigning();
};

void TestTransportCredentials::slowCredentialProcessDoesNotBlockTheEventLoop()
{
    ProcessTransport p;
    p.script.writeCredentials(u"AKIDSLOW"_s);
    p.script.write(u"sleep"_s, "2");
    QElapsedTimer sinceTick;
    qint64 longestGap = 0;
    QTimer ticker;
    ticker.setInterval(20);
    connect(&ticker, &QTimer::timeout, this, [&] { longestGap = qMax(longestGap, sinceTick.restart()); });
    sinceTick.start();
    ticker.start();

    QElapsedTimer took;
    took.start();
    AwsCall *first = p.call();
    AwsCall *second = p.call();
    QVERIFY(took.elapsed() < 500);
    QSignalSpy secondDone(second, &AwsCall::finished);
    const AwsResult result = waitFor(first);
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    QTRY_COMPARE(secondDone.size(), 1);
    ticker.stop();
    QVERIFY(took.elapsed() >= 1900);
    QVERIFY2(longestGap < 500, qPrintable(u"the event loop stood still for %1 ms"_s.arg(longestGap)));
    QCOMPARE(p.script.runs(), 1);
    QCOMPARE(p.server.requestCount(), 2);
    QCOMPARE(p.signedWith(0), QByteArray("AKIDSLOW"));
    QCOMPARE(p.signedWith(1), QByteArray("AKIDSLOW"));
    QCOMPARE(p.server.requests().first().header("X-Amz-Security-Token"), QByteArray("procT0ken"));
}

void TestTransportCredentials::failingCredentialProcessIsACredentialsError()
{
    ProcessTransport p;
    p.script.write(u"output.json"_s, {});
    p.script.write(u"exitcode"_s, "2");
    p.script.write(u"stderr"_s, "token expired, run login\n");
    const AwsResult result = waitFor(p.call());
    QCOMPARE(result.error.code, u"CredentialsError"_s);
    QCOMPARE(result.error.message,
        u"credential_process of profile slow failed with exit code 2: token expired, run login"_s);
    QCOMPARE(result.attempts, 0);
    QCOMPARE(p.server.requestCount(), 0);
}

// Credentials with an Expiration: a call made within five minutes of it runs the command again first
// (without blocking) and signs with the new keys; ExpiredToken makes it run once more.
void TestTransportCredentials::expiringProcessCredentialsAreRenewedBeforeSigning()
{
    ProcessTransport p;
    p.script.writeCredentials(u"AKID1"_s, p.credentialsClock.now().addSecs(3600));
    QVERIFY(waitFor(p.call()).isOk());
    QVERIFY(waitFor(p.call()).isOk());
    QCOMPARE(p.script.runs(), 1);

    p.script.writeCredentials(u"AKID2"_s, p.credentialsClock.now().addSecs(7200));
    p.credentialsClock.advance(56min);
    QVERIFY(waitFor(p.call()).isOk());
    QCOMPARE(p.script.runs(), 2);
    QCOMPARE(p.signedWith(2), QByteArray("AKID2"));

    p.script.writeCredentials(u"AKID3"_s, p.credentialsClock.now().addSecs(7200));
    p.server.enqueue(FixtureAction::awsError(400, u"ExpiredTokenException"_s, u"The token is expired"_s));
    const AwsResult result = waitFor(p.call());
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    QCOMPARE(result.attempts, 2);
    QCOMPARE(p.script.runs(), 3);
    QCOMPARE(p.signedWith(3), QByteArray("AKID2"));
    QCOMPARE(p.signedWith(4), QByteArray("AKID3"));
}

QTEST_GUILESS_MAIN(TestTransportCredentials)
#include "tst_transport_credentials.moc"
