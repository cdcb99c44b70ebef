#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <optional>

// One member of a structure shape, in the service model's order.
struct ShapeMember
{
    QString name;
    QString shape;
    bool required = false;
};

// One shape of the SageMaker service model, as tools/gen-shapes.py extracts it. min/max mean length for
// strings, entry count for lists and maps, and value for numbers, as in the model.
struct Shape
{
    enum class Type {
        Structure,
        List,
        Map,
        String,
        Integer,
        Long,
        Float,
        Double,
        Boolean,
        Timestamp,
        Blob,
        Unknown
    };

    QString name;
    Type type = Type::Unknown;
    QList<ShapeMember> members; // structures
    QString member; // lists: the element shape
    QString key; // maps
    QString value; // maps
    std::optional<double> min;
    std::optional<double> max;
    QString pattern; // as the model writes it (Java regex syntax, unanchored)
    QRegularExpression regex; // compiled once, anchored to the whole value; invalid when pattern is empty
    QStringList enumValues;

    const ShapeMember *findMember(QStringView memberName) const;
    bool isNumber() const;

    static Type typeFromName(QStringView name);
    static QString typeName(Type type);
};
