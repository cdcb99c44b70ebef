#pragma once

#include "core/aws/awscredentials.h"

#include <QString>

// Where a transport gets credentials from for each request. Implementations cache and refresh
// (credential_process with an Expiration is re-run before it passes).
class CredentialsProvider
{
public:
    virtual ~CredentialsProvider() = default;

    // The credentials to sign the next request with. forceRefresh re-resolves even if the cached ones look
    // valid (after ExpiredToken). On failure returns invalid credentials and sets *error to one readable
    // sentence that names what to set (never contains a secret).
    virtual AwsCredentials credentials(bool forceRefresh, QString *error) = 0;

    // Where the credentials come from, for the status bar: "environment", "profile dev", "sandbox", ...
    virtual QString sourceDescription() const = 0;
};

// Fixed credentials: tests, and the local sandbox.
class StaticCredentialsProvider final : public CredentialsProvider
{
public:
    explicit StaticCredentialsProvider(AwsCredentials credentials, QString source = QStringLiteral("static"))
        : m_credentials(std::move(credentials))
        , m_source(std::move(source))
    {
    }
    AwsCredentials credentials(bool, QString *) override { return m_credentials; }
    QString sourceDescription() const override { return m_source; }

private:
    AwsCredentials m_credentials;
    QString m_source;
};
