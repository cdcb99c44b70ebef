#pragma once

#include "tests/support/childprocess.h"

#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

// Runs the built sagedesk-cli as a user would, in an environment the test controls: a private HOME (with
// AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE inside it, so no file of the user's is read), test keys,
// us-east-1, and none of the caller's AWS_* variables. While the program runs, this process's event loop
// keeps running, so a fixture server in the test can answer it.
class CliRunner
{
public:
    using Result = ChildProcess::Result;

    static constexpr auto secretKey = "cli-test-secret-Kp3xQ9";

    CliRunner();

    // The binary (its path is compiled in).
    static QString program();

    QProcessEnvironment &environment() { return m_environment; }
    QString homePath() const { return m_home.path(); }
    // A file in the private HOME, written with contents; returns its path.
    QString writeFile(const QString &name, const QByteArray &contents) const;

    Result run(const QStringList &arguments, int timeoutMs = 60000) const;
    // The same with input on its stdin.
    Result run(const QStringList &arguments, const QByteArray &input, int timeoutMs = 60000) const;

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_environment;
};
