#pragma once

#include "core/api/diagnostic.h"
#include "core/api/speckind.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QTest>

// Test data of the api and cli tests: tests/data/api in the source tree CTest names in SAGEDESK_SOURCE_DIR.
namespace ApiTestData {

inline QString path(const QString &name)
{
    return qEnvironmentVariable("SAGEDESK_SOURCE_DIR") + QStringLiteral("/tests/data/api/") + name;
}

inline QByteArray bytes(const QString &name)
{
    QFile file(path(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s (is SAGEDESK_SOURCE_DIR set?)", qPrintable(path(name)));
    return file.readAll();
}

inline QJsonObject object(const QString &name)
{
    return QJsonDocument::fromJson(bytes(name)).object();
}

inline QJsonObject parse(const char *json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in a test row: %s: %s", qPrintable(error.errorString()), json);
    return doc.object();
}

// Diagnostics as comparable text: "path code", with " (warning)" for warnings.
inline QStringList findings(const Diagnostics &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics)
        out.append(
            d.path + QLatin1Char(' ') + d.code + (d.isError() ? QString() : QStringLiteral(" (warning)")));
    return out;
}

// Rows "file", "kind" of the four hand-written, normalised spec files.
inline void addSpecFileRows()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<SpecKind>("kind");
    QTest::newRow("minimal training job")
        << QStringLiteral("training-job-minimal.json") << SpecKind::TrainingJob;
    QTest::newRow("full training job") << QStringLiteral("training-job-full.json") << SpecKind::TrainingJob;
    QTest::newRow("minimal model") << QStringLiteral("model-minimal.json") << SpecKind::Model;
    QTest::newRow("full model") << QStringLiteral("model-full.json") << SpecKind::Model;
}

} // namespace ApiTestData
