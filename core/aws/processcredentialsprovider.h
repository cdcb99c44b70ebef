#pragma once

#include "core/aws/clock.h"
#include "core/aws/credentialsprovider.h"

#include <QCoreApplication>
#include <QList>
#include <QMutex>
#include <QPointer>
#include <QProcessEnvironment>
#include <chrono>

class QProcess;
class QTimer;

// Credentials from a profile's credential_process: a command whose stdout is JSON
//   {"Version": 1, "AccessKeyId": "...", "SecretAccessKey": "...", "SessionToken": "...",
//    "Expiration": "2026-01-01T00:00:00Z"}
// (SessionToken and Expiration optional). The command line is split like a POSIX shell would (quotes
// respected) and run without a shell, as botocore does. Credentials with an Expiration are cached and the
// command runs again once less than refreshMargin remains, or on forceRefresh. Each run is bounded by the
// timeout. credentials() runs the command synchronously (the CLI, tests); refresh() runs it as a child
// process the calling thread's event loop watches, so the GUI never waits for it, and callers that ask
// while it runs share that run.
class ProcessCredentialsProvider final : public CredentialsProvider
{
    Q_DECLARE_TR_FUNCTIONS(ProcessCredentialsProvider)

public:
    static constexpr std::chrono::minutes refreshMargin { 5 };
    static constexpr std::chrono::seconds defaultTimeout { 60 };

    ProcessCredentialsProvider(QString command, QString profileName, QProcessEnvironment environment,
        Clock *clock = Clock::system(), std::chrono::milliseconds timeout = defaultTimeout);
    // A command still running is killed.
    ~ProcessCredentialsProvider() override;

    AwsCredentials credentials(bool forceRefresh, QString *error) override;
    void refresh(QObject *context, bool forceRefresh, Callback callback) override;
    // A refresh() run is on.
    bool isRunning() const { return m_process != nullptr; }
    QString sourceDescription() const override; // "profile dev (credential_process)"

    // The JSON the command printed → credentials, or invalid ones and *error.
    static AwsCredentials parseOutput(const QByteArray &output, QString *error);
    // Splits a command line into words as a POSIX shell would without expanding anything ('single', "double"
    // and backslash quoting; Python's shlex.split, which botocore uses). Unbalanced quotes → empty list.
    static QStringList splitCommandLine(const QString &command);

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Callback callback;
    };

    QString where() const;
    AwsCredentials run(QString *error) const;
    // What the finished command's exit and output say.
    AwsCredentials interpret(QProcess &process, QString *error) const;
    bool needsRefresh() const;
    // With m_mutex held: what a run's outcome makes of the cache, and the answer.
    AwsCredentials settle(
        const AwsCredentials &fresh, const QString &runError, bool forceRefresh, QString *error);
    void startRun();
    void finishRun(const AwsCredentials &fresh, const QString &runError);

    QString m_command;
    QString m_profileName;
    QProcessEnvironment m_environment;
    Clock *m_clock;
    std::chrono::milliseconds m_timeout;
    QMutex m_mutex;
    AwsCredentials m_cached;
    // The refresh() run: its process, its deadline, and who waits for it.
    QProcess *m_process = nullptr;
    QTimer *m_deadline = nullptr;
    bool m_timedOut = false;
    bool m_runForced = false;
    QList<Waiter> m_waiters;
};
