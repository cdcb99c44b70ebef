#include "core/api/specjson.h"

#include "core/api/shapemodel.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QVariant>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {
constexpr int indentWidth = 4;

QString tr(const char *text)
{
    return QCoreApplication::translate("SpecJson", text);
}

void writeString(QByteArray &out, const QString &s)
{
    QString escaped;
    escaped.reserve(s.size() + 2);
    escaped.append(u'"');
    for (QChar c : s) {
        switch (c.unicode()) {
        case u'"':
            escaped.append(u"\\\"");
            break;
        case u'\\':
            escaped.append(u"\\\\");
            break;
        case u'\b':
            escaped.append(u"\\b");
            break;
        case u'\f':
            escaped.append(u"\\f");
            break;
        case u'\n':
            escaped.append(u"\\n");
            break;
        case u'\r':
            escaped.append(u"\\r");
            break;
        case u'\t':
            escaped.append(u"\\t");
            break;
        default:
            if (c.unicode() < 0x20)
                escaped.append(u"\\u00" + QString::number(c.unicode(), 16).rightJustified(2, u'0'));
            else
                escaped.append(c);
        }
    }
    escaped.append(u'"');
    out.append(escaped.toUtf8());
}

void writeNumber(QByteArray &out, const QJsonValue &value)
{
    const QVariant variant = value.toVariant();
    if (variant.typeId() == QMetaType::LongLong) {
        out.append(QByteArray::number(variant.toLongLong()));
        return;
    }
    const double d = value.toDouble();
    if (d == std::floor(d) && std::fabs(d) < 9007199254740992.0) {
        out.append(QByteArray::number(qint64(d)));
        return;
    }
    out.append(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
}

class Writer
{
public:
    explicit Writer(const ShapeModel &model)
        : m_model(model)
    { }

    void value(const QJsonValue &v, const Shape *shape, int depth)
    {
        switch (v.type()) {
        case QJsonValue::Object:
            object(v.toObject(), shape, depth);
            break;
        case QJsonValue::Array:
            array(v.toArray(), shape, depth);
            break;
        case QJsonValue::String:
            writeString(m_out, v.toString());
            break;
        case QJsonValue::Double:
            writeNumber(m_out, v);
            break;
        case QJsonValue::Bool:
            m_out.append(v.toBool() ? "true" : "false");
            break;
        case QJsonValue::Null:
        case QJsonValue::Undefined:
            m_out.append("null");
            break;
        }
    }

    QByteArray take() { return std::move(m_out); }

private:
    void indent(int depth) { m_out.append(QByteArray(depth * indentWidth, ' ')); }

    void object(const QJsonObject &o, const Shape *shape, int depth)
    {
        if (o.isEmpty()) {
            m_out.append("{}");
            return;
        }
        // Known members in model order, then the rest in QJsonObject's (code-point) order.
        QList<QPair<QString, const Shape *>> order;
        if (shape && shape->type == Shape::Type::Structure) {
            for (const ShapeMember &m : shape->members)
                if (o.contains(m.name))
                    order.append({ m.name, m_model.shape(m.shape) });
            for (auto it = o.begin(); it != o.end(); ++it)
                if (!shape->findMember(it.key()))
                    order.append({ it.key(), nullptr });
        } else {
            const Shape *valueShape
                = shape && shape->type == Shape::Type::Map ? m_model.shape(shape->value) : nullptr;
            for (auto it = o.begin(); it != o.end(); ++it)
                order.append({ it.key(), valueShape });
        }
        m_out.append("{\n");
        for (qsizetype i = 0; i < order.size(); ++i) {
            indent(depth + 1);
            writeString(m_out, order[i].first);
            m_out.append(": ");
            value(o.value(order[i].first), order[i].second, depth + 1);
            m_out.append(i + 1 < order.size() ? ",\n" : "\n");
        }
        indent(depth);
        m_out.append('}');
    }

    void array(const QJsonArray &a, const Shape *shape, int depth)
    {
        if (a.isEmpty()) {
            m_out.append("[]");
            return;
        }
        const Shape *element
            = shape && shape->type == Shape::Type::List ? m_model.shape(shape->member) : nullptr;
        m_out.append("[\n");
        for (qsizetype i = 0; i < a.size(); ++i) {
            indent(depth + 1);
            value(a.at(i), element, depth + 1);
            m_out.append(i + 1 < a.size() ? ",\n" : "\n");
        }
        indent(depth);
        m_out.append(']');
    }

    const ShapeModel &m_model;
    QByteArray m_out;
};

// 1-based line and character column of a byte offset into UTF-8 text.
void lineAndColumn(const QByteArray &utf8, qsizetype offset, int *line, int *column)
{
    offset = qBound(qsizetype(0), offset, utf8.size());
    int l = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (utf8[i] == '\n') {
            ++l;
            lineStart = i + 1;
        }
    }
    *line = l;
    *column = int(QString::fromUtf8(utf8.mid(lineStart, offset - lineStart)).toUcs4().size()) + 1;
}
} // namespace

SpecJson::ParseResult SpecJson::parse(const QByteArray &text)
{
    ParseResult result;
    const QByteArray bom("\xEF\xBB\xBF");
    const QByteArray body = text.startsWith(bom) ? text.mid(bom.size()) : text;

    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        result.error = error.errorString();
        // Qt's offset is one past the character the parser choked on, except for trailing garbage, where it
        // is the garbage itself.
        const qsizetype at = error.error == QJsonParseError::GarbageAtEnd || error.offset == 0
            ? error.offset
            : error.offset - 1;
        lineAndColumn(body, at, &result.line, &result.column);
        return result;
    }
    if (!doc.isObject()) {
        result.error = tr("the document must be a JSON object ({ … })");
        qsizetype first = 0;
        while (first < body.size() && QChar::isSpace(uchar(body[first])))
            ++first;
        lineAndColumn(body, first, &result.line, &result.column);
        return result;
    }
    result.ok = true;
    result.document = doc.object();
    return result;
}

QByteArray SpecJson::write(const QJsonObject &document, const Shape *shape, const ShapeModel &model)
{
    Writer writer(model);
    writer.value(document, shape, 0);
    QByteArray out = writer.take();
    out.append('\n');
    return out;
}

QByteArray SpecJson::write(const QJsonObject &document, SpecKind kind)
{
    const ShapeModel &model = ShapeModel::instance();
    return write(document, model.operationInput(SpecKinds::createOperation(kind)), model);
}

bool SpecJson::save(const QString &fileName, const QByteArray &bytes, QString *error)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

bool SpecJson::save(const QString &fileName, const QJsonObject &document, SpecKind kind, QString *error)
{
    return save(fileName, write(document, kind), error);
}
