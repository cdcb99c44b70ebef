#include "app/cli/clioutput.h"

#include "core/api/jsonpath.h"
#include "core/api/shapemodel.h"
#include "core/api/specjson.h"
#include "core/api/timestamp.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

struct ListColumns
{
    const char *itemsMember;
    QList<std::pair<QString, QString>> columns; // header, member
};

// The columns a person wants from each list answer.
const ListColumns *listColumns(const QString &operation)
{
    static const ListColumns trainingJobs { "TrainingJobSummaries",
        { { u"NAME"_s, u"TrainingJobName"_s }, { u"STATUS"_s, u"TrainingJobStatus"_s },
            { u"CREATED"_s, u"CreationTime"_s }, { u"ENDED"_s, u"TrainingEndTime"_s } } };
    static const ListColumns models { "Models",
        { { u"NAME"_s, u"ModelName"_s }, { u"CREATED"_s, u"CreationTime"_s }, { u"ARN"_s, u"ModelArn"_s } } };
    static const ListColumns tags { "Tags", { { u"KEY"_s, u"Key"_s }, { u"VALUE"_s, u"Value"_s } } };
    if (operation == "ListTrainingJobs"_L1)
        return &trainingJobs;
    if (operation == "ListModels"_L1)
        return &models;
    if (operation == "ListTags"_L1)
        return &tags;
    return nullptr;
}

QString cell(const QJsonValue &value, const Shape *shape)
{
    if (shape && shape->type == Shape::Type::Timestamp)
        return CliOutput::time(Timestamp::parse(value));
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Array:
        return value.toArray().isEmpty() ? u"[]"_s : QString();
    case QJsonValue::Object:
        return value.toObject().isEmpty() ? u"{}"_s : QString();
    default:
        return u"-"_s;
    }
}

void flatten(const QJsonValue &value, const Shape *shape, const QString &path, const ShapeModel &model,
    QList<QStringList> *rows)
{
    if (value.isObject() && !value.toObject().isEmpty()) {
        const QJsonObject object = value.toObject();
        // Structures in the API's member order, then what the model does not know; maps in key order.
        QStringList keys;
        if (shape && shape->type == Shape::Type::Structure)
            for (const ShapeMember &member : shape->members)
                if (object.contains(member.name))
                    keys.append(member.name);
        for (const QString &key : object.keys())
            if (!keys.contains(key))
                keys.append(key);
        for (const QString &key : std::as_const(keys)) {
            const Shape *child = nullptr;
            if (shape && shape->type == Shape::Type::Structure)
                child = model.memberShape(*shape, key);
            else if (shape && shape->type == Shape::Type::Map)
                child = model.elementShape(*shape);
            flatten(object.value(key), child, JsonPath::key(path, key), model, rows);
        }
        return;
    }
    if (value.isArray() && !value.toArray().isEmpty()) {
        const QJsonArray array = value.toArray();
        const Shape *element
            = shape && shape->type == Shape::Type::List ? model.elementShape(*shape) : nullptr;
        for (qsizetype i = 0; i < array.size(); ++i)
            flatten(array.at(i), element, JsonPath::index(path, i), model, rows);
        return;
    }
    rows->append({ path, cell(value, shape) });
}

} // namespace

QByteArray CliOutput::json(const QString &operation, const QJsonObject &answer)
{
    const ShapeModel &model = ShapeModel::instance();
    return SpecJson::write(answer, model.operationOutput(operation), model);
}

QString CliOutput::text(const QString &operation, const QJsonObject &answer)
{
    const ShapeModel &model = ShapeModel::instance();
    const Shape *shape = model.operationOutput(operation);
    QList<QStringList> rows;
    if (const ListColumns *list = listColumns(operation)) {
        const Shape *entry = shape
            ? model.shapeAtPath(shape, QString(QString::fromLatin1(list->itemsMember) + u"[0]"_s))
            : nullptr;
        QStringList header;
        for (const auto &[title, member] : list->columns)
            header.append(title);
        rows.append(header);
        for (const QJsonValue &item : answer.value(QLatin1StringView(list->itemsMember)).toArray()) {
            QStringList row;
            for (const auto &[title, member] : list->columns) {
                const QJsonValue value = item.toObject().value(member);
                row.append(value.isUndefined() || value.isNull()
                        ? u"-"_s
                        : cell(value, entry ? model.memberShape(*entry, member) : nullptr));
            }
            rows.append(row);
        }
        if (answer.contains("NextToken"_L1))
            rows.append({ u"(more: NextToken %1)"_s.arg(answer.value("NextToken"_L1).toString()) });
        return table(rows);
    }
    if (answer.isEmpty())
        return QString();
    flatten(answer, shape, QString(), model, &rows);
    return table(rows);
}

QString CliOutput::table(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows)
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            if (row.size() > 1) // a one-cell note row does not widen the first column
                widths[i] = std::max(widths[i], row[i].size());
        }
    QString text;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
        text += line + u'\n';
    }
    return text;
}

QString CliOutput::time(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : u"-"_s;
}
