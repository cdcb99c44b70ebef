#include "core/api/specvalidator.h"

#include "core/api/crossfieldrules.h"
#include "core/api/shapemodel.h"
#include "core/api/shapewalker.h"

#include <QSet>

using namespace Qt::StringLiterals;

Diagnostics validateSpec(SpecKind kind, const QJsonObject &spec)
{
    const ShapeModel &model = ShapeModel::instance();
    const Shape *root = model.operationInput(SpecKinds::createOperation(kind));
    Q_ASSERT(root);
    Diagnostics generic = ShapeWalker(model).validate(*root, spec);
    const Diagnostics specific = CrossFieldRules::apply(kind, spec);

    QSet<QString> explained;
    for (const Diagnostic &d : specific)
        if (d.isError())
            explained.insert(d.path);
    generic.removeIf(
        [&explained](const Diagnostic &d) { return d.code == "pattern"_L1 && explained.contains(d.path); });
    generic.append(specific);
    return generic;
}
