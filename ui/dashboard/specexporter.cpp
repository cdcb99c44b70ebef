#include "ui/dashboard/specexporter.h"

#include "core/api/describeconverter.h"
#include "core/api/specjson.h"

#include <QDir>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

QString SpecExporter::suggestedPath(const QString &name)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(folder).filePath(name + u".json"_s);
}

QString SpecExporter::fileFilter()
{
    return tr("JSON files (*.json);;All files (*)");
}

bool SpecExporter::save(
    SpecKind kind, const DescribeWithTags::Result &source, const QString &path, QString *message)
{
    const DescribeConverter::Result converted
        = DescribeConverter::toCreateRequest(kind, source.description, source.tags);
    QString error;
    if (!SpecJson::save(path, converted.request, kind, &error)) {
        *message = tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), error);
        return false;
    }
    const QString operation = kind == SpecKind::TrainingJob ? u"create-training-job"_s : u"create-model"_s;
    *message
        = tr("Saved the %1 input for %2 to %3.").arg(operation, source.name, QDir::toNativeSeparators(path));
    if (!source.tagsError.isNull())
        *message += u' ' + tr("Without tags: ListTags failed (%1).").arg(source.tagsError.toString());
    return true;
}
