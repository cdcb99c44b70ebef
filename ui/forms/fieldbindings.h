#pragma once

#include "ui/forms/formfield.h"

#include <QJsonObject>
#include <QList>

// A form's fields in reading order, and what is done to all of them at once: show a document, write one
// field's value into the document, hand each diagnostic to the field that owns it, focus a path.
class FieldBindings
{
public:
    // Returns the field's index.
    int add(FormField field);

    int size() const { return int(m_fields.size()); }
    const FormField &at(int index) const { return m_fields.at(index); }
    const QList<FormField> &fields() const { return m_fields; }

    // Shows document in every field (no edit is reported).
    void load(const QJsonObject &document) const;
    // Writes field index's value into document: replaces the member at its path, removes it when the value
    // is Undefined (and objects left empty by that); everything else in document stays.
    void store(int index, QJsonObject &document) const;

    // The index of the field that owns path (the longest match), or -1.
    int owner(const QString &path) const;
    // Marks every field with the diagnostics it owns and clears the others; returns those no field owns.
    Diagnostics show(const Diagnostics &diagnostics) const;
    // Problems the widgets see on their own.
    Diagnostics inputDiagnostics() const;
    // Focuses what path names; false when no field owns it or its widget cannot show it.
    bool focus(const QString &path) const;

    // "Input channels › 2 › S3Uri": the owning field's label and what the path says below it.
    QString describe(const QString &path) const;

private:
    QList<FormField> m_fields;
};
