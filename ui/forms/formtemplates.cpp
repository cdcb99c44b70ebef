#include "ui/forms/formtemplates.h"

#include "ui/forms/createform.h"
#include "ui/forms/createformfiles.h"
#include "ui/forms/managetemplatesdialog.h"
#include "ui/forms/messagebar.h"

using namespace Qt::StringLiterals;

FormTemplates::FormTemplates(CreateForm *form)
    : QObject(form)
    , m_form(form)
{ }

bool FormTemplates::save(const QString &templateName, bool replace)
{
    QJsonObject document = m_form->document();
    document.remove(SpecKinds::nameMember(m_form->kind()));
    const CreateFormFiles::Outcome outcome
        = CreateFormFiles::saveTemplate(m_form->store(), m_form->kind(), templateName, document, replace);
    m_form->messageBar()->showMessage(
        outcome.ok ? MessageBar::Kind::Information : MessageBar::Kind::Error, outcome.message);
    return outcome.ok;
}

bool FormTemplates::startFrom(const QString &templateName)
{
    const std::optional<QJsonObject> document
        = CreateFormFiles::loadTemplate(m_form->store(), m_form->kind(), templateName);
    if (!document) {
        m_form->messageBar()->showMessage(
            MessageBar::Kind::Error, tr("There is no template named %1.").arg(templateName.toHtmlEscaped()));
        return false;
    }
    m_form->submitBanner()->hide();
    m_form->setDocument(*document);
    m_form->messageBar()->showMessage(MessageBar::Kind::Information,
        tr("Started from the template %1. Give the %2 a name.")
            .arg(templateName.toHtmlEscaped(), SpecKinds::displayName(m_form->kind())));
    return true;
}

QStringList FormTemplates::names() const
{
    return CreateFormFiles::templateNames(m_form->store(), m_form->kind());
}

void FormTemplates::saveDialog()
{
    if (!m_form->store())
        return;
    const std::optional<std::pair<QString, bool>> choice
        = CreateFormFiles::askTemplateName(m_form, m_form->store(), m_form->kind());
    if (choice)
        save(choice->first, choice->second);
}

void FormTemplates::startFromDialog()
{
    if (!m_form->store())
        return;
    const QStringList templates = names();
    if (templates.isEmpty()) {
        m_form->messageBar()->showMessage(MessageBar::Kind::Information,
            tr("No templates yet. Fill in the parts your jobs share (role, network, tags) and use Save as "
               "template."));
        return;
    }
    const QString chosen = CreateFormFiles::askTemplate(m_form, templates);
    if (!chosen.isEmpty())
        startFrom(chosen);
}

void FormTemplates::manageDialog()
{
    if (!m_form->store())
        return;
    if (!m_dialog) {
        m_dialog = new ManageTemplatesDialog(
            *m_form->store(), CreateFormFiles::documentKind(m_form->kind()), m_form);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_dialog->open();
    }
    m_dialog->raise();
    m_dialog->activateWindow();
}
