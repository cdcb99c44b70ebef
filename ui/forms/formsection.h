#pragma once

#include <QWidget>

class QFormLayout;
class QLabel;

// One section of a create form ("Resources", "Network"): a heading, a sentence that says what the section
// decides, and rows of label and field. Each field row has room under the field for a hint and for the
// messages of its diagnostics.
class FormSection : public QWidget
{
    Q_OBJECT

public:
    FormSection(const QString &title, const QString &description, QWidget *parent = nullptr);

    QString title() const;

    // A row with label and field; hint, when given, is a short grey line under the field. The label is the
    // buddy of focus (field when not given). Returns the label for the field's messages (see
    // FormFields::messageLabel), named after focus: "trainingJobNameMessage".
    QLabel *addRow(
        const QString &label, QWidget *field, const QString &hint = QString(), QWidget *focus = nullptr);
    // A widget across the whole width (tables, lists); with a label above it when label is given.
    void addWideRow(QWidget *widget, const QString &label = QString());

    // Shows or hides the row of field (as given to addRow), label included.
    void setRowVisible(QWidget *field, bool visible);

    // The labels of the label-and-field rows: a form gives them all one width, so fields line up across
    // sections.
    QList<QLabel *> rowLabels() const { return m_rowLabels; }

private:
    QLabel *m_title;
    QFormLayout *m_form;
    QList<QLabel *> m_rowLabels;
};
