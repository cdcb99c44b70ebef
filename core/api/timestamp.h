#pragma once

#include <QDateTime>
#include <QJsonValue>

// Timestamps as SageMaker answers them: epoch seconds (a JSON number, possibly fractional, from the JSON
// 1.1 API) or ISO 8601 text (what the AWS CLI prints, e.g. 2024-01-02T03:04:05.123000+00:00). Both become a
// UTC QDateTime with millisecond precision; anything else becomes an invalid QDateTime.
class Timestamp
{
public:
    static QDateTime parse(const QJsonValue &value);
    static QDateTime parse(QStringView text);
    static QDateTime fromEpochSeconds(double seconds);
};
