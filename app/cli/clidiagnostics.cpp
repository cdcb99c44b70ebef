#include "app/cli/clidiagnostics.h"

using namespace Qt::StringLiterals;

QString CliDiagnostics::severityName(Diagnostic::Severity severity)
{
    switch (severity) {
    case Diagnostic::Severity::Error:
        return u"error"_s;
    case Diagnostic::Severity::Warning:
        return u"warning"_s;
    case Diagnostic::Severity::Info:
        break;
    }
    return u"info"_s;
}

void CliDiagnostics::print(QTextStream &stream, const QString &source, const Diagnostic &diagnostic)
{
    stream << source << ": ";
    if (!diagnostic.path.isEmpty())
        stream << diagnostic.path << ": ";
    stream << (diagnostic.severity == Diagnostic::Severity::Info ? u"note"_s
                                                                 : severityName(diagnostic.severity))
           << ": " << diagnostic.message << '\n';
}
