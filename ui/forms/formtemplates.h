#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class CreateForm;
class ManageTemplatesDialog;

// A create form's templates in the local store: saving the form as one (everything but the name) and
// starting a new form from one, directly or through small dialogs, and the dialog that renames and
// deletes them. Works through the form's public
// interface; outcomes go to the form's message bar. Without a store there are no templates.
class FormTemplates : public QObject
{
    Q_OBJECT

public:
    explicit FormTemplates(CreateForm *form);

    // False (with the reason shown) when the store refuses, e.g. a template of that name exists and
    // replace is false.
    bool save(const QString &templateName, bool replace = false);
    bool startFrom(const QString &templateName);
    QStringList names() const;

    void saveDialog();
    void startFromDialog();
    // Opens ManageTemplatesDialog (window-modal) on the form's kind, or raises it when it is open.
    void manageDialog();

private:
    CreateForm *m_form;
    QPointer<ManageTemplatesDialog> m_dialog;
};
