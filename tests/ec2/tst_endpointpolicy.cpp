#include "core/ec2/endpointpolicy.h"

#include <QTest>

using namespace Qt::StringLiterals;

// Proves which of a job's S3 locations an S3 gateway endpoint's policy blocks, one row per policy shape:
// Allow resources with wildcards, unconditional Deny statements, and what the check leaves alone.
class TestEndpointPolicy : public QObject
{
    Q_OBJECT

private slots:
    void endpointPolicy_data();
    void endpointPolicy();
};

void TestEndpointPolicy::endpointPolicy_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QStringList>("blocked");
    const QString full = u"s3://data/train/"_s;
    const QString models = u"s3://models/out/"_s;
    const auto allow = [](const QString &resource) {
        return uR"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*",
                   "Resource": %1}]})"_s.arg(resource);
    };
    QTest::newRow("EC2's default policy") << allow(u"\"*\""_s) << QStringList();
    QTest::newRow("no policy at all") << QString() << QStringList();
    QTest::newRow("not JSON") << u"{broken"_s << QStringList();
    QTest::newRow("one bucket's objects") << allow(u"\"arn:aws:s3:::data/*\""_s) << QStringList { models };
    QTest::newRow("bucket ARN alone") << allow(u"[\"arn:aws:s3:::models\"]"_s) << QStringList { full };
    QTest::newRow("wildcard in the bucket name")
        << allow(u"\"arn:aws:s3:::mod?ls*\""_s) << QStringList { full };
    QTest::newRow("prefix outside the location")
        << allow(u"[\"arn:aws:s3:::data/test/*\", \"arn:aws:s3:::models/*\"]"_s) << QStringList { full };
    QTest::newRow("prefix of the location")
        << allow(u"[\"arn:aws:s3:::data/tr*\", \"arn:aws:s3:::*\"]"_s) << QStringList();
    const auto allowAllAndDeny = [](const QString &deny) {
        return uR"({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}, %1]})"_s
            .arg(deny);
    };
    QTest::newRow("Deny of everything in one bucket")
        << allowAllAndDeny(uR"({"Effect": "Deny", "Principal": "*", "Action": "s3:*",
               "Resource": ["arn:aws:s3:::models", "arn:aws:s3:::models/*"]})"_s)
        << QStringList { models };
    QTest::newRow("Deny of everything, for AWS principal *") << allowAllAndDeny(
        uR"({"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": ["*"], "Resource": "arn:aws:s3:::data/*"})"_s)
                                                             << QStringList { full };
    QTest::newRow("Deny with a condition: cannot tell")
        << allowAllAndDeny(uR"({"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*",
               "Condition": {"StringNotEquals": {"aws:PrincipalAccount": "123456789012"}}})"_s)
        << QStringList();
    QTest::newRow("Deny of deletes only") << allowAllAndDeny(
        uR"({"Effect": "Deny", "Principal": "*", "Action": "s3:DeleteObject", "Resource": "*"})"_s)
                                          << QStringList();
    QTest::newRow("Deny for one role only")
        << allowAllAndDeny(uR"({"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::1:role/x"},
               "Action": "*", "Resource": "*"})"_s)
        << QStringList();
    QTest::newRow("Deny of another bucket") << allowAllAndDeny(
        uR"({"Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "arn:aws:s3:::logs/*"})"_s)
                                            << QStringList();
    QTest::newRow("a Deny alone allows nothing")
        << uR"({"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*"}]})"_s
        << QStringList { full, models };
}

void TestEndpointPolicy::endpointPolicy()
{
    QFETCH(QString, policy);
    QFETCH(QStringList, blocked);
    QCOMPARE(
        EndpointPolicy::blockedS3Uris(policy, { u"s3://data/train/"_s, u"s3://models/out/"_s }), blocked);
}

QTEST_GUILESS_MAIN(TestEndpointPolicy)
#include "tst_endpointpolicy.moc"
