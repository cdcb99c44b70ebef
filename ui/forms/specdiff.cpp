#include "ui/forms/specdiff.h"

#include "core/api/jsonpath.h"

#include <QJsonArray>

namespace {

using Change = SpecDiff::Change;

void compareValues(
    const QString &path, const QJsonValue &before, const QJsonValue &after, QList<Change> &out);

void compareObjects(
    const QString &path, const QJsonObject &before, const QJsonObject &after, QList<Change> &out)
{
    for (auto it = before.begin(); it != before.end(); ++it)
        compareValues(JsonPath::key(path, it.key()), it.value(), after.value(it.key()), out);
    for (auto it = after.begin(); it != after.end(); ++it)
        if (!before.contains(it.key()))
            compareValues(JsonPath::key(path, it.key()), QJsonValue::Undefined, it.value(), out);
}

void compareValues(const QString &path, const QJsonValue &before, const QJsonValue &after, QList<Change> &out)
{
    if (before == after)
        return;
    if (before.isUndefined()) {
        out.append({ path, Change::Kind::Added, before, after });
        return;
    }
    if (after.isUndefined()) {
        out.append({ path, Change::Kind::Removed, before, after });
        return;
    }
    if (before.isObject() && after.isObject()) {
        compareObjects(path, before.toObject(), after.toObject(), out);
        return;
    }
    if (before.isArray() && after.isArray()) {
        const QJsonArray a = before.toArray();
        const QJsonArray b = after.toArray();
        for (qsizetype i = 0; i < qMax(a.size(), b.size()); ++i)
            compareValues(JsonPath::index(path, i),
                i < a.size() ? a.at(i) : QJsonValue(QJsonValue::Undefined),
                i < b.size() ? b.at(i) : QJsonValue(QJsonValue::Undefined), out);
        return;
    }
    out.append({ path, Change::Kind::Changed, before, after });
}

} // namespace

QList<SpecDiff::Change> SpecDiff::compare(const QJsonObject &before, const QJsonObject &after)
{
    QList<Change> changes;
    compareObjects(QString(), before, after, changes);
    return changes;
}
