#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// A program a test runs to its end as a user would (sagedesk-cli, the AWS CLI), and what it did.
class ChildProcess
{
public:
    struct Result
    {
        int exitCode = -1; // -1: did not start, crashed or timed out
        QByteArray out;
        QByteArray err;
        bool ok() const { return exitCode == 0; }
        QString outText() const { return QString::fromUtf8(out); }
        QString errText() const { return QString::fromUtf8(err); }
        // For failure messages: the exit code, stderr and the start of stdout.
        QString describe() const;
    };

    // Runs program with exactly environment in workingDirectory, input on its stdin, and waits for it with
    // this thread's event loop running, so a server in the test (FixtureServer) can answer it. Killed after
    // timeoutMs.
    static Result run(const QString &program, const QStringList &arguments,
        const QProcessEnvironment &environment, const QString &workingDirectory,
        const QByteArray &input = QByteArray(), int timeoutMs = 60000);
};
