#include "core/aws/httpdate.h"
#include "core/aws/sigv4signer.h"
#include "core/aws/tokenbucket.h"
#include "tests/aws/transportharness.h"
#include "tests/support/closedport.h"

#include <QJsonArray>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;


// Proves the transport against a fault-injecting server: the wire format and the signature, every retry
// path (throttling, 5xx, timeouts, broken connections, truncated and unreadable answers), clock-skew
// correction, credential refresh, the retry quota, the outcome-unknown flags the safe create relies on,
// the shared request budget, and that --debug output never carries a secret.
class TestTransport : public QObject
{
    Q_OBJECT

private slots:
    void jsonRequestIsSignedAndParsed();
    void queryRequestGetsXml();
    void retriesThenSucceeds_data();
    void retriesThenSucceeds();
    void notRetried_data();
    void notRetried();
    void maxAttemptsHonoured_data();
    void maxAttemptsHonoured();
    void stalledAnswerTimesOutThenRetries();
    void allAttemptsTimeOut();
    void droppedAfterBody();
    void connectionRefusedIsKnownNotSent();
    void truncatedBody();
    void skewedDateCorrectedAndRetriedOnce();
    void skewRetriedOnlyOnce();
    void expiredTokenRefreshedOnce();
    void missingCredentialsNeverSendUnsigned();
    void retryQuotaExhausts();
    void redirectNotFollowed();
    void plainHttpOnlyToLoopback();
    void debugOutputRedactsSecrets();
    void receiverDestroyedBeforeAnswer();
    void deletingCallCancels();
    void budgetNeverExceededAndAdapts();
};

namespace {

const QString secret = u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s;

QDateTime amzDate(const QByteArray &value)
{
    const QDateTime t = QDateTime::fromString(QString::fromLatin1(value), u"yyyyMMdd'T'HHmmss'Z'"_s);
    return QDateTime(t.date(), t.time(), Qt::UTC);
}

} // namespace

void TestTransport::jsonRequestIsSignedAndParsed()
{
    TransportHarness h;
    h.server.setHandler(u"DescribeTrainingJob"_s, [](const FixtureRequest &r) {
        return FixtureAction::json({ { u"TrainingJobName"_s, r.json().value(u"TrainingJobName"_s) },
                                       { u"TrainingJobStatus"_s, u"InProgress"_s } })
            .withHeader("x-amzn-RequestId", "req-1");
    });
    const AwsResult result
        = h.run(h.call(u"DescribeTrainingJob"_s, { { u"TrainingJobName"_s, u"job-1"_s } }));
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    QCOMPARE(result.json.value(u"TrainingJobStatus"_s).toString(), u"InProgress"_s);
    QCOMPARE(result.json.value(u"TrainingJobName"_s).toString(), u"job-1"_s);
    QCOMPARE(result.requestId, u"req-1"_s);
    QCOMPARE(result.httpStatus, 200);
    QCOMPARE(result.attempts, 1);
    QVERIFY(!result.outcomeUnknown && !result.earlierOutcomeUnknown);

    QCOMPARE(h.server.requestCount(), 1);
    const FixtureRequest sent = h.server.requests().first();
    QCOMPARE(sent.method, QByteArray("POST"));
    QCOMPARE(sent.path, QByteArray("/"));
    QCOMPARE(sent.header("Content-Type"), QByteArray("application/x-amz-json-1.1"));
    QCOMPARE(sent.header("X-Amz-Target"), QByteArray("SageMaker.DescribeTrainingJob"));
    QCOMPARE(sent.header("Host"), "127.0.0.1:" + QByteArray::number(h.server.port()));
    QCOMPARE(sent.header("X-Amz-Security-Token"), QByteArray("session-token-v1"));
    QCOMPARE(amzDate(sent.header("X-Amz-Date")), h.clock.now());
    QCOMPARE(sent.json().value(u"TrainingJobName"_s).toString(), u"job-1"_s);
    const QByteArray authorization = sent.header("Authorization");
    QVERIFY(authorization.startsWith(
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/sagemaker/aws4_request"));

    // The signature on the wire is the one our signer computes for exactly these bytes.
    SignableRequest signable;
    signable.method = sent.method;
    signable.path = sent.path;
    signable.headers = { { "Host", sent.header("Host") }, { "Content-Type", sent.header("Content-Type") },
        { "X-Amz-Target", sent.header("X-Amz-Target") } };
    signable.body = sent.body;
    h.credentials->refreshes = 0;
    SigV4Signer(h.credentials->credentials(false, nullptr), u"us-east-1"_s, u"sagemaker"_s)
        .sign(signable, amzDate(sent.header("X-Amz-Date")));
    QCOMPARE(signable.headers.last().first, QByteArray("Authorization"));
    QCOMPARE(authorization, signable.headers.last().second);
}

void TestTransport::queryRequestGetsXml()
{
    TransportHarness h;
    const QByteArray xml
        = "<DescribeSpotPriceHistoryResponse><spotPriceHistorySet/></DescribeSpotPriceHistoryResponse>";
    h.server.enqueue(FixtureAction::xmlError(503, u"RequestLimitExceeded"_s, u"Request limit exceeded."_s));
    h.server.enqueue(FixtureAction::raw(200, "text/xml;charset=UTF-8", xml));
    h.transport.reset(
        new AwsTransport({ h.server.url(), u"us-east-1"_s, u"ec2"_s }, h.credentials, &h.clock));
    h.transport->retryPolicy().setRandomSource([] { return 0.0; });
    const AwsResult result
        = h.run(h.transport->send(AwsRequest::query(u"DescribeSpotPriceHistory"_s, u"2016-11-15"_s,
            { { u"InstanceType.1"_s, u"m5.large"_s },
                { u"ProductDescription.1"_s, u"Linux/UNIX (Amazon VPC)"_s } })));
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    QCOMPARE(result.body, xml);
    QVERIFY(result.json.isEmpty());
    QCOMPARE(result.attempts, 2); // the EC2 throttling code in XML was understood and retried
    const FixtureRequest sent = h.server.requests().last();
    QCOMPARE(sent.operation(), u"DescribeSpotPriceHistory"_s);
    QVERIFY(!sent.hasHeader("X-Amz-Target"));
    QVERIFY(sent.header("Content-Type").startsWith("application/x-www-form-urlencoded"));
    QCOMPARE(sent.body,
        QByteArray("Action=DescribeSpotPriceHistory&Version=2016-11-15&InstanceType.1=m5.large"
                   "&ProductDescription.1=Linux%2FUNIX%20%28Amazon%20VPC%29"));
    QVERIFY(sent.header("Authorization").contains("/us-east-1/ec2/aws4_request"));
}

void TestTransport::retriesThenSucceeds_data()
{
    QTest::addColumn<QList<FixtureAction>>("failures");
    QTest::addColumn<bool>("earlierOutcomeUnknown");

    const auto throttle = FixtureAction::awsError(400, u"ThrottlingException"_s, u"Rate exceeded"_s);
    QTest::newRow("throttling burst") << QList<FixtureAction> { throttle, throttle } << false;
    QTest::newRow("throttled by 429 TooManyRequestsException")
        << QList<FixtureAction> { FixtureAction::awsError(429, u"TooManyRequestsException"_s, u"slow"_s, {}) }
        << false;
    QTest::newRow("500 then 503") << QList<FixtureAction> {
        FixtureAction::awsError(500, u"InternalFailure"_s, u"x"_s),
        FixtureAction::awsError(503, u"ServiceUnavailable"_s, u"y"_s)
    } << true;
    QTest::newRow("502 html from a proxy") << QList<FixtureAction> {
        FixtureAction::html(502, "<html><body><h1>502 Bad Gateway</h1></body></html>")
    } << true;
    QTest::newRow("504 empty") << QList<FixtureAction> { FixtureAction::raw(504, {}, {}) } << true;
}

void TestTransport::retriesThenSucceeds()
{
    QFETCH(QList<FixtureAction>, failures);
    QFETCH(bool, earlierOutcomeUnknown);
    TransportHarness h;
    for (const FixtureAction &failure : failures)
        h.server.enqueue(failure);
    h.server.setDefaultHandler([](const FixtureRequest &) {
        return FixtureAction::json({ { u"ok"_s, true } });
    });
    AwsCall *call = h.call(u"ListTrainingJobs"_s);
    QSignalSpy retrying(call, &AwsCall::retrying);
    const AwsResult result = h.run(call);
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    QCOMPARE(result.json.value(u"ok"_s).toBool(), true);
    QCOMPARE(result.attempts, failures.size() + 1);
    QCOMPARE(h.server.requestCount(), failures.size() + 1);
    QCOMPARE(retrying.size(), failures.size());
    QCOMPARE(result.earlierOutcomeUnknown, earlierOutcomeUnknown);
    QVERIFY(!result.outcomeUnknown);

    // Backoff with the random number pinned at 0.5: 500 ms, then 1000 ms, on the transport's clock.
    const auto requests = h.server.requests();
    for (qsizetype i = 1; i < requests.size(); ++i)
        QCOMPARE(requests[i - 1].arrivedAt.msecsTo(requests[i].arrivedAt), qint64(500) << (i - 1));
    // The quota paid for the retries came back with the success.
    QCOMPARE(h.transport->retryPolicy().availableQuota(), 500 - 5 * (failures.size() - 1));
}

void TestTransport::notRetried_data()
{
    QTest::addColumn<FixtureAction>("answer");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("outcomeUnknown");
    QTest::newRow("validation") << FixtureAction::awsError(400, u"ValidationException"_s, u"bad name"_s)
                                << u"ValidationException"_s << false;
    QTest::newRow("resource in use") << FixtureAction::awsError(400, u"ResourceInUse"_s, u"exists"_s)
                                     << u"ResourceInUse"_s << false;
    QTest::newRow("access denied") << FixtureAction::awsError(403, u"AccessDeniedException"_s, u"no"_s, {})
                                   << u"AccessDeniedException"_s << false;
    QTest::newRow("wrong secret") << FixtureAction::awsError(400, u"InvalidSignatureException"_s,
        u"The request signature we calculated does not match the signature you provided."_s)
                                  << u"InvalidSignatureException"_s << false;
    QTest::newRow("html 200 is unreadable, and it did run")
        << FixtureAction::html(200, "<html><title>Portal</title></html>") << u"InvalidResponse"_s << true;
    QTest::newRow("non-json 200") << FixtureAction::raw(200, "application/x-amz-json-1.1", "not json")
                                  << u"InvalidResponse"_s << true;
}

void TestTransport::notRetried()
{
    QFETCH(FixtureAction, answer);
    QFETCH(QString, code);
    QFETCH(bool, outcomeUnknown);
    TransportHarness h;
    h.server.enqueue(answer);
    const AwsResult result = h.run(h.call(u"CreateTrainingJob"_s));
    QCOMPARE(result.error.code, code);
    QVERIFY(!result.error.retryable);
    QCOMPARE(result.attempts, 1);
    QCOMPARE(h.server.requestCount(), 1);
    QCOMPARE(result.outcomeUnknown, outcomeUnknown);
    QVERIFY(!result.error.message.isEmpty());
}

void TestTransport::maxAttemptsHonoured_data()
{
    QTest::addColumn<int>("maxAttempts");
    QTest::newRow("1: no retry") << 1;
    QTest::newRow("2") << 2;
    QTest::newRow("default 3") << 3;
    QTest::newRow("6") << 6;
}

void TestTransport::maxAttemptsHonoured()
{
    QFETCH(int, maxAttempts);
    TransportHarness h;
    h.transport->retryPolicy().setMaxAttempts(maxAttempts);
    h.transport->retryPolicy().setRandomSource([] { return 1.0; }); // the full cap: 1, 2, 4, 8, 16 s
    h.server.setDefaultHandler([](const FixtureRequest &) {
        return FixtureAction::awsError(503, u"ServiceUnavailable"_s, u"down"_s);
    });
    const QDateTime start = h.clock.now();
    const AwsResult result = h.run(h.call(u"ListModels"_s));
    QCOMPARE(result.error.code, u"ServiceUnavailable"_s);
    QVERIFY(result.error.retryable);
    QCOMPARE(result.attempts, maxAttempts);
    QCOMPARE(h.server.requestCount(), maxAttempts);
    QCOMPARE(result.httpStatus, 503);
    QVERIFY(result.outcomeUnknown); // a 5xx may have been carried out
    QCOMPARE(result.earlierOutcomeUnknown, maxAttempts > 1);
    const auto requests = h.server.requests();
    QCOMPARE(start.msecsTo(requests.last().arrivedAt), (qint64(1000) << (maxAttempts - 1)) - 1000);
}

void TestTransport::stalledAnswerTimesOutThenRetries()
{
    TransportHarness h;
    h.server.enqueue(FixtureAction::stall());
    h.server.enqueue(FixtureAction::json({ { u"TrainingJobArn"_s, u"arn:1"_s } }));
    const AwsResult result = h.run(h.call(u"CreateTrainingJob"_s));
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    QCOMPARE(result.attempts, 2);
    QVERIFY(result.earlierOutcomeUnknown); // the first one may have created the job
    QVERIFY(!result.outcomeUnknown);
    const auto requests = h.server.requests();
    // 60 s attempt timeout, then the first backoff (0.5 x 1 s).
    QCOMPARE(requests[0].arrivedAt.msecsTo(requests[1].arrivedAt), qint64(60500));
    QCOMPARE(h.transport->retryPolicy().availableQuota(), 500); // the timeout retry's 10 came back
}

void TestTransport::allAttemptsTimeOut()
{
    TransportHarness h;
    h.transport->setAttemptTimeout(5s);
    h.server.setDefaultHandler([](const FixtureRequest &) { return FixtureAction::stall(); });
    const AwsResult result = h.run(h.call(u"CreateTrainingJob"_s));
    QCOMPARE(result.error.code, u"Timeout"_s);
    QVERIFY(result.error.message.contains(u"5 s"_s));
    QVERIFY(result.error.retryable);
    QCOMPARE(result.attempts, 3);
    QCOMPARE(h.server.requestCount(), 3);
    QVERIFY(result.outcomeUnknown);
    QVERIFY(result.earlierOutcomeUnknown);
    QCOMPARE(result.httpStatus, 0);
    QCOMPARE(h.transport->retryPolicy().availableQuota(), 480); // two timeout retries at 10 each
    QTRY_COMPARE(h.server.openConnections(), 0); // the abandoned attempts were closed, not leaked
}

void TestTransport::droppedAfterBody()
{
    TransportHarness h;
    h.server.enqueue(FixtureAction::dropAfterBody());
    h.server.enqueue(FixtureAction::json({ { u"ModelArn"_s, u"arn:m"_s } }));
    // QNetworkAccessManager resends a request by itself when the connection closes before any answer, POST
    // included. The transport cannot stop that, but notices it: the first send may have created the model.
    AwsResult result = h.run(h.call(u"CreateModel"_s, { { u"ModelName"_s, u"m"_s } }));
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    QCOMPARE(h.server.requestCount(), 2);
    QCOMPARE(result.json.value(u"ModelArn"_s).toString(), u"arn:m"_s);
    QVERIFY(result.earlierOutcomeUnknown);

    // When every send is dropped, the error says the request went out and the outcome is unknown.
    h.server.clearRequests();
    h.server.setDefaultHandler([](const FixtureRequest &) { return FixtureAction::dropAfterBody(); });
    result = h.run(h.call(u"CreateModel"_s));
    QCOMPARE(result.error.code, u"NetworkError"_s);
    QVERIFY(result.error.retryable);
    QVERIFY2(
        result.error.message.contains(u"after the request was sent"_s), qPrintable(result.error.message));
    QCOMPARE(result.attempts, 3);
    QVERIFY(h.server.requestCount() >= result.attempts);
    QVERIFY(result.outcomeUnknown);
    QVERIFY(result.earlierOutcomeUnknown);
}

void TestTransport::connectionRefusedIsKnownNotSent()
{
    TransportHarness h;
    h.transport.reset(
        new AwsTransport({ closedLoopbackUrl(), u"us-east-1"_s, u"sagemaker"_s }, h.credentials, &h.clock));
    const AwsResult result = h.run(h.transport->send(AwsRequest::json(u"SageMaker"_s, u"CreateModel"_s, {})));
    QCOMPARE(result.error.code, u"NetworkError"_s);
    QVERIFY(result.error.retryable);
    QCOMPARE(result.attempts, 3);
    QVERIFY(!result.outcomeUnknown); // nothing reached a service: a create may simply be tried again
    QVERIFY(!result.earlierOutcomeUnknown);
}

void TestTransport::truncatedBody()
{
    TransportHarness h;
    h.server.enqueue(FixtureAction::truncated(200, R"({"TrainingJobArn":"arn:aws:sage)", 400));
    h.server.enqueue(
        FixtureAction::awsError(400, u"ResourceInUse"_s, u"Training job names must be unique"_s));
    // The create went through the first time; the retry is refused because the name exists. The flags tell
    // the SageMaker client to describe the job instead of reporting a failure.
    const AwsResult result = h.run(h.call(u"CreateTrainingJob"_s));
    QCOMPARE(result.error.code, u"ResourceInUse"_s);
    QCOMPARE(result.attempts, 2);
    QVERIFY(!result.outcomeUnknown);
    QVERIFY(result.earlierOutcomeUnknown);
    QVERIFY(result.mayHaveTakenEffect());

    h.server.setDefaultHandler(
        [](const FixtureRequest &) { return FixtureAction::truncated(200, R"({"Models":[)", 1000); });
    const AwsResult cut = h.run(h.call(u"ListModels"_s));
    QCOMPARE(cut.error.code, u"NetworkError"_s);
    QVERIFY(cut.error.message.contains(u"before the whole answer arrived"_s));
    QCOMPARE(cut.attempts, 3);
    QVERIFY(cut.outcomeUnknown);
}

void TestTransport::skewedDateCorrectedAndRetriedOnce()
{
    TransportHarness h;
    const qint64 skew = 15 * 60;
    h.server.enqueue(FixtureAction::awsError(400, u"InvalidSignatureException"_s,
        u"Signature expired: 20260101T000000Z is now earlier than 20260101T001000Z (20260101T001500Z - 5 min.)"_s)
                         .withDateOffset(skew));
    h.server.setDefaultHandler([](const FixtureRequest &) { return FixtureAction::json({}); });
    QSignalSpy skewChanged(h.transport.get(), &AwsTransport::clockSkewChanged);
    const AwsResult result = h.run(h.call(u"DescribeModel"_s));
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    QCOMPARE(result.attempts, 2);
    QCOMPARE(h.transport->clockSkew(), std::chrono::milliseconds(skew * 1000));
    QCOMPARE(skewChanged.size(), 1);
    const auto requests = h.server.requests();
    QCOMPARE(requests[0].arrivedAt.msecsTo(requests[1].arrivedAt), 0); // corrected retries do not back off
    QCOMPARE(amzDate(requests[1].header("X-Amz-Date")), requests[1].arrivedAt.addSecs(skew));
    // Every later call signs with the corrected time.
    h.clock.advance(10s);
    QVERIFY(h.run(h.call(u"DescribeModel"_s)).isOk());
    QCOMPARE(amzDate(h.server.requests().last().header("X-Amz-Date")), h.clock.now().addSecs(skew));
}

void TestTransport::skewRetriedOnlyOnce()
{
    TransportHarness h;
    h.server.setDefaultHandler([](const FixtureRequest &) {
        return FixtureAction::awsError(403, u"RequestTimeTooSkewed"_s, u"The difference is too large"_s)
            .withDateOffset(-3600);
    });
    const AwsResult result = h.run(h.call(u"DescribeModel"_s));
    QCOMPARE(result.error.code, u"RequestTimeTooSkewed"_s);
    QCOMPARE(result.attempts, 2);
}

void TestTransport::expiredTokenRefreshedOnce()
{
    TransportHarness h;
    h.server.enqueue(FixtureAction::awsError(
        400, u"ExpiredTokenException"_s, u"The security token included in the request is expired"_s));
    h.server.setDefaultHandler([](const FixtureRequest &) { return FixtureAction::json({}); });
    AwsResult result = h.run(h.call(u"ListTrainingJobs"_s));
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    QCOMPARE(result.attempts, 2);
    QCOMPARE(h.credentials->refreshes, 1);
    QCOMPARE(h.server.requests()[0].header("X-Amz-Security-Token"), QByteArray("session-token-v1"));
    QCOMPARE(h.server.requests()[1].header("X-Amz-Security-Token"), QByteArray("session-token-v2"));

    h.server.setDefaultHandler([](const FixtureRequest &) {
        return FixtureAction::awsError(400, u"ExpiredToken"_s, u"still expired"_s);
    });
    result = h.run(h.call(u"ListTrainingJobs"_s));
    QCOMPARE(result.error.code, u"ExpiredToken"_s);
    QCOMPARE(result.attempts, 2);
    QCOMPARE(h.credentials->refreshes, 2);
}

void TestTransport::missingCredentialsNeverSendUnsigned()
{
    TransportHarness h;
    h.credentials->failure = u"No credentials found: set AWS_ACCESS_KEY_ID or configure a profile"_s;
    const AwsResult result = h.run(h.call(u"ListModels"_s));
    QCOMPARE(result.error.code, u"CredentialsError"_s);
    QCOMPARE(result.error.message, h.credentials->failure);
    QVERIFY(!result.error.retryable);
    QCOMPARE(result.attempts, 0);
    QTest::qWait(50);
    QCOMPARE(h.server.requestCount(), 0);
}

void TestTransport::retryQuotaExhausts()
{
    TransportHarness h;
    RetryPolicy::Settings settings;
    settings.quotaCapacity = 12;
    settings.maxAttempts = 10;
    h.transport->retryPolicy() = RetryPolicy(settings, [] { return 0.0; });
    h.server.setDefaultHandler(
        [](const FixtureRequest &) { return FixtureAction::awsError(500, u"InternalFailure"_s, u"x"_s); });
    AwsResult result = h.run(h.call(u"ListModels"_s));
    QCOMPARE(result.attempts, 3); // 12 pays for two retries at 5
    QCOMPARE(h.transport->retryPolicy().availableQuota(), 2);
    result = h.run(h.call(u"ListModels"_s));
    QCOMPARE(result.attempts, 1); // nothing left: no retry storm against a failing service
    QCOMPARE(result.error.code, u"InternalFailure"_s);

    h.server.setDefaultHandler([](const FixtureRequest &) { return FixtureAction::json({}); });
    QVERIFY(h.run(h.call(u"ListModels"_s)).isOk());
    QCOMPARE(h.transport->retryPolicy().availableQuota(), 3); // +1 for a success without retry
}

void TestTransport::redirectNotFollowed()
{
    TransportHarness h;
    h.server.enqueue(FixtureAction::raw(301, {}, {}).withHeader("Location", "https://elsewhere.example/"));
    const AwsResult result = h.run(h.call(u"ListModels"_s));
    QCOMPARE(result.error.code, u"UnexpectedRedirect"_s);
    QVERIFY(result.error.message.contains(u"https://elsewhere.example/"_s));
    QCOMPARE(result.attempts, 1);
    QCOMPARE(h.server.requestCount(), 1);
}

void TestTransport::plainHttpOnlyToLoopback()
{
    TransportHarness h;
    h.transport.reset(
        new AwsTransport({ QUrl(u"http://sagemaker.example.com/"_s), u"us-east-1"_s, u"sagemaker"_s },
            h.credentials, &h.clock));
    const AwsResult result = h.run(h.transport->send(AwsRequest::json(u"SageMaker"_s, u"ListModels"_s, {})));
    QCOMPARE(result.error.code, u"InvalidEndpoint"_s);
    QVERIFY(result.error.message.contains(u"https://"_s));
    QCOMPARE(result.attempts, 0);
}

void TestTransport::debugOutputRedactsSecrets()
{
    TransportHarness h;
    QStringList lines;
    QObject::connect(h.transport.get(), &AwsTransport::debugMessage, h.transport.get(),
        [&lines](const QString &line) { lines << line; });
    h.server.enqueue(FixtureAction::awsError(400, u"ExpiredTokenException"_s, u"expired"_s));
    h.server.enqueue(FixtureAction::json({ { u"Models"_s, QJsonArray() } }));
    QVERIFY(h.run(h.call(u"ListModels"_s, { { u"MaxResults"_s, 5 } })).isOk());

    const QString all = lines.join(u'\n');
    QVERIFY(all.contains(u"X-Amz-Target: SageMaker.ListModels"_s));
    QVERIFY(all.contains(u"Authorization: <redacted>"_s));
    QVERIFY(all.contains(u"X-Amz-Security-Token: <redacted>"_s));
    QVERIFY(all.contains(u"{\"MaxResults\":5}"_s));
    QVERIFY(all.contains(u"ExpiredTokenException"_s));
    QVERIFY(!all.contains(secret));
    QVERIFY(!all.contains(u"session-token-v"_s));
    QVERIFY(!all.contains(u"Signature="_s));
    QVERIFY(!all.contains(u"AWS4-HMAC-SHA256"_s));
    for (const FixtureRequest &request : h.server.requests()) {
        const QByteArray signature = request.header("Authorization").split('=').last();
        QVERIFY(!all.contains(QString::fromLatin1(signature)));
    }
}

void TestTransport::receiverDestroyedBeforeAnswer()
{
    TransportHarness h;
    h.server.enqueue(FixtureAction::json({}));
    AwsCall *call = h.call(u"ListModels"_s);
    QPointer<AwsCall> guard(call);
    auto receiver = std::make_unique<QObject>();
    bool called = false;
    QObject::connect(
        call, &AwsCall::finished, receiver.get(), [&called](const AwsResult &) { called = true; });
    // The receiver goes while the request is on the wire: after the server has it, before it answers
    // (not after a wall-clock delay, which a loaded machine can overrun).
    QObject::connect(
        &h.server, &FixtureServer::requestReceived, &h.server, [&receiver] { receiver.reset(); });
    QVERIFY(h.drive([&] { return guard.isNull(); })); // the call finished and deleted itself
    QCOMPARE(h.server.requestCount(), 1);
    QVERIFY(!receiver);
    QVERIFY(!called);
}

void TestTransport::deletingCallCancels()
{
    TransportHarness h;
    h.server.enqueue(FixtureAction::stall());
    AwsCall *call = h.call(u"ListModels"_s);
    bool called = false;
    QObject::connect(
        call, &AwsCall::finished, h.transport.get(), [&called](const AwsResult &) { called = true; });
    QTRY_COMPARE(h.server.stalledConnections(), 1);
    QCOMPARE(h.transport->inFlight(), 1);
    delete call;
    QCOMPARE(h.transport->inFlight(), 0);
    QTRY_COMPARE(h.server.openConnections(), 0);
    while (h.clock.runNext()) { } // the cancelled attempt's timeout must not fire into freed memory
    QVERIFY(!called);
}

void TestTransport::budgetNeverExceededAndAdapts()
{
    TransportHarness h;
    TokenBucket budget({ .rate = 2.0, .increaseStep = 0.25 }, &h.clock);
    h.transport->setBudget(&budget);
    QList<double> rates;
    QObject::connect(&budget, &TokenBucket::rateChanged, &budget, [&rates](double rate) { rates << rate; });
    // Every 25th request is throttled, as a busy account would see.
    h.server.setDefaultHandler([](const FixtureRequest &r) {
        if (r.sequence % 25 == 24)
            return FixtureAction::awsError(400, u"ThrottlingException"_s, u"Rate exceeded"_s);
        return FixtureAction::json({});
    });
    constexpr int calls = 200;
    int finished = 0;
    int failed = 0;
    for (int i = 0; i < calls; ++i) {
        QObject::connect(
            h.call(u"DescribeTrainingJob"_s), &AwsCall::finished, &budget, [&](const AwsResult &r) {
                ++finished;
                failed += r.isOk() ? 0 : 1;
            });
    }
    QVERIFY(h.drive([&] { return finished == calls; }));
    QCOMPARE(failed, 0);
    const auto requests = h.server.requests();
    QCOMPARE(requests.size(), calls + calls / 25);
    QCOMPARE(budget.issued(), quint64(requests.size()));

    // Never two requests closer than 1/rate, so never more than rate x window in any window.
    for (qsizetype i = 1; i < requests.size(); ++i) {
        const qint64 gap = requests[i - 1].arrivedAt.msecsTo(requests[i].arrivedAt);
        QVERIFY2(gap >= 500, qPrintable(u"requests %1 and %2 are %3 ms apart"_s.arg(i - 1).arg(i).arg(gap)));
    }
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const auto inWindow = std::count_if(requests.cbegin() + i, requests.cend(),
            [&](const FixtureRequest &r) { return requests[i].arrivedAt.msecsTo(r.arrivedAt) < 10000; });
        QVERIFY(inWindow <= 20);
    }
    // Slowed down multiplicatively after throttling, recovered additively, back at the configured rate.
    QVERIFY(!rates.isEmpty());
    QCOMPARE(rates.first(), 1.0);
    QVERIFY(rates.contains(1.25));
    QVERIFY(std::is_sorted(rates.cbegin() + 1, rates.cbegin() + rates.indexOf(2.0) + 1));
    QCOMPARE(budget.rate(), 2.0);
    QVERIFY(!budget.isThrottled());
    // Throttling made the run slower than the unthrottled 0.5 s per request.
    const qint64 span = requests.first().arrivedAt.msecsTo(requests.last().arrivedAt);
    QVERIFY2(span > (requests.size() - 1) * 500, qPrintable(QString::number(span)));
}

// A credential_process that takes 2 s: send() returns at once, a timer keeps ticking while the command
// runs, and the request goes out signed with the keys it printed. Two calls made meanwhile share one run.
QTEST_GUILESS_MAIN(TestTransport)
#include "tst_transport.moc"
