#pragma once

#include "core/api/speckind.h"

#include <QList>
#include <QWidget>
#include <functional>

class DiagnosticsList;
class FormSection;
class JsonPreview;
class QLabel;
class QPushButton;
class QScrollArea;
class QTabWidget;
class SectionNavigator;

// The editing page of a create form, laid out: the "Form" tab (the sections, in a scroll area, at most
// contentMaxWidth wide) and the "JSON" tab; beside them the section navigator and the problem list; under
// them the template buttons, the status line and Review. It only lays out: the form fills the sections and
// decides what the buttons do.
//
// Children: "formTabs", "formScroll", "formContent" (sections "section_n", from 0), "jsonPreview",
// "sectionNavigator", "problems", "formStatus", "saveAsTemplateButton", "newFromTemplateButton",
// "manageTemplatesButton", "startOverButton", "review".
class FormEditPage : public QWidget
{
    Q_OBJECT

public:
    // describePath names a diagnostic's field in the problem list ("Name", "Channel 2: S3 URI").
    FormEditPage(
        SpecKind kind, std::function<QString(const QString &)> describePath, QWidget *parent = nullptr);

    FormSection *addSection(const QString &title, const QString &description);
    const QList<FormSection *> &sections() const { return m_sections; }
    // After the last section: aligns the row labels of all sections and lists the sections in the
    // navigator; firstWidget(s) is what takes the focus when the user jumps to section s.
    void finish(const std::function<QWidget *(int)> &firstWidget);

    void showForm();
    // The JSON tab, focused.
    void showJson();
    // The other tab, focused.
    void toggleJson();
    // Scrolls the form so widget shows, when it is in the form.
    void ensureVisible(QWidget *widget, int xMargin, int yMargin);

    QTabWidget *tabs() const { return m_tabs; }
    SectionNavigator *navigator() const { return m_navigator; }
    DiagnosticsList *problems() const { return m_problems; }
    JsonPreview *json() const { return m_json; }
    QLabel *status() const { return m_status; }
    QPushButton *reviewButton() const { return m_reviewButton; }
    QPushButton *saveTemplateButton() const { return m_saveTemplateButton; }
    QPushButton *fromTemplateButton() const { return m_fromTemplateButton; }
    QPushButton *manageTemplatesButton() const { return m_manageTemplatesButton; }
    QPushButton *startOverButton() const { return m_startOverButton; }

private:
    QTabWidget *m_tabs;
    QScrollArea *m_scroll;
    QWidget *m_content;
    SectionNavigator *m_navigator;
    DiagnosticsList *m_problems;
    JsonPreview *m_json;
    QLabel *m_status;
    QPushButton *m_reviewButton;
    QPushButton *m_saveTemplateButton;
    QPushButton *m_fromTemplateButton;
    QPushButton *m_manageTemplatesButton;
    QPushButton *m_startOverButton;
    QList<FormSection *> m_sections;
};
