#include "app/cli/clisession.h"

#include "app/cli/clioutput.h"
#include "core/aws/awserrorparser.h"
#include "core/aws/awstransport.h"
#include "core/aws/connectionresolver.h"
#include "core/sagemaker/sagemakercall.h"
#include "core/sagemaker/sagemakerclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

CliSession::CliSession(CliIo &io)
    : m_io(io)
{ }

CliSession::~CliSession()
{
    // Calls still on the wire (watch ended by --timeout) are cancelled while their transport still exists.
    delete m_client;
}

std::unique_ptr<CliSession> CliSession::open(
    const QCommandLineParser &parser, CliIo &io, CliExit *exit, const QString &service)
{
    *exit = CliExit::Usage;
    std::unique_ptr<CliSession> session(new CliSession(io));

    ConnectionOptions options;
    options.profile = parser.value(u"profile"_s);
    options.region = parser.value(u"region"_s);
    options.endpointUrl = parser.value(u"endpoint-url"_s);
    if (parser.isSet(u"max-attempts"_s)) {
        bool ok = false;
        options.maxAttempts = parser.value(u"max-attempts"_s).toInt(&ok);
        if (!ok || options.maxAttempts < 1) {
            io.err << "error: "
                   << CliCommands::tr("--max-attempts wants a whole number of at least 1, not \"%1\".")
                          .arg(parser.value(u"max-attempts"_s))
                   << '\n';
            return nullptr;
        }
    }
    if (parser.isSet(u"output"_s)) {
        const QString output = parser.value(u"output"_s);
        if (output != "json"_L1 && output != "text"_L1) {
            io.err << "error: " << CliCommands::tr("--output is json or text, not \"%1\".").arg(output)
                   << '\n';
            return nullptr;
        }
        session->m_output = output == "text"_L1 ? Output::Text : Output::Json;
        session->m_outputChosen = true;
    }

    const ResolvedConnection connection = ConnectionResolver::fromSystem().resolve(options, service);
    if (!connection.isValid()) {
        io.err << "error: " << connection.error << '\n';
        return nullptr;
    }
    session->m_endpointOverridden
        = connection.endpoint != ConnectionResolver::defaultEndpoint(connection.service, connection.region);
    session->m_transport = new AwsTransport(connection, Clock::system(), session.get());
    if (service == "sagemaker"_L1)
        session->m_client = new SageMakerClient(session->m_transport, session.get());
    if (parser.isSet(u"debug"_s)) {
        connect(session->m_transport, &AwsTransport::debugMessage, session.get(), [&io](const QString &line) {
            io.err << line << '\n';
            io.err.flush();
        });
        io.err
            << u"** profile %1, region %2, endpoint %3 (%4), credentials from %5, at most %6 attempts per request"_s
                   .arg(connection.profile, connection.region, connection.endpoint.toDisplayString(),
                       connection.endpointSource, connection.credentialSource)
                   .arg(connection.maxAttempts)
            << '\n';
    }
    *exit = CliExit::Ok;
    return session;
}

void CliSession::then(SageMakerCall *call, std::function<void(const SageMakerResult &)> onSuccess)
{
    const QString operation = call->operation();
    connect(call, &SageMakerCall::finished, this,
        [this, operation, onSuccess = std::move(onSuccess)](const SageMakerResult &result) {
            if (result.isOk()) {
                onSuccess(result);
                return;
            }
            printError(result.error, operation);
            finish(exitFor(result.error));
        });
}

void CliSession::printAnswer(const QString &operation, const QJsonObject &answer)
{
    if (m_output == Output::Text)
        m_io.out << CliOutput::text(operation, answer);
    else if (!answer
                  .isEmpty()) // the AWS CLI prints nothing for an empty answer (DeleteModel, StopTrainingJob)
        m_io.out << QString::fromUtf8(CliOutput::json(operation, answer));
    m_io.out.flush();
}

void CliSession::printError(const AwsError &error, const QString &operation)
{
    m_io.err << "error: " << error.toString() << '\n';
    // Not an AWS error document but a bare HTTP failure, from an emulator or a proxy the user pointed us at.
    if (m_endpointOverridden && error.httpStatus >= 400
        && error.code == AwsErrorParser::codeForStatus(error.httpStatus))
        m_io.err << "note: "
                 << CliCommands::tr(
                        "the endpoint %1 did not answer %2 the way SageMaker does; it may not implement "
                        "it (moto_server has no StopTrainingJob, for one).")
                        .arg(m_transport->settings().endpoint.toDisplayString(), operation)
                 << '\n';
    m_io.err.flush();
}

CliExit CliSession::exitFor(const AwsError &error)
{
    if (error.code == "CredentialsError"_L1 || error.code == "InvalidEndpoint"_L1)
        return CliExit::Usage;
    return CliExit::Failed;
}

CliExit CliSession::exec()
{
    if (!m_finished)
        QCoreApplication::exec();
    return m_exit;
}

void CliSession::finish(CliExit exit)
{
    if (m_finished)
        return;
    m_finished = true;
    m_exit = exit;
    m_io.out.flush();
    m_io.err.flush();
    QCoreApplication::exit(int(exit));
}
