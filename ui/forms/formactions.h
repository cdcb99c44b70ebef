#pragma once

#include <QObject>

class CreateForm;
class FormEditPage;
class FormTemplates;
class QAction;

// A create form's keyboard commands: window-wide actions that work only while the form is visible (the
// other form's stay silent), the editing page's buttons that trigger them (with the keys in their tool
// tips), and what is enabled when. The object names and keys are listed with CreateForm.
class FormActions : public QObject
{
    Q_OBJECT

public:
    FormActions(CreateForm *form, FormEditPage *edit, FormTemplates *templates);

    // What can be done now: reviewing needs a form without errors, going back a review or a submit.
    void update(bool errors, bool anyProblem, bool reviewing, bool submitting);
    // Templates need a store.
    void setTemplatesEnabled(bool enabled);

private:
    QAction *add(const char *name, const QString &text, const QList<QKeySequence> &keys);

    CreateForm *m_form;
    FormEditPage *m_edit;
    QAction *m_reviewOrSubmit = nullptr;
    QAction *m_back = nullptr;
    QAction *m_nextProblem = nullptr;
    QAction *m_previousProblem = nullptr;
    QAction *m_saveAsTemplate = nullptr;
    QAction *m_newFromTemplate = nullptr;
    QAction *m_manageTemplates = nullptr;
};
