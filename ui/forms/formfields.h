#pragma once

#include "ui/forms/formfield.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QWidget;
class SpecFieldEditor;

// FormField bindings for the widgets the create forms are made of. Simple widgets show their diagnostics as a
// tinted field (FieldMark) plus the messages in a label under the field; the editor widgets (SpecFieldEditor)
// mark their own parts.
namespace FormFields {

// A diagnostic's message as a sentence on its own ("Required" rather than the validator's "is required").
QString sentence(const Diagnostic &diagnostic);

// The label under a field that holds its messages; hidden while there are none.
QLabel *messageLabel(QWidget *parent = nullptr);
void showMessages(QWidget *field, QLabel *message, const Diagnostics &diagnostics);

// A string; empty text leaves the member out.
FormField lineEdit(const QString &path, const QString &label, QLineEdit *edit, QLabel *message);
// An editable combo box's text (recently used values in the list); empty leaves the member out.
FormField editableCombo(const QString &path, const QString &label, QComboBox *combo, QLabel *message);
// A choice among the items' data (strings); an item whose data is empty leaves the member out. A value the
// list does not have is added to it, so an imported document shows what it holds.
FormField choiceCombo(const QString &path, const QString &label, QComboBox *combo, QLabel *message);
// A whole number; the spin box's minimum, when it has a special value text, leaves the member out.
FormField spinBox(const QString &path, const QString &label, QSpinBox *spin, QLabel *message);
// A boolean the API defaults to false: unchecked leaves the member out.
FormField checkBox(const QString &path, const QString &label, QCheckBox *check, QLabel *message);
// An editor widget at its pathPrefix().
FormField editor(const QString &label, SpecFieldEditor *editor);

// What the API's patterns mean, for FormField::withPatternHint().
QString namePatternHint(); // TrainingJobName, ModelName, ContainerHostname
QString roleArnPatternHint();
QString s3UriPatternHint();
QString kmsKeyPatternHint();

} // namespace FormFields
