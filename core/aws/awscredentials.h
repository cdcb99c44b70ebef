#pragma once

#include <QDateTime>
#include <QString>

// One set of AWS credentials. Never printed, logged, stored in settings or exported: code that must show
// where credentials came from shows the source (profile, "environment"), never the values.
struct AwsCredentials
{
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken;  // empty for long-term keys
    QDateTime expiration;  // invalid for credentials that do not expire

    bool isValid() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
};
