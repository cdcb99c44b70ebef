#pragma once

#include "core/api/diagnostic.h"
#include "core/api/speckind.h"
#include "tests/support/testdata.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QTest>

// Test data of the api and cli tests: tests/data/api (TestData).
namespace ApiTestData {

inline QString path(const QString &name)
{
    return TestData::path(QStringLiteral("api/") + name);
}

inline QByteArray bytes(const QString &name)
{
    return TestData::bytes(QStringLiteral("api/") + name);
}

inline QJsonObject object(const QString &name)
{
    return TestData::object(QStringLiteral("api/") + name);
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
