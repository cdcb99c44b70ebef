#include "core/api/shapewalker.h"

#include "core/api/instancetypename.h"
#include "core/api/jsonpath.h"
#include "core/api/shapemodel.h"
#include "core/api/timestamp.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ShapeWalker", text);
}

// Values can be kilobytes long (hyperparameters); a diagnostic line shows the start.
QString quoted(const QString &text)
{
    constexpr qsizetype shown = 60;
    return u'"' + (text.size() > shown ? text.left(shown) + u'…' : text) + u'"';
}

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return tr("null");
    case QJsonValue::Bool:
        return tr("a boolean");
    case QJsonValue::Double:
        return tr("a number");
    case QJsonValue::String:
        return tr("a string");
    case QJsonValue::Array:
        return tr("a list");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return tr("nothing");
}

QString expectedTypeName(const Shape &shape)
{
    switch (shape.type) {
    case Shape::Type::Structure:
        return tr("an object");
    case Shape::Type::List:
        return tr("a list");
    case Shape::Type::Map:
        return tr("an object of key/value entries");
    case Shape::Type::String:
    case Shape::Type::Blob:
        return tr("a string");
    case Shape::Type::Integer:
        return tr("a whole number");
    case Shape::Type::Long:
        return tr("a whole number");
    case Shape::Type::Float:
    case Shape::Type::Double:
        return tr("a number");
    case Shape::Type::Boolean:
        return tr("true or false");
    case Shape::Type::Timestamp:
        return tr("a timestamp (epoch seconds or ISO 8601)");
    case Shape::Type::Unknown:
        break;
    }
    return tr("a value");
}

QString formatNumber(double v)
{
    return v == std::floor(v) && std::fabs(v) < 1e15 ? QString::number(qint64(v)) : QString::number(v);
}

Diagnostic error(const QString &path, const QString &code, const QString &message)
{
    return { path, Diagnostic::Severity::Error, code, message };
}

// AWS adds instance types to its enums every few months, long before a program built today learns them, and
// the service accepts them: a well-formed type missing from the model is only a warning, so a user is never
// blocked from a type the service takes. Every other enum is closed.
bool isOpenInstanceTypeEnum(const Shape &shape)
{
    return shape.name.endsWith(u"InstanceType");
}

// Lists a few allowed values; instance-type enums have more than a hundred.
QString allowedValues(const QStringList &values)
{
    constexpr qsizetype shown = 8;
    if (values.size() <= shown)
        return values.join(u", "_s);
    return tr("%1, … (%2 values)").arg(values.first(shown).join(u", "_s)).arg(values.size());
}
} // namespace

ShapeWalker::ShapeWalker(const ShapeModel &model)
    : m_model(model)
{ }

bool ShapeWalker::hasExpectedType(const Shape &shape, const QJsonValue &value)
{
    switch (shape.type) {
    case Shape::Type::Structure:
    case Shape::Type::Map:
        return value.isObject();
    case Shape::Type::List:
        return value.isArray();
    case Shape::Type::String:
    case Shape::Type::Blob:
        return value.isString();
    case Shape::Type::Boolean:
        return value.isBool();
    case Shape::Type::Float:
    case Shape::Type::Double:
        return value.isDouble();
    case Shape::Type::Integer: {
        const double v = value.toDouble(0.5);
        return value.isDouble() && v == std::floor(v) && v >= -2147483648.0 && v <= 2147483647.0;
    }
    case Shape::Type::Long: {
        const double v = value.toDouble(0.5);
        return value.isDouble() && v == std::floor(v) && std::fabs(v) <= 9007199254740992.0;
    }
    case Shape::Type::Timestamp:
        return Timestamp::parse(value).isValid();
    case Shape::Type::Unknown:
        break;
    }
    return false;
}

void ShapeWalker::walk(
    const Shape &shape, const QJsonValue &value, const QString &path, const Visitor &visit) const
{
    visit(shape, value, path);
    if (!hasExpectedType(shape, value))
        return;
    switch (shape.type) {
    case Shape::Type::Structure: {
        const QJsonObject object = value.toObject();
        for (const ShapeMember &m : shape.members) {
            const auto it = object.constFind(m.name);
            if (it == object.constEnd() || (m.required && it->isNull()))
                continue; // check() reports missing required members at the parent
            walk(*m_model.shape(m.shape), *it, JsonPath::member(path, m.name), visit);
        }
        break;
    }
    case Shape::Type::List: {
        const Shape &element = *m_model.shape(shape.member);
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            walk(element, array.at(i), JsonPath::index(path, i), visit);
        break;
    }
    case Shape::Type::Map: {
        const Shape &element = *m_model.shape(shape.value);
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            walk(element, it.value(), JsonPath::key(path, it.key()), visit);
        break;
    }
    default:
        break;
    }
}

Diagnostics ShapeWalker::check(const Shape &shape, const QJsonValue &value, const QString &path) const
{
    Diagnostics out;
    if (!hasExpectedType(shape, value)) {
        QString message = tr("expected %1, got %2").arg(expectedTypeName(shape), jsonTypeName(value));
        if (value.isDouble() && (shape.type == Shape::Type::Integer || shape.type == Shape::Type::Long))
            message = tr("expected a whole number in range, got %1").arg(value.toDouble());
        else if (value.isString() && shape.type == Shape::Type::Timestamp)
            message = tr("%1 is not a timestamp (epoch seconds or ISO 8601)").arg(quoted(value.toString()));
        out.append(error(path, u"type"_s, message));
        return out;
    }

    switch (shape.type) {
    case Shape::Type::Structure: {
        const QJsonObject object = value.toObject();
        for (const ShapeMember &m : shape.members)
            if (m.required && (!object.contains(m.name) || object.value(m.name).isNull()))
                out.append(error(JsonPath::member(path, m.name), u"required"_s, tr("is required")));
        for (auto it = object.begin(); it != object.end(); ++it)
            if (!shape.findMember(it.key()))
                out.append(
                    { JsonPath::member(path, it.key()), Diagnostic::Severity::Warning, u"unknownField"_s,
                        tr("unknown field: the API version %1 has no such member (kept, but the service "
                           "would reject it)")
                            .arg(m_model.apiVersion()) });
        break;
    }
    case Shape::Type::List:
    case Shape::Type::Map: {
        const qsizetype count
            = shape.type == Shape::Type::List ? value.toArray().size() : value.toObject().size();
        if (shape.min && count < *shape.min)
            out.append(error(path, u"minCount"_s,
                tr("has %1 entries; the minimum is %2").arg(count).arg(formatNumber(*shape.min))));
        if (shape.max && count > *shape.max)
            out.append(error(path, u"maxCount"_s,
                tr("has %1 entries; the maximum is %2").arg(count).arg(formatNumber(*shape.max))));
        if (shape.type == Shape::Type::Map) {
            const Shape &keyShape = *m_model.shape(shape.key);
            const QJsonObject object = value.toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                checkScalar(keyShape, QJsonValue(it.key()), JsonPath::key(path, it.key()), true, out);
        }
        break;
    }
    default:
        checkScalar(shape, value, path, false, out);
        break;
    }
    return out;
}

void ShapeWalker::checkScalar(
    const Shape &shape, const QJsonValue &value, const QString &path, bool isMapKey, Diagnostics &out) const
{
    const QString subject = isMapKey ? tr("key: ") : QString();
    if (shape.type == Shape::Type::String) {
        const QString text = value.toString();
        const qsizetype length = text.toUcs4().size();
        if (shape.min && length < *shape.min)
            out.append(error(path, u"minLength"_s,
                subject + tr("length is %1; the minimum is %2").arg(length).arg(formatNumber(*shape.min))));
        if (shape.max && length > *shape.max)
            out.append(error(path, u"maxLength"_s,
                subject + tr("length is %1; the maximum is %2").arg(length).arg(formatNumber(*shape.max))));
        if (!shape.enumValues.isEmpty() && !shape.enumValues.contains(text)) {
            if (isOpenInstanceTypeEnum(shape) && InstanceTypeName::isWellFormed(text))
                out.append({ path, Diagnostic::Severity::Warning, u"enumUnknown"_s,
                    tr("%1 is not among the %2 instance types this version knows; the service may accept it "
                       "if it is newer")
                        .arg(quoted(text))
                        .arg(shape.enumValues.size()) });
            else
                out.append(error(path, u"enum"_s,
                    subject + tr("%1 is not one of: %2").arg(quoted(text), allowedValues(shape.enumValues))));
        }
        if (shape.regex.isValid() && !shape.pattern.isEmpty() && !shape.regex.match(text).hasMatch())
            out.append(error(path, u"pattern"_s,
                subject + tr("%1 does not match the pattern %2").arg(quoted(text), shape.pattern)));
    } else if (shape.isNumber()) {
        const double v = value.toDouble();
        if (shape.min && v < *shape.min)
            out.append(error(path, u"minValue"_s, tr("must be at least %1").arg(formatNumber(*shape.min))));
        if (shape.max && v > *shape.max)
            out.append(error(path, u"maxValue"_s, tr("must be at most %1").arg(formatNumber(*shape.max))));
    }
}

Diagnostics ShapeWalker::validate(const Shape &shape, const QJsonValue &value, const QString &path) const
{
    Diagnostics out;
    walk(shape, value, path,
        [&](const Shape &s, const QJsonValue &v, const QString &p) { out.append(check(s, v, p)); });
    return out;
}
