#pragma once

#include <QJsonObject>
#include <QJsonValue>

// Reads and edits values deep inside a spec document by JSON path (see JsonPath). Editing keeps documents
// minimal: with EmptyValue::Remove, setting an empty value (undefined, null, "", [] or {}) removes the
// member, and any object, list element or list left empty by that goes too. Everything else in the
// document, including members nobody knows, stays as it was.
class JsonTreeEdit
{
public:
    enum class EmptyValue { Remove, Keep };

    static QJsonValue valueAt(const QJsonValue &root, QStringView path);
    // Creates the objects and lists on the way (a list index may be at most the list's size, which
    // appends). False, and root unchanged, when the path is malformed or runs through a value of another
    // JSON type.
    static bool setValueAt(
        QJsonObject &root, QStringView path, const QJsonValue &value, EmptyValue empty = EmptyValue::Remove);
    static bool removeAt(QJsonObject &root, QStringView path);
    static bool isEmptyValue(const QJsonValue &value);
};
