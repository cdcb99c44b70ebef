#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// How the networked commands print answers.
//
// json: the API's answer as it came, pretty like the AWS CLI: 4-space indent, members in the API's order
// (the operation's output shape), timestamps as the epoch seconds the API sends.
// text: a table for people. List answers get one row per entry with the columns that matter; anything
// else one row per value, "PATH  VALUE", paths as diagnostics print them. Times are ISO 8601 in UTC.
class CliOutput
{
public:
    static QByteArray json(const QString &operation, const QJsonObject &answer);
    static QString text(const QString &operation, const QJsonObject &answer);

    // Columns padded to their widest cell, two spaces apart, the first row a header.
    static QString table(const QList<QStringList> &rows);
    // "2026-01-01T00:00:05Z"; "-" for an invalid time.
    static QString time(const QDateTime &time);
};
