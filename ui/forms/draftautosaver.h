#pragma once

#include "core/store/documentkind.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <optional>

class LocalStore;

// Keeps a form's document in the DraftStore: a save at most delayMs after an edit, so a crash or a kill
// loses at most that second, and typing never waits for the disk (a save is one small SQLite transaction
// on a timer, not on a keystroke). The draft's id stays the same while the user works on one document; a
// new document (imported, restored, cloned, cleared, submitted) starts a new draft, so the previous one
// stays restorable.
class DraftAutosaver : public QObject
{
    Q_OBJECT

public:
    static constexpr int delayMs = 1000;

    explicit DraftAutosaver(DocumentKind kind, QObject *parent = nullptr);

    // No store: nothing is saved. The store must outlive this object.
    void setStore(LocalStore *store);
    LocalStore *store() const { return m_store; }

    QString draftId() const { return m_draftId; }
    // Continue an existing draft (a restored one): later saves update it.
    void continueDraft(const QString &id);
    // The next save creates a new draft (not a clone until setOriginal()); what is pending for the old one is
    // saved first.
    void startNewDraft();

    // What the draft was cloned from (saved with it, so a restored clone still shows its changes); nothing
    // for a draft that is not a clone. Set after continueDraft() or startNewDraft().
    void setOriginal(const std::optional<QJsonObject> &original, const QString &originalName);

    // Schedules a save of document; title names it in the restore list.
    void schedule(const QJsonObject &document, const QString &title);
    bool isPending() const { return m_timer.isActive(); }
    // Saves what is pending now.
    void flush();
    // The current draft was sent: it leaves the restore list.
    void markSubmitted();

signals:
    void saved();
    void saveFailed(const QString &message);

private:
    void save();

    DocumentKind m_kind;
    LocalStore *m_store = nullptr;
    QString m_draftId;
    QJsonObject m_document;
    QString m_title;
    QString m_original; // JSON text, empty when not a clone
    QString m_originalName;
    QTimer m_timer;
};
