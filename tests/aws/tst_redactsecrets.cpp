// redactSecrets(): what --debug output and quoted program output go through before anyone sees them.
#include "core/aws/redactsecrets.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestRedactSecrets : public QObject
{
    Q_OBJECT

private slots:
    void redacts_data();
    void redacts();
    void knownSecretsAnywhere();
};

void TestRedactSecrets::redacts_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("Authorization header")
        << QByteArray(
               "POST / HTTP/1.1\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/"
               "sagemaker/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc123\r\nHost: x\r\n")
        << QByteArray("POST / HTTP/1.1\r\nAuthorization: <redacted>\r\nHost: x\r\n");
    QTest::newRow("security token header, any case")
        << QByteArray("x-amz-security-token:FQoGZXIvYXdzE//+abc==\nX-Amz-Date: 20240101T000000Z")
        << QByteArray("x-amz-security-token:<redacted>\nX-Amz-Date: 20240101T000000Z");
    QTest::newRow("headers as JSON") << QByteArray(
        R"({"Authorization": "AWS4-HMAC-SHA256 Credential=A, Signature=f00", "Host": "h"})")
                                     << QByteArray(R"({"Authorization": "<redacted>", "Host": "h"})");
    QTest::newRow("presigned URL")
        << QByteArray(
               "https://b.s3.amazonaws.com/k?X-Amz-Credential=AKID%2F2024&X-Amz-Signature=deadbeef&x=1")
        << QByteArray(
               "https://b.s3.amazonaws.com/k?X-Amz-Credential=<redacted>&X-Amz-Signature=<redacted>&x=1");
    QTest::newRow("INI settings") << QByteArray(
        "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = s3cr/et+\naws_session_token=t0k\n")
                                  << QByteArray("[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = "
                                                "<redacted>\naws_session_token=<redacted>\n");
    QTest::newRow("environment dump")
        << QByteArray("AWS_REGION=eu-west-1\nAWS_SECRET_ACCESS_KEY=s3cret\nAWS_SESSION_TOKEN=t0ken\n")
        << QByteArray(
               "AWS_REGION=eu-west-1\nAWS_SECRET_ACCESS_KEY=<redacted>\nAWS_SESSION_TOKEN=<redacted>\n");
    QTest::newRow("credential_process JSON")
        << QByteArray(
               R"({"Version":1,"AccessKeyId":"AKID","SecretAccessKey":"s\"3cret","SessionToken":"t0k"})")
        << QByteArray(
               R"({"Version":1,"AccessKeyId":"AKID","SecretAccessKey":"<redacted>","SessionToken":"<redacted>"})");
    QTest::newRow("NextToken is not a secret")
        << QByteArray(R"({"NextToken": "page2", "TrainingJobName": "token-job"})")
        << QByteArray(R"({"NextToken": "page2", "TrainingJobName": "token-job"})");
    QTest::newRow("nothing to hide")
        << QByteArray("Host: api.sagemaker.us-east-1.amazonaws.com\nX-Amz-Target: SageMaker.ListModels")
        << QByteArray("Host: api.sagemaker.us-east-1.amazonaws.com\nX-Amz-Target: SageMaker.ListModels");
}

void TestRedactSecrets::redacts()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(redactSecrets(text), expected);
    QCOMPARE(redactSecrets(QString::fromUtf8(text)), QString::fromUtf8(expected));
}

void TestRedactSecrets::knownSecretsAnywhere()
{
    const QStringList secrets = { u"wJalrXUtnFEMI/K7MDENG"_s, QString(), u"tok3n"_s };
    QCOMPARE(redactSecrets(QByteArray("helper said: wJalrXUtnFEMI/K7MDENG is wrong; tok3n tok3n"), secrets),
        QByteArray("helper said: <redacted> is wrong; <redacted> <redacted>"));
}

QTEST_GUILESS_MAIN(TestRedactSecrets)
#include "tst_redactsecrets.moc"
