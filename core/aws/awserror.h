#pragma once

#include <QString>

// A failed AWS call, whatever went wrong: an error response from the service, a broken connection, a
// timeout, an unreadable body. code is the AWS error code without namespace ("ValidationException"), or one
// of ours for failures that never reached the service ("NetworkError", "Timeout", "CredentialsError",
// "InvalidResponse").
struct AwsError
{
    QString code;
    QString message;
    QString requestId;
    int httpStatus = 0;     // 0 when no HTTP response arrived
    bool retryable = false; // throttling, 5xx, connection errors, timeouts

    bool isNull() const { return code.isEmpty(); }

    // "Code: message (request id X)": what the CLI prints after "error: " and what forms show.
    QString toString() const
    {
        QString text = code;
        if (!message.isEmpty())
            text += QStringLiteral(": ") + message;
        if (!requestId.isEmpty())
            text += QStringLiteral(" (request id ") + requestId + QLatin1Char(')');
        return text;
    }
};
