#include "core/aws/awstransport.h"
#include "core/aws/connectionsettings.h"
#include "core/ec2/ec2client.h"
#include "core/pricing/pricelistclient.h"
#include "core/sagemaker/jobmonitor.h"
#include "core/sagemaker/sagemakerclient.h"
#include "core/session/connectionservices.h"
#include "core/session/session.h"

#include <QPointer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// Proves the session builds one set of services per connection (SageMaker client on a budgeted transport,
// monitor, EC2 and Price List clients on the same emulator) and drops them when the connection changes or
// fails. Nothing is sent: the endpoints are a closed loopback port.
class TestSession : public QObject
{
    Q_OBJECT

private slots:
    void connectedSessionHasServices();
    void changingConnectionReplacesServices();
    void failedConnectionHasNoServices();

private:
    static QProcessEnvironment keys()
    {
        QProcessEnvironment environment;
        environment.insert(u"AWS_ACCESS_KEY_ID"_s, u"AKIDTEST"_s);
        environment.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"s3cret"_s);
        return environment;
    }
    static ConnectionSettings emulator(const QString &region)
    {
        return ConnectionSettings { .profile = {}, .region = region, .endpointUrl = u"http://127.0.0.1:9"_s,
            .sandbox = false };
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

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
