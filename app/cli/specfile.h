#pragma once

#include "core/api/diagnostic.h"
#include "core/api/speckind.h"

#include <QJsonObject>
#include <QTextStream>
#include <optional>

// A spec file as the commands read it (validate, convert, submit, check-vpc): a create request or a
// describe answer in JSON, "-" for stdin. What goes wrong is reported on the stream the command chooses,
// in the lines validate documents: "FILE: error: cannot read: ...", "FILE:LINE:COLUMN: error: ...".
class SpecFile
{
public:
    // The document; nullopt after saying why on report.
    static std::optional<QJsonObject> read(const QString &file, QTextStream &report);
    // Which spec document is; nullopt after saying on report that it is neither kind.
    static std::optional<DetectedSpec> detect(
        const QString &file, const QJsonObject &document, QTextStream &report);
    // The create request document stands for: a describe answer converted (the conversion's warnings added to
    // *notes; its Info notes left out), a create request as it is.
    static QJsonObject createRequest(
        const DetectedSpec &detected, const QJsonObject &document, Diagnostics *notes);
};
