#pragma once

#include "core/aws/awscredentials.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <utility>

// An HTTP request as the signer sees it: exactly the bytes that go on the wire.
struct SignableRequest
{
    QByteArray method;                               // "POST"
    QByteArray path;                                 // as sent, e.g. "/"
    QByteArray query;                                // raw query string without '?', may be empty
    QList<std::pair<QByteArray, QByteArray>> headers; // in the order added; must include "Host"
    QByteArray body;
};

// AWS Signature Version 4 (header signing), as a pipeline of visible stages so tests can compare each one
// with the AWS test suite. Reads nothing global: credentials, region, service and time are arguments.
class SigV4Signer
{
public:
    SigV4Signer(AwsCredentials credentials, QString region, QString service);

    QByteArray canonicalRequest(const SignableRequest &request) const;
    QByteArray stringToSign(const QByteArray &canonicalRequest, const QDateTime &time) const;
    QByteArray signature(const QByteArray &stringToSign, const QDateTime &time) const;
    QByteArray authorizationHeader(const SignableRequest &request, const QByteArray &signature) const;

    // Adds X-Amz-Date, X-Amz-Security-Token (when the credentials carry a session token) and Authorization.
    void sign(SignableRequest &request, const QDateTime &time) const;

private:
    AwsCredentials m_credentials;
    QString m_region;
    QString m_service;
};
