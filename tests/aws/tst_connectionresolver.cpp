// Credentials, region, endpoint and max-attempts resolution, each row with its own temporary HOME, files and
// environment; nothing of the real user's is read.
#include "core/aws/connectionresolver.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Secrets used by the rows; no message may ever contain one.
const QString kSecrets[] = { u"envS3cretKey"_s, u"envT0ken"_s, u"credS3cretKey"_s, u"credT0ken"_s,
    u"cfgS3cretKey"_s, u"procS3cretKey"_s };

const QString kCredentials = uR"([default]
aws_access_key_id = AKIDDEFAULT
aws_secret_access_key = credS3cretKey

[dev]
aws_access_key_id = AKIDDEV
aws_secret_access_key = credS3cretKey
aws_session_token = credT0ken
)"_s;

const QString kConfig = uR"([default]
region = eu-west-1

[profile dev]
region = us-west-2
max_attempts = 2

[profile cfgkeys]
region = ap-northeast-1
aws_access_key_id = AKIDCFG
aws_secret_access_key = cfgS3cretKey

[profile proc]
region = eu-central-1
credential_process = "%HOME%/creds script.sh" --flag
aws_access_key_id = AKIDCFGLOSES
aws_secret_access_key = cfgS3cretKey

[profile role]
role_arn = arn:aws:iam::123456789012:role/Admin
source_profile = default

[profile sso]
sso_session = corp
sso_account_id = 123456789012

[profile local]
region = us-east-1
aws_access_key_id = AKIDLOCAL
aws_secret_access_key = cfgS3cretKey
endpoint_url = http://127.0.0.1:5000
services = local-services

[profile svc]
region = us-east-1
aws_access_key_id = AKIDSVC
aws_secret_access_key = cfgS3cretKey
endpoint_url = https://profile.example.com
services = svc-services

[profile noregion]
aws_access_key_id = AKIDNOREGION
aws_secret_access_key = cfgS3cretKey

[services svc-services]
sagemaker =
  endpoint_url = https://services-section.example.com
ec2 =
  endpoint_url = https://ec2-section.example.com

[profile ignoring]
region = us-east-1
aws_access_key_id = AKIDIGN
aws_secret_access_key = cfgS3cretKey
endpoint_url = https://profile.example.com
ignore_configured_endpoint_urls = true

[profile badattempts]
region = us-east-1
aws_access_key_id = AKIDBAD
aws_secret_access_key = cfgS3cretKey
max_attempts = many

[profile regiononly]
region = us-east-1

[profile halfkeys]
region = us-east-1
aws_access_key_id = AKIDHALF

[dev-unprefixed]
region = us-east-1
)"_s;

const QString kProcessScript = uR"(#!/bin/sh
[ "$1" = "--flag" ] || { echo "missing --flag" >&2; exit 3; }
echo '{"Version": 1, "AccessKeyId": "AKIDPROC", "SecretAccessKey": "procS3cretKey"}'
)"_s;

struct Row
{
    QString config; // null: no file
    QString credentials; // null: no file
    QStringList env; // NAME=value
    ConnectionOptions options;
    QString service = u"sagemaker"_s;
};

void writeFile(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text.toUtf8());
}

} // namespace

class TestConnectionResolver : public QObject
{
    Q_OBJECT

private slots:
    void resolve_data();
    void resolve();
    void customFilePaths();
    void processCredentialsThroughTheChain();
    void listsProfilesWithoutSecrets();
    void listingAMalformedFileGivesTheError();
    void endpointRules_data();
    void endpointRules();
};

// Columns: the inputs, then what must come out. A row expects either an error containing `error` or a
// connection with the listed values.
void TestConnectionResolver::resolve_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("credentials");
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("profileOption");
    QTest::addColumn<QString>("regionOption");
    QTest::addColumn<QString>("endpointOption");
    QTest::addColumn<int>("maxAttemptsOption");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("accessKeyId");
    QTest::addColumn<QString>("sessionToken");
    QTest::addColumn<QString>("credentialSource");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<int>("maxAttempts");

    const QString none;
    const QStringList envKeys = { u"AWS_ACCESS_KEY_ID=AKIDENV"_s, u"AWS_SECRET_ACCESS_KEY=envS3cretKey"_s };
    const QString sagemakerEuWest1 = u"https://api.sagemaker.eu-west-1.amazonaws.com"_s;
    const auto row = [](const char *name) -> QTestData & { return QTest::newRow(name); };

    // --- credentials
    row("env keys only, no files") << none << none << (envKeys + QStringList { u"AWS_REGION=eu-west-1"_s })
                                   << none << none << none << 0 << u"sagemaker"_s << none << u"default"_s
                                   << u"AKIDENV"_s << none << u"environment"_s << u"eu-west-1"_s
                                   << sagemakerEuWest1 << 3;
    row("env keys with session token")
        << none << none
        << (envKeys + QStringList { u"AWS_SESSION_TOKEN=envT0ken"_s, u"AWS_DEFAULT_REGION=eu-west-1"_s })
        << none << none << none << 0 << u"sagemaker"_s << none << u"default"_s << u"AKIDENV"_s
        << u"envT0ken"_s << u"environment"_s << u"eu-west-1"_s << sagemakerEuWest1 << 3;
    row("default profile from credentials file, region from config")
        << kConfig << kCredentials << QStringList() << none << none << none << 0 << u"sagemaker"_s << none
        << u"default"_s << u"AKIDDEFAULT"_s << none << u"profile default (~/.aws/credentials)"_s
        << u"eu-west-1"_s << sagemakerEuWest1 << 3;
    row("AWS_PROFILE picks [dev] in credentials and [profile dev] in config")
        << kConfig << kCredentials << QStringList { u"AWS_PROFILE=dev"_s } << none << none << none << 0
        << u"sagemaker"_s << none << u"dev"_s << u"AKIDDEV"_s << u"credT0ken"_s
        << u"profile dev (~/.aws/credentials)"_s << u"us-west-2"_s
        << u"https://api.sagemaker.us-west-2.amazonaws.com"_s << 2;
    row("keys in [profile x] of the config file")
        << kConfig << none << QStringList() << u"cfgkeys"_s << none << none << 0 << u"sagemaker"_s << none
        << u"cfgkeys"_s << u"AKIDCFG"_s << none << u"profile cfgkeys (~/.aws/config)"_s << u"ap-northeast-1"_s
        << u"https://api.sagemaker.ap-northeast-1.amazonaws.com"_s << 3;
    row("explicit --profile beats env keys (like botocore)")
        << kConfig << kCredentials << envKeys << u"dev"_s << none << none << 0 << u"sagemaker"_s << none
        << u"dev"_s << u"AKIDDEV"_s << u"credT0ken"_s << u"profile dev (~/.aws/credentials)"_s
        << u"us-west-2"_s << u"https://api.sagemaker.us-west-2.amazonaws.com"_s << 2;
    row("env keys beat AWS_PROFILE (like botocore), settings still from the profile")
        << kConfig << kCredentials << (envKeys + QStringList { u"AWS_PROFILE=dev"_s }) << none << none << none
        << 0 << u"sagemaker"_s << none << u"dev"_s << u"AKIDENV"_s << none << u"environment"_s
        << u"us-west-2"_s << u"https://api.sagemaker.us-west-2.amazonaws.com"_s << 2;
    row("unknown --profile")
        << kConfig << kCredentials << QStringList() << u"nope"_s << none << none << 0 << u"sagemaker"_s
        << u"Profile nope (from --profile) is not in ~/.aws/config or ~/.aws/credentials"_s << none << none
        << none << none << none << none << 0;
    row("unknown AWS_PROFILE") << kConfig << kCredentials << (envKeys + QStringList { u"AWS_PROFILE=nope"_s })
                               << none << none << none << 0 << u"sagemaker"_s
                               << u"Profile nope (from AWS_PROFILE) is not in"_s << none << none << none
                               << none << none << none << 0;
    row("profile written [name] in the config file gets a hint")
        << kConfig << kCredentials << QStringList() << u"dev-unprefixed"_s << none << none << 0
        << u"sagemaker"_s
        << u"~/.aws/config has [dev-unprefixed], which a config file must write as [profile dev-unprefixed]"_s
        << none << none << none << none << none << none << 0;
    row("malformed config file")
        << u"[default]\nregion = eu-west-1\nthis line has no equals sign\n"_s << kCredentials << envKeys
        << none << none << none << 0 << u"sagemaker"_s
        << u"~/.aws/config line 3: expected 'key = value': fix the file, or point AWS_CONFIG_FILE at another one"_s
        << none << none << none << none << none << none << 0;
    row("malformed credentials file")
        << kConfig << u"aws_access_key_id = AKID\n[default\n"_s << QStringList() << none << none << none << 0
        << u"sagemaker"_s << u"~/.aws/credentials line 1: setting outside a [section]"_s << none << none
        << none << none << none << none << 0;
    row("source_profile/role_arn refused")
        << kConfig << kCredentials << QStringList() << u"role"_s << u"us-east-1"_s << none << 0
        << u"sagemaker"_s
        << u"Profile role uses an assumed role (role_arn/source_profile, STS), which SageDesk does not support"_s
        << none << none << none << none << none << none << 0;
    row("SSO refused") << kConfig << kCredentials << QStringList() << u"sso"_s << u"us-east-1"_s << none << 0
                       << u"sagemaker"_s
                       << u"Profile sso uses AWS SSO (IAM Identity Center), which SageDesk does not support"_s
                       << none << none << none << none << none << none << 0;
    row("no credentials anywhere")
        << none << none << QStringList { u"AWS_REGION=eu-west-1"_s } << none << none << none << 0
        << u"sagemaker"_s
        << u"No AWS credentials for profile default: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or add "
           "aws_access_key_id and aws_secret_access_key (or credential_process) to [default] in "
           "~/.aws/credentials "
           "(that file does not exist yet)"_s
        << none << none << none << none << none << none << 0;
    row("--profile without keys says env keys were ignored")
        << kConfig << kCredentials << envKeys << u"regiononly"_s << none << none << 0 << u"sagemaker"_s
        << u"No AWS credentials for profile regiononly: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or "
           u"add "
           "aws_access_key_id and aws_secret_access_key (or credential_process) to [regiononly] in "
           "~/.aws/credentials (AWS_ACCESS_KEY_ID is ignored because --profile was given)"_s
        << none << none << none << none << none << none << 0;
    row("half the env keys") << none << none << QStringList { u"AWS_ACCESS_KEY_ID=AKIDENV"_s } << none
                             << u"us-east-1"_s << none << 0 << u"sagemaker"_s
                             << u"AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"_s << none << none
                             << none << none << none << none << 0;
    row("half the keys in a profile")
        << kConfig << none << QStringList() << u"halfkeys"_s << none << none << 0 << u"sagemaker"_s
        << u"Profile halfkeys in ~/.aws/config has only one of aws_access_key_id and aws_secret_access_key"_s
        << none << none << none << none << none << none << 0;
    row("credential_process beats keys in the config file")
        << kConfig << none << QStringList() << u"proc"_s << none << none << 0 << u"sagemaker"_s << none
        << u"proc"_s << u"AKIDPROC"_s << none << u"profile proc (credential_process)"_s << u"eu-central-1"_s
        << u"https://api.sagemaker.eu-central-1.amazonaws.com"_s << 3;
    row("keys in the credentials file beat credential_process")
        << kConfig << u"[proc]\naws_access_key_id = AKIDCREDWINS\naws_secret_access_key = credS3cretKey\n"_s
        << QStringList() << u"proc"_s << none << none << 0 << u"sagemaker"_s << none << u"proc"_s
        << u"AKIDCREDWINS"_s << none << u"profile proc (~/.aws/credentials)"_s << u"eu-central-1"_s
        << u"https://api.sagemaker.eu-central-1.amazonaws.com"_s << 3;

    // --- region
    const QStringList allRegions = { u"AWS_REGION=ca-central-1"_s, u"AWS_DEFAULT_REGION=sa-east-1"_s };
    row("region: --region first") << kConfig << kCredentials << allRegions << u"dev"_s << u"eu-north-1"_s
                                  << none << 0 << u"sagemaker"_s << none << u"dev"_s << u"AKIDDEV"_s
                                  << u"credT0ken"_s << u"profile dev (~/.aws/credentials)"_s
                                  << u"eu-north-1"_s << u"https://api.sagemaker.eu-north-1.amazonaws.com"_s
                                  << 2;
    row("region: AWS_REGION before AWS_DEFAULT_REGION")
        << kConfig << kCredentials << allRegions << u"dev"_s << none << none << 0 << u"sagemaker"_s << none
        << u"dev"_s << u"AKIDDEV"_s << u"credT0ken"_s << u"profile dev (~/.aws/credentials)"_s
        << u"ca-central-1"_s << u"https://api.sagemaker.ca-central-1.amazonaws.com"_s << 2;
    row("region: AWS_DEFAULT_REGION before the profile")
        << kConfig << kCredentials << QStringList { u"AWS_DEFAULT_REGION=sa-east-1"_s } << u"dev"_s << none
        << none << 0 << u"sagemaker"_s << none << u"dev"_s << u"AKIDDEV"_s << u"credT0ken"_s
        << u"profile dev (~/.aws/credentials)"_s << u"sa-east-1"_s
        << u"https://api.sagemaker.sa-east-1.amazonaws.com"_s << 2;
    row("no region anywhere")
        << kConfig << kCredentials << QStringList() << u"noregion"_s << none << none << 0 << u"sagemaker"_s
        << u"No AWS region: pass --region, set AWS_REGION or add region to profile noregion in ~/.aws/config"_s
        << none << none << none << none << none << none << 0;
    row("a region that is not a region name")
        << none << none << (envKeys + QStringList { u"AWS_REGION=evil.com/x"_s }) << none << none << none << 0
        << u"sagemaker"_s << u"Region \"evil.com/x\" (from AWS_REGION) is not a region name"_s << none << none
        << none << none << none << none << 0;
    row("China regions use amazonaws.com.cn")
        << none << none << (envKeys + QStringList { u"AWS_REGION=cn-north-1"_s }) << none << none << none << 0
        << u"sagemaker"_s << none << u"default"_s << u"AKIDENV"_s << none << u"environment"_s
        << u"cn-north-1"_s << u"https://api.sagemaker.cn-north-1.amazonaws.com.cn"_s << 3;

    // --- endpoint
    const QStringList allEndpoints = { u"AWS_ENDPOINT_URL_SAGEMAKER=https://env-service.example.com"_s,
        u"AWS_ENDPOINT_URL=https://env-global.example.com"_s };
    row("endpoint: --endpoint-url first")
        << kConfig << kCredentials << allEndpoints << u"svc"_s << none << u"https://option.example.com"_s << 0
        << u"sagemaker"_s << none << u"svc"_s << u"AKIDSVC"_s << none << u"profile svc (~/.aws/config)"_s
        << u"us-east-1"_s << u"https://option.example.com"_s << 3;
    row("endpoint: AWS_ENDPOINT_URL_SAGEMAKER before AWS_ENDPOINT_URL")
        << kConfig << kCredentials << allEndpoints << u"svc"_s << none << none << 0 << u"sagemaker"_s << none
        << u"svc"_s << u"AKIDSVC"_s << none << u"profile svc (~/.aws/config)"_s << u"us-east-1"_s
        << u"https://env-service.example.com"_s << 3;
    row("endpoint: AWS_ENDPOINT_URL before the config file")
        << kConfig << kCredentials << QStringList { u"AWS_ENDPOINT_URL=https://env-global.example.com"_s }
        << u"svc"_s << none << none << 0 << u"sagemaker"_s << none << u"svc"_s << u"AKIDSVC"_s << none
        << u"profile svc (~/.aws/config)"_s << u"us-east-1"_s << u"https://env-global.example.com"_s << 3;
    row("endpoint: the services section before the profile's endpoint_url")
        << kConfig << kCredentials << QStringList() << u"svc"_s << none << none << 0 << u"sagemaker"_s << none
        << u"svc"_s << u"AKIDSVC"_s << none << u"profile svc (~/.aws/config)"_s << u"us-east-1"_s
        << u"https://services-section.example.com"_s << 3;
    row("endpoint: the profile's endpoint_url (loopback http)")
        << kConfig << kCredentials << QStringList() << u"local"_s << none << none << 0 << u"sagemaker"_s
        << none << u"local"_s << u"AKIDLOCAL"_s << none << u"profile local (~/.aws/config)"_s
        << u"us-east-1"_s << u"http://127.0.0.1:5000"_s << 3;
    row("endpoint: ec2 reads AWS_ENDPOINT_URL_EC2, not _SAGEMAKER")
        << kConfig << kCredentials
        << (allEndpoints + QStringList { u"AWS_ENDPOINT_URL_EC2=http://localhost:4000"_s }) << u"svc"_s
        << none << none << 0 << u"ec2"_s << none << u"svc"_s << u"AKIDSVC"_s << none
        << u"profile svc (~/.aws/config)"_s << u"us-east-1"_s << u"http://localhost:4000"_s << 3;
    row("endpoint: ec2 from its own services entry")
        << kConfig << kCredentials << QStringList() << u"svc"_s << none << none << 0 << u"ec2"_s << none
        << u"svc"_s << u"AKIDSVC"_s << none << u"profile svc (~/.aws/config)"_s << u"us-east-1"_s
        << u"https://ec2-section.example.com"_s << 3;
    row("endpoint: ec2 default") << kConfig << kCredentials << QStringList() << u"dev"_s << none << none << 0
                                 << u"ec2"_s << none << u"dev"_s << u"AKIDDEV"_s << u"credT0ken"_s
                                 << u"profile dev (~/.aws/credentials)"_s << u"us-west-2"_s
                                 << u"https://ec2.us-west-2.amazonaws.com"_s << 2;
    row("endpoint: pricing from eu-west-1 goes to eu-central-1 and signs for it")
        << kConfig << kCredentials << QStringList() << none << none << none << 0 << u"pricing"_s << none
        << u"default"_s << u"AKIDDEFAULT"_s << none << u"profile default (~/.aws/credentials)"_s
        << u"eu-central-1"_s << u"https://api.pricing.eu-central-1.amazonaws.com"_s << 3;
    row("endpoint: pricing reads AWS_ENDPOINT_URL_PRICING")
        << kConfig << kCredentials << QStringList { u"AWS_ENDPOINT_URL_PRICING=http://[::1]:7000"_s } << none
        << none << none << 0 << u"pricing"_s << none << u"default"_s << u"AKIDDEFAULT"_s << none
        << u"profile default (~/.aws/credentials)"_s << u"eu-central-1"_s << u"http://[::1]:7000"_s << 3;
    row("endpoint: ignore_configured_endpoint_urls in the profile")
        << kConfig << kCredentials << allEndpoints << u"ignoring"_s << none << none << 0 << u"sagemaker"_s
        << none << u"ignoring"_s << u"AKIDIGN"_s << none << u"profile ignoring (~/.aws/config)"_s
        << u"us-east-1"_s << u"https://api.sagemaker.us-east-1.amazonaws.com"_s << 3;
    row("endpoint: AWS_IGNORE_CONFIGURED_ENDPOINT_URLS keeps --endpoint-url")
        << kConfig << kCredentials
        << (allEndpoints + QStringList { u"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true"_s }) << u"svc"_s << none
        << u"https://option.example.com"_s << 0 << u"sagemaker"_s << none << u"svc"_s << u"AKIDSVC"_s << none
        << u"profile svc (~/.aws/config)"_s << u"us-east-1"_s << u"https://option.example.com"_s << 3;
    row("endpoint: plain http to a remote host refused")
        << kConfig << kCredentials << QStringList() << u"svc"_s << none << u"http://sagemaker.example.com"_s
        << 0 << u"sagemaker"_s
        << u"Endpoint http://sagemaker.example.com (from --endpoint-url) uses plain http to a host that is "
           u"not "
           "this machine"_s
        << none << none << none << none << none << none << 0;
    row("endpoint: plain http to a private address refused")
        << kConfig << kCredentials << QStringList { u"AWS_ENDPOINT_URL=http://10.0.0.1:5000"_s } << none
        << none << none << 0 << u"sagemaker"_s << u"(from AWS_ENDPOINT_URL) uses plain http"_s << none << none
        << none << none << none << none << 0;
    row("endpoint: not an http(s) URL")
        << kConfig << kCredentials << QStringList() << none << none << u"ftp://127.0.0.1/"_s << 0
        << u"sagemaker"_s << u"Endpoint ftp://127.0.0.1/ (from --endpoint-url) is not an http(s) URL"_s
        << none << none << none << none << none << none << 0;

    // --- max attempts
    row("max attempts: --max-attempts first")
        << kConfig << kCredentials << QStringList { u"AWS_MAX_ATTEMPTS=4"_s } << u"dev"_s << none << none << 5
        << u"sagemaker"_s << none << u"dev"_s << u"AKIDDEV"_s << u"credT0ken"_s
        << u"profile dev (~/.aws/credentials)"_s << u"us-west-2"_s
        << u"https://api.sagemaker.us-west-2.amazonaws.com"_s << 5;
    row("max attempts: AWS_MAX_ATTEMPTS before the profile")
        << kConfig << kCredentials << QStringList { u"AWS_MAX_ATTEMPTS=4"_s } << u"dev"_s << none << none << 0
        << u"sagemaker"_s << none << u"dev"_s << u"AKIDDEV"_s << u"credT0ken"_s
        << u"profile dev (~/.aws/credentials)"_s << u"us-west-2"_s
        << u"https://api.sagemaker.us-west-2.amazonaws.com"_s << 4;
    row("max attempts: not a number")
        << kConfig << kCredentials << QStringList() << u"badattempts"_s << none << none << 0 << u"sagemaker"_s
        << u"max attempts \"many\" (from profile badattempts in ~/.aws/config) is not a whole number"_s
        << none << none << none << none << none << none << 0;
    row("max attempts: zero from the environment")
        << kConfig << kCredentials << QStringList { u"AWS_MAX_ATTEMPTS=0"_s } << none << none << none << 0
        << u"sagemaker"_s << u"(from AWS_MAX_ATTEMPTS) is not a whole number of at least 1"_s << none << none
        << none << none << none << none << 0;
}

void TestConnectionResolver::resolve()
{
    QFETCH(QString, config);
    QFETCH(QString, credentials);
    QFETCH(QStringList, env);
    QFETCH(QString, profileOption);
    QFETCH(QString, regionOption);
    QFETCH(QString, endpointOption);
    QFETCH(int, maxAttemptsOption);
    QFETCH(QString, service);
    QFETCH(QString, error);

    QTemporaryDir home;
    QVERIFY(home.isValid());
    const auto withHome = [&home](QString text) { return text.replace(u"%HOME%"_s, home.path()); };
    if (!config.isNull())
        writeFile(home.filePath(u".aws/config"_s), withHome(config));
    if (!credentials.isNull())
        writeFile(home.filePath(u".aws/credentials"_s), withHome(credentials));
    writeFile(home.filePath(u"creds script.sh"_s), kProcessScript);
    QFile::setPermissions(home.filePath(u"creds script.sh"_s), QFile::ReadOwner | QFile::ExeOwner);

    QProcessEnvironment environment;
    environment.insert(u"PATH"_s, u"/usr/bin:/bin"_s);
    for (const QString &assignment : std::as_const(env))
        environment.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));

    const ConnectionResolver resolver(environment, home.path());
    const ResolvedConnection connection = resolver.resolve(
        ConnectionOptions { profileOption, regionOption, endpointOption, maxAttemptsOption }, service);

    for (const QString &secret : kSecrets) {
        QVERIFY2(!connection.error.contains(secret), qPrintable(u"secret in error: "_s + connection.error));
        QVERIFY(!connection.credentialSource.contains(secret));
    }
    if (!error.isEmpty()) {
        QVERIFY2(connection.error.contains(error), qPrintable(u"got: "_s + connection.error));
        QVERIFY(!connection.isValid());
        QVERIFY(!connection.credentials); // never a silent anonymous request
        return;
    }
    QVERIFY2(connection.isValid(), qPrintable(connection.error));
    QFETCH(QString, profile);
    QFETCH(QString, accessKeyId);
    QFETCH(QString, sessionToken);
    QFETCH(QString, credentialSource);
    QFETCH(QString, region);
    QFETCH(QString, endpoint);
    QFETCH(int, maxAttempts);
    QCOMPARE(connection.profile, profile);
    QCOMPARE(connection.service, service);
    QCOMPARE(connection.region, region);
    QCOMPARE(connection.endpoint.toString(), endpoint);
    QCOMPARE(connection.maxAttempts, maxAttempts);
    QCOMPARE(connection.credentialSource, credentialSource);
    QVERIFY(connection.credentials);
    QCOMPARE(connection.credentials->sourceDescription(), credentialSource);
    QString providerError;
    const AwsCredentials keys = connection.credentials->credentials(false, &providerError);
    QVERIFY2(providerError.isEmpty(), qPrintable(providerError));
    QCOMPARE(keys.accessKeyId, accessKeyId);
    QCOMPARE(keys.sessionToken, sessionToken);
    QVERIFY(keys.secretAccessKey.contains(u"S3cretKey"_s));
}

void TestConnectionResolver::customFilePaths()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    writeFile(home.filePath(u"elsewhere/cfg"_s), u"[profile x]\nregion = eu-south-1\n"_s);
    writeFile(home.filePath(u"elsewhere/creds"_s),
        u"[x]\naws_access_key_id = AKIDX\naws_secret_access_key = s\n"_s);
    // The default files exist too and must be ignored.
    writeFile(home.filePath(u".aws/config"_s), u"[profile x]\nregion = us-east-1\n"_s);
    QProcessEnvironment environment;
    environment.insert(u"AWS_CONFIG_FILE"_s, home.filePath(u"elsewhere/cfg"_s));
    environment.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, u"~/elsewhere/creds"_s);
    const ResolvedConnection connection
        = ConnectionResolver(environment, home.path()).resolve(ConnectionOptions { u"x"_s, {}, {}, 0 });
    QVERIFY2(connection.isValid(), qPrintable(connection.error));
    QCOMPARE(connection.region, u"eu-south-1"_s);
    QCOMPARE(connection.credentialSource, u"profile x (~/elsewhere/creds)"_s);

    environment.insert(u"AWS_CONFIG_FILE"_s, home.filePath(u"missing"_s));
    const ResolvedConnection missing
        = ConnectionResolver(environment, home.path()).resolve(ConnectionOptions { u"x"_s, {}, {}, 0 });
    QCOMPARE(missing.error,
        u"No AWS region: pass --region, set AWS_REGION or add region to profile x in "_s
            + home.filePath(u"missing"_s) + u" (that file does not exist yet)"_s);
}

void TestConnectionResolver::processCredentialsThroughTheChain()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    writeFile(home.filePath(u".aws/config"_s),
        u"[default]\nregion = us-east-1\ncredential_process = sh -c 'echo oops >&2; exit 7'\n"_s);
    QProcessEnvironment environment;
    environment.insert(u"PATH"_s, u"/usr/bin:/bin"_s);
    const ResolvedConnection connection = ConnectionResolver(environment, home.path()).resolve({});
    QVERIFY2(connection.isValid(), qPrintable(connection.error));
    QString error;
    const AwsCredentials credentials = connection.credentials->credentials(false, &error);
    QVERIFY(!credentials.isValid());
    QCOMPARE(error, u"credential_process of profile default failed with exit code 7: oops"_s);
}

void TestConnectionResolver::listsProfilesWithoutSecrets()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    writeFile(home.filePath(u".aws/config"_s), kConfig);
    writeFile(home.filePath(u".aws/credentials"_s), kCredentials);
    QString error;
    const QList<ProfileSummary> profiles
        = ConnectionResolver(QProcessEnvironment(), home.path()).profiles(&error);
    QVERIFY(error.isEmpty());
    QStringList names;
    for (const ProfileSummary &p : profiles)
        names.append(p.name);
    QCOMPARE(names,
        (QStringList { u"badattempts"_s, u"cfgkeys"_s, u"default"_s, u"dev"_s, u"halfkeys"_s, u"ignoring"_s,
            u"local"_s, u"noregion"_s, u"proc"_s, u"regiononly"_s, u"role"_s, u"sso"_s, u"svc"_s }));
    const auto find = [&profiles](const QString &name) {
        return *std::find_if(
            profiles.cbegin(), profiles.cend(), [&name](const auto &p) { return p.name == name; });
    };
    QCOMPARE(find(u"dev"_s).region, u"us-west-2"_s);
    QVERIFY(find(u"dev"_s).inConfigFile && find(u"dev"_s).inCredentialsFile);
    QCOMPARE(find(u"dev"_s).credentialKind, ProfileSummary::CredentialKind::Keys);
    QCOMPARE(find(u"proc"_s).credentialKind, ProfileSummary::CredentialKind::Process);
    QCOMPARE(find(u"regiononly"_s).credentialKind, ProfileSummary::CredentialKind::None);
    QCOMPARE(find(u"role"_s).credentialKind, ProfileSummary::CredentialKind::Unsupported);
    QCOMPARE(find(u"noregion"_s).region, QString());
    QCOMPARE(find(u"local"_s).endpointUrl, u"http://127.0.0.1:5000"_s);
}

void TestConnectionResolver::listingAMalformedFileGivesTheError()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    writeFile(home.filePath(u".aws/credentials"_s), u"[default]\naws_secret_access_key credS3cretKey\n"_s);
    QString error;
    QVERIFY(ConnectionResolver(QProcessEnvironment(), home.path()).profiles(&error).isEmpty());
    QCOMPARE(error, u"~/.aws/credentials line 2: expected 'key = value'"_s);
}

void TestConnectionResolver::endpointRules_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("127.0.0.1") << u"127.0.0.1"_s << true;
    QTest::newRow("127.255.0.9") << u"127.255.0.9"_s << true;
    QTest::newRow("::1") << u"::1"_s << true;
    QTest::newRow("localhost") << u"LocalHost"_s << true;
    QTest::newRow("10.0.0.1") << u"10.0.0.1"_s << false;
    QTest::newRow("128.0.0.1") << u"128.0.0.1"_s << false;
    QTest::newRow("localhost.example.com") << u"localhost.example.com"_s << false;
    QTest::newRow("::2") << u"::2"_s << false;
}

void TestConnectionResolver::endpointRules()
{
    QFETCH(QString, host);
    QFETCH(bool, loopback);
    QCOMPARE(ConnectionResolver::isLoopbackHost(host), loopback);
    QCOMPARE(ConnectionResolver::pricingRegion(u"ap-southeast-2"_s), u"ap-south-1"_s);
    QCOMPARE(ConnectionResolver::pricingRegion(u"me-south-1"_s), u"eu-central-1"_s);
    QCOMPARE(ConnectionResolver::pricingRegion(u"us-west-2"_s), u"us-east-1"_s);
    QCOMPARE(ConnectionResolver::pricingRegion(u"cn-north-1"_s), u"cn-northwest-1"_s);
    QCOMPARE(ConnectionResolver::defaultEndpoint(u"pricing"_s, u"cn-north-1"_s),
        QUrl(u"https://api.pricing.cn-northwest-1.amazonaws.com.cn"_s));
}

QTEST_GUILESS_MAIN(TestConnectionResolver)
#include "tst_connectionresolver.moc"
