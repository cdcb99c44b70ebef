#include "core/aws/awscall.h"
#include "core/aws/awsrequest.h"
#include "core/aws/awstransport.h"
#include "core/aws/connectionsettings.h"
#include "core/ec2/ec2client.h"
#include "core/pricing/pricelistclient.h"
#include "core/session/connectionservices.h"
#include "core/session/session.h"
#include "tests/support/credentialprocessscript.h"
#include "tests/support/fixtureserver.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// Proves the services of one connection share its credentials: on a profile whose credential_process
// counts its runs, connecting and then one request each to SageMaker, EC2 and the Price List API (a fixture
// server on loopback answers all three) run the command once, and every request is signed with its keys for
// its own service.
class TestSessionCredentials : public QObject
{
    Q_OBJECT

private slots:
    void servicesShareTheCredentialProcess();
};

void TestSessionCredentials::servicesShareTheCredentialProcess()
{
    FixtureServer server;
    QVERIFY(server.listen());
    server.setDefaultHandler([](const FixtureRequest &) { return FixtureAction::json({}); });
    server.setHandler(u"DescribeVpcs"_s, [](const FixtureRequest &) {
        return FixtureAction::raw(200, "text/xml", "<DescribeVpcsResponse/>");
    });
    CredentialProcessScript script;
    script.writeCredentials(u"AKIDPROC"_s);
    QTemporaryDir home;
    QVERIFY(QDir(home.path()).mkpath(u".aws"_s));
    QFile config(home.filePath(u".aws/config"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(
        "[profile proc]\nregion = eu-west-1\ncredential_process = " + script.command().toUtf8() + "\n");
    config.close();

    Session session(CredentialProcessScript::environment(), home.path());
    session.connectTo(ConnectionSettings {
        .profile = u"proc"_s, .region = {}, .endpointUrl = server.url().toString(), .sandbox = false });
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::State::Connected, 10000);
    ConnectionServices *services = session.services();
    QVERIFY(services);
    QVERIFY2(services->ec2(), qPrintable(services->ec2Unavailable()));
    QVERIFY2(services->priceList(), qPrintable(services->pricingUnavailable()));

    const QList<AwsCall *> calls {
        services->sageMakerTransport()->send(AwsRequest::json(u"SageMaker"_s, u"ListTrainingJobs"_s, {})),
        services->ec2()->transport()->send(
            AwsRequest::query(u"DescribeVpcs"_s, QLatin1String(Ec2Client::apiVersion))),
        services->priceList()->transport()->send(
            AwsRequest::json(u"AWSPriceListService"_s, u"GetProducts"_s, {})),
    };
    int finished = 0;
    QStringList errors;
    for (AwsCall *call : calls) {
        connect(call, &AwsCall::finished, this, [&](const AwsResult &result) {
            ++finished;
            if (!result.isOk())
                errors.append(result.error.message);
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished, 3, 10000);
    QCOMPARE(errors, QStringList());
    QCOMPARE(script.runs(), 1);

    // "Credential=<key>/<date>/<region>/<service>/aws4_request": the key and service of each request.
    QStringList signedWith;
    for (const FixtureRequest &request : server.requests()) {
        const QByteArray authorization = request.header("Authorization");
        const qsizetype from = authorization.indexOf("Credential=") + 11;
        const QList<QByteArray> scope
            = authorization.mid(from, authorization.indexOf(',', from) - from).split('/');
        QCOMPARE(scope.size(), 5);
        signedWith.append(QString::fromLatin1(scope.at(0) + ' ' + scope.at(3)));
    }
    signedWith.sort();
    QCOMPARE(signedWith, (QStringList { u"AKIDPROC ec2"_s, u"AKIDPROC pricing"_s, u"AKIDPROC sagemaker"_s }));
}

QTEST_GUILESS_MAIN(TestSessionCredentials)
#include "tst_session_credentials.moc"
