#include "core/aws/awstransport.h"
#include "core/aws/connectionsettings.h"
#include "core/ec2/ec2client.h"
#include "core/pricing/pricelistclient.h"
#include "core/sagemaker/jobmonitor.h"
#include "core/sagemaker/sagemakerclient.h"
#include "core/session/connectionservices.h"
#include "core/session/session.h"
#include "tests/support/credentialprocessscript.h"

#include <QDir>
#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// Proves the session builds one set of services per connection (SageMaker client on a budgeted transport,
// monitor, EC2 and Price List clients on the same emulator) and drops them when the connection changes or
// fails, and that a profile's credential_process runs without blocking (state ResolvingCredentials until
// it answers). Nothing is sent: the endpoints are a closed loopback port.
class TestSession : public QObject
{
    Q_OBJECT

private slots:
    void connectedSessionHasServices();
    void changingConnectionReplacesServices();
    void failedConnectionHasNoServices();
    void credentialProcessDoesNotBlockConnecting();
    void failingCredentialProcessFailsTheConnection();
    void laterChoiceSupersedesOneStillResolving();

private:
    // A home whose AWS config has profile "slow" (credential_process: script) and profile "fast" (keys).
    static void writeProfiles(const QTemporaryDir &home, const CredentialProcessScript &script)
    {
        QVERIFY(QDir(home.path()).mkpath(u".aws"_s));
        QFile config(home.filePath(u".aws/config"_s));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[profile slow]\nregion = eu-west-1\ncredential_process = " + script.command().toUtf8()
            + "\n\n[profile fast]\nregion = us-west-2\n");
        QFile credentials(home.filePath(u".aws/credentials"_s));
        QVERIFY(credentials.open(QIODevice::WriteOnly));
        credentials.write("[fast]\naws_access_key_id = AKIDFAST\naws_secret_access_key = s3cret\n");
    }
    static ConnectionSettings profile(const QString &name)
    {
        return ConnectionSettings {
            .profile = name, .region = {}, .endpointUrl = u"http://127.0.0.1:9"_s, .sandbox = false
        };
    }

    static QProcessEnvironment keys()
    {
        QProcessEnvironment environment;
        environment.insert(u"AWS_ACCESS_KEY_ID"_s, u"AKIDTEST"_s);
        environment.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"s3cret"_s);
        return environment;
    }
    static ConnectionSettings emulator(const QString &region)
    {
        return ConnectionSettings {
            .profile = {}, .region = region, .endpointUrl = u"http://127.0.0.1:9"_s, .sandbox = false
        };
    }
    QTemporaryDir m_home;
};

void TestSession::connectedSessionHasServices()
{
    Session session(keys(), m_home.path());
    session.connectTo(emulator(u"eu-west-1"_s));
    QCOMPARE(session.state(), Session::State::Connected);
    ConnectionServices *services = session.services();
    QVERIFY(services);
    QCOMPARE(services->region(), u"eu-west-1"_s);
    QVERIFY(services->sageMaker());
    QCOMPARE(services->sageMakerTransport()->budget(), services->budget());
    // The monitor counts and shows the budget every request of the connection waits for.
    QCOMPARE(services->monitor()->budget(), services->budget());
    QCOMPARE(services->monitor()->connection(), services->connectionKey());
    QVERIFY(!services->monitor()->isRunning());
    QVERIFY2(services->ec2(), qPrintable(services->ec2Unavailable()));
    QCOMPARE(services->ec2()->transport()->settings().endpoint, QUrl(u"http://127.0.0.1:9"_s));
    QCOMPARE(services->ec2()->transport()->settings().signingService, u"ec2"_s);
    QVERIFY2(services->priceList(), qPrintable(services->pricingUnavailable()));
}

void TestSession::changingConnectionReplacesServices()
{
    Session session(keys(), m_home.path());
    session.connectTo(emulator(u"eu-west-1"_s));
    QPointer<ConnectionServices> first = session.services();
    QVERIFY(first);
    session.connectTo(emulator(u"us-west-2"_s));
    QVERIFY(session.services());
    QVERIFY(session.services() != first.data());
    QCOMPARE(session.services()->region(), u"us-west-2"_s);
    QTRY_VERIFY(first.isNull());
}

void TestSession::failedConnectionHasNoServices()
{
    Session session(QProcessEnvironment(), m_home.path()); // no keys, no profiles, no region
    session.connectTo(emulator(QString()));
    QCOMPARE(session.state(), Session::State::Failed);
    QVERIFY(!session.services());
}

// The command takes 2 s: connectTo() returns at once in ResolvingCredentials, and the session is
// Connected, with its services, once the command has answered.
void TestSession::credentialProcessDoesNotBlockConnecting()
{
    CredentialProcessScript script;
    script.writeCredentials(u"AKIDSLOW"_s);
    script.write(u"sleep"_s, "2");
    QTemporaryDir home;
    writeProfiles(home, script);
    Session session(CredentialProcessScript::environment(), home.path());
    QSignalSpy changed(&session, &Session::connectionChanged);
    QElapsedTimer took;
    took.start();
    session.connectTo(profile(u"slow"_s));
    QVERIFY(took.elapsed() < 1000);
    QCOMPARE(session.state(), Session::State::ResolvingCredentials);
    QCOMPARE(changed.size(), 1);
    QVERIFY(!session.services());
    QCOMPARE(session.connection().profile, u"slow"_s);
    QCOMPARE(session.connection().region, u"eu-west-1"_s);
    QVERIFY(!session.connection().credentials);

    QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::State::Connected, 10000);
    QVERIFY(took.elapsed() >= 1900);
    QCOMPARE(changed.size(), 2);
    QVERIFY(session.services());
    QCOMPARE(session.services()->region(), u"eu-west-1"_s);
    QCOMPARE(session.connection().credentials->credentials(false, nullptr).accessKeyId, u"AKIDSLOW"_s);
    QCOMPARE(script.runs(), 1);
}

void TestSession::failingCredentialProcessFailsTheConnection()
{
    CredentialProcessScript script;
    script.write(u"output.json"_s, {});
    script.write(u"exitcode"_s, "1");
    QTemporaryDir home;
    writeProfiles(home, script);
    Session session(CredentialProcessScript::environment(), home.path());
    session.connectTo(profile(u"slow"_s));
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::State::Failed, 10000);
    QCOMPARE(session.errorString(), u"credential_process of profile slow failed with exit code 1"_s);
    QVERIFY(!session.services());
}

void TestSession::laterChoiceSupersedesOneStillResolving()
{
    CredentialProcessScript script;
    script.writeCredentials(u"AKIDSLOW"_s);
    script.write(u"sleep"_s, "1");
    QTemporaryDir home;
    writeProfiles(home, script);
    Session session(CredentialProcessScript::environment(), home.path());
    QSignalSpy changed(&session, &Session::connectionChanged);
    session.connectTo(profile(u"slow"_s));
    QTRY_COMPARE(script.runs(), 1);
    QCOMPARE(session.state(), Session::State::ResolvingCredentials);
    session.connectTo(profile(u"fast"_s));
    QCOMPARE(session.state(), Session::State::Connected);
    QCOMPARE(session.connection().profile, u"fast"_s);
    QTest::qWait(1500); // longer than the abandoned command would have taken
    QCOMPARE(session.state(), Session::State::Connected);
    QCOMPARE(session.connection().profile, u"fast"_s);
    QCOMPARE(session.services()->region(), u"us-west-2"_s);
    QCOMPARE(changed.size(), 2);
}

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
