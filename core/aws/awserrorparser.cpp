#include "core/aws/awserrorparser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

// Longest message taken from a body that is not an AWS error document (an HTML page, plain text).
constexpr qsizetype maxForeignTextLength = 200;

QByteArray headerValue(const AwsErrorParser::Headers &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return u"Bad Request"_s;
    case 401:
        return u"Unauthorized"_s;
    case 403:
        return u"Forbidden"_s;
    case 404:
        return u"Not Found"_s;
    case 405:
        return u"Method Not Allowed"_s;
    case 408:
        return u"Request Timeout"_s;
    case 413:
        return u"Payload Too Large"_s;
    case 429:
        return u"Too Many Requests"_s;
    case 500:
        return u"Internal Server Error"_s;
    case 502:
        return u"Bad Gateway"_s;
    case 503:
        return u"Service Unavailable"_s;
    case 504:
        return u"Gateway Timeout"_s;
    default:
        return {};
    }
}

QString statusText(int status)
{
    const QString reason = reasonPhrase(status);
    return reason.isEmpty() ? u"HTTP %1"_s.arg(status) : u"HTTP %1 %2"_s.arg(status).arg(reason);
}

// Collapses whitespace and cuts long text, so a page of HTML becomes one readable line.
QString oneLine(const QString &text)
{
    QString line = text.simplified();
    if (line.size() > maxForeignTextLength)
        line = line.left(maxForeignTextLength - 1) + QChar(0x2026);
    return line;
}

bool looksLikeHtml(const QByteArray &trimmed)
{
    const QByteArray head = trimmed.left(512).toLower();
    return head.startsWith("<!doctype html") || head.contains("<html") || head.contains("<body")
        || head.contains("<title");
}

QString htmlText(const QByteArray &body)
{
    const QString html = QString::fromUtf8(body);
    static const QRegularExpression title(u"<title[^>]*>(.*?)</title>"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression paragraph(u"<(?:h1|p)[^>]*>(.*?)</(?:h1|p)>"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tags(u"<[^>]*>"_s);
    QStringList parts;
    if (const auto m = title.match(html); m.hasMatch())
        parts << m.captured(1);
    auto it = paragraph.globalMatch(html);
    while (it.hasNext()) {
        QString text = it.next().captured(1);
        text.remove(tags);
        text = text.simplified();
        // Pages repeat their title as the heading: keep each piece of text once.
        const bool known = std::any_of(
            parts.cbegin(), parts.cend(), [&text](const QString &part) { return part.contains(text); });
        if (!text.isEmpty() && !known)
            parts << text;
    }
    if (parts.isEmpty()) {
        QString text = html;
        text.remove(tags);
        parts << text;
    }
    return oneLine(parts.join(u". "_s));
}

// Fills code/message/requestId from a Query or EC2 XML error document. Reads as far as the document goes,
// so a truncated body still yields what arrived.
bool parseXml(const QByteArray &body, AwsError &error)
{
    QXmlStreamReader xml(body);
    QString code;
    QString message;
    QString requestId;
    while (!xml.atEnd() && xml.readNext() != QXmlStreamReader::Invalid) {
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == "Code"_L1 && code.isEmpty())
            code = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
        else if (name == "Message"_L1 && message.isEmpty())
            message = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
        else if ((name == "RequestID"_L1 || name == "RequestId"_L1) && requestId.isEmpty())
            requestId = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
    }
    if (code.isEmpty())
        return false;
    error.code = code;
    error.message = message;
    if (error.requestId.isEmpty())
        error.requestId = requestId;
    return true;
}

QString jsonString(const QJsonObject &object, std::initializer_list<QLatin1StringView> keys)
{
    for (const auto key : keys) {
        const QJsonValue value = object.value(key);
        if (value.isString())
            return value.toString();
    }
    return {};
}

bool parseJson(const QByteArray &body, AwsError &error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject())
        return false;
    const QJsonObject object = document.object();
    if (error.code.isEmpty())
        error.code
            = AwsErrorParser::stripErrorType(jsonString(object, { "__type"_L1, "code"_L1, "Code"_L1 }));
    error.message = jsonString(object, { "message"_L1, "Message"_L1, "errorMessage"_L1 });
    if (error.requestId.isEmpty())
        error.requestId = jsonString(object, { "RequestId"_L1, "requestId"_L1 });
    return !error.code.isEmpty() || !error.message.isEmpty();
}

// A JSON body cut short: take the type and message if their strings arrived whole.
bool salvageTruncatedJson(const QByteArray &body, AwsError &error)
{
    const QString text = QString::fromUtf8(body);
    static const QRegularExpression type(u"\"(?:__type|code|Code)\"\\s*:\\s*\"([^\"]*)\""_s);
    static const QRegularExpression message(u"\"(?:message|Message)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\""_s);
    if (error.code.isEmpty()) {
        if (const auto m = type.match(text); m.hasMatch())
            error.code = AwsErrorParser::stripErrorType(m.captured(1));
    }
    if (const auto m = message.match(text); m.hasMatch())
        error.message = m.captured(1);
    return !error.code.isEmpty();
}

} // namespace

QString AwsErrorParser::requestIdFromHeaders(const Headers &headers)
{
    QByteArray id = headerValue(headers, "x-amzn-RequestId");
    if (id.isEmpty())
        id = headerValue(headers, "x-amz-request-id");
    return QString::fromLatin1(id.trimmed());
}

QString AwsErrorParser::stripErrorType(const QString &type)
{
    QString code = type.trimmed();
    if (const qsizetype hash = code.lastIndexOf(u'#'); hash >= 0)
        code = code.mid(hash + 1);
    if (const qsizetype colon = code.indexOf(u':'); colon >= 0)
        code.truncate(colon);
    return code;
}

QString AwsErrorParser::codeForStatus(int httpStatus)
{
    QString reason = reasonPhrase(httpStatus);
    if (reason.isEmpty())
        return u"Http%1"_s.arg(httpStatus);
    return reason.remove(u' ');
}

AwsError AwsErrorParser::parse(int httpStatus, const Headers &headers, const QByteArray &body)
{
    AwsError error;
    error.httpStatus = httpStatus;
    error.requestId = requestIdFromHeaders(headers);
    // The JSON protocols put the authoritative type in this header when they send it.
    error.code = stripErrorType(QString::fromLatin1(headerValue(headers, "x-amzn-ErrorType")));

    const QByteArray trimmed = body.trimmed();
    bool understood = false;
    if (trimmed.startsWith('{'))
        understood = parseJson(trimmed, error) || salvageTruncatedJson(trimmed, error);
    else if (trimmed.startsWith('<') && !looksLikeHtml(trimmed))
        understood = parseXml(trimmed, error);
    if (understood) {
        if (error.code.isEmpty())
            error.code = codeForStatus(httpStatus);
        if (error.message.isEmpty())
            error.message = statusText(httpStatus);
        return error;
    }

    if (error.code.isEmpty())
        error.code = codeForStatus(httpStatus);
    if (trimmed.isEmpty())
        error.message = tr("%1 with an empty response body").arg(statusText(httpStatus));
    else if (looksLikeHtml(trimmed))
        error.message = tr("%1 with an HTML page instead of an AWS response: %2")
                            .arg(statusText(httpStatus), htmlText(trimmed));
    else if (trimmed.startsWith('{') || trimmed.startsWith('<'))
        error.message = tr("%1 with an unreadable or incomplete response body").arg(statusText(httpStatus));
    else
        error.message = tr("%1: %2").arg(statusText(httpStatus), oneLine(QString::fromUtf8(trimmed)));
    return error;
}
