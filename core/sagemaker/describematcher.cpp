#include "core/sagemaker/describematcher.h"

#include "core/api/jsonpath.h"
#include "core/api/jsontreeedit.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace {

// Lists the service extends with entries of its own.
bool isOpenList(const QString &path)
{
    return path == "AlgorithmSpecification.MetricDefinitions"_L1;
}

// The service leaves out members that were sent empty or false.
bool isEmptyValue(const QJsonValue &value)
{
    return JsonTreeEdit::isEmptyValue(value) || (value.isBool() && !value.toBool());
}

void compare(
    const QJsonValue &sent, const QJsonValue &described, const QString &path, QStringList *differences);

void compareObjects(
    const QJsonObject &sent, const QJsonObject &described, const QString &path, QStringList *differences)
{
    for (auto it = sent.begin(); it != sent.end(); ++it) {
        const QString memberPath = JsonPath::key(path, it.key());
        const auto found = described.constFind(it.key());
        if (found == described.constEnd()) {
            if (!isEmptyValue(it.value()))
                differences->append(memberPath);
            continue;
        }
        compare(it.value(), found.value(), memberPath, differences);
    }
}

bool matches(const QJsonValue &sent, const QJsonValue &described)
{
    QStringList differences;
    compare(sent, described, QString(), &differences);
    return differences.isEmpty();
}

void compareArrays(
    const QJsonArray &sent, const QJsonArray &described, const QString &path, QStringList *differences)
{
    if (isOpenList(path)) {
        for (qsizetype i = 0; i < sent.size(); ++i) {
            const bool present = std::any_of(described.begin(), described.end(),
                [&](const QJsonValue &candidate) { return matches(sent.at(i), candidate); });
            if (!present)
                differences->append(JsonPath::index(path, i));
        }
        return;
    }
    if (sent.size() != described.size()) {
        differences->append(path);
        return;
    }
    for (qsizetype i = 0; i < sent.size(); ++i)
        compare(sent.at(i), described.at(i), JsonPath::index(path, i), differences);
}

void compare(
    const QJsonValue &sent, const QJsonValue &described, const QString &path, QStringList *differences)
{
    if (sent.isObject() && described.isObject())
        compareObjects(sent.toObject(), described.toObject(), path, differences);
    else if (sent.isArray() && described.isArray())
        compareArrays(sent.toArray(), described.toArray(), path, differences);
    else if (sent != described && !(isEmptyValue(sent) && described.isNull()))
        differences->append(path);
}

} // namespace

QStringList DescribeMatcher::differences(const QJsonObject &request, const QJsonObject &description)
{
    QJsonObject sent = request;
    sent.remove("Tags"_L1);
    QStringList found;
    compareObjects(sent, description, QString(), &found);
    return found;
}

QStringList DescribeMatcher::missingTags(const QJsonArray &sent, const QJsonArray &listed)
{
    QHash<QString, QString> actual;
    for (const QJsonValue &tag : listed)
        actual.insert(tag["Key"_L1].toString(), tag["Value"_L1].toString());
    QStringList missing;
    for (const QJsonValue &tag : sent) {
        const QString key = tag["Key"_L1].toString();
        const auto it = actual.constFind(key);
        if (it == actual.constEnd() || it.value() != tag["Value"_L1].toString())
            missing.append(key);
    }
    return missing;
}
