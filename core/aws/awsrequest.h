#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <utility>

// What to send to an AWS service, protocol specifics already applied: the transport only signs, sends,
// retries and hands the body back. Build one with json() (SageMaker, the pricing API) or query() (EC2).
struct AwsRequest
{
    enum class ResponseFormat {
        Json, // the body is parsed into AwsResult::json
        Xml, // the body is handed back raw in AwsResult::body for the caller to parse
    };

    QString operation; // "CreateTrainingJob": for logs and debug output
    QByteArray target; // X-Amz-Target; empty for the Query protocol
    QByteArray contentType;
    QByteArray body;
    ResponseFormat responseFormat = ResponseFormat::Json;

    // AWS JSON 1.1: POST with X-Amz-Target "<targetPrefix>.<operation>" ("SageMaker", "AWSPriceListService").
    static AwsRequest json(const QString &targetPrefix, const QString &operation, const QJsonObject &input);
    // AWS Query (EC2): a form-encoded body "Action=<action>&Version=<apiVersion>&<name>=<value>...", XML
    // answer.
    static AwsRequest query(const QString &action, const QString &apiVersion,
        const QList<std::pair<QString, QString>> &parameters = {});
};
