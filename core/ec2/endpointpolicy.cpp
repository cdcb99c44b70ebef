#include "core/ec2/endpointpolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

// A JSON string or a list of them.
QStringList strings(const QJsonValue &value)
{
    if (value.isString())
        return { value.toString() };
    QStringList result;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array)
        result.append(v.toString());
    return result;
}

// IAM wildcards: * any run of characters ("/" included, unlike file globs), ? one character.
QRegularExpression fromWildcards(const QString &pattern)
{
    QString re;
    for (const QChar c : pattern)
        re += c == u'*' ? u".*"_s : c == u'?' ? u"."_s : QRegularExpression::escape(QString(c));
    return QRegularExpression(QRegularExpression::anchoredPattern(re));
}

// The bucket's ARN and the ARN of an object under the location's prefix.
QStringList arnsOf(const QString &s3Uri)
{
    const QString path = s3Uri.mid(5); // after "s3://"
    const qsizetype slash = path.indexOf(u'/');
    const QString bucket = slash < 0 ? path : path.left(slash);
    const QString key = slash < 0 ? QString() : path.mid(slash + 1);
    return { u"arn:aws:s3:::"_s + bucket, u"arn:aws:s3:::%1/%2object"_s.arg(bucket, key) };
}

} // namespace

QStringList EndpointPolicy::blockedS3Uris(const QString &policyDocument, const QStringList &s3Uris)
{
    const QJsonDocument document = QJsonDocument::fromJson(policyDocument.toUtf8());
    if (!document.isObject())
        return {};
    QList<QRegularExpression> allowed;
    const QJsonValue statements = document.object().value(u"Statement"_s);
    const QJsonArray list = statements.isArray() ? statements.toArray() : QJsonArray { statements };
    for (const QJsonValue &statement : list) {
        const QJsonObject s = statement.toObject();
        if (s.value(u"Effect"_s).toString() == "Allow"_L1)
            for (const QString &resource : strings(s.value(u"Resource"_s)))
                allowed.append(fromWildcards(resource));
    }
    QStringList blocked;
    for (const QString &uri : s3Uris) {
        const QStringList arns = arnsOf(uri);
        const bool covered
            = std::any_of(allowed.cbegin(), allowed.cend(), [&arns](const QRegularExpression &pattern) {
                  return std::any_of(arns.cbegin(), arns.cend(),
                      [&pattern](const QString &arn) { return pattern.match(arn).hasMatch(); });
              });
        if (!covered)
            blocked.append(uri);
    }
    return blocked;
}
