// The shared config/credentials file parser: the dialect botocore reads, the errors it names, and garbage
// that never crashes it (a deterministic stand-in for the libFuzzer target in tests/fuzz, which CI does not
// run).
#include "core/aws/awsconfigfile.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Settings = AwsConfigFile::Settings;

const QByteArray kRealConfig = "# written by aws configure\n"
                               "[default]\n"
                               "region = eu-west-1\n"
                               "output = json\n"
                               "\n"
                               "[profile dev]\n"
                               "region=us-west-2\n"
                               "credential_process = /usr/bin/helper --name \"dev box\"\n"
                               "s3 =\n"
                               "  max_concurrent_requests = 20\n"
                               "services = local\n"
                               "\n"
                               "[services local]\n"
                               "sagemaker =\n"
                               "  endpoint_url = http://127.0.0.1:5000\n"
                               "[sso-session corp]\n"
                               "sso_region = us-east-1\n";

const QByteArray kRealCredentials = "[default]\r\n"
                                    "aws_access_key_id = AKIDEXAMPLE\r\n"
                                    "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\r\n"
                                    "; a comment\r\n"
                                    "[dev]\r\n"
                                    "AWS_ACCESS_KEY_ID: AKIDDEV\r\n"
                                    "aws_secret_access_key=abc#not-a-comment\r\n"
                                    "aws_session_token =\r\n";

} // namespace

class TestAwsConfigFile : public QObject
{
    Q_OBJECT

private slots:
    void configProfilesAndServices();
    void credentialsProfiles();
    void missingFileIsEmptyNotAnError();
    void errors_data();
    void errors();
    void garbageNeverCrashes();
};

void TestAwsConfigFile::configProfilesAndServices()
{
    const AwsConfigFile file
        = AwsConfigFile::parse(kRealConfig, AwsConfigFile::Kind::Config, u"~/.aws/config"_s);
    QVERIFY2(file.isValid(), qPrintable(file.error()));
    QCOMPARE(file.profileNames(), (QStringList { u"default"_s, u"dev"_s }));
    QCOMPARE(file.profile(u"default"_s),
        (Settings { { u"region"_s, u"eu-west-1"_s }, { u"output"_s, u"json"_s } }));
    const Settings dev = file.profile(u"dev"_s);
    QCOMPARE(dev.value(u"region"_s), u"us-west-2"_s);
    QCOMPARE(dev.value(u"credential_process"_s), u"/usr/bin/helper --name \"dev box\""_s);
    QCOMPARE(AwsConfigFile::subProperties(dev.value(u"s3"_s)),
        (Settings { { u"max_concurrent_requests"_s, u"20"_s } }));
    QCOMPARE(AwsConfigFile::subProperties(file.servicesSection(u"local"_s).value(u"sagemaker"_s)),
        (Settings { { u"endpoint_url"_s, u"http://127.0.0.1:5000"_s } }));
    QCOMPARE(file.ignoredSections(), QStringList { u"sso-session corp"_s });
}

void TestAwsConfigFile::credentialsProfiles()
{
    const AwsConfigFile file
        = AwsConfigFile::parse(kRealCredentials, AwsConfigFile::Kind::Credentials, u"~/.aws/credentials"_s);
    QVERIFY2(file.isValid(), qPrintable(file.error()));
    QCOMPARE(file.profileNames(), (QStringList { u"default"_s, u"dev"_s }));
    QCOMPARE(file.profile(u"default"_s).value(u"aws_secret_access_key"_s),
        u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s);
    // Keys are case-insensitive, ':' works like '=', '#' inside a value is kept (botocore has no inline
    // comments), an empty value is a value.
    const Settings dev = file.profile(u"dev"_s);
    QCOMPARE(dev.value(u"aws_access_key_id"_s), u"AKIDDEV"_s);
    QCOMPARE(dev.value(u"aws_secret_access_key"_s), u"abc#not-a-comment"_s);
    QVERIFY(dev.contains(u"aws_session_token"_s));
    QCOMPARE(dev.value(u"aws_session_token"_s), QString());

    // In the credentials file "[profile x]" is a profile literally named "profile x", as in botocore.
    const AwsConfigFile literal
        = AwsConfigFile::parse("[profile x]\na = b\n", AwsConfigFile::Kind::Credentials, u"c"_s);
    QCOMPARE(literal.profileNames(), QStringList { u"profile x"_s });
}

void TestAwsConfigFile::missingFileIsEmptyNotAnError()
{
    const AwsConfigFile file
        = AwsConfigFile::load(u"/nonexistent/dir/config"_s, AwsConfigFile::Kind::Config, u"~/.aws/config"_s);
    QVERIFY(file.isValid());
    QVERIFY(!file.exists());
    QVERIFY(file.profileNames().isEmpty());
    const AwsConfigFile directory = AwsConfigFile::load(u"/"_s, AwsConfigFile::Kind::Config, u"/"_s);
    QCOMPARE(directory.error(), u"/ is not a file"_s);
}

void TestAwsConfigFile::errors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("setting before any section") << QByteArray("\n# hi\naws_secret_access_key = s3cret\n")
                                                << u"f line 3: setting outside a [section]"_s;
    QTest::newRow("header without ]")
        << QByteArray("[default\n") << u"f line 1: a section header must end with ']'"_s;
    QTest::newRow("line without =") << QByteArray("[default]\naws_secret_access_key s3cret\n")
                                    << u"f line 2: expected 'key = value'"_s;
    QTest::newRow("empty section") << QByteArray("[ ]\n") << u"f line 1: empty section name"_s;
    QTest::newRow("profile without a name")
        << QByteArray("[profile ]\n") << u"f line 1: a [profile] section needs a name"_s;
    QTest::newRow("indented line first")
        << QByteArray("[default]\n  region = x\n") << u"f line 2: an indented line must follow a setting"_s;
    QTest::newRow("no key") << QByteArray("[default]\n= s3cret\n")
                            << u"f line 2: a setting needs a name before '='"_s;
}

void TestAwsConfigFile::errors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    const AwsConfigFile file = AwsConfigFile::parse(text, AwsConfigFile::Kind::Config, u"f"_s);
    QVERIFY(!file.isValid());
    QCOMPARE(file.error(), error);
    QVERIFY(!file.error().contains(u"s3cret"_s)); // the line's text may be a secret: never quoted
    QVERIFY(file.profileNames().isEmpty());
}

// Thousands of inputs mutated from real files (bytes flipped, inserted, deleted, lines shuffled, random
// bytes): each parses to a valid file or to one error naming a line, and never crashes or hangs.
void TestAwsConfigFile::garbageNeverCrashes()
{
    QRandomGenerator random(20240517); // fixed: a failure reproduces
    const QList<QByteArray> seeds = { kRealConfig, kRealCredentials, "[a]\nb=\n c=d\n", QByteArray() };
    const QByteArray alphabet = "[]=:#; \t\n\r\\\"'profile services default\xEF\xBB\xBF\xFF";
    int valid = 0;
    int invalid = 0;
    for (int round = 0; round < 5000; ++round) {
        QByteArray text = seeds[round % seeds.size()];
        const int mutations = 1 + int(random.bounded(12));
        for (int m = 0; m < mutations; ++m) {
            const qsizetype at = text.isEmpty() ? 0 : qsizetype(random.bounded(int(text.size())));
            switch (random.bounded(5)) {
            case 0:
                if (!text.isEmpty())
                    text[at] = alphabet[random.bounded(int(alphabet.size()))];
                break;
            case 1:
                text.insert(at, alphabet[random.bounded(int(alphabet.size()))]);
                break;
            case 2:
                text.remove(at, random.bounded(8));
                break;
            case 3:
                text.insert(at, char(random.bounded(256)));
                break;
            default: {
                QList<QByteArray> lines = text.split('\n');
                std::shuffle(lines.begin(), lines.end(), random);
                text = lines.join('\n');
            }
            }
        }
        const auto kind = round % 2 ? AwsConfigFile::Kind::Config : AwsConfigFile::Kind::Credentials;
        const AwsConfigFile file = AwsConfigFile::parse(text, kind, u"f"_s);
        if (file.isValid()) {
            ++valid;
        } else {
            ++invalid;
            QVERIFY2(file.error().startsWith(u"f line "_s), qPrintable(file.error()));
            QVERIFY(file.profileNames().isEmpty());
        }
        for (const QString &name : file.profileNames()) {
            const Settings settings = file.profile(name);
            for (const QString &value : settings)
                AwsConfigFile::subProperties(value);
        }
    }
    // Both outcomes must have been exercised, or the mutations are too weak to prove anything.
    QVERIFY(valid > 100);
    QVERIFY(invalid > 100);
}

QTEST_GUILESS_MAIN(TestAwsConfigFile)
#include "tst_awsconfigfile.moc"
