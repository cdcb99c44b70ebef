#pragma once

#include "core/aws/awserror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

// How an AWS call ended, after all its attempts.
struct AwsResult
{
    AwsError error; // null on success
    QJsonObject json; // the parsed answer (JSON protocols); empty for XML and on failure
    QByteArray body; // the raw answer body (what the XML protocols parse); the error body on failure
    QString requestId;
    int httpStatus = 0; // of the last attempt; 0 when no HTTP answer arrived
    int attempts = 0; // attempts sent, retries included
    // The call failed, but its last attempt may have been carried out by the service anyway: the request
    // was sent and then the connection broke, no answer came in time, the answer was cut short or
    // unreadable, or the service answered 5xx. A create must be checked with a describe before it is
    // reported failed or tried again.
    bool outcomeUnknown = false;
    // An attempt before the last may have been carried out by the service (same causes), so the last
    // attempt's answer may be about a request that already took effect: a create refused with "already
    // exists" may be this call's own.
    bool earlierOutcomeUnknown = false;

    bool isOk() const { return error.isNull(); }
    bool mayHaveTakenEffect() const { return outcomeUnknown || earlierOutcomeUnknown; }
};

Q_DECLARE_METATYPE(AwsResult)
