#pragma once

#include "core/aws/clock.h"
#include "core/aws/credentialsprovider.h"

#include <QCoreApplication>
#include <QMutex>
#include <QProcessEnvironment>
#include <chrono>

// Credentials from a profile's credential_process: a command whose stdout is JSON
//   {"Version": 1, "AccessKeyId": "...", "SecretAccessKey": "...", "SessionToken": "...",
//    "Expiration": "2026-01-01T00:00:00Z"}
// (SessionToken and Expiration optional). The command line is split like a POSIX shell would (quotes
// respected) and run without a shell, as botocore does. Credentials with an Expiration are cached and the
// command runs again once less than refreshMargin remains, or on forceRefresh. The command runs
// synchronously in the calling thread, bounded by the timeout.
class ProcessCredentialsProvider final : public CredentialsProvider
{
    Q_DECLARE_TR_FUNCTIONS(ProcessCredentialsProvider)

public:
    static constexpr std::chrono::minutes refreshMargin { 5 };
    static constexpr std::chrono::seconds defaultTimeout { 60 };

    ProcessCredentialsProvider(QString command, QString profileName, QProcessEnvironment environment,
        Clock *clock = Clock::system(), std::chrono::milliseconds timeout = defaultTimeout);

    AwsCredentials credentials(bool forceRefresh, QString *error) override;
    QString sourceDescription() const override; // "profile dev (credential_process)"

    // The JSON the command printed → credentials, or invalid ones and *error.
    static AwsCredentials parseOutput(const QByteArray &output, QString *error);
    // Splits a command line into words as a POSIX shell would without expanding anything ('single', "double"
    // and backslash quoting; Python's shlex.split, which botocore uses). Unbalanced quotes → empty list.
    static QStringList splitCommandLine(const QString &command);

private:
    AwsCredentials run(QString *error) const;
    bool needsRefresh() const;

    QString m_command;
    QString m_profileName;
    QProcessEnvironment m_environment;
    Clock *m_clock;
    std::chrono::milliseconds m_timeout;
    QMutex m_mutex;
    AwsCredentials m_cached;
};
