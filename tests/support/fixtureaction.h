#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <chrono>
#include <utility>

// What the fixture server does with one request: answer it, or fail in one of the ways real networks fail.
struct FixtureAction
{
    enum class Kind {
        Respond, // status, headers, body
        Stall, // read the request, never answer, keep the connection open
        DropAfterBody, // read the whole request, then close the connection without a byte of answer
        TruncateBody, // send the head with Content-Length declaredLength, only body, then close
    };

    Kind kind = Kind::Respond;
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers; // added after Date, Content-Type and the request id
    QByteArray contentType = "application/x-amz-json-1.1";
    QByteArray body;
    qsizetype declaredLength = -1; // TruncateBody only
    qint64 dateOffsetSeconds = 0; // the Date header is the server clock plus this
    bool sendDate = true;
    bool closeAfter = false; // close the connection after the answer
    std::chrono::milliseconds delay { 0 }; // wall time to wait before answering

    // 200 (or status) with a JSON document.
    static FixtureAction json(const QJsonObject &body, int status = 200);
    // An AWS JSON-protocol error: {"__type": "<ns>#<code>", "message": ...}; ns empty leaves the type bare.
    static FixtureAction awsError(int status, const QString &code, const QString &message,
        const QString &ns = QStringLiteral("com.amazonaws.sagemaker"));
    // An EC2/Query-protocol error document.
    static FixtureAction xmlError(int status, const QString &code, const QString &message,
        const QString &requestId = QStringLiteral("ec2-request-id"));
    static FixtureAction raw(int status, const QByteArray &contentType, const QByteArray &body);
    static FixtureAction html(int status, const QByteArray &html);
    static FixtureAction stall();
    static FixtureAction dropAfterBody();
    // Declares declaredLength bytes, sends partialBody (shorter), closes.
    static FixtureAction truncated(int status, const QByteArray &partialBody, qsizetype declaredLength);

    FixtureAction withDateOffset(qint64 seconds) const;
    FixtureAction withoutDate() const;
    FixtureAction withHeader(const QByteArray &name, const QByteArray &value) const;
    FixtureAction withDelay(std::chrono::milliseconds wait) const;
    FixtureAction closingConnection() const;
};
