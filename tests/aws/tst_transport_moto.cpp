#include "core/aws/awscall.h"
#include "core/aws/awstransport.h"
#include "core/aws/localsandbox.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

// Proves the transport against a real SageMaker emulator (moto_server): a model created, described and
// listed through signed JSON 1.1 calls, a service error parsed, and moto's HTML answer to StopTrainingJob
// (which it does not implement) turned into the readable error the user sees.
class TestTransportMoto : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void createDescribeList();
    void serviceErrorNotRetried();
    void htmlErrorIsReadable();

private:
    AwsResult run(const QString &operation, const QJsonObject &input);

    std::unique_ptr<LocalSandbox> m_sandbox;
    std::unique_ptr<AwsTransport> m_transport;
};

void TestTransportMoto::initTestCase()
{
    QVERIFY2(LocalSandbox::isAvailable(), "moto_server is not on PATH (scripts/install-deps.sh installs it)");
    m_sandbox = std::make_unique<LocalSandbox>();
    QSignalSpy ready(m_sandbox.get(), &LocalSandbox::ready);
    m_sandbox->start();
    QVERIFY2(ready.wait(60000), qPrintable(m_sandbox->errorString()));
    m_transport = std::make_unique<AwsTransport>(
        AwsTransport::Settings { m_sandbox->endpoint(), QLatin1String(LocalSandbox::region), u"sagemaker"_s },
        LocalSandbox::credentialsProvider(), Clock::system());
    m_transport->retryPolicy().setRandomSource([] { return 0.0; }); // retries without waiting
}

void TestTransportMoto::cleanupTestCase()
{
    m_transport.reset();
    m_sandbox.reset();
}

AwsResult TestTransportMoto::run(const QString &operation, const QJsonObject &input)
{
    AwsCall *call = m_transport->send(AwsRequest::json(u"SageMaker"_s, operation, input));
    QSignalSpy finished(call, &AwsCall::finished);
    if (!finished.wait(30000))
        return {};
    return finished.first().first().value<AwsResult>();
}

void TestTransportMoto::createDescribeList()
{
    const QJsonObject container { { u"Image"_s,
        u"123456789012.dkr.ecr.us-east-1.amazonaws.com/algo:latest"_s } };
    const AwsResult created = run(u"CreateModel"_s,
        { { u"ModelName"_s, u"transport-model"_s }, { u"PrimaryContainer"_s, container },
            { u"ExecutionRoleArn"_s, u"arn:aws:iam::123456789012:role/SageMakerRole"_s } });
    QVERIFY2(created.isOk(), qPrintable(created.error.toString()));
    QVERIFY(created.json.value(u"ModelArn"_s).toString().endsWith(u"model/transport-model"_s));
    QCOMPARE(created.attempts, 1);

    const AwsResult described = run(u"DescribeModel"_s, { { u"ModelName"_s, u"transport-model"_s } });
    QVERIFY2(described.isOk(), qPrintable(described.error.toString()));
    QCOMPARE(described.json.value(u"PrimaryContainer"_s).toObject().value(u"Image"_s),
        container.value(u"Image"_s));

    const AwsResult listed = run(u"ListModels"_s, {});
    QVERIFY2(listed.isOk(), qPrintable(listed.error.toString()));
    const QJsonArray models = listed.json.value(u"Models"_s).toArray();
    QVERIFY(std::any_of(models.begin(), models.end(), [](const QJsonValue &m) {
        return m.toObject().value(u"ModelName"_s).toString() == "transport-model"_L1;
    }));
}

void TestTransportMoto::serviceErrorNotRetried()
{
    const AwsResult result = run(u"DescribeModel"_s, { { u"ModelName"_s, u"no-such-model"_s } });
    QVERIFY(!result.isOk());
    QCOMPARE(result.httpStatus, 400);
    QVERIFY2(
        !result.error.code.isEmpty() && !result.error.code.contains(u'#'), qPrintable(result.error.code));
    QVERIFY(!result.error.message.isEmpty());
    QVERIFY(!result.error.retryable);
    QCOMPARE(result.attempts, 1);
}

void TestTransportMoto::htmlErrorIsReadable()
{
    const AwsResult result = run(u"StopTrainingJob"_s, { { u"TrainingJobName"_s, u"anything"_s } });
    QCOMPARE(result.error.code, u"InternalServerError"_s);
    QCOMPARE(result.httpStatus, 500);
    QVERIFY2(result.error.message.startsWith(
                 u"HTTP 500 Internal Server Error with an HTML page instead of an AWS response: "_s),
        qPrintable(result.error.message));
    QVERIFY(!result.error.message.contains(u'<'));
    qInfo("what the user sees: %s", qPrintable(result.error.toString()));
    QVERIFY(result.error.retryable);
    QCOMPARE(result.attempts, 3);
    QVERIFY(result.outcomeUnknown);
}

QTEST_GUILESS_MAIN(TestTransportMoto)
#include "tst_transport_moto.moc"
