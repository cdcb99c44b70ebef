#pragma once

#include "core/api/shape.h"

#include <QHash>
#include <QString>

// The SageMaker shapes SageDesk knows, loaded from the resource tools/gen-shapes.py generates
// (resources/api/sagemaker-shapes.json). Immutable once loaded; instance() loads the built-in resource on
// first use and is safe to call from any thread.
class ShapeModel
{
public:
    static const ShapeModel &instance();
    // Parses a resource in the generator's format; isValid() is false and *error set when it is malformed.
    static ShapeModel fromJson(const QByteArray &json, QString *error = nullptr);

    bool isValid() const { return !m_shapes.isEmpty(); }

    const Shape *shape(const QString &name) const;
    QStringList shapeNames() const;
    const Shape *operationInput(const QString &operation) const;
    const Shape *operationOutput(const QString &operation) const;

    // The shape of the value at a JSON path (see JsonPath) below root; nullptr when the path leaves the
    // model.
    const Shape *shapeAtPath(const Shape *root, QStringView path) const;
    // The shape of a member / list element / map value, or nullptr.
    const Shape *memberShape(const Shape &structure, QStringView member) const;
    const Shape *elementShape(const Shape &listOrMap) const;

    QString apiVersion() const { return m_apiVersion; }
    QString botocoreVersion() const { return m_botocoreVersion; }

    // The model's patterns are Java regular expressions; this rewrites the constructs PCRE2 spells
    // differently (\p{Alnum} and friends) and anchors the result to the whole value.
    static QString toAnchoredPcre(const QString &javaPattern);

private:
    struct Operation
    {
        QString input;
        QString output;
    };
    QHash<QString, Shape> m_shapes;
    QHash<QString, Operation> m_operations;
    QString m_apiVersion;
    QString m_botocoreVersion;
};
