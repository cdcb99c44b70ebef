#include "ui/forms/formfields.h"

#include "ui/widgets/fieldmark.h"
#include "ui/widgets/specfieldeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace FormFields {

namespace {

QJsonValue textValue(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(text);
}

// Text the user can read for any JSON value a document may hold where a string belongs.
QString textOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return {};
}

} // namespace

QString sentence(const Diagnostic &diagnostic)
{
    if (diagnostic.code == u"required"_s)
        return QCoreApplication::translate("FormFields", "Required");
    return FieldMark::sentence(diagnostic.message);
}

QLabel *messageLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

void showMessages(QWidget *field, QLabel *message, const Diagnostics &diagnostics)
{
    FieldMark::mark(field, diagnostics);
    if (!message)
        return;
    QStringList lines;
    for (const Diagnostic &d : diagnostics) {
        const QString line = u"<span style=\"color:%1\">%2</span>"_s.arg(
            FieldMark::textColor(d.severity).name(), sentence(d).toHtmlEscaped());
        if (!lines.contains(line))
            lines << line;
    }
    message->setText(lines.join(u"<br>"_s));
    message->setVisible(!diagnostics.isEmpty());
}

FormField lineEdit(const QString &path, const QString &label, QLineEdit *edit, QLabel *message)
{
    FormField::Hooks hooks;
    hooks.read = [edit] { return textValue(edit->text().trimmed()); };
    hooks.write = [edit](const QJsonValue &value) {
        edit->setText(textOf(value));
        edit->setCursorPosition(0);
    };
    hooks.show = [edit, message](const Diagnostics &d) { showMessages(edit, message, d); };
    hooks.watch = [edit](QObject *context, std::function<void()> onEdit) {
        QObject::connect(edit, &QLineEdit::textEdited, context, onEdit);
    };
    return FormField(path, label, edit, hooks);
}

FormField editableCombo(const QString &path, const QString &label, QComboBox *combo, QLabel *message)
{
    FormField::Hooks hooks;
    hooks.read = [combo] { return textValue(combo->currentText().trimmed()); };
    hooks.write = [combo](const QJsonValue &value) {
        const QSignalBlocker blocker(combo);
        combo->setEditText(textOf(value));
    };
    hooks.show = [combo, message](const Diagnostics &d) { showMessages(combo, message, d); };
    hooks.watch = [combo](QObject *context, std::function<void()> onEdit) {
        // Typing, and picking a recent value from the list.
        QObject::connect(combo, &QComboBox::editTextChanged, context, onEdit);
    };
    return FormField(path, label, combo, hooks);
}

FormField choiceCombo(const QString &path, const QString &label, QComboBox *combo, QLabel *message)
{
    FormField::Hooks hooks;
    hooks.read = [combo] { return textValue(combo->currentData().toString()); };
    hooks.write = [combo](const QJsonValue &value) {
        const QSignalBlocker blocker(combo);
        const QString text = textOf(value);
        int index = combo->findData(text);
        if (index < 0) {
            combo->addItem(text, text);
            index = combo->count() - 1;
        }
        combo->setCurrentIndex(index);
    };
    hooks.show = [combo, message](const Diagnostics &d) { showMessages(combo, message, d); };
    hooks.watch = [combo](QObject *context, std::function<void()> onEdit) {
        QObject::connect(combo, &QComboBox::activated, context, onEdit);
    };
    return FormField(path, label, combo, hooks);
}

FormField spinBox(const QString &path, const QString &label, QSpinBox *spin, QLabel *message)
{
    FormField::Hooks hooks;
    hooks.read = [spin] {
        if (!spin->specialValueText().isEmpty() && spin->value() == spin->minimum())
            return QJsonValue(QJsonValue::Undefined);
        return QJsonValue(spin->value());
    };
    hooks.write = [spin](const QJsonValue &value) {
        const QSignalBlocker blocker(spin);
        spin->setValue(value.isDouble() ? value.toInt(spin->minimum()) : spin->minimum());
    };
    hooks.show = [spin, message](const Diagnostics &d) { showMessages(spin, message, d); };
    hooks.watch = [spin](QObject *context, std::function<void()> onEdit) {
        QObject::connect(spin, &QSpinBox::valueChanged, context, onEdit);
    };
    return FormField(path, label, spin, hooks);
}

FormField checkBox(const QString &path, const QString &label, QCheckBox *check, QLabel *message)
{
    FormField::Hooks hooks;
    hooks.read
        = [check] { return check->isChecked() ? QJsonValue(true) : QJsonValue(QJsonValue::Undefined); };
    hooks.write = [check](const QJsonValue &value) {
        const QSignalBlocker blocker(check);
        check->setChecked(value.toBool());
    };
    hooks.show = [check, message](const Diagnostics &d) { showMessages(check, message, d); };
    hooks.watch = [check](QObject *context, std::function<void()> onEdit) {
        QObject::connect(check, &QCheckBox::toggled, context, onEdit);
    };
    return FormField(path, label, check, hooks);
}

FormField editor(const QString &label, SpecFieldEditor *editor)
{
    FormField::Hooks hooks;
    hooks.read = [editor] { return editor->toJson(); };
    hooks.write = [editor](const QJsonValue &value) { editor->setJson(value); };
    hooks.show = [editor](const Diagnostics &d) { editor->showDiagnostics(d); };
    hooks.watch = [editor](QObject *context, std::function<void()> onEdit) {
        QObject::connect(editor, &SpecFieldEditor::changed, context, onEdit);
    };
    hooks.focus = [editor](const QString &path) { return editor->focusPath(path); };
    hooks.inputDiagnostics = [editor] { return editor->inputDiagnostics(); };
    return FormField(editor->pathPrefix(), label, editor, hooks);
}

QString namePatternHint()
{
    return QCoreApplication::translate("FormFields",
        "may hold only letters, digits and hyphens, and must start and end with a letter or digit");
}

QString roleArnPatternHint()
{
    return QCoreApplication::translate(
        "FormFields", "must be an IAM role ARN: arn:aws:iam::<12-digit account>:role/<name>");
}

QString s3UriPatternHint()
{
    return QCoreApplication::translate("FormFields", "must be an S3 URI: s3://bucket/prefix");
}

QString kmsKeyPatternHint()
{
    return QCoreApplication::translate(
        "FormFields", "must be a KMS key ID, alias or ARN (letters, digits and : / _ - only)");
}

} // namespace FormFields
