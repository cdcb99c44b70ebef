#include "ui/forms/formactions.h"

#include "ui/forms/createform.h"
#include "ui/forms/diagnosticslist.h"
#include "ui/forms/formeditpage.h"
#include "ui/forms/formtemplates.h"
#include "ui/forms/sectionnavigator.h"

#include <QAction>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace {

void triggeredBy(QPushButton *button, QAction *action, const QString &tip)
{
    button->setToolTip(u"%1 (%2)"_s.arg(tip, action->shortcut().toString(QKeySequence::NativeText)));
    QObject::connect(button, &QPushButton::clicked, action, &QAction::trigger);
}

} // namespace

FormActions::FormActions(CreateForm *form, FormEditPage *edit, FormTemplates *templates)
    : QObject(form)
    , m_form(form)
    , m_edit(edit)
{
    m_reviewOrSubmit = add("reviewOrSubmit", tr("Review and submit"),
        { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) });
    connect(m_reviewOrSubmit, &QAction::triggered, form,
        [form] { form->isReviewing() ? form->submit() : form->review(); });
    m_back = add("backToForm", tr("Back to the form"), { QKeySequence(Qt::Key_Escape) });
    connect(m_back, &QAction::triggered, form,
        [form] { form->isSubmitting() ? form->cancelSubmit() : form->backToForm(); });
    m_nextProblem = add("nextProblem", tr("Next problem"), { QKeySequence(Qt::Key_F8) });
    connect(m_nextProblem, &QAction::triggered, edit, [edit] { edit->problems()->activateNext(true); });
    m_previousProblem
        = add("previousProblem", tr("Previous problem"), { QKeySequence(Qt::SHIFT | Qt::Key_F8) });
    connect(m_previousProblem, &QAction::triggered, edit, [edit] { edit->problems()->activateNext(false); });
    QAction *toggleJson = add("toggleJson", tr("Show the JSON"), { QKeySequence(Qt::CTRL | Qt::Key_J) });
    connect(toggleJson, &QAction::triggered, edit, &FormEditPage::toggleJson);
    QAction *goToSections
        = add("goToSections", tr("Go to a section"), { QKeySequence(Qt::CTRL | Qt::Key_G) });
    connect(goToSections, &QAction::triggered, edit,
        [edit] { edit->navigator()->setFocus(Qt::ShortcutFocusReason); });
    m_saveAsTemplate
        = add("saveAsTemplate", tr("Save as template…"), { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S) });
    connect(m_saveAsTemplate, &QAction::triggered, templates, &FormTemplates::saveDialog);
    m_newFromTemplate = add(
        "newFromTemplate", tr("New from template…"), { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N) });
    connect(m_newFromTemplate, &QAction::triggered, templates, &FormTemplates::startFromDialog);
    m_manageTemplates
        = add("manageTemplates", tr("Manage templates…"), { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M) });
    connect(m_manageTemplates, &QAction::triggered, templates, &FormTemplates::manageDialog);
    QAction *startOver
        = add("startOver", tr("Start over"), { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backspace) });
    connect(startOver, &QAction::triggered, form, &CreateForm::startOver);

    triggeredBy(edit->reviewButton(), m_reviewOrSubmit, tr("Check the request, then send it"));
    triggeredBy(edit->saveTemplateButton(), m_saveAsTemplate,
        tr("Keep this form, without its name, to start others from"));
    triggeredBy(edit->fromTemplateButton(), m_newFromTemplate, tr("Start a new form from a saved template"));
    triggeredBy(edit->manageTemplatesButton(), m_manageTemplates, tr("Rename or delete the saved templates"));
    triggeredBy(edit->startOverButton(), startOver, tr("An empty form; what you typed stays in the drafts"));
}

QAction *FormActions::add(const char *name, const QString &text, const QList<QKeySequence> &keys)
{
    auto *action = new QAction(text, m_form);
    action->setObjectName(QLatin1String(name));
    action->setShortcuts(keys);
    // Window-wide, but only while this form is visible: the other form's actions stay silent.
    action->setShortcutContext(Qt::WindowShortcut);
    m_form->addAction(action);
    return action;
}

void FormActions::update(bool errors, bool anyProblem, bool reviewing, bool submitting)
{
    m_edit->reviewButton()->setEnabled(!errors && !submitting);
    m_reviewOrSubmit->setEnabled(reviewing ? !submitting : !errors);
    m_back->setEnabled(reviewing || submitting);
    m_nextProblem->setEnabled(!reviewing && anyProblem);
    m_previousProblem->setEnabled(!reviewing && anyProblem);
    m_edit->reviewButton()->setToolTip(errors ? tr("Fix the errors first: the problem list shows where (F8)")
                                              : tr("Check the request, then send it (Ctrl+Return)"));
}

void FormActions::setTemplatesEnabled(bool enabled)
{
    for (QAction *action : { m_saveAsTemplate, m_newFromTemplate, m_manageTemplates })
        action->setEnabled(enabled);
    for (QPushButton *button :
        { m_edit->saveTemplateButton(), m_edit->fromTemplateButton(), m_edit->manageTemplatesButton() })
        button->setEnabled(enabled);
}
