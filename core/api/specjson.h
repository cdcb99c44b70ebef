#pragma once

#include "core/api/speckind.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

struct Shape;
class ShapeModel;

// Reads and writes spec documents. Reading never throws away the caller's text and reports where it
// stopped; writing is deterministic, so load → save is byte-stable for a file already in this form.
//
// The written form: 4-space indent as the AWS CLI prints JSON, "key": value, [] and {} for empty
// containers, a final newline. Members of a known structure come in the API's member order, unknown
// members after them in code-point order; map entries in code-point order; whole numbers without a
// fraction or exponent (1000000, not 1e+06; 5, not 5.0); other numbers in the shortest form that reads back
// the same; strings as UTF-8 with only the escapes JSON requires.
class SpecJson
{
public:
    struct ParseResult
    {
        bool ok = false;
        QJsonObject document;
        QString error; // readable; empty when ok
        int line = 0; // 1-based, 0 when ok
        int column = 0; // 1-based, counted in characters
    };

    static ParseResult parse(const QByteArray &text);

    // shape may be nullptr (everything is unknown, so everything is sorted).
    static QByteArray write(const QJsonObject &document, const Shape *shape, const ShapeModel &model);
    // The create request's shape of kind.
    static QByteArray write(const QJsonObject &document, SpecKind kind);

    // Writes through QSaveFile, so the file is either replaced whole or left as it was.
    static bool save(const QString &fileName, const QByteArray &bytes, QString *error = nullptr);
    static bool save(
        const QString &fileName, const QJsonObject &document, SpecKind kind, QString *error = nullptr);
};
