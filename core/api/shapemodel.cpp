#include "core/api/shapemodel.h"

#include "core/api/jsonpath.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtDebug>

using namespace Qt::StringLiterals;

namespace {
Shape shapeFromJson(const QString &name, const QJsonObject &o)
{
    Shape s;
    s.name = name;
    s.type = Shape::typeFromName(o.value("type"_L1).toString());
    const QJsonArray members = o.value("members"_L1).toArray();
    for (const QJsonValue &m : members) {
        const QJsonObject mo = m.toObject();
        s.members.append({ mo.value("name"_L1).toString(), mo.value("shape"_L1).toString(),
            mo.value("required"_L1).toBool() });
    }
    s.member = o.value("member"_L1).toString();
    s.key = o.value("key"_L1).toString();
    s.value = o.value("value"_L1).toString();
    if (o.contains("min"_L1))
        s.min = o.value("min"_L1).toDouble();
    if (o.contains("max"_L1))
        s.max = o.value("max"_L1).toDouble();
    s.pattern = o.value("pattern"_L1).toString();
    if (!s.pattern.isEmpty()) {
        s.regex.setPattern(ShapeModel::toAnchoredPcre(s.pattern));
        s.regex.optimize();
    }
    const QJsonArray values = o.value("enum"_L1).toArray();
    for (const QJsonValue &v : values)
        s.enumValues.append(v.toString());
    return s;
}
} // namespace

const ShapeModel &ShapeModel::instance()
{
    static const ShapeModel model = [] {
        QFile file(u":/sagedesk/api/sagemaker-shapes.json"_s);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("ShapeModel: the built-in shapes resource is missing");
        QString error;
        ShapeModel m = fromJson(file.readAll(), &error);
        if (!m.isValid())
            qFatal("ShapeModel: the built-in shapes resource is malformed: %s", qPrintable(error));
        return m;
    }();
    return model;
}

ShapeModel ShapeModel::fromJson(const QByteArray &json, QString *error)
{
    ShapeModel model;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = parseError.errorString();
        return model;
    }
    const QJsonObject root = doc.object();
    const QJsonObject source = root.value("source"_L1).toObject();
    model.m_apiVersion = source.value("apiVersion"_L1).toString();
    model.m_botocoreVersion = source.value("botocoreVersion"_L1).toString();

    const QJsonObject shapes = root.value("shapes"_L1).toObject();
    for (auto it = shapes.begin(); it != shapes.end(); ++it) {
        Shape s = shapeFromJson(it.key(), it.value().toObject());
        if (s.type == Shape::Type::Unknown || (!s.pattern.isEmpty() && !s.regex.isValid())) {
            if (error)
                *error = u"shape %1: unknown type or invalid pattern (%2)"_s.arg(
                    it.key(), s.regex.errorString());
            return ShapeModel();
        }
        model.m_shapes.insert(it.key(), std::move(s));
    }
    const QJsonObject operations = root.value("operations"_L1).toObject();
    for (auto it = operations.begin(); it != operations.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        model.m_operations.insert(
            it.key(), { o.value("input"_L1).toString(), o.value("output"_L1).toString() });
    }
    // Every reference must resolve, so lookups below never meet a dangling name.
    for (const Shape &s : std::as_const(model.m_shapes)) {
        QStringList refs = { s.member, s.key, s.value };
        for (const ShapeMember &m : s.members)
            refs.append(m.shape);
        for (const QString &ref : std::as_const(refs)) {
            if (!ref.isEmpty() && !model.m_shapes.contains(ref)) {
                if (error)
                    *error = u"shape %1 refers to unknown shape %2"_s.arg(s.name, ref);
                return ShapeModel();
            }
        }
    }
    return model;
}

const Shape *ShapeModel::shape(const QString &name) const
{
    const auto it = m_shapes.constFind(name);
    return it == m_shapes.cend() ? nullptr : &it.value();
}

QStringList ShapeModel::shapeNames() const
{
    QStringList names = m_shapes.keys();
    names.sort();
    return names;
}

const Shape *ShapeModel::operationInput(const QString &operation) const
{
    const auto it = m_operations.constFind(operation);
    return it == m_operations.cend() ? nullptr : shape(it->input);
}

const Shape *ShapeModel::operationOutput(const QString &operation) const
{
    const auto it = m_operations.constFind(operation);
    return it == m_operations.cend() ? nullptr : shape(it->output);
}

const Shape *ShapeModel::memberShape(const Shape &structure, QStringView member) const
{
    if (structure.type != Shape::Type::Structure)
        return nullptr;
    const ShapeMember *m = structure.findMember(member);
    return m ? shape(m->shape) : nullptr;
}

const Shape *ShapeModel::elementShape(const Shape &listOrMap) const
{
    if (listOrMap.type == Shape::Type::List)
        return shape(listOrMap.member);
    if (listOrMap.type == Shape::Type::Map)
        return shape(listOrMap.value);
    return nullptr;
}

const Shape *ShapeModel::shapeAtPath(const Shape *root, QStringView path) const
{
    QList<JsonPath::Segment> segments;
    if (!root || !JsonPath::parse(path, &segments))
        return nullptr;
    const Shape *current = root;
    for (const JsonPath::Segment &seg : std::as_const(segments)) {
        switch (seg.kind) {
        case JsonPath::Segment::Kind::Member:
            current = current->type == Shape::Type::Map ? elementShape(*current)
                                                        : memberShape(*current, seg.name);
            break;
        case JsonPath::Segment::Kind::Key:
            current = current->type == Shape::Type::Map ? elementShape(*current) : nullptr;
            break;
        case JsonPath::Segment::Kind::Index:
            current = current->type == Shape::Type::List ? elementShape(*current) : nullptr;
            break;
        }
        if (!current)
            return nullptr;
    }
    return current;
}

QString ShapeModel::toAnchoredPcre(const QString &javaPattern)
{
    // Java's POSIX classes are ASCII-only, like these replacements; PCRE2 has no \p{Alnum}.
    static const struct
    {
        QLatin1StringView java;
        QLatin1StringView pcre;
    } posixClasses[] = {
        { "\\p{Alnum}"_L1, "a-zA-Z0-9"_L1 },
        { "\\p{Alpha}"_L1, "a-zA-Z"_L1 },
        { "\\p{Digit}"_L1, "0-9"_L1 },
        { "\\p{Lower}"_L1, "a-z"_L1 },
        { "\\p{Upper}"_L1, "A-Z"_L1 },
    };
    QString p = javaPattern;
    for (const auto &c : posixClasses) {
        // Inside a bracket expression the class becomes a range list; outside it needs brackets of its own.
        qsizetype from = 0;
        while ((from = p.indexOf(c.java, from)) >= 0) {
            const bool inBrackets = p.lastIndexOf(u'[', from) > p.lastIndexOf(u']', from);
            const QString replacement = inBrackets ? QString(c.pcre) : u'[' + QString(c.pcre) + u']';
            p.replace(from, c.java.size(), replacement);
            from += replacement.size();
        }
    }
    return QRegularExpression::anchoredPattern(p);
}
