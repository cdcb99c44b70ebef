#include "ui/forms/formfield.h"

#include "ui/widgets/specpath.h"

FormField::FormField(QString path, QString label, QWidget *widget, Hooks hooks)
    : m_path(std::move(path))
    , m_label(std::move(label))
    , m_widget(widget)
    , m_hooks(std::move(hooks))
{ }

FormField &FormField::withAliases(const QStringList &aliases)
{
    m_aliases = aliases;
    return *this;
}

FormField &FormField::withPatternHint(const QString &hint)
{
    m_patternHint = hint;
    return *this;
}

FormField &FormField::onlyWhen(std::function<bool()> condition)
{
    m_hooks.read = [condition = std::move(condition), read = std::move(m_hooks.read)] {
        return condition() ? read() : QJsonValue(QJsonValue::Undefined);
    };
    return *this;
}

int FormField::match(const QString &diagnosticPath) const
{
    if (m_aliases.contains(diagnosticPath))
        return int(diagnosticPath.size());
    if (SpecPath::below(diagnosticPath, m_path))
        return int(m_path.size());
    return -1;
}
