#pragma once

#include "core/api/diagnostic.h"

#include <QJsonValue>
#include <functional>

struct Shape;
class ShapeModel;

// The one walker over a JSON value and its shape. walk() visits a value and every nested value the model
// knows a shape for (structure members in model order, list elements, map values); it does not descend into
// a value whose JSON type does not fit its shape, and does not visit members the model does not know.
// check() applies the constraints of one node; validate() is walk() + check() over the whole tree.
class ShapeWalker
{
public:
    using Visitor = std::function<void(const Shape &shape, const QJsonValue &value, const QString &path)>;

    explicit ShapeWalker(const ShapeModel &model);

    void walk(const Shape &shape, const QJsonValue &value, const QString &path, const Visitor &visit) const;

    // Constraints of one node, not of its children: JSON type, required members, unknown members (a
    // warning: the API and the AWS CLI reject them, but a newer API may know them), length or count,
    // value range, pattern, enum; for maps also the key constraints (reported at the entry's path).
    Diagnostics check(const Shape &shape, const QJsonValue &value, const QString &path) const;

    Diagnostics validate(const Shape &shape, const QJsonValue &value, const QString &path = QString()) const;

    // Whether value has the JSON type shape wants (numbers: integral for integer/long; timestamps: epoch
    // seconds or ISO 8601 text).
    static bool hasExpectedType(const Shape &shape, const QJsonValue &value);

private:
    void checkScalar(const Shape &shape, const QJsonValue &value, const QString &path, bool isMapKey,
        Diagnostics &out) const;

    const ShapeModel &m_model;
};
