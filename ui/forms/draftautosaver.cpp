#include "ui/forms/draftautosaver.h"

#include "core/api/specjson.h"
#include "core/store/draftstore.h"
#include "core/store/localstore.h"

namespace {

SpecKind specKind(DocumentKind kind)
{
    return kind == DocumentKind::Model ? SpecKind::Model : SpecKind::TrainingJob;
}

} // namespace

DraftAutosaver::DraftAutosaver(DocumentKind kind, QObject *parent)
    : QObject(parent)
    , m_kind(kind)
    , m_draftId(DraftStore::newId())
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(delayMs);
    connect(&m_timer, &QTimer::timeout, this, &DraftAutosaver::save);
}

void DraftAutosaver::setStore(LocalStore *store)
{
    m_store = store;
}

void DraftAutosaver::continueDraft(const QString &id)
{
    flush();
    m_draftId = id;
}

void DraftAutosaver::startNewDraft()
{
    flush();
    m_draftId = DraftStore::newId();
    setOriginal(std::nullopt, QString());
}

void DraftAutosaver::setOriginal(const std::optional<QJsonObject> &original, const QString &originalName)
{
    m_original = original ? QString::fromUtf8(SpecJson::write(*original, specKind(m_kind))) : QString();
    m_originalName = original ? originalName : QString();
}

void DraftAutosaver::schedule(const QJsonObject &document, const QString &title)
{
    m_document = document;
    m_title = title;
    // Not restarted by every keystroke: a user who types without pause is still saved every second.
    if (!m_timer.isActive())
        m_timer.start();
}

void DraftAutosaver::flush()
{
    if (m_timer.isActive()) {
        m_timer.stop();
        save();
    }
}

void DraftAutosaver::markSubmitted()
{
    flush();
    if (!m_store || !m_store->isOpen())
        return;
    const StoreResult<bool> result = DraftStore(*m_store).markSubmitted(m_draftId);
    if (!result)
        emit saveFailed(result.error());
}

void DraftAutosaver::save()
{
    if (!m_store || !m_store->isWritable())
        return;
    Draft draft;
    draft.id = m_draftId;
    draft.kind = m_kind;
    draft.title = m_title;
    draft.document = QString::fromUtf8(SpecJson::write(m_document, specKind(m_kind)));
    draft.original = m_original;
    draft.originalName = m_originalName;
    const StoreResult<bool> result = DraftStore(*m_store).save(draft);
    if (!result)
        emit saveFailed(result.error());
    else
        emit saved();
}
