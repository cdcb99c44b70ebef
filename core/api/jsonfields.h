#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QStringList>
#include <optional>

// A key/value pair of a Tags list.
struct SpecTag
{
    QString key;
    QString value;
    friend bool operator==(const SpecTag &, const SpecTag &) = default;
};

// A JSON object read and edited through typed accessors addressed by JSON path (see JsonPath). The base of
// the form-ready spec classes. Setting an empty value (empty string, list or map, nullopt, false for flags)
// removes the member and any object left empty by that, so documents stay minimal; members no accessor
// knows are never touched.
class JsonFields
{
public:
    JsonFields() = default;
    explicit JsonFields(QJsonObject json)
        : m_json(std::move(json))
    { }

    const QJsonObject &json() const { return m_json; }
    void setJson(const QJsonObject &json) { m_json = json; }

    QString string(QStringView path) const;
    void setString(QStringView path, const QString &value);

    // nullopt when absent or not a whole number.
    std::optional<qint64> integer(QStringView path) const;
    void setInteger(QStringView path, std::optional<qint64> value);

    // The API's booleans default to false, so false is written as absence.
    bool flag(QStringView path) const;
    void setFlag(QStringView path, bool value);

    QMap<QString, QString> stringMap(QStringView path) const;
    void setStringMap(QStringView path, const QMap<QString, QString> &value);

    QStringList stringList(QStringView path) const;
    void setStringList(QStringView path, const QStringList &value);

    // Lists of {"Key": ..., "Value": ...}; Value is always written, even when empty (the API requires it).
    QList<SpecTag> tagList(QStringView path) const;
    void setTagList(QStringView path, const QList<SpecTag> &tags);

    friend bool operator==(const JsonFields &a, const JsonFields &b) { return a.m_json == b.m_json; }

protected:
    QJsonValue valueAt(QStringView path) const;
    void setValueAt(QStringView path, const QJsonValue &value);

private:
    QJsonObject m_json;
};
