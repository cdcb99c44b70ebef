#pragma once

#include "app/cli/clicommand.h"
#include "core/sagemaker/sagemakerresult.h"

#include <QJsonObject>
#include <QObject>
#include <functional>
#include <memory>

class AwsTransport;
class QCommandLineParser;
class SageMakerCall;
class SageMakerClient;

// What a networked command runs on: the connection its global options resolve to (--profile, --region,
// --endpoint-url, --max-attempts; the environment and the shared AWS files otherwise), a SageMakerClient on
// it, --debug wired to stderr, the --output format, and QCoreApplication's event loop. A command starts its
// calls, hands each to then(), and returns exec(); the loop ends when a handler calls finish().
//
// Errors go to stderr as "error: <Code>: <message> (request id <id>)". Exit codes: 1 when the service (or the
// network) refused a request; 2 when the command line is wrong or the connection cannot be set up at all
// (no region, no credentials, an unknown profile, a malformed AWS config file, a refused endpoint) — input
// the user must fix before any request can be sent, like an unreadable file.
class CliSession : public QObject
{
    Q_OBJECT

public:
    enum class Output { Json, Text };

    // Resolves the connection from parser's global options. nullptr after printing why on io.err; *exit is
    // then the code to return. service is the AWS service the command talks to ("ec2" for check-vpc); only
    // a "sagemaker" session has a client(), the others build their client on transport().
    static std::unique_ptr<CliSession> open(const QCommandLineParser &parser, CliIo &io, CliExit *exit,
        const QString &service = QStringLiteral("sagemaker"));
    ~CliSession() override;

    SageMakerClient *client() const { return m_client; }
    AwsTransport *transport() const { return m_transport; }
    CliIo &io() const { return m_io; }
    Output output() const { return m_output; }
    // Whether --output was given (commands with a format of their own keep it unless asked).
    bool outputChosen() const { return m_outputChosen; }

    // When call succeeds, onSuccess runs; when it fails, the error is printed and the session finishes
    // with Failed (Usage for a connection that could not be used).
    void then(SageMakerCall *call, std::function<void(const SageMakerResult &)> onSuccess);
    // Prints an API answer: JSON in the API's member order (operation's output shape), or with --output
    // text the table text() makes of it.
    void printAnswer(const QString &operation, const QJsonObject &answer);
    // Prints "error: <Code>: <message> (request id <id>)" and, for an answer that is not an AWS one from an
    // endpoint override, a note that the endpoint may not implement the operation.
    void printError(const AwsError &error, const QString &operation);
    // Exit code for a failed call: Usage for CredentialsError and InvalidEndpoint, else Failed.
    static CliExit exitFor(const AwsError &error);

    // Runs the event loop until finish().
    CliExit exec();
    void finish(CliExit exit);

private:
    CliSession(CliIo &io);

    CliIo &m_io;
    AwsTransport *m_transport = nullptr;
    SageMakerClient *m_client = nullptr;
    bool m_endpointOverridden = false;
    Output m_output = Output::Json;
    bool m_outputChosen = false;
    CliExit m_exit = CliExit::Ok;
    bool m_finished = false;
};
