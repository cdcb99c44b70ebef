#include "tests/support/fixturerequest.h"

#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

QByteArray FixtureRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool FixtureRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString FixtureRequest::operation() const
{
    const QByteArray t = target();
    if (!t.isEmpty())
        return QString::fromLatin1(t.mid(t.lastIndexOf('.') + 1));
    if (header("Content-Type").startsWith("application/x-www-form-urlencoded")) {
        const QUrlQuery form(QString::fromUtf8(body));
        return form.queryItemValue(u"Action"_s);
    }
    return {};
}

QJsonObject FixtureRequest::json() const
{
    return QJsonDocument::fromJson(body).object();
}

bool FixtureRequest::keepAlive() const
{
    const QByteArray connection = header("Connection").toLower();
    if (httpVersion == "HTTP/1.0")
        return connection.contains("keep-alive");
    return !connection.contains("close");
}
