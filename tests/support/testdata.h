#pragma once

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
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

// JSON written in a test row: any JSON value ("3", "\"x\"", "[1]", "{...}"), parsed inside {"v": ...}. Bad
// JSON is a broken test, not a result: the test stops there instead of comparing with an empty value.
inline QJsonValue jsonValue(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson("{\"v\": " + json + '}', &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in a test row: %s: %s", qPrintable(error.errorString()), json.constData());
    return document.object().value(QLatin1StringView("v"));
}

// The same for a row that must hold an object or an array.
inline QJsonObject jsonObject(const QByteArray &json)
{
    const QJsonValue value = jsonValue(json);
    if (!value.isObject())
        qFatal("not a JSON object in a test row: %s", json.constData());
    return value.toObject();
}

inline QJsonArray jsonArray(const QByteArray &json)
{
    const QJsonValue value = jsonValue(json);
    if (!value.isArray())
        qFatal("not a JSON array in a test row: %s", json.constData());
    return value.toArray();
}

} // namespace TestData
