#pragma once

#include "core/aws/awserror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <utility>

// Turns any HTTP error response into an AwsError: the JSON protocols ({"__type": "ns#Code", "message": ...}),
// the Query/EC2 XML protocols (<Response><Errors><Error><Code>...), and whatever else a proxy or a broken
// connection leaves behind (HTML pages, empty or truncated bodies). Never fails: when the body says nothing
// usable, the code and message come from the HTTP status. Sets code, message, requestId and httpStatus;
// whether to retry is RetryPolicy's decision, so retryable stays false here.
class AwsErrorParser
{
    Q_DECLARE_TR_FUNCTIONS(AwsErrorParser)

public:
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    static AwsError parse(int httpStatus, const Headers &headers, const QByteArray &body);

    // The request id from x-amzn-RequestId or x-amz-request-id; empty when neither is present.
    static QString requestIdFromHeaders(const Headers &headers);

    // "ValidationException" from "com.amazonaws.sagemaker#ValidationException" or
    // "ValidationException:http://internal.amazon.com/coral/...".
    static QString stripErrorType(const QString &type);

    // A code name for a bare HTTP status: 503 -> "ServiceUnavailable", 418 -> "Http418".
    static QString codeForStatus(int httpStatus);
};
