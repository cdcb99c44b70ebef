#pragma once

#include "core/store/storeresult.h"
#include "core/store/template.h"

#include <QCoreApplication>
#include <QList>
#include <optional>

class LocalStore;

// Named documents to start new forms from. A name is unique per kind, ignoring ASCII case, and is stored
// trimmed of surrounding spaces.
class TemplateStore
{
    Q_DECLARE_TR_FUNCTIONS(TemplateStore)

public:
    explicit TemplateStore(LocalStore &store);

    enum class IfExists { Fail, Replace };

    // "Save as template". With IfExists::Fail an existing name is an error whose message names it, so the
    // UI can ask before calling again with IfExists::Replace.
    StoreResult<> save(
        DocumentKind kind, const QString &name, const QString &document, IfExists ifExists = IfExists::Fail);
    // Sorted by name, ignoring case.
    StoreResult<QList<Template>> list(DocumentKind kind) const;
    StoreResult<std::optional<Template>> load(DocumentKind kind, const QString &name) const;
    StoreResult<bool> exists(DocumentKind kind, const QString &name) const;
    // Fails when there is no template named from, or another one is already named to.
    StoreResult<> rename(DocumentKind kind, const QString &from, const QString &to);
    StoreResult<bool> remove(DocumentKind kind, const QString &name);

private:
    LocalStore &m_store;
};
