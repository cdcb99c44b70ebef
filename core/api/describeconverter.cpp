#include "core/api/describeconverter.h"

#include "core/api/jsonpath.h"
#include "core/api/shapemodel.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("DescribeConverter", text);
}

bool isEmptyContainer(const QJsonValue &v)
{
    return (v.isObject() && v.toObject().isEmpty()) || (v.isArray() && v.toArray().isEmpty());
}

// Removes nulls, empty containers and empty strings below value, recursively by shape. Values of
// members the model does not know are left exactly as they are.
QJsonValue cleaned(const QJsonValue &value, const Shape *shape, const ShapeModel &model)
{
    if (!shape)
        return value;
    if (value.isObject() && shape->type == Shape::Type::Structure) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it) {
            const ShapeMember *member = shape->findMember(it.key());
            if (!member) {
                out.insert(it.key(), it.value());
                continue;
            }
            const QJsonValue v = cleaned(it.value(), model.shape(member->shape), model);
            // A required member that is empty is dropped too: the validator then reports it as required at
            // the same path, and a structure of nothing but empty members (VpcConfig with two empty lists)
            // goes away as a whole.
            const bool empty = v.isNull() || isEmptyContainer(v) || (v.isString() && v.toString().isEmpty());
            if (!empty)
                out.insert(it.key(), v);
        }
        return out;
    }
    if (value.isObject() && shape->type == Shape::Type::Map) {
        QJsonObject out = value.toObject();
        for (auto it = out.begin(); it != out.end(); ++it)
            *it = cleaned(*it, model.shape(shape->value), model);
        return out;
    }
    if (value.isArray() && shape->type == Shape::Type::List) {
        QJsonArray out;
        const QJsonArray in = value.toArray();
        for (const QJsonValue &v : in) {
            const QJsonValue c = cleaned(v, model.shape(shape->member), model);
            if (!c.isNull() && !isEmptyContainer(c))
                out.append(c);
        }
        return out;
    }
    return value;
}

void mergeTags(QJsonObject &request, const QJsonObject &listTags, Diagnostics &notes)
{
    const QJsonArray incoming = listTags.value("Tags"_L1).toArray();
    if (incoming.isEmpty())
        return;
    QJsonArray tags = request.value("Tags"_L1).toArray();
    for (const QJsonValue &t : incoming) {
        const QString key = t.toObject().value("Key"_L1).toString();
        if (key.startsWith("aws:"_L1, Qt::CaseInsensitive)) {
            notes.append({ u"Tags"_s, Diagnostic::Severity::Info, u"systemTagSkipped"_s,
                tr("tag %1 is a system tag; a create request may not set it, so it was left out").arg(key) });
            continue;
        }
        const QJsonObject tag { { u"Key"_s, key },
            { u"Value"_s, t.toObject().value("Value"_L1).toString() } };
        bool replaced = false;
        for (qsizetype i = 0; i < tags.size() && !replaced; ++i) {
            if (tags.at(i).toObject().value("Key"_L1).toString() == key) {
                tags[i] = tag;
                replaced = true;
            }
        }
        if (!replaced)
            tags.append(tag);
    }
    if (!tags.isEmpty())
        request.insert("Tags"_L1, tags);
}
} // namespace

DescribeConverter::Result DescribeConverter::toCreateRequest(
    SpecKind kind, const QJsonObject &describe, const QJsonObject &listTags)
{
    return toCreateRequest(kind, describe, listTags, ShapeModel::instance());
}

DescribeConverter::Result DescribeConverter::toCreateRequest(
    SpecKind kind, const QJsonObject &describe, const QJsonObject &listTags, const ShapeModel &model)
{
    Result result;
    const Shape *create = model.operationInput(SpecKinds::createOperation(kind));
    const Shape *response = model.operationOutput(SpecKinds::describeOperation(kind));
    Q_ASSERT(create && response);

    QJsonObject kept;
    for (auto it = describe.begin(); it != describe.end(); ++it) {
        const QString &name = it.key();
        if (create->findMember(name)) {
            kept.insert(name, it.value());
        } else if (response->findMember(name) || name == "ResponseMetadata"_L1) {
            result.droppedReadOnly.append(name);
        } else {
            kept.insert(name, it.value());
            result.notes.append({ name, Diagnostic::Severity::Warning, u"unknownFieldKept"_s,
                tr("kept a member this program does not know; if it is read-only, the service "
                   "will reject the request until it is removed") });
        }
    }
    result.request = cleaned(kept, create, model).toObject();

    if (kind == SpecKind::TrainingJob) {
        QJsonObject algorithm = result.request.value("AlgorithmSpecification"_L1).toObject();
        if (algorithm.contains("AlgorithmName"_L1) && algorithm.contains("TrainingImage"_L1)) {
            algorithm.remove("TrainingImage"_L1);
            result.request.insert("AlgorithmSpecification"_L1, algorithm);
            result.notes.append({ u"AlgorithmSpecification.TrainingImage"_s, Diagnostic::Severity::Info,
                u"resolvedImageDropped"_s,
                tr("dropped the image the service resolved AlgorithmName to; a request gives one "
                   "of the two") });
        }
        if (algorithm.contains("MetricDefinitions"_L1))
            result.notes.append({ u"AlgorithmSpecification.MetricDefinitions"_s,
                Diagnostic::Severity::Warning, u"metricDefinitionsCopied"_s,
                tr("copied from the response; SageMaker fills these in for its built-in "
                   "algorithms and rejects them in a request for one, so remove them if "
                   "TrainingImage is a SageMaker algorithm image") });
    }
    mergeTags(result.request, listTags, result.notes);
    return result;
}
