#include "app/cli/remotespeccommands.h"

#include "app/cli/clidiagnostics.h"
#include "app/cli/clisession.h"
#include "app/cli/commandtable.h"
#include "app/cli/specfile.h"
#include "core/api/describeconverter.h"
#include "core/api/specjson.h"
#include "core/api/specvalidator.h"
#include "core/sagemaker/describewithtags.h"
#include "core/sagemaker/sagemakercall.h"
#include "core/sagemaker/sagemakerclient.h"

#include <QCommandLineParser>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return CliCommands::tr(text);
}

CliExit runExport(const char *commandName, SpecKind kind, const QStringList &arguments, CliIo &io)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(
        u"NAME"_s, tr("The name of the %1 to export.").arg(SpecKinds::displayName(kind)));
    const QCommandLineOption fileOption(
        u"file"_s, tr("Write the request to FILE (atomically) instead of stdout."), u"FILE"_s);
    parser.addOption(fileOption);
    const CliCommand &command = *CommandTable::find(QString::fromLatin1(commandName));
    if (const auto exit = CliCommands::parse(parser, command, arguments, io))
        return *exit;
    const std::optional<QString> nameArgument = CliCommands::singleArgument(parser, command, "NAME", io);
    if (!nameArgument)
        return CliExit::Usage;
    CliExit exit;
    const std::unique_ptr<CliSession> session = CliSession::open(parser, io, &exit);
    if (!session)
        return exit;
    const QString name = *nameArgument;
    const QString file = parser.value(fileOption);
    DescribeWithTags *fetch = DescribeWithTags::start(session->client(), kind, name, session.get());
    QObject::connect(fetch, &DescribeWithTags::finished, session.get(),
        [&, kind](const DescribeWithTags::Result &fetched) {
            // Without its tags the request would not be the lossless clone the command promises.
            if (!fetched.isOk() || !fetched.tagsError.isNull()) {
                const AwsError &error = fetched.isOk() ? fetched.tagsError : fetched.error;
                session->printError(
                    error, fetched.isOk() ? u"ListTags"_s : SpecKinds::describeOperation(kind));
                session->finish(CliSession::exitFor(error));
                return;
            }
            const DescribeConverter::Result converted
                = DescribeConverter::toCreateRequest(kind, fetched.description, fetched.tags);
            for (const Diagnostic &d : converted.notes)
                if (d.severity != Diagnostic::Severity::Info)
                    CliDiagnostics::print(io.err, name, d);
            const QByteArray bytes = SpecJson::write(converted.request, kind);
            QString error;
            if (file.isEmpty()) {
                io.out << QString::fromUtf8(bytes);
            } else if (!SpecJson::save(file, bytes, &error)) {
                io.err << "error: " << tr("cannot write %1: %2").arg(file, error) << '\n';
                session->finish(CliExit::Usage);
                return;
            }
            session->finish(CliExit::Ok);
        });
    return session->exec();
}

} // namespace

CliExit RemoteSpecCommands::submit(const QStringList &arguments, CliIo &io)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"FILE"_s,
        tr("A training job or model spec: a create request, or a describe answer to clone; - reads stdin."));
    const QCommandLineOption noValidate(
        u"no-validate"_s, tr("Send the spec even if the validator finds errors."));
    parser.addOption(noValidate);
    const CliCommand &command = *CommandTable::find(u"submit");
    if (const auto exit = CliCommands::parse(parser, command, arguments, io))
        return *exit;
    const std::optional<QString> fileArgument = CliCommands::singleArgument(parser, command, "FILE", io);
    if (!fileArgument)
        return CliExit::Usage;
    const QString file = *fileArgument;
    const std::optional<QJsonObject> document = SpecFile::read(file, io.err);
    if (!document)
        return CliExit::Usage;
    const std::optional<DetectedSpec> detected = SpecFile::detect(file, *document, io.err);
    if (!detected)
        return CliExit::Failed;
    Diagnostics notes;
    const QJsonObject spec = SpecFile::createRequest(*detected, *document, &notes);
    for (const Diagnostic &d : std::as_const(notes))
        CliDiagnostics::print(io.err, file, d);
    if (!parser.isSet(noValidate)) {
        const Diagnostics diagnostics = validateSpec(detected->kind, spec);
        for (const Diagnostic &d : diagnostics)
            CliDiagnostics::print(io.err, file, d);
        if (hasErrors(diagnostics)) {
            io.err << "error: "
                   << tr("%1 has errors; nothing was sent (--no-validate sends it anyway).").arg(file)
                   << '\n';
            return CliExit::Failed;
        }
    }

    CliExit exit;
    const std::unique_ptr<CliSession> session = CliSession::open(parser, io, &exit);
    if (!session)
        return exit;
    SageMakerClient *client = session->client();
    SageMakerCall *call = detected->kind == SpecKind::TrainingJob ? client->createTrainingJob(spec)
                                                                  : client->createModel(spec);
    const QString operation = call->operation();
    session->then(call, [&, operation](const SageMakerResult &result) {
        if (result.confirmedByDescribe)
            io.err
                << "note: "
                << tr("the answer to the first attempt was lost and the retry found the name taken; the %1 "
                      "that exists is the one this spec describes.")
                       .arg(SpecKinds::displayName(detected->kind))
                << '\n';
        session->printAnswer(operation, result.json);
        session->finish(CliExit::Ok);
    });
    return session->exec();
}

CliExit RemoteSpecCommands::exportTrainingJob(const QStringList &arguments, CliIo &io)
{
    return runExport("export-training-job", SpecKind::TrainingJob, arguments, io);
}

CliExit RemoteSpecCommands::exportModel(const QStringList &arguments, CliIo &io)
{
    return runExport("export-model", SpecKind::Model, arguments, io);
}
