#include "app/cli/speccommands.h"

#include "app/cli/clidiagnostics.h"
#include "app/cli/commandtable.h"
#include "app/cli/specfile.h"
#include "core/api/describeconverter.h"
#include "core/api/specjson.h"
#include "core/api/specskeleton.h"
#include "core/api/specvalidator.h"

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return CliCommands::tr(text);
}

CliExit worse(CliExit a, CliExit b)
{
    return int(a) >= int(b) ? a : b;
}

CliExit validateFile(const QString &file, CliIo &io)
{
    const std::optional<QJsonObject> document = SpecFile::read(file, io.out);
    if (!document)
        return CliExit::Usage;
    const std::optional<DetectedSpec> detected = SpecFile::detect(file, *document, io.out);
    if (!detected)
        return CliExit::Failed;

    Diagnostics diagnostics;
    const QJsonObject spec = SpecFile::createRequest(*detected, *document, &diagnostics);
    diagnostics.append(validateSpec(detected->kind, spec));
    for (const Diagnostic &d : std::as_const(diagnostics))
        CliDiagnostics::print(io.out, file, d);
    return hasErrors(diagnostics) ? CliExit::Failed : CliExit::Ok;
}
} // namespace

CliExit SpecCommands::validate(const QStringList &arguments, CliIo &io)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(
        u"FILE"_s, tr("Spec files (create requests or describe answers); - reads stdin."), u"FILE..."_s);
    if (const auto exit = CliCommands::parse(parser, *CommandTable::find(u"validate"), arguments, io))
        return *exit;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        io.err << tr("validate: no FILE given; try 'sagedesk-cli validate --help'.") << '\n';
        return CliExit::Usage;
    }
    CliExit exit = CliExit::Ok;
    for (const QString &file : files)
        exit = worse(exit, validateFile(file, io));
    return exit;
}

CliExit SpecCommands::skeleton(const QStringList &arguments, CliIo &io)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"KIND"_s, tr("training-job or model."));
    if (const auto exit = CliCommands::parse(parser, *CommandTable::find(u"skeleton"), arguments, io))
        return *exit;
    const QStringList kinds = parser.positionalArguments();
    const std::optional<SpecKind> kind
        = kinds.size() == 1 ? SpecKinds::fromCliName(kinds.first()) : std::nullopt;
    if (!kind) {
        io.err << tr("skeleton: give one KIND, training-job or model.") << '\n';
        return CliExit::Usage;
    }
    io.out << QString::fromUtf8(SpecJson::write(SpecSkeleton::document(*kind), *kind));
    return CliExit::Ok;
}

CliExit SpecCommands::convert(const QStringList &arguments, CliIo &io)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"FILE"_s,
        tr("A describe-training-job or describe-model answer (raw API JSON or AWS CLI output); - reads "
           "stdin."));
    const QCommandLineOption tagsOption(
        u"tags"_s, tr("Merge the tags of a list-tags answer."), u"TAGSFILE"_s);
    parser.addOption(tagsOption);
    const CliCommand &command = *CommandTable::find(u"convert");
    if (const auto exit = CliCommands::parse(parser, command, arguments, io))
        return *exit;
    const std::optional<QString> file = CliCommands::singleArgument(parser, command, "FILE", io);
    if (!file)
        return CliExit::Usage;
    const std::optional<QJsonObject> document = SpecFile::read(*file, io.err);
    if (!document)
        return CliExit::Usage;
    QJsonObject tags;
    if (parser.isSet(tagsOption)) {
        const std::optional<QJsonObject> tagsDocument = SpecFile::read(parser.value(tagsOption), io.err);
        if (!tagsDocument)
            return CliExit::Usage;
        tags = *tagsDocument;
    }
    const std::optional<DetectedSpec> detected = SpecFile::detect(*file, *document, io.err);
    if (!detected)
        return CliExit::Failed;

    const DescribeConverter::Result result
        = DescribeConverter::toCreateRequest(detected->kind, *document, tags);
    for (const Diagnostic &d : result.notes)
        CliDiagnostics::print(io.err, *file, d);
    io.out << QString::fromUtf8(SpecJson::write(result.request, detected->kind));
    return CliExit::Ok;
}
