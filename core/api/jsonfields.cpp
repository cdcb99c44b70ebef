#include "core/api/jsonfields.h"

#include "core/api/jsontreeedit.h"

#include <QJsonArray>
#include <cmath>

using namespace Qt::StringLiterals;

QJsonValue JsonFields::valueAt(QStringView path) const
{
    return JsonTreeEdit::valueAt(m_json, path);
}

void JsonFields::setValueAt(QStringView path, const QJsonValue &value)
{
    const bool ok = JsonTreeEdit::setValueAt(m_json, path, value);
    Q_ASSERT_X(ok, "JsonFields::setValueAt", "malformed path or a value of another type on the way");
    Q_UNUSED(ok)
}

QString JsonFields::string(QStringView path) const
{
    return valueAt(path).toString();
}

void JsonFields::setString(QStringView path, const QString &value)
{
    setValueAt(path, value);
}

std::optional<qint64> JsonFields::integer(QStringView path) const
{
    const QJsonValue v = valueAt(path);
    if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()))
        return std::nullopt;
    return v.toInteger();
}

void JsonFields::setInteger(QStringView path, std::optional<qint64> value)
{
    setValueAt(path, value ? QJsonValue(*value) : QJsonValue());
}

bool JsonFields::flag(QStringView path) const
{
    return valueAt(path).toBool();
}

void JsonFields::setFlag(QStringView path, bool value)
{
    setValueAt(path, value ? QJsonValue(true) : QJsonValue());
}

QMap<QString, QString> JsonFields::stringMap(QStringView path) const
{
    QMap<QString, QString> out;
    const QJsonObject o = valueAt(path).toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

void JsonFields::setStringMap(QStringView path, const QMap<QString, QString> &value)
{
    QJsonObject o;
    for (auto it = value.begin(); it != value.end(); ++it)
        o.insert(it.key(), it.value());
    setValueAt(path, o);
}

QStringList JsonFields::stringList(QStringView path) const
{
    QStringList out;
    const QJsonArray a = valueAt(path).toArray();
    for (const QJsonValue &v : a)
        out.append(v.toString());
    return out;
}

void JsonFields::setStringList(QStringView path, const QStringList &value)
{
    setValueAt(path, QJsonArray::fromStringList(value));
}

QList<SpecTag> JsonFields::tagList(QStringView path) const
{
    QList<SpecTag> out;
    const QJsonArray a = valueAt(path).toArray();
    for (const QJsonValue &v : a)
        out.append({ v.toObject().value("Key"_L1).toString(), v.toObject().value("Value"_L1).toString() });
    return out;
}

void JsonFields::setTagList(QStringView path, const QList<SpecTag> &tags)
{
    QJsonArray a;
    for (const SpecTag &t : tags)
        a.append(QJsonObject { { u"Key"_s, t.key }, { u"Value"_s, t.value } });
    setValueAt(path, a);
}
