#pragma once

#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

// The files under tests/data of the source tree CTest names in SAGEDESK_SOURCE_DIR. Test data lives in the
// repository: CI runs on a clean clone, with nothing beside it. Header-only, so tests that link core alone
// can read it too.
namespace TestData {

// relative: "api/model-full.json", "ec2/describe-vpcs.moto.xml", "sigv4".
inline QString path(const QString &relative)
{
    return qEnvironmentVariable("SAGEDESK_SOURCE_DIR") + QStringLiteral("/tests/data/") + relative;
}

// A missing file is a broken checkout, not a test result: the test stops there.
inline QByteArray bytes(const QString &relative)
{
    QFile file(path(relative));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s (is SAGEDESK_SOURCE_DIR set?)", qPrintable(file.fileName()));
    return file.readAll();
}

inline QJsonObject object(const QString &relative)
{
    return QJsonDocument::fromJson(bytes(relative)).object();
}

} // namespace TestData
