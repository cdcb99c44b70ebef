#include "core/aws/credentialsprovider.h"
#include "core/session/connectiontest.h"
#include "tests/support/fixtureserver.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(FixtureAction)

namespace {

ResolvedConnection connectionTo(const QUrl &endpoint)
{
    ResolvedConnection connection;
    connection.profile = u"dev"_s;
    connection.region = u"eu-west-2"_s;
    connection.endpoint = endpoint;
    connection.service = u"sagemaker"_s;
    connection.credentials = std::make_shared<StaticCredentialsProvider>(
        AwsCredentials { u"AKIDTEST"_s, u"secret-never-shown"_s, {}, {} }, u"profile dev"_s);
    connection.credentialSource = u"profile dev"_s;
    return connection;
}

ConnectionTest::Result runTest(const ResolvedConnection &connection)
{
    ConnectionTest test;
    QSignalSpy finished(&test, &ConnectionTest::finished);
    test.start(connection);
    ConnectionTest::Result failure;
    failure.text = u"finished synchronously"_s;
    if (!finished.isEmpty()) // must not answer from inside start()
        return failure;
    failure.text = u"no answer"_s;
    if (!finished.wait(ConnectionTest::timeoutMs + 5000))
        return failure;
    return finished.first().first().value<ConnectionTest::Result>();
}

} // namespace

// Proves the connection dialog's test: one signed ListTrainingJobs with MaxResults 1, and a readable result
// for success (with the count), an AWS error (code, message, request id), a broken answer and a connection
// that did not resolve; never the secret key.
class TestConnectionTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void result_data();
    void result();
    void sendsOneSignedListTrainingJobs();
    void unresolvedConnectionSaysWhy();
};

void TestConnectionTest::initTestCase()
{
    qRegisterMetaType<ConnectionTest::Result>();
}

void TestConnectionTest::result_data()
{
    QTest::addColumn<FixtureAction>("answer");
    QTest::addColumn<bool>("success");
    QTest::addColumn<int>("jobsListed");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("textParts");

    const QJsonObject job { { u"TrainingJobName"_s, u"first"_s } };
    QTest::newRow("empty account") << FixtureAction::json({ { u"TrainingJobSummaries"_s, QJsonArray() } })
                                   << true << 0 << QString()
                                   << QStringList { u"Connected"_s, u"no training jobs"_s };
    QTest::newRow("one job, more to come")
        << FixtureAction::json(
               { { u"TrainingJobSummaries"_s, QJsonArray { job } }, { u"NextToken"_s, u"t"_s } })
        << true << 1 << QString() << QStringList { u"Connected"_s, u"profile dev"_s, u"1 of several"_s };
    QTest::newRow("one job") << FixtureAction::json({ { u"TrainingJobSummaries"_s, QJsonArray { job } } })
                             << true << 1 << QString() << QStringList { u"1 training job listed"_s };
    QTest::newRow("access denied") << FixtureAction::awsError(
        400, u"AccessDeniedException"_s, u"User is not authorized"_s)
                                   << false << 0 << u"AccessDeniedException"_s
                                   << QStringList { u"AccessDeniedException"_s, u"User is not authorized"_s,
                                          u"request id fixture-"_s };
    QTest::newRow("html from a proxy") << FixtureAction::html(502, "<html><body>Bad gateway</body></html>")
                                       << false << 0 << u"BadGateway"_s << QStringList { u"error"_s };
    QTest::newRow("not a ListTrainingJobs answer")
        << FixtureAction::json({ { u"Hello"_s, 1 } }) << false << 0 << u"InvalidResponse"_s
        << QStringList { u"not a ListTrainingJobs"_s };
}

void TestConnectionTest::result()
{
    QFETCH(FixtureAction, answer);
    QFETCH(bool, success);
    QFETCH(int, jobsListed);
    QFETCH(QString, code);
    QFETCH(QStringList, textParts);

    FixtureServer server;
    QVERIFY(server.listen());
    server.enqueue(u"ListTrainingJobs"_s, answer);
    const ConnectionTest::Result result = runTest(connectionTo(server.url()));
    QCOMPARE(result.success, success);
    QCOMPARE(result.jobsListed, jobsListed);
    QCOMPARE(result.error.code, code);
    for (const QString &part : textParts)
        QVERIFY2(result.text.contains(part), qPrintable(result.text));
    QVERIFY(!result.text.contains(u"secret-never-shown"_s));
    QCOMPARE(server.requestCount(), 1); // no retries: the test reports the first answer
}

void TestConnectionTest::sendsOneSignedListTrainingJobs()
{
    FixtureServer server;
    QVERIFY(server.listen());
    server.enqueue(
        u"ListTrainingJobs"_s, FixtureAction::json({ { u"TrainingJobSummaries"_s, QJsonArray() } }));
    QVERIFY(runTest(connectionTo(server.url())).success);
    QCOMPARE(server.requestCount(), 1);
    const FixtureRequest request = server.requests().first();
    QCOMPARE(request.method, "POST");
    QCOMPARE(request.target(), "SageMaker.ListTrainingJobs");
    QCOMPARE(request.header("Content-Type"), "application/x-amz-json-1.1");
    QCOMPARE(request.json(), QJsonObject({ { u"MaxResults"_s, 1 } }));
    const QByteArray authorization = request.header("Authorization");
    QVERIFY2(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/"), authorization.constData());
    QVERIFY2(authorization.contains("/eu-west-2/sagemaker/aws4_request"), authorization.constData());
}

void TestConnectionTest::unresolvedConnectionSaysWhy()
{
    ResolvedConnection connection;
    connection.error = u"No AWS credentials for profile default: set AWS_ACCESS_KEY_ID"_s;
    const ConnectionTest::Result result = runTest(connection);
    QVERIFY(!result.success);
    QCOMPARE(result.error.code, u"CredentialsError"_s);
    QVERIFY2(result.text.contains(connection.error), qPrintable(result.text));
}

QTEST_GUILESS_MAIN(TestConnectionTest)
#include "tst_connectiontest.moc"
