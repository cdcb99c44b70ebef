#include "core/aws/connectionresolver.h"

#include "core/aws/processcredentialsprovider.h"

#include <QDir>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

using Settings = AwsConfigFile::Settings;

bool hasKeys(const Settings &settings)
{
    return settings.contains(u"aws_access_key_id"_s) || settings.contains(u"aws_secret_access_key"_s);
}

// What resolve() will use for a profile's credentials, in its order.
ProfileSummary::CredentialKind credentialKind(const Settings &merged, const Settings &credentialsFile)
{
    static const QStringList unsupported = { u"role_arn"_s, u"source_profile"_s, u"credential_source"_s,
        u"sso_start_url"_s, u"sso_session"_s, u"web_identity_token_file"_s, u"login_session"_s };
    for (const QString &key : unsupported) {
        if (merged.contains(key))
            return ProfileSummary::CredentialKind::Unsupported;
    }
    if (hasKeys(credentialsFile))
        return ProfileSummary::CredentialKind::Keys;
    if (merged.contains(u"credential_process"_s))
        return ProfileSummary::CredentialKind::Process;
    if (hasKeys(merged))
        return ProfileSummary::CredentialKind::Keys;
    return ProfileSummary::CredentialKind::None;
}

Settings merged(const AwsConfigFile &config, const AwsConfigFile &credentials, const QString &profile)
{
    Settings settings = config.profile(profile);
    const Settings overlay = credentials.profile(profile);
    for (auto it = overlay.cbegin(); it != overlay.cend(); ++it)
        settings.insert(it.key(), it.value());
    return settings;
}

// "SageMaker" → "SAGEMAKER" (AWS_ENDPOINT_URL_SAGEMAKER), "api gateway" → "API_GATEWAY".
QString envSuffix(const QString &service)
{
    QString suffix = service.toUpper();
    suffix.replace(u' ', u'_').replace(u'-', u'_');
    return suffix;
}

// The key of a service inside a [services NAME] section: "sagemaker", "ec2", "api_gateway".
QString servicesKey(const QString &service)
{
    QString key = service.toLower();
    key.replace(u' ', u'_').replace(u'-', u'_');
    return key;
}

bool isTrue(const QString &value)
{
    return value.compare("true"_L1, Qt::CaseInsensitive) == 0;
}

bool isRegionName(const QString &region)
{
    static const QRegularExpression pattern(u"^[a-z0-9]+(-[a-z0-9]+)*$"_s);
    return pattern.match(region).hasMatch();
}

struct Found
{
    QString value;
    QString source; // "--region", "AWS_REGION", "profile dev in ~/.aws/config"
};

} // namespace

ConnectionResolver::ConnectionResolver(QProcessEnvironment environment, QString homeDir, Clock *clock)
    : m_environment(std::move(environment))
    , m_homeDir(std::move(homeDir))
    , m_clock(clock)
{
    if (m_homeDir.isEmpty())
        m_homeDir = m_environment.value(u"HOME"_s);
}

ConnectionResolver ConnectionResolver::fromSystem(Clock *clock)
{
    return ConnectionResolver(QProcessEnvironment::systemEnvironment(), QDir::homePath(), clock);
}

QString ConnectionResolver::env(const char *name) const
{
    return m_environment.value(QLatin1StringView(name)).trimmed();
}

ConnectionResolver::Files ConnectionResolver::loadFiles() const
{
    const auto load = [this](const char *variable, const QString &defaultName, AwsConfigFile::Kind kind) {
        QString path = env(variable);
        QString display = path;
        if (path.isEmpty()) {
            path = m_homeDir + u"/.aws/"_s + defaultName;
            display = u"~/.aws/"_s + defaultName;
        } else if (path.startsWith("~/"_L1)) {
            path = m_homeDir + path.sliced(1);
        }
        if (m_homeDir.isEmpty() && display.startsWith(u'~'))
            return AwsConfigFile(); // no home, no default files
        return AwsConfigFile::load(path, kind, display);
    };
    return { load("AWS_CONFIG_FILE", u"config"_s, AwsConfigFile::Kind::Config),
        load("AWS_SHARED_CREDENTIALS_FILE", u"credentials"_s, AwsConfigFile::Kind::Credentials) };
}

ResolvedConnection ConnectionResolver::resolve(const ConnectionOptions &options, const QString &service) const
{
    ResolvedConnection result;
    result.service = service.toLower();
    const auto fail = [&result](const QString &error) {
        result.error = error;
        result.credentials.reset();
        return result;
    };

    const Files files = loadFiles();
    for (const AwsConfigFile *file : { &files.config, &files.credentials }) {
        if (!file->isValid())
            return fail(
                tr("%1: fix the file, or point %2 at another one")
                    .arg(file->error(),
                        file == &files.config ? u"AWS_CONFIG_FILE"_s : u"AWS_SHARED_CREDENTIALS_FILE"_s));
    }
    const QString configPath
        = files.config.displayPath().isEmpty() ? u"~/.aws/config"_s : files.config.displayPath();
    const QString credentialsPath = files.credentials.displayPath().isEmpty()
        ? u"~/.aws/credentials"_s
        : files.credentials.displayPath();

    // --- profile
    const bool explicitProfile = !options.profile.trimmed().isEmpty();
    QString profileSource = u"--profile"_s;
    result.profile = options.profile.trimmed();
    if (result.profile.isEmpty()) {
        result.profile = env("AWS_PROFILE");
        profileSource = u"AWS_PROFILE"_s;
    }
    if (result.profile.isEmpty())
        result.profile = u"default"_s;
    const QString &profile = result.profile;
    const bool profileExists = files.config.hasProfile(profile) || files.credentials.hasProfile(profile);
    if (!profileExists && profile != "default"_L1) {
        QString error = tr("Profile %1 (from %2) is not in %3 or %4: add [profile %1] to %3 or [%1] to %4, "
                           "or name another profile")
                            .arg(profile, profileSource, configPath, credentialsPath);
        if (files.config.ignoredSections().contains(profile))
            error += tr(" (%1 has [%2], which a config file must write as [profile %2])")
                         .arg(configPath, profile);
        return fail(error);
    }
    const Settings settings = merged(files.config, files.credentials, profile);

    // --- credentials
    const QString envKey = env("AWS_ACCESS_KEY_ID");
    const QString envSecret = env("AWS_SECRET_ACCESS_KEY");
    const auto keysFrom
        = [&](const Settings &s, const QString &path) -> std::shared_ptr<CredentialsProvider> {
        const QString id = s.value(u"aws_access_key_id"_s);
        const QString secret = s.value(u"aws_secret_access_key"_s);
        if (id.isEmpty() != secret.isEmpty()) {
            result.error = tr("Profile %1 in %2 has only one of aws_access_key_id and aws_secret_access_key: "
                              "set both")
                               .arg(profile, path);
            return {};
        }
        if (id.isEmpty())
            return {};
        AwsCredentials credentials { id, secret, s.value(u"aws_session_token"_s), {} };
        result.credentialSource = tr("profile %1 (%2)").arg(profile, path);
        return std::make_shared<StaticCredentialsProvider>(credentials, result.credentialSource);
    };

    if (!explicitProfile && (!envKey.isEmpty() || !envSecret.isEmpty())) {
        if (envKey.isEmpty() || envSecret.isEmpty())
            return fail(
                tr("%1 is set but %2 is not: set both, or unset it to use profile %3")
                    .arg(envKey.isEmpty() ? u"AWS_SECRET_ACCESS_KEY"_s : u"AWS_ACCESS_KEY_ID"_s,
                        envKey.isEmpty() ? u"AWS_ACCESS_KEY_ID"_s : u"AWS_SECRET_ACCESS_KEY"_s, profile));
        QString token = env("AWS_SESSION_TOKEN");
        if (token.isEmpty())
            token = env("AWS_SECURITY_TOKEN");
        result.credentialSource = tr("environment");
        result.credentials = std::make_shared<StaticCredentialsProvider>(
            AwsCredentials { envKey, envSecret, token, {} }, result.credentialSource);
    } else if (credentialKind(settings, files.credentials.profile(profile))
        == ProfileSummary::CredentialKind::Unsupported) {
        const bool sso = settings.contains(u"sso_start_url"_s) || settings.contains(u"sso_session"_s);
        const QString what = sso                              ? tr("AWS SSO (IAM Identity Center)")
            : settings.contains(u"web_identity_token_file"_s) ? tr("web identity (STS)")
            : settings.contains(u"login_session"_s)           ? tr("aws login")
                                                    : tr("an assumed role (role_arn/source_profile, STS)");
        return fail(
            tr("Profile %1 uses %2, which SageDesk does not support: add a profile with static keys or "
               "credential_process = aws configure export-credentials --profile %1 --format process, "
               "and use that one")
                .arg(profile, what));
    } else {
        // Keys in the credentials file beat credential_process, which beats keys in the config file.
        result.credentials = keysFrom(files.credentials.profile(profile), credentialsPath);
        const QString process = settings.value(u"credential_process"_s);
        if (!result.credentials && result.error.isEmpty() && !process.isEmpty()) {
            auto provider
                = std::make_shared<ProcessCredentialsProvider>(process, profile, m_environment, m_clock);
            result.credentialSource = provider->sourceDescription();
            result.credentials = provider;
        }
        if (!result.credentials && result.error.isEmpty())
            result.credentials = keysFrom(files.config.profile(profile), configPath);
    }
    if (!result.error.isEmpty())
        return fail(result.error);
    if (!result.credentials) {
        QString error
            = tr("No AWS credentials for profile %1: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
                 "or add aws_access_key_id and aws_secret_access_key (or credential_process) to [%1] in %2")
                  .arg(profile, credentialsPath);
        if (!files.credentials.exists())
            error += tr(" (that file does not exist yet)");
        if (explicitProfile && !envKey.isEmpty())
            error += tr(" (AWS_ACCESS_KEY_ID is ignored because --profile was given)");
        return fail(error);
    }

    // --- region
    const QString profileWhere = tr("profile %1 in %2").arg(profile, configPath);
    Found region;
    for (const Found &candidate :
        { Found { options.region.trimmed(), u"--region"_s }, Found { env("AWS_REGION"), u"AWS_REGION"_s },
            Found { env("AWS_DEFAULT_REGION"), u"AWS_DEFAULT_REGION"_s },
            Found { settings.value(u"region"_s), profileWhere } }) {
        if (!candidate.value.isEmpty()) {
            region = candidate;
            break;
        }
    }
    if (region.value.isEmpty()) {
        QString error = tr("No AWS region: pass --region, set AWS_REGION or add region to profile %1 in %2")
                            .arg(profile, configPath);
        if (!files.config.exists())
            error += tr(" (that file does not exist yet)");
        return fail(error);
    }
    if (!isRegionName(region.value))
        return fail(tr("Region \"%1\" (from %2) is not a region name such as us-east-1")
                        .arg(region.value, region.source));
    result.region = result.service == "pricing"_L1 ? pricingRegion(region.value) : region.value;

    // --- endpoint
    const bool ignoreConfigured = isTrue(env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))
        || isTrue(settings.value(u"ignore_configured_endpoint_urls"_s));
    QList<Found> endpoints { Found { options.endpointUrl.trimmed(), u"--endpoint-url"_s } };
    if (!ignoreConfigured) {
        const QString serviceVariable = u"AWS_ENDPOINT_URL_"_s + envSuffix(service);
        const QString servicesName = settings.value(u"services"_s);
        const Settings serviceSettings = AwsConfigFile::subProperties(
            files.config.servicesSection(servicesName).value(servicesKey(service)));
        endpoints += { Found { m_environment.value(serviceVariable).trimmed(), serviceVariable },
            Found { env("AWS_ENDPOINT_URL"), u"AWS_ENDPOINT_URL"_s },
            Found { serviceSettings.value(u"endpoint_url"_s),
                tr("[services %1] in %2").arg(servicesName, configPath) },
            Found { settings.value(u"endpoint_url"_s), profileWhere } };
    }
    const auto chosen = std::find_if(
        endpoints.cbegin(), endpoints.cend(), [](const Found &f) { return !f.value.isEmpty(); });
    if (chosen == endpoints.cend()) {
        result.endpoint = defaultEndpoint(result.service, region.value);
        result.endpointSource = tr("default");
    } else {
        const QUrl url(chosen->value, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty() || (scheme != "https"_L1 && scheme != "http"_L1))
            return fail(tr("Endpoint %1 (from %2) is not an http(s) URL such as https://host or "
                           "http://127.0.0.1:5000")
                            .arg(chosen->value, chosen->source));
        if (scheme == "http"_L1 && !isLoopbackHost(url.host()))
            return fail(tr("Endpoint %1 (from %2) uses plain http to a host that is not this machine: use "
                           "https, or http only to 127.0.0.1, ::1 or localhost")
                            .arg(chosen->value, chosen->source));
        result.endpoint = url;
        result.endpointSource = chosen->source;
    }

    // --- max attempts
    Found attempts;
    if (options.maxAttempts != 0)
        attempts = { QString::number(options.maxAttempts), u"--max-attempts"_s };
    else if (!env("AWS_MAX_ATTEMPTS").isEmpty())
        attempts = { env("AWS_MAX_ATTEMPTS"), u"AWS_MAX_ATTEMPTS"_s };
    else if (!settings.value(u"max_attempts"_s).isEmpty())
        attempts = { settings.value(u"max_attempts"_s), profileWhere };
    if (!attempts.value.isEmpty()) {
        bool ok = false;
        result.maxAttempts = attempts.value.toInt(&ok);
        if (!ok || result.maxAttempts < 1)
            return fail(tr("max attempts \"%1\" (from %2) is not a whole number of at least 1")
                            .arg(attempts.value, attempts.source));
    }
    return result;
}

QList<ProfileSummary> ConnectionResolver::profiles(QString *error) const
{
    const Files files = loadFiles();
    for (const AwsConfigFile *file : { &files.config, &files.credentials }) {
        if (!file->isValid()) {
            if (error)
                *error = file->error();
            return {};
        }
    }
    QStringList names = files.config.profileNames() + files.credentials.profileNames();
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    QList<ProfileSummary> summaries;
    for (const QString &name : std::as_const(names)) {
        const Settings settings = merged(files.config, files.credentials, name);
        ProfileSummary summary;
        summary.name = name;
        summary.region = settings.value(u"region"_s);
        summary.endpointUrl = settings.value(u"endpoint_url"_s);
        summary.inConfigFile = files.config.hasProfile(name);
        summary.inCredentialsFile = files.credentials.hasProfile(name);
        summary.credentialKind = credentialKind(settings, files.credentials.profile(name));
        summaries.append(summary);
    }
    return summaries;
}

QString ConnectionResolver::pricingRegion(const QString &region)
{
    static const QStringList homes = { u"us-east-1"_s, u"eu-central-1"_s, u"ap-south-1"_s };
    if (homes.contains(region))
        return region;
    // The China partition has its own Price List endpoint (botocore's endpoints.json: aws-cn, cn-northwest-1).
    if (region.startsWith("cn-"_L1))
        return u"cn-northwest-1"_s;
    if (region.startsWith("ap-"_L1))
        return u"ap-south-1"_s;
    for (const char *prefix : { "eu-", "me-", "af-", "il-" }) {
        if (region.startsWith(QLatin1StringView(prefix)))
            return u"eu-central-1"_s;
    }
    return u"us-east-1"_s;
}

QUrl ConnectionResolver::defaultEndpoint(const QString &service, const QString &region)
{
    const QString domain = region.startsWith("cn-"_L1) ? u"amazonaws.com.cn"_s : u"amazonaws.com"_s;
    const QString id = service.toLower();
    QString host;
    if (id == "sagemaker"_L1)
        host = u"api.sagemaker."_s + region;
    else if (id == "pricing"_L1)
        host = u"api.pricing."_s + pricingRegion(region);
    else
        host = id + u'.' + region;
    return QUrl(u"https://"_s + host + u'.' + domain);
}

bool ConnectionResolver::isLoopbackHost(const QString &host)
{
    if (host.compare("localhost"_L1, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}
