#include "app/cli/specfile.h"

#include "app/cli/clicommand.h"
#include "core/api/describeconverter.h"
#include "core/api/specjson.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace {

// The whole file ("-" is stdin); false and *error set when it cannot be read.
bool readAll(const QString &fileName, QByteArray *contents, QString *error)
{
    QFile file(fileName);
    const bool opened
        = fileName == "-"_L1 ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
    if (!opened) {
        *error = file.errorString();
        return false;
    }
    *contents = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace

std::optional<QJsonObject> SpecFile::read(const QString &file, QTextStream &report)
{
    QByteArray text;
    QString error;
    if (!readAll(file, &text, &error)) {
        report << file << ": error: " << CliCommands::tr("cannot read: %1").arg(error) << '\n';
        return std::nullopt;
    }
    const SpecJson::ParseResult parsed = SpecJson::parse(text);
    if (!parsed.ok) {
        report << file << ':' << parsed.line << ':' << parsed.column << ": error: " << parsed.error << '\n';
        return std::nullopt;
    }
    return parsed.document;
}

std::optional<DetectedSpec> SpecFile::detect(
    const QString &file, const QJsonObject &document, QTextStream &report)
{
    const std::optional<DetectedSpec> detected = SpecKinds::detect(document);
    if (!detected)
        report << file << ": error: "
               << CliCommands::tr(
                      "not a training job or model spec (it has neither TrainingJobName nor ModelName)")
               << '\n';
    return detected;
}

QJsonObject SpecFile::createRequest(
    const DetectedSpec &detected, const QJsonObject &document, Diagnostics *notes)
{
    if (detected.form != SpecForm::DescribeOutput)
        return document;
    const DescribeConverter::Result converted = DescribeConverter::toCreateRequest(detected.kind, document);
    for (const Diagnostic &d : converted.notes)
        if (d.severity != Diagnostic::Severity::Info)
            notes->append(d);
    return converted.request;
}
