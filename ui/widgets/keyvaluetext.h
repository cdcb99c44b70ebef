#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

// The text side of KeyValueTable: what a value typed as an integer, float, boolean or JSON must look like,
// the string the API gets for it (hyperparameters are strings on the wire), and reading pasted text.
namespace KeyValueText {

enum class ValueType { String, Integer, Float, Boolean, Json };

QList<ValueType> valueTypes();
QString typeName(ValueType type); // translated, for the type column

struct Checked
{
    bool ok = true;
    QString wire; // what toJson() writes; the text as typed when !ok, so nothing the user typed is lost
    QString problem; // translated, when !ok
};
Checked check(ValueType type, const QString &text);

// A string as it is, anything else as compact JSON ("10", "true", "{\"a\":1}"); "" for null.
QString jsonText(const QJsonValue &value);

// The type a stored string most likely has ("0.01" is a float, "{...}" JSON): for rows loaded from a spec.
ValueType guessType(const QString &value);

struct Entry
{
    QString key;
    QString value;
    ValueType type = ValueType::String;
};

struct Parsed
{
    QList<Entry> entries;
    QStringList skippedLines; // "line 3: no '='"
    QString error; // the whole text was unreadable (bad JSON)
};

// Reads a JSON object ({"lr": "0.1", "epochs": 10}), a Tags list ([{"Key": "team", "Value": "ml"}]) or
// key=value lines (blank lines and # comments skipped, a leading "export " and quotes around the value
// dropped). Values that are JSON numbers, booleans, objects or arrays become their JSON text.
Parsed parse(const QString &text);

} // namespace KeyValueText
