#pragma once

#include "core/aws/awsconfigfile.h"
#include "core/aws/clock.h"
#include "core/aws/connectionoptions.h"
#include "core/aws/profilesummary.h"
#include "core/aws/resolvedconnection.h"

#include <QCoreApplication>
#include <QList>
#include <QProcessEnvironment>

// Finds the profile, credentials, region, endpoint and max attempts for one AWS service the way the AWS SDKs
// do, from explicit options, an environment and a home directory that are given to it (tests pass their own;
// the app passes the real ones through fromSystem()).
//
// Profile: options.profile, else AWS_PROFILE, else "default". Files: AWS_CONFIG_FILE (~/.aws/config) and
// AWS_SHARED_CREDENTIALS_FILE (~/.aws/credentials); a profile's settings are its config section overlaid by
// its credentials section, as in botocore.
//
// Credentials, first that applies (botocore's chain without STS, SSO and instance metadata):
//  1. AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN) — unless options.profile is set:
//     like the AWS CLI's --profile, an explicit profile ignores the environment's keys, while AWS_PROFILE
//     does not (botocore's create_credential_resolver drops its EnvProvider only for an explicit profile);
//  2. a profile with role_arn/source_profile, SSO or web identity: refused with a message (we do not call
//     STS or SSO);
//  3. aws_access_key_id / aws_secret_access_key in the credentials file;
//  4. credential_process (ProcessCredentialsProvider);
//  5. aws_access_key_id / aws_secret_access_key in the config file.
// Region: options.region, AWS_REGION, AWS_DEFAULT_REGION, the profile's region.
// Endpoint: options.endpointUrl, AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the profile's services
// section (endpoint_url under the service's key), the profile's endpoint_url, else the service's public
// endpoint (defaultEndpoint()). AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true or the profile's
// ignore_configured_endpoint_urls skips all but options.endpointUrl. Plain http only to loopback hosts.
// Max attempts: options.maxAttempts (> 0), AWS_MAX_ATTEMPTS, the profile's max_attempts, else 3.
// Every failure is one sentence in ResolvedConnection::error naming what to set; none holds a secret.
class ConnectionResolver
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionResolver)

public:
    static constexpr int defaultMaxAttempts = 3;

    ConnectionResolver(QProcessEnvironment environment, QString homeDir, Clock *clock = Clock::system());
    // The process environment and the user's home directory.
    static ConnectionResolver fromSystem(Clock *clock = Clock::system());

    // service: "sagemaker", "ec2" or "pricing" (any AWS service id works, with a guessed public endpoint).
    ResolvedConnection resolve(
        const ConnectionOptions &options, const QString &service = QStringLiteral("sagemaker")) const;

    // Every profile in the config and credentials files, sorted by name. On a malformed file returns an
    // empty list and sets *error.
    QList<ProfileSummary> profiles(QString *error = nullptr) const;

    // https://api.sagemaker.{region}.amazonaws.com, https://ec2.{region}.amazonaws.com,
    // https://api.pricing.{pricingRegion(region)}.amazonaws.com; ".amazonaws.com.cn" in China regions.
    static QUrl defaultEndpoint(const QString &service, const QString &region);
    // The Price List API answers only in us-east-1, eu-central-1 and ap-south-1: a region maps to the one
    // on its continent (ap-* → ap-south-1; eu-*, me-*, af-*, il-* → eu-central-1; others → us-east-1); the
    // China regions use cn-northwest-1 (api.pricing.cn-northwest-1.amazonaws.com.cn).
    static QString pricingRegion(const QString &region);
    // 127.0.0.0/8, ::1 and "localhost".
    static bool isLoopbackHost(const QString &host);

private:
    struct Files
    {
        AwsConfigFile config;
        AwsConfigFile credentials;
    };
    Files loadFiles() const;
    QString env(const char *name) const;

    QProcessEnvironment m_environment;
    QString m_homeDir;
    Clock *m_clock;
};
