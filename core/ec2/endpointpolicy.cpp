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

// A Deny statement that refuses every S3 request of anyone: no conditions, every principal, every action.
bool deniesEverything(const QJsonObject &statement)
{
    if (statement.value(u"Effect"_s).toString() != "Deny"_L1 || statement.contains(u"Condition"_s)
        || statement.contains(u"NotAction"_s) || statement.contains(u"NotPrincipal"_s))
        return false;
    const QJsonValue principal = statement.value(u"Principal"_s);
    const bool everyone = principal.isUndefined() || principal.toString() == "*"_L1
        || strings(principal.toObject().value(u"AWS"_s)) == QStringList { u"*"_s };
    const QStringList actions = strings(statement.value(u"Action"_s));
    return everyone && (actions.contains(u"*"_s) || actions.contains(u"s3:*"_s, Qt::CaseInsensitive));
}

bool anyMatches(const QList<QRegularExpression> &patterns, const QStringList &arns)
{
    return std::any_of(patterns.cbegin(), patterns.cend(), [&arns](const QRegularExpression &pattern) {
        return std::any_of(arns.cbegin(), arns.cend(),
            [&pattern](const QString &arn) { return pattern.match(arn).hasMatch(); });
    });
}

} // namespace

QStringList EndpointPolicy::blockedS3Uris(const QString &policyDocument, const QStringList &s3Uris)
{
    const QJsonDocument document = QJsonDocument::fromJson(policyDocument.toUtf8());
    if (!document.isObject())
        return {};
    QList<QRegularExpression> allowed, denied;
    const QJsonValue statements = document.object().value(u"Statement"_s);
    const QJsonArray list = statements.isArray() ? statements.toArray() : QJsonArray { statements };
    for (const QJsonValue &statement : list) {
        const QJsonObject s = statement.toObject();
        QList<QRegularExpression> *patterns = s.value(u"Effect"_s).toString() == "Allow"_L1 ? &allowed
            : deniesEverything(s)                                                           ? &denied
                                                                                            : nullptr;
        if (patterns)
            for (const QString &resource : strings(s.value(u"Resource"_s)))
                patterns->append(fromWildcards(resource));
    }
    QStringList blocked;
    for (const QString &uri : s3Uris) {
        const QStringList arns = arnsOf(uri);
        if (!anyMatches(allowed, arns) || anyMatches(denied, arns))
            blocked.append(uri);
    }
    return blocked;
}
