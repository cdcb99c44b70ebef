#pragma once

#include "core/api/diagnostic.h"

#include <QTextStream>

// How the commands print diagnostics: the spec commands' compiler-style lines and check-vpc's findings
// share the severity words.
class CliDiagnostics
{
public:
    // "error", "warning" or "info" (check-vpc's lines and its --output json "Severity").
    static QString severityName(Diagnostic::Severity severity);
    // "SOURCE: PATH: error|warning|note: message" ("SOURCE: ..." for the document as a whole). Like a
    // compiler, the line calls an Info a note.
    static void print(QTextStream &stream, const QString &source, const Diagnostic &diagnostic);
};
