#include "ui/forms/fieldbindings.h"

#include "core/api/jsontreeedit.h"
#include "ui/widgets/specpath.h"

#include <QCoreApplication>
#include <QWidget>

using namespace Qt::StringLiterals;

int FieldBindings::add(FormField field)
{
    m_fields.append(std::move(field));
    return int(m_fields.size()) - 1;
}

void FieldBindings::load(const QJsonObject &document) const
{
    for (const FormField &field : m_fields)
        field.hooks().write(JsonTreeEdit::valueAt(document, field.path()));
}

void FieldBindings::store(int index, QJsonObject &document) const
{
    const FormField &field = m_fields.at(index);
    const QJsonValue value = field.hooks().read();
    if (value.isUndefined())
        JsonTreeEdit::removeAt(document, field.path());
    else
        JsonTreeEdit::setValueAt(document, field.path(), value);
}

int FieldBindings::owner(const QString &path) const
{
    int best = -1;
    int bestLength = -1;
    for (int i = 0; i < m_fields.size(); ++i) {
        const int length = m_fields.at(i).match(path);
        if (length > bestLength) {
            best = i;
            bestLength = length;
        }
    }
    return best;
}

Diagnostics FieldBindings::show(const Diagnostics &diagnostics) const
{
    QList<Diagnostics> perField(m_fields.size());
    Diagnostics unowned;
    for (const Diagnostic &d : diagnostics) {
        const int index = owner(d.path);
        if (index < 0)
            unowned << d;
        else
            perField[index] << d;
    }
    for (int i = 0; i < m_fields.size(); ++i)
        m_fields.at(i).hooks().show(perField.at(i));
    return unowned;
}

Diagnostics FieldBindings::inputDiagnostics() const
{
    Diagnostics result;
    for (const FormField &field : m_fields)
        if (field.hooks().inputDiagnostics)
            result << field.hooks().inputDiagnostics();
    return result;
}

bool FieldBindings::focus(const QString &path) const
{
    const int index = owner(path);
    if (index < 0)
        return false;
    const FormField &field = m_fields.at(index);
    if (field.hooks().focus && field.hooks().focus(path))
        return true;
    QWidget *widget = field.widget();
    if (!widget->isEnabled())
        return false;
    widget->setFocus(Qt::OtherFocusReason);
    return true;
}

QString FieldBindings::describe(const QString &path) const
{
    const int index = owner(path);
    if (index < 0)
        return path.isEmpty() ? QCoreApplication::translate("FieldBindings", "The whole document") : path;
    const FormField &field = m_fields.at(index);
    QStringList parts { field.label() };
    if (const std::optional<QList<JsonPath::Segment>> rest = SpecPath::segmentsBelow(path, field.path())) {
        for (const JsonPath::Segment &segment : *rest) {
            if (segment.kind == JsonPath::Segment::Kind::Index)
                parts << QString::number(segment.index + 1);
            else if (segment.name != u"DataSource"_s && segment.name != u"S3DataSource"_s)
                parts << segment.name;
        }
    }
    return parts.join(u" › "_s);
}
