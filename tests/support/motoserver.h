#pragma once

#include "tests/support/childprocess.h"

#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

class LocalSandbox;

// moto_server for a test: the constructor starts it on a free 127.0.0.1 port (through LocalSandbox, which
// retries when another program takes the port first) and waits up to ~20 s until it answers HTTP; the
// destructor stops it and waits for it. Nothing global changes: the AWS CLI runs with an environment of its
// own (test keys, us-east-1, HOME and AWS config files in a private temporary directory).
//
//   MotoServer moto;
//   if (!moto.isRunning())
//       QSKIP / QFAIL with moto.errorString();
//   const auto r = moto.aws({u"sagemaker"_s, u"list-training-jobs"_s});
class MotoServer
{
public:
    using CliResult = ChildProcess::Result;

    MotoServer();
    ~MotoServer();
    MotoServer(const MotoServer &) = delete;
    MotoServer &operator=(const MotoServer &) = delete;

    static bool isAvailable(); // moto_server on PATH
    static bool isAwsCliAvailable(); // aws on PATH

    bool isRunning() const;
    QString errorString() const { return m_error; }
    QUrl endpoint() const { return m_endpoint; }

    // The environment the AWS CLI runs with against this server; extra variables on top.
    QProcessEnvironment awsEnvironment(const QProcessEnvironment &extra = QProcessEnvironment()) const;
    // Runs `aws ARGS --endpoint-url ENDPOINT` and waits for it (up to timeoutMs).
    CliResult aws(const QStringList &arguments, const QProcessEnvironment &extra = QProcessEnvironment(),
        int timeoutMs = 120000) const;
    // A private directory that lives as long as this server (the AWS CLI's HOME).
    QString homePath() const { return m_home.path(); }

private:
    std::unique_ptr<LocalSandbox> m_sandbox;
    QTemporaryDir m_home;
    QUrl m_endpoint;
    QString m_error;
};
