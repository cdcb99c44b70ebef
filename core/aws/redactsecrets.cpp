#include "core/aws/redactsecrets.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

const QString kRedacted = u"<redacted>"_s;

// Each pattern's group 1 is kept, group 2 is the secret.
const QList<QRegularExpression> &patterns()
{
    static const QList<QRegularExpression> list = [] {
        const auto options = QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption;
        return QList<QRegularExpression> {
            // HTTP header lines, also as Qt and curl print them ("> Authorization: ...", "\"Authorization\":
            // ").
            QRegularExpression(
                uR"re(((?:authorization|x-amz-security-token)"?\s*:\s*"?)([^"\r\n]+))re"_s, options),
            // Presigned URL parameters.
            QRegularExpression(
                uR"re(((?:x-amz-signature|x-amz-security-token|x-amz-credential)=)([^&\s"]+))re"_s, options),
            // INI settings and environment assignments.
            QRegularExpression(
                uR"re(((?:aws_secret_access_key|aws_session_token|aws_security_token)"?\s*[:=]\s*"?)([^"\s,;]+))re"_s,
                options),
            // JSON members.
            QRegularExpression(
                uR"re(("(?:secretaccesskey|sessiontoken|token|secret_access_key|session_token)"\s*:\s*")((?:[^"\\]|\\.)*))re"_s,
                options),
        };
    }();
    return list;
}

} // namespace

QString redactSecrets(const QString &text, const QStringList &knownSecrets)
{
    QString out = text;
    for (const QString &secret : knownSecrets) {
        if (!secret.isEmpty())
            out.replace(secret, kRedacted);
    }
    for (const QRegularExpression &pattern : patterns())
        out.replace(pattern, u"\\1"_s + kRedacted);
    return out;
}

QByteArray redactSecrets(const QByteArray &text, const QStringList &knownSecrets)
{
    return redactSecrets(QString::fromUtf8(text), knownSecrets).toUtf8();
}
