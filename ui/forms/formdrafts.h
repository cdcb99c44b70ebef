#pragma once

#include "core/api/speckind.h"
#include "ui/forms/createformfiles.h"

#include <QJsonObject>
#include <QObject>
#include <optional>

class DraftAutosaver;
class DraftsBar;
class LocalStore;
class MessageBar;

// A create form's drafts in the local store: the autosave of the document being edited (DraftAutosaver),
// and the drafts bar's offer to restore or discard the unsent drafts of the form's kind. What goes wrong is
// shown in the form's message bar; restoring a draft into the fields is the form's.
class FormDrafts : public QObject
{
    Q_OBJECT

public:
    FormDrafts(SpecKind kind, DraftsBar *bar, MessageBar *messages, QObject *parent = nullptr);

    DraftAutosaver *autosaver() const { return m_autosaver; }
    // No store: nothing is saved or offered. The store must outlive this object.
    void setStore(LocalStore *store);
    // Lists the unsent drafts of this kind, other than the one being edited, in the drafts bar.
    void offer(const QString &untitled);
    // A draft's document (and a clone's original); nothing (with the reason shown) when it cannot be loaded.
    std::optional<CreateFormFiles::LoadedDraft> load(const QString &id);

signals:
    // The user chose Restore for draft id in the drafts bar.
    void restoreRequested(const QString &id);

private:
    SpecKind m_kind;
    DraftsBar *m_bar;
    MessageBar *m_messages;
    DraftAutosaver *m_autosaver;
    LocalStore *m_store = nullptr;
};
