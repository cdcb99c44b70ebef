#include "tests/support/childprocess.h"
#include "tests/support/closedport.h"
#include "tests/support/ec2setup.h"
#include "tests/support/fixtureserver.h"
#include "tests/support/motoserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

// The built `sagedesk-cli check-vpc`, as a user runs it against moto_server (AWS_ENDPOINT_URL_EC2): one line
// per finding, "severity: code: explanation" (or --output json), exit 0 without errors, 1 with errors or when
// EC2 cannot be reached, 2 for a bad command line or a connection that cannot be set up; the global options;
// the spec FILE form; a refusal for lack of permission (from the fixture server) is a warning and exit 0.
class TestCheckVpc : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void checks_data();
    void checks();
    void specFile();
    void usageErrors_data();
    void usageErrors();
    void noRegionConfigured();
    void globalOptionsAndJson();
    void unreachableEc2();
    void withoutPermission();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
        // The "severity: code" of each output line, sorted.
        QStringList codes() const;
    };
    QProcessEnvironment environment(const QUrl &endpoint) const;
    // Runs the CLI without blocking the event loop (the fixture server answers from it).
    Run run(const QStringList &arguments, const QProcessEnvironment &environment);

    std::unique_ptr<MotoServer> m_moto;
    Ec2Setup::SampleNetworks m_ids;
};

QStringList TestCheckVpc::Run::codes() const
{
    QStringList result;
    const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines)
        result.append(line.section(u": "_s, 0, 1));
    result.sort();
    return result;
}

void TestCheckVpc::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(SAGEDESK_CLI_PATH)), SAGEDESK_CLI_PATH);
    QVERIFY2(MotoServer::isAvailable(), "moto_server is not on PATH (scripts/install-deps.sh installs it)");
    m_moto = std::make_unique<MotoServer>();
    QVERIFY2(m_moto->isRunning(), qPrintable(m_moto->errorString()));
    Ec2Setup setup(m_moto->endpoint());
    const std::optional<Ec2Setup::SampleNetworks> networks = setup.buildSampleNetworks();
    QVERIFY2(networks, qPrintable(setup.error()));
    m_ids = *networks;
}

void TestCheckVpc::cleanupTestCase()
{
    m_moto.reset();
}

QProcessEnvironment TestCheckVpc::environment(const QUrl &endpoint) const
{
    // The AWS CLI's clean environment (test keys, us-east-1, a private HOME), with EC2 at endpoint.
    QProcessEnvironment extra;
    extra.insert(u"AWS_ENDPOINT_URL_EC2"_s, endpoint.toString());
    return m_moto->awsEnvironment(extra);
}

TestCheckVpc::Run TestCheckVpc::run(const QStringList &arguments, const QProcessEnvironment &environment)
{
    const ChildProcess::Result r = ChildProcess::run(QStringLiteral(SAGEDESK_CLI_PATH),
        QStringList { u"check-vpc"_s } + arguments, environment, m_moto->homePath());
    return { r.exitCode, r.outText(), r.errText() };
}

void TestCheckVpc::checks_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("codes");
    const Ec2Setup::SampleNetworks &id = m_ids;

    QTest::newRow("clean, 2 instances") << QStringList { u"--subnets"_s, id.cleanA + u',' + id.cleanB,
        u"--security-group-ids"_s, id.train, u"--instance-count"_s, u"2"_s }
                                        << 0 << QStringList();
    QTest::newRow("bare: warnings only")
        << QStringList { u"--subnets"_s, id.bareSubnet, u"--security-group-ids"_s, id.bareGroup,
               u"--instance-count"_s, u"2"_s }
        << 0
        << QStringList { u"info: singleAvailabilityZone"_s, u"warning: noRouteToCloudWatchLogs"_s,
               u"warning: noRouteToS3"_s, u"warning: noTrafficBetweenInstances"_s };
    QTest::newRow("tiny subnet, 10 instances") << QStringList {
        u"--subnets"_s, id.tiny, u"--security-group-ids"_s, id.train, u"--instance-count"_s, u"10"_s
    } << 1 << QStringList { u"error: notEnoughIpAddresses"_s, u"info: singleAvailabilityZone"_s };
    QTest::newRow("unknown IDs, options repeated")
        << QStringList { u"--subnets"_s, id.cleanA, u"--subnets"_s, u"subnet-0123456789abcdef0"_s,
               u"--security-group-ids"_s, u"sg-0123456789abcdef0"_s }
        << 1
        << QStringList { u"error: securityGroupNotFound"_s, u"error: subnetNotFound"_s,
               u"info: singleAvailabilityZone"_s };
    QTest::newRow("two VPCs (both in us-east-1b), a group from a third")
        << QStringList { u"--subnets"_s, id.cleanB + u',' + id.natPrivate, u"--security-group-ids"_s,
               id.bareGroup }
        << 1
        << QStringList { u"error: securityGroupInOtherVpc"_s, u"error: subnetsInSeveralVpcs"_s,
               u"info: singleAvailabilityZone"_s };
}

void TestCheckVpc::checks()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QStringList, codes);
    const Run result = run(arguments, environment(m_moto->endpoint()));
    QVERIFY2(result.exitCode == exitCode,
        qPrintable(u"exit %1: %2 %3"_s.arg(result.exitCode).arg(result.out, result.err)));
    QVERIFY2(result.codes() == codes, qPrintable(result.out));
    if (codes.isEmpty())
        QCOMPARE(result.err, u"check-vpc: no problems found.\n"_s);
    const QStringList lines = result.out.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines)
        QVERIFY2(line.section(u": "_s, 2).size() > 20, qPrintable(line)); // an explanation follows the code
}

void TestCheckVpc::specFile()
{
    const QString spec = m_moto->homePath() + u"/job.json"_s;
    QFile file(spec);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        u"{\"TrainingJobName\": \"t\", \"ResourceConfig\": {\"InstanceType\": \"ml.m5.xlarge\", "
        u"\"InstanceCount\": 10, \"VolumeSizeInGB\": 10}, \"OutputDataConfig\": {\"S3OutputPath\": "
        u"\"s3://models/out\"}, \"VpcConfig\": {\"SecurityGroupIds\": [\"%1\"], \"Subnets\": [\"%2\"]}}"_s
            .arg(m_ids.bareGroup, m_ids.bareSubnet)
            .toUtf8());
    file.close();

    Run result = run({ spec }, environment(m_moto->endpoint()));
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.codes(),
        (QStringList { u"info: singleAvailabilityZone"_s, u"warning: noRouteToCloudWatchLogs"_s,
            u"warning: noRouteToS3"_s, u"warning: noTrafficBetweenInstances"_s }));
    QVERIFY2(result.out.contains(u"reach s3://models/out."_s), qPrintable(result.out));
    QVERIFY2(result.out.contains(u"The job's 10 instances"_s), qPrintable(result.out));

    // Options replace what the file says.
    result = run({ spec, u"--instance-count"_s, u"1"_s, u"--subnets"_s, m_ids.cleanA,
                     u"--security-group-ids"_s, m_ids.train },
        environment(m_moto->endpoint()));
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.codes(), QStringList { u"info: singleAvailabilityZone"_s });
}

void TestCheckVpc::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("nothing to check") << QStringList() << u"nothing to check"_s;
    QTest::newRow("instance count not a number") << QStringList { u"--subnets"_s, u"subnet-1"_s,
        u"--instance-count"_s, u"many"_s } << u"--instance-count must be a whole number"_s;
    QTest::newRow("instance count zero")
        << QStringList { u"--subnets"_s, u"subnet-1"_s, u"--instance-count"_s, u"0"_s } << u"at least 1"_s;
    QTest::newRow("two files") << QStringList { u"a.json"_s, u"b.json"_s } << u"at most one FILE"_s;
    QTest::newRow("missing file") << QStringList { u"missing.json"_s }
                                  << u"missing.json: error: cannot read"_s;
    QTest::newRow("unknown option") << QStringList { u"--subnet"_s, u"subnet-1"_s }
                                    << u"Unknown option 'subnet'"_s;
}

void TestCheckVpc::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    // An endpoint nobody listens on: usage errors must not even try it.
    const Run result = run(arguments, environment(closedLoopbackUrl()));
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
}

void TestCheckVpc::noRegionConfigured()
{
    QProcessEnvironment env = environment(m_moto->endpoint());
    env.remove(u"AWS_DEFAULT_REGION"_s);
    const Run result = run({ u"--subnets"_s, m_ids.cleanA }, env);
    QCOMPARE(result.exitCode, 2); // like every networked command: fix the setup before any request
    QVERIFY2(result.err.startsWith(u"error: "_s) && result.err.contains(u"region"_s), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
}

void TestCheckVpc::globalOptionsAndJson()
{
    // --endpoint-url is EC2's for this command; the environment's EC2 endpoint (nobody listens) loses.
    const Run result
        = run({ u"--endpoint-url"_s, m_moto->endpoint().toString(), u"--output"_s, u"json"_s, u"--subnets"_s,
                  m_ids.tiny + u",subnet-0123456789abcdef0"_s, u"--security-group-ids"_s, m_ids.train,
                  u"--instance-count"_s, u"10"_s, u"--region"_s, u"us-east-1"_s },
            environment(closedLoopbackUrl()));
    QCOMPARE(result.exitCode, 1);
    const QJsonArray findings
        = QJsonDocument::fromJson(result.out.toUtf8()).object().value(u"Findings"_s).toArray();
    QCOMPARE(findings.size(), 3);
    const QJsonObject first = findings.at(0).toObject();
    QCOMPARE(first.value(u"Severity"_s).toString(), u"error"_s);
    QCOMPARE(first.value(u"Code"_s).toString(), u"subnetNotFound"_s);
    QCOMPARE(first.value(u"Path"_s).toString(), u"VpcConfig.Subnets[1]"_s);
    QVERIFY(first.value(u"Message"_s).toString().contains(u"subnet-0123456789abcdef0"_s));
    QCOMPARE(findings.at(1).toObject().value(u"Code"_s).toString(), u"notEnoughIpAddresses"_s);
    QCOMPARE(findings.at(2).toObject().value(u"Severity"_s).toString(), u"info"_s);

    // --debug shows the EC2 exchange on stderr (the Authorization header redacted).
    const Run debug
        = run({ u"--debug"_s, u"--subnets"_s, m_ids.cleanA, u"--security-group-ids"_s, m_ids.train },
            environment(m_moto->endpoint()));
    QCOMPARE(debug.exitCode, 0);
    QVERIFY2(debug.err.contains(u"DescribeRouteTables attempt 1"_s), qPrintable(debug.err.left(2000)));
    QVERIFY2(debug.err.contains(u"Action=DescribeVpcEndpoints&Version=2016-11-15"_s), qPrintable(debug.err.left(2000)));
}

void TestCheckVpc::unreachableEc2()
{
    QProcessEnvironment env = environment(closedLoopbackUrl());
    env.insert(u"AWS_MAX_ATTEMPTS"_s, u"1"_s);
    const Run result = run({ u"--subnets"_s, m_ids.cleanA, u"--security-group-ids"_s, m_ids.train }, env);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.codes(), QStringList { u"warning: ec2LookupFailed"_s });
    QVERIFY2(result.out.contains(u"NetworkError"_s), qPrintable(result.out));
}

void TestCheckVpc::withoutPermission()
{
    FixtureServer server;
    QVERIFY(server.listen());
    server.setDefaultHandler([](const FixtureRequest &request) {
        return FixtureAction::xmlError(403, u"UnauthorizedOperation"_s,
            u"You are not authorized to perform: ec2:%1"_s.arg(request.operation()));
    });
    const Run result = run(
        { u"--subnets"_s, u"subnet-1"_s, u"--security-group-ids"_s, u"sg-1"_s }, environment(server.url()));
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.codes(), QStringList { u"warning: ec2AccessDenied"_s });
    QVERIFY2(result.out.contains(u"You can still go on"_s), qPrintable(result.out));
    QCOMPARE(server.requestCount(), 2);
}

QTEST_GUILESS_MAIN(TestCheckVpc)
#include "tst_checkvpc.moc"
