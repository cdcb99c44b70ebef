#include "ui/widgets/keyvaluetext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("KeyValueText", text);
}

// QJsonDocument reads only objects and arrays; wrapping lets a scalar through too.
std::optional<QJsonValue> parseJsonValue(const QString &text, QJsonParseError *error = nullptr)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson((u'[' + text + u']').toUtf8(), &parseError);
    if (error)
        *error = parseError;
    if (parseError.error != QJsonParseError::NoError || doc.array().size() != 1)
        return std::nullopt;
    return doc.array().first();
}

QString compactJson(const QJsonValue &value)
{
    const QString wrapped
        = QString::fromUtf8(QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact));
    return wrapped.mid(1, wrapped.size() - 2);
}

KeyValueText::Entry entryFromJson(const QString &key, const QJsonValue &value)
{
    using KeyValueText::ValueType;
    switch (value.type()) {
    case QJsonValue::String:
        return { key, value.toString(), KeyValueText::guessType(value.toString()) };
    case QJsonValue::Bool:
        return { key, compactJson(value), ValueType::Boolean };
    case QJsonValue::Double:
        return { key, compactJson(value), KeyValueText::guessType(compactJson(value)) };
    case QJsonValue::Array:
    case QJsonValue::Object:
        return { key, compactJson(value), ValueType::Json };
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return { key, QString(), ValueType::String };
}

QString unquoted(const QString &value)
{
    if (value.size() >= 2 && (value.startsWith(u'"') || value.startsWith(u'\''))
        && value.endsWith(value.front()))
        return value.mid(1, value.size() - 2);
    return value;
}

} // namespace

namespace KeyValueText {

QList<ValueType> valueTypes()
{
    return { ValueType::String, ValueType::Integer, ValueType::Float, ValueType::Boolean, ValueType::Json };
}

QString typeName(ValueType type)
{
    switch (type) {
    case ValueType::String:
        return tr("String");
    case ValueType::Integer:
        return tr("Integer");
    case ValueType::Float:
        return tr("Float");
    case ValueType::Boolean:
        return tr("Boolean");
    case ValueType::Json:
        return tr("JSON");
    }
    return {};
}

Checked check(ValueType type, const QString &text)
{
    static const QRegularExpression integer(u"^[+-]?\\d+$"_s);
    const QString trimmed = text.trimmed();
    switch (type) {
    case ValueType::String:
        return { true, text, {} };
    case ValueType::Integer:
        if (integer.match(trimmed).hasMatch())
            return { true, trimmed.startsWith(u'+') ? trimmed.mid(1) : trimmed, {} };
        return { false, text, tr("Not an integer: use digits only, e.g. 10 or -3.") };
    case ValueType::Float: {
        bool ok = false;
        const double value = trimmed.toDouble(&ok);
        if (ok && std::isfinite(value))
            return { true, trimmed, {} };
        return { false, text, tr("Not a number: use e.g. 0.001, 1e-4 or 3.") };
    }
    case ValueType::Boolean:
        if (trimmed.compare("true"_L1, Qt::CaseInsensitive) == 0
            || trimmed.compare("false"_L1, Qt::CaseInsensitive) == 0)
            return { true, trimmed.toLower(), {} };
        return { false, text, tr("Not a boolean: use true or false.") };
    case ValueType::Json: {
        QJsonParseError error;
        if (const std::optional<QJsonValue> value = parseJsonValue(trimmed, &error))
            return { true, compactJson(*value), {} };
        // The offset counts the '[' added in front.
        return { false, text,
            tr("Not valid JSON: %1 at character %2.").arg(error.errorString()).arg(qMax(1, error.offset)) };
    }
    }
    return { true, text, {} };
}

QString jsonText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isNull() || value.isUndefined())
        return QString();
    return compactJson(value);
}

ValueType guessType(const QString &value)
{
    static const QRegularExpression integer(u"^-?\\d+$"_s);
    static const QRegularExpression decimal(u"^-?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$"_s);
    if (value == "true"_L1 || value == "false"_L1)
        return ValueType::Boolean;
    if (integer.match(value).hasMatch())
        return ValueType::Integer;
    if (decimal.match(value).hasMatch())
        return ValueType::Float;
    if ((value.startsWith(u'{') || value.startsWith(u'[')) && parseJsonValue(value))
        return ValueType::Json;
    return ValueType::String;
}

Parsed parse(const QString &text)
{
    Parsed parsed;
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(u'{') || trimmed.startsWith(u'[')) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError) {
            parsed.error
                = tr("Not valid JSON: %1 at character %2.").arg(error.errorString()).arg(error.offset + 1);
            return parsed;
        }
        if (doc.isObject()) {
            const QJsonObject object = doc.object();
            for (auto it = object.begin(); it != object.end(); ++it)
                parsed.entries << entryFromJson(it.key(), it.value());
            return parsed;
        }
        const QJsonArray array = doc.array();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonObject tag = array.at(i).toObject();
            if (!tag.contains("Key"_L1)) {
                parsed.skippedLines << tr("entry %1: no \"Key\"").arg(i + 1);
                continue;
            }
            parsed.entries << entryFromJson(tag.value("Key"_L1).toString(), tag.value("Value"_L1));
        }
        return parsed;
    }

    const QStringList lines = text.split(QRegularExpression(u"\r?\n"_s));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (line.startsWith("export "_L1))
            line = line.mid(7).trimmed();
        const qsizetype equals = line.indexOf(u'=');
        if (equals <= 0) {
            parsed.skippedLines << tr("line %1: no key=value").arg(i + 1);
            continue;
        }
        const QString value = unquoted(line.mid(equals + 1).trimmed());
        parsed.entries << Entry { line.left(equals).trimmed(), value, guessType(value) };
    }
    return parsed;
}

} // namespace KeyValueText
