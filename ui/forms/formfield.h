#pragma once

#include "core/api/diagnostic.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <functional>

class QObject;
class QWidget;

// One place in a form's spec document and the widget that edits it: how to read the widget's value in wire
// shape, how to show a value, how to show the diagnostics aimed at it, and how to hear about the user's
// edits. The form owns the document; a field only converts. FormFields builds them for the common widgets.
class FormField
{
public:
    struct Hooks
    {
        // The widget's value in wire shape; Undefined leaves the member out of the document.
        std::function<QJsonValue()> read;
        // Shows a value from the document (Undefined when absent) without reporting an edit.
        std::function<void(const QJsonValue &)> write;
        // The diagnostics this field owns (full paths); empty clears the marks.
        std::function<void(const Diagnostics &)> show;
        // Calls onEdit, with context as the connection's context, whenever the user edits the value.
        std::function<void(QObject *context, std::function<void()> onEdit)> watch;
        // Optional: shows and focuses what path (at or below the field's) names; focuses widget() without it.
        std::function<bool(const QString &path)> focus;
        // Optional: problems only the widget can see (text that is not a duration, a malformed ID).
        std::function<Diagnostics()> inputDiagnostics;
    };

    // label: what the diagnostics summary calls the field ("Instance count"); widget: what gets focus.
    FormField(QString path, QString label, QWidget *widget, Hooks hooks);

    const QString &path() const { return m_path; }
    const QString &label() const { return m_label; }
    QWidget *widget() const { return m_widget; }
    const Hooks &hooks() const { return m_hooks; }

    // Paths outside the field's own that it answers for, e.g. "StoppingCondition" for the max runtime field
    // (a missing StoppingCondition is reported there).
    const QStringList &aliases() const { return m_aliases; }
    FormField &withAliases(const QStringList &aliases);
    // What a value must look like, said for people: replaces the validator's "does not match the pattern
    // <regex>" at the field's own path. A clause, like the validator's messages ("must be an S3 URI, ...").
    const QString &patternHint() const { return m_patternHint; }
    FormField &withPatternHint(const QString &hint);
    // The value counts only while condition holds (a choice elsewhere switched it off): otherwise the field
    // reads as Undefined, and the widget keeps its text for when it counts again.
    FormField &onlyWhen(std::function<bool()> condition);
    // The form section the field is in (index), for the section navigator's problem marks.
    int section() const { return m_section; }
    void setSection(int section) { m_section = section; }

    // How well the field owns a diagnostic path: -1 not at all, otherwise the length of the matched path (the
    // longest match wins, so "ResourceConfig.InstanceType" beats "ResourceConfig").
    int match(const QString &diagnosticPath) const;

private:
    QString m_path;
    QString m_label;
    QWidget *m_widget;
    Hooks m_hooks;
    QStringList m_aliases;
    QString m_patternHint;
    int m_section = -1;
};
