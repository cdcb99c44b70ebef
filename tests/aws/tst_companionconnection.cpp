#include "core/aws/connectionresolver.h"
#include "core/aws/connectionsettings.h"
#include "core/aws/localsandbox.h"
#include "core/session/companionconnection.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// Proves which EC2 or Price List connection goes with a SageMaker connection choice: the sandbox's and a
// loopback override's endpoint are shared (emulators answer every service), a remote override stays
// SageMaker's, and profile, region and the per-service variables apply as for any service; the same profile
// shares SageMaker's credentials provider. Each row has its own HOME.
class TestCompanionConnection : public QObject
{
    Q_OBJECT

private slots:
    void sandboxSharesTheEmulator();
    void sameProfileSharesTheCredentialsProvider();
    void choices_data();
    void choices();

private:
    // A config file in home with profiles dev (AKIDDEV) and ops (AKIDOPS), both in us-west-2; *environment
    // points AWS_CONFIG_FILE at it, and AWS_SHARED_CREDENTIALS_FILE at a file that does not exist.
    static void writeProfiles(const QTemporaryDir &home, QProcessEnvironment *environment)
    {
        QFile config(home.filePath(u"config"_s));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(
            "[profile dev]\nregion = us-west-2\naws_access_key_id = AKIDDEV\naws_secret_access_key = s3cret\n"
            "[profile ops]\nregion = us-west-2\naws_access_key_id = AKIDOPS\n"
            "aws_secret_access_key = s3cret\n");
        environment->insert(u"AWS_CONFIG_FILE"_s, config.fileName());
        environment->insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, home.filePath(u"credentials"_s));
    }
};

void TestCompanionConnection::sandboxSharesTheEmulator()
{
    QTemporaryDir home;
    const ConnectionResolver resolver({}, home.path());
    ResolvedConnection sageMaker;
    sageMaker.region = u"us-east-1"_s;
    sageMaker.endpoint = QUrl(u"http://127.0.0.1:5123"_s);
    sageMaker.service = u"sagemaker"_s;
    sageMaker.credentials = LocalSandbox::credentialsProvider();
    ConnectionSettings choice;
    choice.sandbox = true;
    const ResolvedConnection ec2 = CompanionConnection::resolve(resolver, choice, sageMaker, u"ec2"_s);
    QVERIFY(ec2.isValid());
    QCOMPARE(ec2.service, u"ec2"_s);
    QCOMPARE(ec2.endpoint, sageMaker.endpoint);
    QCOMPARE(ec2.region, u"us-east-1"_s);
    QCOMPARE(ec2.credentials, sageMaker.credentials);
}

void TestCompanionConnection::sameProfileSharesTheCredentialsProvider()
{
    QTemporaryDir home;
    QProcessEnvironment environment;
    writeProfiles(home, &environment);
    const ConnectionResolver resolver(environment, home.path());
    const auto resolveProfile = [&resolver](const QString &profile) {
        ConnectionOptions options;
        options.profile = profile;
        return resolver.resolve(options);
    };
    ConnectionSettings choice;
    choice.profile = u"dev"_s;
    const ResolvedConnection sageMaker = resolveProfile(u"dev"_s);
    QVERIFY2(sageMaker.isValid(), qPrintable(sageMaker.error));
    QCOMPARE(CompanionConnection::resolve(resolver, choice, sageMaker, u"ec2"_s).credentials,
        sageMaker.credentials);
    QCOMPARE(CompanionConnection::resolve(resolver, choice, sageMaker, u"pricing"_s).credentials,
        sageMaker.credentials);

    // Another profile's provider is not this one's.
    const ResolvedConnection ops = resolveProfile(u"ops"_s);
    QVERIFY2(ops.isValid(), qPrintable(ops.error));
    const ResolvedConnection ec2 = CompanionConnection::resolve(resolver, choice, ops, u"ec2"_s);
    QVERIFY(ec2.credentials);
    QVERIFY(ec2.credentials != ops.credentials);
    QCOMPARE(ec2.credentials->credentials(false, nullptr).accessKeyId, u"AKIDDEV"_s);
}

void TestCompanionConnection::choices_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("endpointUrl");
    QTest::addColumn<QString>("serviceVariable"); // AWS_ENDPOINT_URL_<SERVICE>
    QTest::addColumn<QString>("expectedEndpoint");
    QTest::addColumn<QString>("expectedRegion");

    QTest::newRow("no override") << u"ec2"_s << QString() << u"eu-west-1"_s << QString() << QString()
                                 << u"https://ec2.eu-west-1.amazonaws.com"_s << u"eu-west-1"_s;
    QTest::newRow("loopback override is an emulator")
        << u"ec2"_s << QString() << u"us-east-1"_s << u"http://127.0.0.1:5123"_s << QString()
        << u"http://127.0.0.1:5123"_s << u"us-east-1"_s;
    QTest::newRow("remote override is SageMaker's")
        << u"ec2"_s << QString() << u"us-east-1"_s
        << u"https://vpce-0123.api.sagemaker.us-east-1.vpce.amazonaws.com"_s << QString()
        << u"https://ec2.us-east-1.amazonaws.com"_s << u"us-east-1"_s;
    QTest::newRow("AWS_ENDPOINT_URL_EC2")
        << u"ec2"_s << QString() << u"us-east-1"_s
        << u"https://vpce-0123.api.sagemaker.us-east-1.vpce.amazonaws.com"_s
        << u"https://ec2.internal.example.com"_s << u"https://ec2.internal.example.com"_s << u"us-east-1"_s;
    QTest::newRow("pricing: the API's own region")
        << u"pricing"_s << QString() << u"eu-west-1"_s << QString() << QString()
        << u"https://api.pricing.eu-central-1.amazonaws.com"_s << u"eu-central-1"_s;
    QTest::newRow("pricing: loopback override is an emulator")
        << u"pricing"_s << QString() << u"eu-west-1"_s << u"http://127.0.0.1:5123"_s << QString()
        << u"http://127.0.0.1:5123"_s << u"eu-central-1"_s;
    QTest::newRow("pricing: AWS_ENDPOINT_URL_PRICING")
        << u"pricing"_s << QString() << u"us-east-1"_s << QString() << u"http://127.0.0.1:6000"_s
        << u"http://127.0.0.1:6000"_s << u"us-east-1"_s;
    QTest::newRow("the profile's region") << u"ec2"_s << u"dev"_s << QString() << QString() << QString()
                                          << u"https://ec2.us-west-2.amazonaws.com"_s << u"us-west-2"_s;
}

void TestCompanionConnection::choices()
{
    QFETCH(QString, service);
    QFETCH(QString, profile);
    QFETCH(QString, region);
    QFETCH(QString, endpointUrl);
    QFETCH(QString, serviceVariable);
    QFETCH(QString, expectedEndpoint);
    QFETCH(QString, expectedRegion);

    QTemporaryDir home;
    QProcessEnvironment environment;
    writeProfiles(home, &environment);
    if (profile.isEmpty()) {
        environment.insert(u"AWS_ACCESS_KEY_ID"_s, u"AKIDENV"_s);
        environment.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"s3cret"_s);
    }
    if (!serviceVariable.isEmpty())
        environment.insert(u"AWS_ENDPOINT_URL_"_s + service.toUpper(), serviceVariable);
    const ConnectionResolver resolver(environment, home.path());
    ConnectionSettings choice;
    choice.profile = profile;
    choice.region = region;
    choice.endpointUrl = endpointUrl;

    const ResolvedConnection companion = CompanionConnection::resolve(resolver, choice, {}, service);
    QVERIFY2(companion.isValid(), qPrintable(companion.error));
    QCOMPARE(companion.service, service);
    QCOMPARE(companion.endpoint.toString(), expectedEndpoint);
    QCOMPARE(companion.region, expectedRegion);
}

QTEST_GUILESS_MAIN(TestCompanionConnection)
#include "tst_companionconnection.moc"
