#include "tests/support/fixtureaction.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

FixtureAction FixtureAction::json(const QJsonObject &body, int status)
{
    FixtureAction action;
    action.status = status;
    action.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return action;
}

FixtureAction FixtureAction::awsError(
    int status, const QString &code, const QString &message, const QString &ns)
{
    const QString type = ns.isEmpty() ? code : ns + u'#' + code;
    return json(QJsonObject { { u"__type"_s, type }, { u"message"_s, message } }, status);
}

FixtureAction FixtureAction::xmlError(
    int status, const QString &code, const QString &message, const QString &requestId)
{
    const QString xml
        = u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>%1</Code>"
          u"<Message>%2</Message></Error></Errors><RequestID>%3</RequestID></Response>"_s.arg(
              code.toHtmlEscaped(), message.toHtmlEscaped(), requestId.toHtmlEscaped());
    return raw(status, "text/xml;charset=UTF-8", xml.toUtf8());
}

FixtureAction FixtureAction::raw(int status, const QByteArray &contentType, const QByteArray &body)
{
    FixtureAction action;
    action.status = status;
    action.contentType = contentType;
    action.body = body;
    return action;
}

FixtureAction FixtureAction::html(int status, const QByteArray &html)
{
    return raw(status, "text/html; charset=utf-8", html);
}

FixtureAction FixtureAction::stall()
{
    FixtureAction action;
    action.kind = Kind::Stall;
    return action;
}

FixtureAction FixtureAction::dropAfterBody()
{
    FixtureAction action;
    action.kind = Kind::DropAfterBody;
    return action;
}

FixtureAction FixtureAction::truncated(int status, const QByteArray &partialBody, qsizetype declaredLength)
{
    FixtureAction action;
    action.kind = Kind::TruncateBody;
    action.status = status;
    action.body = partialBody;
    action.declaredLength = std::max(declaredLength, partialBody.size() + 1);
    return action;
}

FixtureAction FixtureAction::withDateOffset(qint64 seconds) const
{
    FixtureAction action = *this;
    action.dateOffsetSeconds = seconds;
    return action;
}

FixtureAction FixtureAction::withoutDate() const
{
    FixtureAction action = *this;
    action.sendDate = false;
    return action;
}

FixtureAction FixtureAction::withHeader(const QByteArray &name, const QByteArray &value) const
{
    FixtureAction action = *this;
    action.headers.append({ name, value });
    return action;
}

FixtureAction FixtureAction::withDelay(std::chrono::milliseconds wait) const
{
    FixtureAction action = *this;
    action.delay = wait;
    return action;
}

FixtureAction FixtureAction::closingConnection() const
{
    FixtureAction action = *this;
    action.closeAfter = true;
    return action;
}
