#include "core/store/templatestore.h"

#include "core/store/localstore.h"
#include "core/store/storesql.h"
#include "core/store/storetransaction.h"

using namespace Qt::StringLiterals;

namespace {

const QString SelectTemplate = u"SELECT kind, name, document, created_ms, updated_ms FROM templates "_s;

Template templateFrom(const QSqlQuery &query)
{
    Template result;
    result.kind = documentKindFromName(query.value(0).toString()).value_or(DocumentKind::TrainingJob);
    result.name = query.value(1).toString();
    result.document = query.value(2).toString();
    result.created = StoreSql::timeFrom(query.value(3));
    result.updated = StoreSql::timeFrom(query.value(4));
    return result;
}

} // namespace

TemplateStore::TemplateStore(LocalStore &store)
    : m_store(store)
{ }

StoreResult<> TemplateStore::save(
    DocumentKind kind, const QString &name, const QString &document, IfExists ifExists)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return StoreResult<>::failure(tr("A template needs a name."));
    const QString what = tr("Could not save the template \"%1\"").arg(trimmed);
    const QVariant now = StoreSql::timeValue(m_store.clock()->now());
    return StoreTransaction::write(m_store, [&](const QSqlDatabase &db) -> StoreResult<> {
        if (ifExists == IfExists::Fail) {
            auto existing
                = StoreSql::rows<QString>(db, u"SELECT name FROM templates WHERE kind = ? AND name = ?"_s,
                    { documentKindName(kind), trimmed }, what,
                    [](const QSqlQuery &q) { return q.value(0).toString(); });
            if (!existing)
                return StoreResult<>::from(existing);
            if (!existing->isEmpty())
                return StoreResult<>::failure(
                    tr("A template named \"%1\" already exists.").arg(existing->constFirst()));
        }
        // On replace the row keeps its created time; the name takes the spelling given now.
        return StoreResult<>::from(StoreSql::change(db,
            u"INSERT INTO templates (kind, name, document, created_ms, updated_ms) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (kind, name) DO UPDATE SET name = excluded.name, document = excluded.document, "
            "updated_ms = excluded.updated_ms"_s,
            { documentKindName(kind), trimmed, document, now, now }, what));
    });
}

StoreResult<QList<Template>> TemplateStore::list(DocumentKind kind) const
{
    return StoreSql::rows<Template>(m_store, SelectTemplate + u"WHERE kind = ? ORDER BY name"_s,
        { documentKindName(kind) }, tr("Could not list the templates"), templateFrom);
}

StoreResult<std::optional<Template>> TemplateStore::load(DocumentKind kind, const QString &name) const
{
    return StoreSql::rows<Template>(m_store, SelectTemplate + u"WHERE kind = ? AND name = ?"_s,
        { documentKindName(kind), name.trimmed() }, tr("Could not read the template \"%1\"").arg(name),
        templateFrom)
        .map(StoreSql::first<Template>);
}

StoreResult<bool> TemplateStore::exists(DocumentKind kind, const QString &name) const
{
    return load(kind, name).map([](const std::optional<Template> &found) { return found.has_value(); });
}

StoreResult<> TemplateStore::rename(DocumentKind kind, const QString &from, const QString &to)
{
    const QString newName = to.trimmed();
    if (newName.isEmpty())
        return StoreResult<>::failure(tr("A template needs a name."));
    const QString what = tr("Could not rename the template \"%1\"").arg(from);
    // The name column compares without case, so a clash with the template's own name is only a change of
    // spelling and is allowed; a clash with another template fails on the primary key.
    auto renamed = StoreSql::change(m_store,
        u"UPDATE templates SET name = ?, updated_ms = ? WHERE kind = ? AND name = ?"_s,
        { newName, StoreSql::timeValue(m_store.clock()->now()), documentKindName(kind), from.trimmed() },
        what);
    if (!renamed) {
        auto clash = exists(kind, newName);
        if (clash.ok() && *clash)
            return StoreResult<>::failure(tr("A template named \"%1\" already exists.").arg(newName));
        return StoreResult<>::from(renamed);
    }
    if (*renamed == 0)
        return StoreResult<>::failure(tr("There is no template named \"%1\".").arg(from));
    return {};
}

StoreResult<bool> TemplateStore::remove(DocumentKind kind, const QString &name)
{
    return StoreSql::change(m_store, u"DELETE FROM templates WHERE kind = ? AND name = ?"_s,
        { documentKindName(kind), name.trimmed() }, tr("Could not delete the template \"%1\"").arg(name))
        .map(StoreSql::anyChanged);
}
