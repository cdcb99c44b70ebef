#include "ui/widgets/specfieldeditor.h"

#include "ui/widgets/specpath.h"

SpecFieldEditor::SpecFieldEditor(const QString &pathPrefix, QWidget *parent)
    : QWidget(parent)
    , m_pathPrefix(pathPrefix)
{ }

Diagnostics SpecFieldEditor::diagnosticsBelow(const Diagnostics &diagnostics) const
{
    Diagnostics result;
    for (const Diagnostic &d : diagnostics) {
        if (const std::optional<QString> rest = SpecPath::below(d.path, m_pathPrefix)) {
            Diagnostic relative = d;
            relative.path = *rest;
            result << relative;
        }
    }
    return result;
}

Diagnostics SpecFieldEditor::diagnosticsAt(const Diagnostics &diagnostics) const
{
    Diagnostics result;
    for (const Diagnostic &d : diagnostics)
        if (d.path == m_pathPrefix)
            result << d;
    return result;
}
