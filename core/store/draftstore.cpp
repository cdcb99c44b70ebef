#include "core/store/draftstore.h"

#include "core/store/localstore.h"
#include "core/store/storesql.h"
#include "core/store/storetransaction.h"

#include <QSqlDatabase>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

QString stateName(Draft::State state)
{
    return state == Draft::State::Submitted ? u"submitted"_s : u"unsent"_s;
}

const QString SelectDraft
    = u"SELECT id, kind, title, document, created_ms, updated_ms, state, original, original_name FROM drafts "_s;

Draft draftFrom(const QSqlQuery &query)
{
    Draft draft;
    draft.id = query.value(0).toString();
    draft.kind = documentKindFromName(query.value(1).toString()).value_or(DocumentKind::TrainingJob);
    draft.title = query.value(2).toString();
    draft.document = query.value(3).toString();
    draft.created = StoreSql::timeFrom(query.value(4));
    draft.updated = StoreSql::timeFrom(query.value(5));
    draft.state = query.value(6).toString() == u"submitted" ? Draft::State::Submitted : Draft::State::Unsent;
    draft.original = query.value(7).toString();
    draft.originalName = query.value(8).toString();
    return draft;
}

} // namespace

DraftStore::DraftStore(LocalStore &store)
    : m_store(store)
{ }

QString DraftStore::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

StoreResult<bool> DraftStore::save(const Draft &draft)
{
    if (draft.id.isEmpty())
        return StoreResult<bool>::failure(tr("Could not save the draft: it has no id."));
    const QString what = tr("Could not save the draft \"%1\"").arg(draft.title);
    const QString kind = documentKindName(draft.kind);
    const QString state = stateName(draft.state);
    const QVariant now = StoreSql::timeValue(m_store.clock()->now());
    return StoreTransaction::write(m_store, [&](const QSqlDatabase &db) -> StoreResult<bool> {
        // Comparing in SQL keeps the stored document out of memory; the primary key makes it one lookup.
        auto unchanged = StoreSql::rows<bool>(db,
            u"SELECT 1 FROM drafts WHERE id = ? AND kind = ? AND title = ? AND document = ? AND state = ? "
            "AND original = ? AND original_name = ?"_s,
            { draft.id, kind, draft.title, draft.document, state, draft.original, draft.originalName }, what,
            [](const QSqlQuery &) { return true; });
        if (!unchanged)
            return StoreResult<bool>::failure(unchanged.error());
        if (!unchanged->isEmpty())
            return false;
        return StoreSql::change(db,
            u"INSERT INTO drafts (id, kind, title, document, created_ms, updated_ms, state, original, "
            "original_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, title = excluded.title, "
            "document = excluded.document, updated_ms = excluded.updated_ms, state = excluded.state, "
            "original = excluded.original, original_name = excluded.original_name"_s,
            { draft.id, kind, draft.title, draft.document, now, now, state, draft.original, draft.originalName },
            what)
            .map(StoreSql::anyChanged);
    });
}

StoreResult<std::optional<Draft>> DraftStore::load(const QString &id) const
{
    return StoreSql::rows<Draft>(
        m_store, SelectDraft + u"WHERE id = ?"_s, { id }, tr("Could not read the draft"), draftFrom)
        .map(StoreSql::first<Draft>);
}

StoreResult<QList<Draft>> DraftStore::unsent(std::optional<DocumentKind> kind) const
{
    QVariantList values;
    QString sql = SelectDraft + u"WHERE state = 'unsent'"_s;
    if (kind) {
        sql += u" AND kind = ?"_s;
        values << documentKindName(*kind);
    }
    sql += u" ORDER BY updated_ms DESC, rowid DESC"_s;
    return StoreSql::rows<Draft>(m_store, sql, values, tr("Could not list the unsent drafts"), draftFrom);
}

StoreResult<bool> DraftStore::markSubmitted(const QString &id)
{
    return StoreSql::change(m_store, u"UPDATE drafts SET state = 'submitted' WHERE id = ?"_s, { id },
        tr("Could not mark the draft as submitted"))
        .map(StoreSql::anyChanged);
}

StoreResult<bool> DraftStore::remove(const QString &id)
{
    return StoreSql::change(
        m_store, u"DELETE FROM drafts WHERE id = ?"_s, { id }, tr("Could not delete the draft"))
        .map(StoreSql::anyChanged);
}
