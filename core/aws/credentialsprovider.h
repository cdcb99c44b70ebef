#pragma once

#include "core/aws/awscredentials.h"

#include <QString>
#include <functional>

class QObject;

// Where a transport gets credentials from for each request. Implementations cache and refresh
// (credential_process with an Expiration is re-run before it passes). The GUI and AwsCall use refresh(),
// which never blocks; credentials() may block while a command runs.
class CredentialsProvider
{
public:
    virtual ~CredentialsProvider() = default;

    // The credentials to sign the next request with. forceRefresh re-resolves even if the cached ones look
    // valid (after ExpiredToken). On failure returns invalid credentials and sets *error to one readable
    // sentence that names what to set (never contains a secret).
    virtual AwsCredentials credentials(bool forceRefresh, QString *error) = 0;

    // What credentials() returns: the credentials, or invalid ones and the error.
    using Callback = std::function<void(const AwsCredentials &credentials, const QString &error)>;
    // The same answer without blocking the calling thread (the GUI's: a credential_process may take up to a
    // minute). callback runs once: at once, before refresh() returns, when the answer is at hand (cached
    // credentials, keys); otherwise later from the calling thread's event loop, and never once context
    // (not null) is destroyed. This default answers at once through credentials().
    virtual void refresh(QObject *context, bool forceRefresh, Callback callback)
    {
        (void)context;
        QString error;
        const AwsCredentials answer = credentials(forceRefresh, &error);
        callback(answer, error);
    }

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
    { }
    AwsCredentials credentials(bool, QString *) override { return m_credentials; }
    QString sourceDescription() const override { return m_source; }

private:
    AwsCredentials m_credentials;
    QString m_source;
};
