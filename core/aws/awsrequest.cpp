#include "core/aws/awsrequest.h"

#include <QJsonDocument>
#include <QUrl>

AwsRequest AwsRequest::json(const QString &targetPrefix, const QString &operation, const QJsonObject &input)
{
    AwsRequest request;
    request.operation = operation;
    request.target = (targetPrefix + QLatin1Char('.') + operation).toLatin1();
    request.contentType = "application/x-amz-json-1.1";
    request.body = QJsonDocument(input).toJson(QJsonDocument::Compact);
    request.responseFormat = ResponseFormat::Json;
    return request;
}

AwsRequest AwsRequest::query(
    const QString &action, const QString &apiVersion, const QList<std::pair<QString, QString>> &parameters)
{
    AwsRequest request;
    request.operation = action;
    request.contentType = "application/x-www-form-urlencoded; charset=utf-8";
    // Percent-encoding of everything but RFC 3986 unreserved characters, as the Query protocol expects.
    const auto field = [](const QString &name, const QString &value) -> QByteArray {
        return QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    };
    request.body
        = field(QStringLiteral("Action"), action) + '&' + field(QStringLiteral("Version"), apiVersion);
    for (const auto &[name, value] : parameters)
        request.body += '&' + field(name, value);
    request.responseFormat = ResponseFormat::Xml;
    return request;
}
