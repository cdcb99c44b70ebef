#include "core/aws/awstransport.h"
#include "core/aws/localsandbox.h"
#include "core/ec2/ec2client.h"
#include "core/ec2/vpcpreflight.h"
#include "core/ec2/vpcpreflightrun.h"
#include "tests/support/fixtureserver.h"
#include "tests/support/testdata.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <memory>

using namespace Qt::StringLiterals;

// Proves the EC2 client on the wire, against the scripted fixture server: the form-encoded Query request
// signed for "ec2", pagination through nextToken (and its end when a token repeats), EC2's XML errors, the
// transport's retries, answers that are not the expected XML, cancelling; and the pre-flight run when EC2
// refuses every call.
class TestEc2Client : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void requestIsSignedQueryForm();
    void followsEveryPage();
    void repeatedPageTokenEnds();
    void failureOnSecondPageKeepsFirst();
    void unauthorizedIsNotRetried();
    void throttlingIsRetried();
    void unexpectedAnswers_data();
    void unexpectedAnswers();
    void deletingCancels();
    void preflightWithoutPermission();

private:
    static QByteArray fixture(const QString &name);
    static FixtureAction xml(const QByteArray &body)
    {
        return FixtureAction::raw(200, "text/xml;charset=UTF-8", body);
    }
    Ec2Result run(Ec2Call *call);

    std::unique_ptr<FixtureServer> m_server;
    std::unique_ptr<AwsTransport> m_transport;
    std::unique_ptr<Ec2Client> m_client;
};

QByteArray TestEc2Client::fixture(const QString &name)
{
    return TestData::bytes(u"ec2/"_s + name);
}

void TestEc2Client::init()
{
    m_server = std::make_unique<FixtureServer>();
    QVERIFY(m_server->listen());
    m_transport
        = std::make_unique<AwsTransport>(AwsTransport::Settings { m_server->url(), u"us-east-1"_s, u"ec2"_s },
            LocalSandbox::credentialsProvider(), Clock::system());
    m_transport->retryPolicy().setRandomSource([] { return 0.0; }); // retries without waiting
    m_client = std::make_unique<Ec2Client>(m_transport.get());
}

void TestEc2Client::cleanup()
{
    m_client.reset();
    m_transport.reset();
    m_server.reset();
}

Ec2Result TestEc2Client::run(Ec2Call *call)
{
    QSignalSpy finished(call, &Ec2Call::finished);
    if (!finished.wait(20000)) {
        Ec2Result timedOut;
        timedOut.error.code = u"TestTimeout"_s;
        return timedOut;
    }
    return finished.first().first().value<Ec2Result>();
}

void TestEc2Client::requestIsSignedQueryForm()
{
    m_server->enqueue(xml(fixture(u"describe-subnets.moto.xml"_s)));
    const Ec2Result result
        = run(m_client->describeSubnets({ {}, { { u"vpc-id"_s, { u"vpc-1"_s, u"vpc 2"_s } } } }));
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    QCOMPARE(result.resources.subnets.size(), 2);
    QCOMPARE(result.pages, 1);

    QCOMPARE(m_server->requestCount(), 1);
    const FixtureRequest request = m_server->requests().first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QByteArray("/"));
    QVERIFY(request.header("Content-Type").startsWith("application/x-www-form-urlencoded"));
    QVERIFY(!request.hasHeader("X-Amz-Target"));
    QCOMPARE(request.body,
        QByteArray("Action=DescribeSubnets&Version=2016-11-15&Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-1"
                   "&Filter.1.Value.2=vpc%202&MaxResults=100"));
    const QByteArray authorization = request.header("Authorization");
    QVERIFY2(authorization.contains("/us-east-1/ec2/aws4_request"), authorization.constData());
    QCOMPARE(request.operation(), u"DescribeSubnets"_s);
}

void TestEc2Client::followsEveryPage()
{
    m_server->enqueue(xml(fixture(u"describe-subnets-page1.aws.xml"_s)));
    m_server->enqueue(xml(fixture(u"describe-subnets-page2.aws.xml"_s)));
    const Ec2Result result = run(m_client->describeSubnets());
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    QCOMPARE(result.pages, 2);
    QCOMPARE(result.resources.subnets.size(), 2);
    QCOMPARE(result.resources.subnets[0].subnetId, u"subnet-0bb1c79de3EXAMPLE"_s);
    QCOMPARE(result.resources.subnets[1].subnetId, u"subnet-0ccd2a6e49EXAMPLE"_s);

    QCOMPARE(m_server->requestCount(), 2);
    const QUrlQuery first(QString::fromUtf8(m_server->requests()[0].body));
    QVERIFY(!first.hasQueryItem(u"NextToken"_s));
    const QByteArray second = m_server->requests()[1].body;
    QVERIFY2(
        second.endsWith("&MaxResults=100&NextToken=eyJ2IjoiMiIsImMiOiJ0b2tlbi0xIn0%3D"), second.constData());
}

void TestEc2Client::repeatedPageTokenEnds()
{
    for (int i = 0; i < 3; ++i)
        m_server->enqueue(xml(fixture(u"describe-subnets-page1.aws.xml"_s)));
    const Ec2Result result = run(m_client->describeSubnets());
    QCOMPARE(result.error.code, u"InvalidResponse"_s);
    QVERIFY2(result.error.message.contains(u"same page token twice"_s), qPrintable(result.error.message));
    QCOMPARE(m_server->requestCount(), 2);
}

void TestEc2Client::failureOnSecondPageKeepsFirst()
{
    m_server->enqueue(xml(fixture(u"describe-subnets-page1.aws.xml"_s)));
    m_server->enqueue(FixtureAction::xmlError(400, u"InvalidParameterValue"_s, u"bad token"_s, u"req-2"_s));
    const Ec2Result result = run(m_client->describeSubnets());
    QCOMPARE(result.error.code, u"InvalidParameterValue"_s);
    QCOMPARE(result.error.requestId, u"fixture-2"_s); // the x-amzn-RequestId header wins over the body's
    QCOMPARE(result.pages, 1);
    QCOMPARE(result.resources.subnets.size(), 1);
}

void TestEc2Client::unauthorizedIsNotRetried()
{
    m_server->enqueue(
        FixtureAction::raw(403, "text/xml;charset=UTF-8", fixture(u"error-unauthorized.aws.xml"_s)));
    const Ec2Result result = run(m_client->describeSubnets());
    QCOMPARE(result.error.code, u"UnauthorizedOperation"_s);
    QCOMPARE(result.error.httpStatus, 403);
    QCOMPARE(result.error.requestId, u"fixture-1"_s);
    QVERIFY(result.error.message.startsWith(u"You are not authorized"_s));
    QVERIFY(!result.error.retryable);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestEc2Client::throttlingIsRetried()
{
    m_server->enqueue(FixtureAction::xmlError(503, u"RequestLimitExceeded"_s, u"Request limit exceeded."_s));
    m_server->enqueue(xml(fixture(u"describe-vpcs.moto.xml"_s)));
    const Ec2Result result = run(m_client->describeVpcs());
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    QCOMPARE(result.resources.vpcs.size(), 2);
    QCOMPARE(m_server->requestCount(), 2);
}

void TestEc2Client::unexpectedAnswers_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("a proxy's HTML page")
        << QByteArray("text/html") << QByteArray("<html><body>Login<br></body></html>") << u"not valid XML"_s;
    QTest::newRow("JSON") << QByteArray("application/json") << QByteArray("{}") << u"not valid XML"_s;
    QTest::newRow("another call's answer") << QByteArray("text/xml") << fixture(u"describe-vpcs.moto.xml"_s)
                                           << u"is <DescribeVpcsResponse>, not <DescribeSubnetsResponse>"_s;
}

void TestEc2Client::unexpectedAnswers()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    m_server->enqueue(FixtureAction::raw(200, contentType, body));
    const Ec2Result result = run(m_client->describeSubnets());
    QCOMPARE(result.error.code, u"InvalidResponse"_s);
    QVERIFY2(result.error.message.contains(message), qPrintable(result.error.message));
    QVERIFY(result.resources.subnets.isEmpty());
}

void TestEc2Client::deletingCancels()
{
    m_server->enqueue(FixtureAction::stall());
    Ec2Call *call = m_client->describeRouteTables();
    QSignalSpy finished(call, &Ec2Call::finished);
    QTRY_COMPARE(m_server->requestCount(), 1);
    QCOMPARE(m_transport->inFlight(), 1);
    delete call;
    QCOMPARE(m_transport->inFlight(), 0);
    QTest::qWait(50);
    QCOMPARE(finished.size(), 0);
}

void TestEc2Client::preflightWithoutPermission()
{
    m_server->setDefaultHandler([this](const FixtureRequest &) {
        return FixtureAction::raw(403, "text/xml;charset=UTF-8", fixture(u"error-unauthorized.aws.xml"_s));
    });
    VpcPreflight preflight(m_client.get());
    const QJsonObject vpcConfig { { u"Subnets"_s, QJsonArray { u"subnet-1"_s } },
        { u"SecurityGroupIds"_s, QJsonArray { u"sg-1"_s } } };
    VpcPreflightRun *run = preflight.run(vpcConfig, 2, { u"s3://bucket/in"_s });
    QSignalSpy finished(run, &VpcPreflightRun::finished);
    QVERIFY(finished.wait(20000));
    const Diagnostics findings = finished.first().first().value<Diagnostics>();
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings[0].code, u"ec2AccessDenied"_s);
    QCOMPARE(findings[0].severity, Diagnostic::Severity::Warning);
    QVERIFY2(findings[0].message.contains(u"ec2:DescribeSecurityGroups, ec2:DescribeSubnets"_s),
        qPrintable(findings[0].message));
    // The VPC-wide calls need the subnets' VPC; without it they are not even tried.
    QCOMPARE(m_server->requestCount(), 2);
}

QTEST_GUILESS_MAIN(TestEc2Client)
#include "tst_ec2client.moc"
