#pragma once

#include "core/store/draft.h"
#include "core/store/storeresult.h"

#include <QCoreApplication>
#include <QList>
#include <optional>

class LocalStore;

// Autosaved form documents. A form saves its draft a moment after every edit; after a crash the app lists
// the unsent drafts and offers to restore them.
class DraftStore
{
    Q_DECLARE_TR_FUNCTIONS(DraftStore)

public:
    explicit DraftStore(LocalStore &store);

    // A fresh id for a new form's draft.
    static QString newId();

    // Inserts or updates the draft with draft.id in one transaction. created and updated are stamped by
    // the store (created only on the first save). Returns false, writing nothing, when kind, title,
    // document and state are what is stored already.
    StoreResult<bool> save(const Draft &draft);
    StoreResult<std::optional<Draft>> load(const QString &id) const;
    // Unsent drafts, most recently updated first; all kinds when kind is not given.
    StoreResult<QList<Draft>> unsent(std::optional<DocumentKind> kind = std::nullopt) const;
    // Returns false when there is no draft with that id.
    StoreResult<bool> markSubmitted(const QString &id);
    StoreResult<bool> remove(const QString &id);

private:
    LocalStore &m_store;
};
