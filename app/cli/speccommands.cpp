#include "app/cli/speccommands.h"

#include "app/cli/commandtable.h"
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

QString severityName(Diagnostic::Severity severity)
{
    switch (severity) {
    case Diagnostic::Severity::Error:
        return u"error"_s;
    case Diagnostic::Severity::Warning:
        return u"warning"_s;
    case Diagnostic::Severity::Info:
        break;
    }
    return u"note"_s;
}

void print(QTextStream &stream, const QString &file, const Diagnostic &d)
{
    stream << file << ": ";
    if (!d.path.isEmpty())
        stream << d.path << ": ";
    stream << severityName(d.severity) << ": " << d.message << '\n';
}

CliExit worse(CliExit a, CliExit b)
{
    return int(a) >= int(b) ? a : b;
}

// Reads and parses a spec-like file; nullopt after reporting what went wrong on report.
std::optional<QJsonObject> load(const QString &file, QTextStream &report)
{
    QByteArray text;
    QString error;
    if (!CliCommands::readFile(file, &text, &error)) {
        report << file << ": error: " << tr("cannot read: %1").arg(error) << '\n';
        return std::nullopt;
    }
    const SpecJson::ParseResult parsed = SpecJson::parse(text);
    if (!parsed.ok) {
        report << file << ':' << parsed.line << ':' << parsed.column << ": error: " << parsed.error << '\n';
        return std::nullopt;
    }
    return parsed.document;
}

std::optional<DetectedSpec> detect(const QString &file, const QJsonObject &document, QTextStream &report)
{
    const std::optional<DetectedSpec> detected = SpecKinds::detect(document);
    if (!detected)
        report << file << ": error: "
               << tr("not a training job or model spec (it has neither TrainingJobName nor ModelName)")
               << '\n';
    return detected;
}

CliExit validateFile(const QString &file, CliIo &io)
{
    const std::optional<QJsonObject> document = load(file, io.out);
    if (!document)
        return CliExit::Usage;
    const std::optional<DetectedSpec> detected = detect(file, *document, io.out);
    if (!detected)
        return CliExit::Failed;

    QJsonObject spec = *document;
    Diagnostics diagnostics;
    if (detected->form == SpecForm::DescribeOutput) {
        const DescribeConverter::Result converted = DescribeConverter::toCreateRequest(detected->kind, spec);
        spec = converted.request;
        for (const Diagnostic &d : converted.notes)
            if (d.severity != Diagnostic::Severity::Info)
                diagnostics.append(d);
    }
    diagnostics.append(validateSpec(detected->kind, spec));
    for (const Diagnostic &d : std::as_const(diagnostics))
        print(io.out, file, d);
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
    if (const auto exit = CliCommands::parse(parser, *CommandTable::find(u"convert"), arguments, io))
        return *exit;
    if (parser.positionalArguments().size() != 1) {
        io.err << tr("convert: give exactly one FILE; try 'sagedesk-cli convert --help'.") << '\n';
        return CliExit::Usage;
    }
    const QString file = parser.positionalArguments().first();
    const std::optional<QJsonObject> document = load(file, io.err);
    if (!document)
        return CliExit::Usage;
    QJsonObject tags;
    if (parser.isSet(tagsOption)) {
        const std::optional<QJsonObject> tagsDocument = load(parser.value(tagsOption), io.err);
        if (!tagsDocument)
            return CliExit::Usage;
        tags = *tagsDocument;
    }
    const std::optional<DetectedSpec> detected = detect(file, *document, io.err);
    if (!detected)
        return CliExit::Failed;

    const DescribeConverter::Result result
        = DescribeConverter::toCreateRequest(detected->kind, *document, tags);
    for (const Diagnostic &d : result.notes)
        print(io.err, file, d);
    io.out << QString::fromUtf8(SpecJson::write(result.request, detected->kind));
    return CliExit::Ok;
}
