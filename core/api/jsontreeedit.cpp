#include "core/api/jsontreeedit.h"

#include "core/api/jsonpath.h"

#include <QJsonArray>

namespace {
using Segment = JsonPath::Segment;

// Sets (or, with remove, deletes) the value at segs[i..] below node. False when a segment cannot apply.
bool setIn(QJsonValue &node, const QList<Segment> &segs, qsizetype i, const QJsonValue &value, bool remove,
    bool prune)
{
    if (i == segs.size()) {
        node = value;
        return true;
    }
    const Segment &s = segs[i];
    const bool last = i + 1 == segs.size();
    if (s.kind == Segment::Kind::Index) {
        if (!node.isArray() && !node.isUndefined() && !node.isNull())
            return false;
        QJsonArray a = node.toArray();
        if (s.index > a.size())
            return false;
        const bool exists = s.index < a.size();
        if (last && remove) {
            if (exists)
                a.removeAt(s.index);
        } else {
            QJsonValue child = exists ? a.at(s.index) : QJsonValue(QJsonValue::Undefined);
            if (!setIn(child, segs, i + 1, value, remove, prune))
                return false;
            if (prune && JsonTreeEdit::isEmptyValue(child)) {
                if (exists)
                    a.removeAt(s.index);
            } else if (exists) {
                a[s.index] = child;
            } else {
                a.append(child);
            }
        }
        node = a;
        return true;
    }
    if (!node.isObject() && !node.isUndefined() && !node.isNull())
        return false;
    QJsonObject o = node.toObject();
    if (last && remove) {
        o.remove(s.name);
    } else {
        QJsonValue child = o.contains(s.name) ? o.value(s.name) : QJsonValue(QJsonValue::Undefined);
        if (!setIn(child, segs, i + 1, value, remove, prune))
            return false;
        if (prune && JsonTreeEdit::isEmptyValue(child))
            o.remove(s.name);
        else
            o.insert(s.name, child);
    }
    node = o;
    return true;
}

bool edit(QJsonObject &root, QStringView path, const QJsonValue &value, bool remove, bool prune)
{
    QList<Segment> segs;
    if (!JsonPath::parse(path, &segs) || segs.isEmpty())
        return false;
    if (remove && JsonTreeEdit::valueAt(root, path).isUndefined())
        return true; // nothing to remove; do not create or prune anything on the way
    QJsonValue node(root);
    if (!setIn(node, segs, 0, value, remove, prune))
        return false;
    root = node.toObject();
    return true;
}
} // namespace

QJsonValue JsonTreeEdit::valueAt(const QJsonValue &root, QStringView path)
{
    QList<Segment> segs;
    if (!JsonPath::parse(path, &segs))
        return QJsonValue(QJsonValue::Undefined);
    QJsonValue node = root;
    for (const Segment &s : std::as_const(segs)) {
        if (s.kind == Segment::Kind::Index) {
            if (!node.isArray() || s.index >= node.toArray().size())
                return QJsonValue(QJsonValue::Undefined);
            node = node.toArray().at(s.index);
        } else {
            if (!node.isObject() || !node.toObject().contains(s.name))
                return QJsonValue(QJsonValue::Undefined);
            node = node.toObject().value(s.name);
        }
    }
    return node;
}

bool JsonTreeEdit::setValueAt(QJsonObject &root, QStringView path, const QJsonValue &value, EmptyValue empty)
{
    const bool remove = empty == EmptyValue::Remove && isEmptyValue(value);
    return edit(root, path, value, remove, empty == EmptyValue::Remove);
}

bool JsonTreeEdit::removeAt(QJsonObject &root, QStringView path)
{
    return edit(root, path, QJsonValue(), true, true);
}

bool JsonTreeEdit::isEmptyValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null:
        return true;
    case QJsonValue::String:
        return value.toString().isEmpty();
    case QJsonValue::Array:
        return value.toArray().isEmpty();
    case QJsonValue::Object:
        return value.toObject().isEmpty();
    default:
        return false;
    }
}
