#include "ui/forms/specimport.h"

#include "core/api/describeconverter.h"
#include "core/api/specjson.h"

#include <QFile>
#include <QFileInfo>

SpecImport::Result SpecImport::fromFile(const QString &fileName, SpecKind fallbackKind)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        Result result;
        result.error = tr("Cannot read %1: %2").arg(QFileInfo(fileName).fileName(), file.errorString());
        return result;
    }
    return fromBytes(file.readAll(), fallbackKind, QFileInfo(fileName).fileName());
}

SpecImport::Result SpecImport::fromBytes(
    const QByteArray &bytes, SpecKind fallbackKind, const QString &displayName)
{
    Result result;
    const SpecJson::ParseResult parsed = SpecJson::parse(bytes);
    if (!parsed.ok) {
        result.line = parsed.line;
        result.column = parsed.column;
        result.error = tr("%1 is not valid JSON: line %2, column %3: %4")
                           .arg(displayName)
                           .arg(parsed.line)
                           .arg(parsed.column)
                           .arg(parsed.error);
        return result;
    }
    const std::optional<DetectedSpec> detected = SpecKinds::detect(parsed.document);
    result.kind = detected ? detected->kind : fallbackKind;
    if (detected && detected->form == SpecForm::DescribeOutput) {
        DescribeConverter::Result converted
            = DescribeConverter::toCreateRequest(result.kind, parsed.document);
        result.request = converted.request;
        result.notes = converted.notes;
        result.converted = true;
    } else {
        result.request = parsed.document;
    }
    result.ok = true;
    return result;
}
