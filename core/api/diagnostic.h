#pragma once

#include <QList>
#include <QString>

// One finding about a spec document, from the constraints walker or a cross-field rule.
// path is a JSON path into the document in wire shape: "InputDataConfig[1].DataSource.S3DataSource.S3Uri";
// "" for the document itself. code is stable (tests and the UI key on it): "required", "minLength",
// "maxLength", "minCount", "maxCount", "minValue", "maxValue", "pattern", "enum", "type", or the name of a
// cross-field rule ("vpcNeedsBothLists", "pipeOnlyCompression", ...).
struct Diagnostic
{
    enum class Severity { Error, Warning, Info };

    QString path;
    Severity severity = Severity::Error;
    QString code;
    QString message;

    bool isError() const { return severity == Severity::Error; }
    friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};

using Diagnostics = QList<Diagnostic>;

inline bool hasErrors(const Diagnostics &diagnostics)
{
    for (const Diagnostic &d : diagnostics)
        if (d.isError())
            return true;
    return false;
}
