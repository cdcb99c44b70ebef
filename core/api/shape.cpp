#include "core/api/shape.h"

using namespace Qt::StringLiterals;

const ShapeMember *Shape::findMember(QStringView memberName) const
{
    for (const ShapeMember &m : members)
        if (m.name == memberName)
            return &m;
    return nullptr;
}

bool Shape::isNumber() const
{
    return type == Type::Integer || type == Type::Long || type == Type::Float || type == Type::Double;
}

namespace {
struct TypeName
{
    Shape::Type type;
    QLatin1StringView name;
};
constexpr TypeName typeNames[] = {
    { Shape::Type::Structure, "structure"_L1 },
    { Shape::Type::List, "list"_L1 },
    { Shape::Type::Map, "map"_L1 },
    { Shape::Type::String, "string"_L1 },
    { Shape::Type::Integer, "integer"_L1 },
    { Shape::Type::Long, "long"_L1 },
    { Shape::Type::Float, "float"_L1 },
    { Shape::Type::Double, "double"_L1 },
    { Shape::Type::Boolean, "boolean"_L1 },
    { Shape::Type::Timestamp, "timestamp"_L1 },
    { Shape::Type::Blob, "blob"_L1 },
};
} // namespace

Shape::Type Shape::typeFromName(QStringView name)
{
    for (const TypeName &t : typeNames)
        if (name == t.name)
            return t.type;
    return Type::Unknown;
}

QString Shape::typeName(Type type)
{
    for (const TypeName &t : typeNames)
        if (t.type == type)
            return t.name;
    return u"unknown"_s;
}
