#include "ui/forms/formdrafts.h"

#include "ui/forms/createformfiles.h"
#include "ui/forms/draftautosaver.h"
#include "ui/forms/draftsbar.h"
#include "ui/forms/messagebar.h"

FormDrafts::FormDrafts(SpecKind kind, DraftsBar *bar, MessageBar *messages, QObject *parent)
    : QObject(parent)
    , m_kind(kind)
    , m_bar(bar)
    , m_messages(messages)
    , m_autosaver(new DraftAutosaver(CreateFormFiles::documentKind(kind), this))
{
    connect(m_bar, &DraftsBar::restoreRequested, this,
        [this](const Draft &draft) { emit restoreRequested(draft.id); });
    connect(m_bar, &DraftsBar::discardRequested, this, [this](const QString &id) {
        CreateFormFiles::discardDraft(m_store, id);
        m_bar->removeDraft(id);
    });
    connect(m_autosaver, &DraftAutosaver::saveFailed, this, [this](const QString &message) {
        m_messages->showMessage(
            MessageBar::Kind::Warning, tr("The draft could not be saved: %1").arg(message.toHtmlEscaped()));
    });
}

void FormDrafts::setStore(LocalStore *store)
{
    m_store = store;
    m_autosaver->setStore(store);
}

void FormDrafts::offer(const QString &untitled)
{
    QString error;
    QList<Draft> drafts = CreateFormFiles::unsentDrafts(m_store, m_kind, &error);
    if (!error.isEmpty())
        m_messages->showMessage(MessageBar::Kind::Warning, error.toHtmlEscaped());
    drafts.removeIf([this](const Draft &d) { return d.id == m_autosaver->draftId(); });
    m_bar->setDrafts(drafts, untitled);
}

std::optional<CreateFormFiles::LoadedDraft> FormDrafts::load(const QString &id)
{
    QString error;
    std::optional<CreateFormFiles::LoadedDraft> draft = CreateFormFiles::loadDraft(m_store, id, &error);
    if (!draft)
        m_messages->showMessage(MessageBar::Kind::Error, error.toHtmlEscaped());
    return draft;
}
