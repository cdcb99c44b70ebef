#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <utility>

// One HTTP request as the fixture server received it, recorded for tests to assert on.
struct FixtureRequest
{
    QByteArray method;
    QByteArray path; // request target as sent, e.g. "/" or "/?a=b"
    QByteArray httpVersion; // "HTTP/1.1"
    QList<std::pair<QByteArray, QByteArray>> headers; // in arrival order, names as sent
    QByteArray body;

    QDateTime arrivedAt; // the server's Clock (a ManualClock in tests that pin time)
    qint64 arrivedAtMs = 0; // wall milliseconds since the server started listening
    int connectionId = 0; // requests on one keep-alive connection share it
    int sequence = 0; // 0 for the first request the server received

    // First value of a header, case-insensitive; empty when absent.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    // "SageMaker.ListTrainingJobs" for the JSON protocols.
    QByteArray target() const { return header("X-Amz-Target"); }
    // "ListTrainingJobs": the part of X-Amz-Target after the dot, or the Query protocol's Action parameter.
    QString operation() const;
    // The body as a JSON object; empty when it is not one.
    QJsonObject json() const;
    // The client wants the connection kept open after the response.
    bool keepAlive() const;
};
