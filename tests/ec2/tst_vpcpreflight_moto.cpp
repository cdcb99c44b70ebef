#include "core/aws/awstransport.h"
#include "core/aws/connectionresolver.h"
#include "core/ec2/ec2client.h"
#include "core/ec2/vpcpreflight.h"
#include "core/ec2/vpcpreflightrun.h"
#include "tests/support/ec2setup.h"
#include "tests/support/motoserver.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

// Proves the EC2 client and the VPC pre-flight check against moto_server, on networks built through our
// own Query calls (Ec2Setup): each Describe call reads what was built, AWS_ENDPOINT_URL_EC2 reaches it, and
// each network (Ec2Setup::SampleNetworks) gives exactly its findings.
class TestVpcPreflightMoto : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void describeCallsReadWhatWasBuilt();
    void endpointFromEnvironment();
    void findings_data();
    void findings();
    void tinySubnetReportsItsFreeAddresses();
    void restrictiveEndpointPolicy();
    void endpointSecurityGroupMustLetTheJobIn();
    void groupThatLetsNothingOut();

private:
    Ec2Result run(Ec2Call *call);
    Diagnostics preflight(const QStringList &subnets, const QStringList &groups, int instances);
    // A new VPC 10.<octet>.0.0/16 with one subnet (us-east-1a) on its own route table; false with
    // m_setup->error() when a step fails.
    bool createOneSubnetVpc(int octet, QString &vpc, QString &subnet, QString &table);

    std::unique_ptr<MotoServer> m_moto;
    std::unique_ptr<Ec2Setup> m_setup;
    std::unique_ptr<Ec2Client> m_client;
    Ec2Setup::SampleNetworks m_ids;
};

void TestVpcPreflightMoto::initTestCase()
{
    QVERIFY2(MotoServer::isAvailable(), "moto_server is not on PATH (scripts/install-deps.sh installs it)");
    m_moto = std::make_unique<MotoServer>();
    QVERIFY2(m_moto->isRunning(), qPrintable(m_moto->errorString()));
    m_setup = std::make_unique<Ec2Setup>(m_moto->endpoint());
    m_client = std::make_unique<Ec2Client>(m_setup->transport());
    const std::optional<Ec2Setup::SampleNetworks> networks = m_setup->buildSampleNetworks();
    QVERIFY2(networks, qPrintable(m_setup->error()));
    m_ids = *networks;
}

void TestVpcPreflightMoto::cleanupTestCase()
{
    m_client.reset();
    m_setup.reset();
    m_moto.reset();
}

Ec2Result TestVpcPreflightMoto::run(Ec2Call *call)
{
    QSignalSpy finished(call, &Ec2Call::finished);
    if (!finished.wait(30000)) {
        Ec2Result timedOut;
        timedOut.error.code = u"TestTimeout"_s;
        return timedOut;
    }
    return finished.first().first().value<Ec2Result>();
}

Diagnostics TestVpcPreflightMoto::preflight(
    const QStringList &subnets, const QStringList &groups, int instances)
{
    VpcPreflight preflight(m_client.get());
    VpcPreflightInput input;
    input.subnetIds = subnets;
    input.securityGroupIds = groups;
    input.instanceCount = instances;
    input.s3Uris = { u"s3://bucket/input/"_s };
    VpcPreflightRun *run = preflight.run(input);
    QSignalSpy finished(run, &VpcPreflightRun::finished);
    if (!finished.wait(60000))
        return { { {}, Diagnostic::Severity::Error, u"testTimeout"_s, u"no answer"_s } };
    return finished.first().first().value<Diagnostics>();
}

void TestVpcPreflightMoto::describeCallsReadWhatWasBuilt()
{
    const Ec2Setup::SampleNetworks &id = m_ids;
    const Ec2Query inClean { {}, { { u"vpc-id"_s, { id.cleanVpc } } } };

    const Ec2Result vpcs = run(m_client->describeVpcs({ { id.cleanVpc }, {} }));
    QVERIFY2(vpcs.isOk(), qPrintable(vpcs.error.toString()));
    QCOMPARE(vpcs.resources.vpcs.size(), 1);
    QCOMPARE(vpcs.resources.vpcs[0].name(), u"clean"_s);
    QCOMPARE(vpcs.resources.vpcs[0].cidrBlock, u"10.10.0.0/16"_s);

    const Ec2Result subnets = run(m_client->describeSubnets(inClean));
    QVERIFY2(subnets.isOk(), qPrintable(subnets.error.toString()));
    QStringList subnetIds;
    for (const Ec2Subnet &s : subnets.resources.subnets)
        subnetIds.append(s.subnetId);
    subnetIds.sort();
    QStringList expected { id.cleanA, id.cleanB, id.tiny };
    expected.sort();
    QCOMPARE(subnetIds, expected);

    const Ec2Result groups = run(m_client->describeSecurityGroups({ { id.train }, {} }));
    QVERIFY2(groups.isOk(), qPrintable(groups.error.toString()));
    QCOMPARE(groups.resources.securityGroups.size(), 1);
    const Ec2SecurityGroup &train = groups.resources.securityGroups[0];
    QCOMPARE(train.groupName, u"train"_s);
    QCOMPARE(train.description, u"SageMaker training"_s);
    QVERIFY(std::any_of(train.ingress.cbegin(), train.ingress.cend(), [&](const Ec2IpPermission &p) {
        return p.isAllTraffic() && p.groupPairs.size() == 1 && p.groupPairs[0].groupId == id.train;
    }));

    const Ec2Result tables = run(m_client->describeRouteTables(inClean));
    QVERIFY2(tables.isOk(), qPrintable(tables.error.toString()));
    QCOMPARE(tables.resources.routeTables.size(), 2); // the main table and ours
    const auto own = std::find_if(tables.resources.routeTables.cbegin(), tables.resources.routeTables.cend(),
        [&](const Ec2RouteTable &t) { return t.routeTableId == id.cleanTable; });
    QVERIFY(own != tables.resources.routeTables.cend());
    QCOMPARE(own->associations.size(), 3);

    const Ec2Result endpoints = run(m_client->describeVpcEndpoints(inClean));
    QVERIFY2(endpoints.isOk(), qPrintable(endpoints.error.toString()));
    QCOMPARE(endpoints.resources.vpcEndpoints.size(), 2);
    QCOMPARE(endpoints.resources.vpcEndpoints[0].routeTableIds, QStringList { id.cleanTable });

    const Ec2Result nats
        = run(m_client->describeNatGateways({ {}, { { u"subnet-id"_s, { id.natPrivate } } } }));
    QVERIFY2(nats.isOk(), qPrintable(nats.error.toString()));
    QVERIFY(nats.resources.natGateways.isEmpty()); // the NAT gateway is in the public subnet
    const Ec2Result allNats = run(m_client->describeNatGateways());
    QVERIFY2(allNats.isOk(), qPrintable(allNats.error.toString()));
    QCOMPARE(allNats.resources.natGateways.size(), 1);
    QVERIFY(allNats.resources.natGateways[0].reachesInternet());

    // An unknown ID in an ID list fails the whole call: why the pre-flight check filters instead.
    const Ec2Result unknown = run(m_client->describeSubnets({ { u"subnet-0123456789abcdef0"_s }, {} }));
    QCOMPARE(unknown.error.code, u"InvalidSubnetID.NotFound"_s);
    QCOMPARE(unknown.error.httpStatus, 400);
}

void TestVpcPreflightMoto::endpointFromEnvironment()
{
    QTemporaryDir home;
    QProcessEnvironment environment;
    environment.insert(u"AWS_ACCESS_KEY_ID"_s, u"testing"_s);
    environment.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"testing"_s);
    environment.insert(u"AWS_REGION"_s, u"us-east-1"_s);
    environment.insert(u"AWS_ENDPOINT_URL_EC2"_s, m_moto->endpoint().toString());
    environment.insert(u"AWS_ENDPOINT_URL"_s, u"http://127.0.0.1:9/"_s); // the EC2 one must win
    const ResolvedConnection connection = ConnectionResolver(environment, home.path()).resolve({}, u"ec2"_s);
    QVERIFY2(connection.isValid(), qPrintable(connection.error));
    QCOMPARE(connection.service, u"ec2"_s);
    QCOMPARE(connection.endpoint, m_moto->endpoint());
    AwsTransport transport(connection, Clock::system());
    Ec2Client client(&transport);
    QCOMPARE(client.region(), u"us-east-1"_s);
    const Ec2Result vpcs = run(client.describeVpcs({ { m_ids.bareVpc }, {} }));
    QVERIFY2(vpcs.isOk(), qPrintable(vpcs.error.toString()));
    QCOMPARE(vpcs.resources.vpcs.size(), 1);
}

void TestVpcPreflightMoto::findings_data()
{
    QTest::addColumn<QStringList>("subnets");
    QTest::addColumn<QStringList>("groups");
    QTest::addColumn<int>("instances");
    QTest::addColumn<QStringList>("expected"); // "severity:code", sorted
    const Ec2Setup::SampleNetworks &id = m_ids;
    const QString unknownSubnet = u"subnet-0123456789abcdef0"_s;
    const QString unknownGroup = u"sg-0123456789abcdef0"_s;

    QTest::newRow("clean, 4 instances")
        << QStringList { id.cleanA, id.cleanB } << QStringList { id.train } << 4 << QStringList();
    QTest::newRow("clean, one zone") << QStringList { id.cleanA } << QStringList { id.train } << 1
                                     << QStringList { u"info:singleAvailabilityZone"_s };
    QTest::newRow("bare: no endpoints, no NAT, no rule from itself")
        << QStringList { id.bareSubnet } << QStringList { id.bareGroup } << 2
        << QStringList { u"info:singleAvailabilityZone"_s, u"warning:noRouteToCloudWatchLogs"_s,
               u"warning:noRouteToS3"_s, u"warning:noTrafficBetweenInstances"_s };
    QTest::newRow("subnets in two VPCs (both in us-east-1a)")
        << QStringList { id.cleanA, id.bareSubnet } << QStringList { id.train } << 1
        << QStringList { u"error:subnetsInSeveralVpcs"_s, u"info:singleAvailabilityZone"_s,
               u"warning:noRouteToCloudWatchLogs"_s, u"warning:noRouteToS3"_s };
    QTest::newRow("security group from another VPC")
        << QStringList { id.cleanA, id.cleanB } << QStringList { id.train, id.bareGroup } << 1
        << QStringList { u"error:securityGroupInOtherVpc"_s };
    QTest::newRow("tiny subnet, 10 instances")
        << QStringList { id.tiny } << QStringList { id.train } << 10
        << QStringList { u"error:notEnoughIpAddresses"_s, u"info:singleAvailabilityZone"_s };
    QTest::newRow("unknown IDs") << QStringList { id.cleanA, unknownSubnet, id.cleanB }
                                 << QStringList { unknownGroup, id.train } << 1
                                 << QStringList { u"error:securityGroupNotFound"_s,
                                        u"error:subnetNotFound"_s };
    QTest::newRow("only unknown IDs")
        << QStringList { unknownSubnet } << QStringList { unknownGroup } << 1
        << QStringList { u"error:securityGroupNotFound"_s, u"error:subnetNotFound"_s };
    QTest::newRow("NAT gateway: S3 and logs through it")
        << QStringList { id.natPrivate } << QStringList { id.natGroup } << 1
        << QStringList { u"info:singleAvailabilityZone"_s };
    QTest::newRow("internet gateway only")
        << QStringList { id.igwSubnet } << QStringList { id.igwGroup } << 1
        << QStringList { u"info:singleAvailabilityZone"_s, u"warning:noRouteToCloudWatchLogs"_s,
               u"warning:noRouteToS3"_s };
}

void TestVpcPreflightMoto::findings()
{
    QFETCH(QStringList, subnets);
    QFETCH(QStringList, groups);
    QFETCH(int, instances);
    QFETCH(QStringList, expected);
    static const char *const severities[] = { "error", "warning", "info" };
    const Diagnostics findings = preflight(subnets, groups, instances);
    QStringList actual;
    for (const Diagnostic &d : findings)
        actual.append(QLatin1String(severities[int(d.severity)]) + u':' + d.code);
    actual.sort();
    if (actual != expected)
        for (const Diagnostic &d : findings)
            qWarning().noquote() << d.code << d.path << d.message;
    QCOMPARE(actual, expected);
}

void TestVpcPreflightMoto::tinySubnetReportsItsFreeAddresses()
{
    // moto, like EC2, keeps 5 addresses of every subnet: a /28 has 11 free.
    const Diagnostics findings = preflight({ m_ids.tiny }, { m_ids.train }, 10);
    QVERIFY(!findings.isEmpty());
    QCOMPARE(findings[0].code, u"notEnoughIpAddresses"_s);
    QCOMPARE(findings[0].path, u"VpcConfig.Subnets"_s);
    QVERIFY2(
        findings[0].message.contains(u"only 11 (%1: 11)"_s.arg(m_ids.tiny)), qPrintable(findings[0].message));
}

bool TestVpcPreflightMoto::createOneSubnetVpc(int octet, QString &vpc, QString &subnet, QString &table)
{
    vpc = m_setup->createVpc(u"10.%1.0.0/16"_s.arg(octet));
    subnet = vpc.isEmpty() ? QString()
                           : m_setup->createSubnet(vpc, u"10.%1.1.0/24"_s.arg(octet), u"us-east-1a"_s);
    table = subnet.isEmpty() ? QString() : m_setup->createRouteTable(vpc);
    return !table.isEmpty() && m_setup->associateRouteTable(table, subnet);
}

void TestVpcPreflightMoto::restrictiveEndpointPolicy()
{
    // moto keeps the PolicyDocument and answers it in DescribeVpcEndpoints.
    QString vpc, subnet, table;
    QVERIFY2(createOneSubnetVpc(50, vpc, subnet, table), qPrintable(m_setup->error()));
    const QString policy = uR"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*",
        "Action": "s3:GetObject", "Resource": "arn:aws:s3:::other-bucket/*"}]})"_s;
    QVERIFY2(
        !m_setup->createGatewayEndpoint(vpc, u"com.amazonaws.us-east-1.s3"_s, { table }, policy).isEmpty(),
        qPrintable(m_setup->error()));
    QVERIFY2(
        !m_setup->createInterfaceEndpoint(vpc, u"com.amazonaws.us-east-1.logs"_s, { subnet }, true).isEmpty(),
        qPrintable(m_setup->error()));

    const Diagnostics findings = preflight({ subnet }, { m_ids.bareGroup }, 1);
    QStringList codes;
    for (const Diagnostic &d : findings)
        codes.append(d.code);
    // The bare group is from another VPC; the endpoint refuses s3://bucket/input/.
    QCOMPARE(codes,
        (QStringList {
            u"securityGroupInOtherVpc"_s, u"s3EndpointPolicyBlocks"_s, u"singleAvailabilityZone"_s }));
    QVERIFY2(findings[1].message.contains(u"allows none of s3://bucket/input/"_s),
        qPrintable(findings[1].message));
}

void TestVpcPreflightMoto::endpointSecurityGroupMustLetTheJobIn()
{
    // A VPC with an S3 gateway endpoint and a CloudWatch Logs interface endpoint whose own security group
    // lets nothing in: the job's logs could not arrive until the group allows HTTPS from the job's group.
    QString vpc, subnet, table;
    QVERIFY2(createOneSubnetVpc(60, vpc, subnet, table), qPrintable(m_setup->error()));
    QVERIFY2(!m_setup->createGatewayEndpoint(vpc, u"com.amazonaws.us-east-1.s3"_s, { table }).isEmpty(),
        qPrintable(m_setup->error()));
    const QString job = m_setup->createSecurityGroup(vpc, u"job"_s, u"the training job"_s);
    const QString guard = m_setup->createSecurityGroup(vpc, u"logs-endpoint"_s, u"the logs endpoint"_s);
    QVERIFY2(!job.isEmpty() && !guard.isEmpty(), qPrintable(m_setup->error()));
    const QString endpoint = m_setup->createInterfaceEndpoint(
        vpc, u"com.amazonaws.us-east-1.logs"_s, { subnet }, true, { guard });
    QVERIFY2(!endpoint.isEmpty(), qPrintable(m_setup->error()));

    Diagnostics findings = preflight({ subnet }, { job }, 1);
    QStringList codes;
    for (const Diagnostic &d : findings)
        codes.append(d.code);
    QCOMPARE(codes, (QStringList { u"endpointRefusesJob"_s, u"singleAvailabilityZone"_s }));
    QVERIFY2(findings[0].message.contains(endpoint) && findings[0].message.contains(guard),
        qPrintable(findings[0].message));

    QVERIFY2(m_setup->call(u"AuthorizeSecurityGroupIngress"_s,
                 { { u"GroupId"_s, guard }, { u"IpPermissions.1.IpProtocol"_s, u"tcp"_s },
                     { u"IpPermissions.1.FromPort"_s, u"443"_s }, { u"IpPermissions.1.ToPort"_s, u"443"_s },
                     { u"IpPermissions.1.Groups.1.GroupId"_s, job } }),
        qPrintable(m_setup->error()));
    findings = preflight({ subnet }, { job }, 1);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings[0].code, u"singleAvailabilityZone"_s);
}

void TestVpcPreflightMoto::groupThatLetsNothingOut()
{
    // A group made for distributed training, all traffic from and to itself, with EC2's default "all out"
    // rule taken away: the instances reach each other and nothing else.
    const QString group = m_setup->createSecurityGroup(m_ids.cleanVpc, u"closed"_s, u"only itself"_s);
    QVERIFY2(!group.isEmpty() && m_setup->allowAllTrafficFromItself(group, true, true)
            && m_setup->revokeDefaultEgress(group),
        qPrintable(m_setup->error()));
    Diagnostics findings = preflight({ m_ids.cleanA, m_ids.cleanB }, { group }, 2);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings[0].code, u"noHttpsEgress"_s);
    QVERIFY2(findings[0].message.contains(group), qPrintable(findings[0].message));

    // With the job's other group, which keeps the default rule, traffic can leave.
    findings = preflight({ m_ids.cleanA, m_ids.cleanB }, { group, m_ids.train }, 2);
    QVERIFY(findings.isEmpty());
}

QTEST_GUILESS_MAIN(TestVpcPreflightMoto)
#include "tst_vpcpreflight_moto.moc"
