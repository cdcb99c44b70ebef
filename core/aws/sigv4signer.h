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
    QByteArray method; // "POST"
    QByteArray path; // as sent, e.g. "/"
    QByteArray query; // raw query string without '?', may be empty
    QList<std::pair<QByteArray, QByteArray>> headers; // in the order added; must include "Host"
    QByteArray body;
};

// How the canonical request is formed. The defaults are what SageMaker, EC2 and pricing expect; the other
// settings exist for the AWS test suite's cases (and S3-style services).
struct SigV4Options
{
    bool normalizePath = true; // remove "." and ".." segments and empty segments from the path
    bool addContentSha256Header = false; // also send (and sign) x-amz-content-sha256
};

// AWS Signature Version 4 (header signing), as a pipeline of visible stages so tests can compare each one
// with the AWS test suite:
//   addSigningHeaders → canonicalRequest → stringToSign → signature → authorizationHeader.
// sign() runs them all. Reads nothing global: credentials, region, service and time are arguments.
// Thread-safe: a const signer may be used from several threads.
class SigV4Signer
{
public:
    SigV4Signer(AwsCredentials credentials, QString region, QString service, SigV4Options options = {});

    // Stage 0: adds X-Amz-Date, X-Amz-Security-Token (when the credentials carry a session token) and, if
    // asked, x-amz-content-sha256; replaces those and any Authorization left from an earlier signing, so a
    // retried request can be signed again.
    void addSigningHeaders(SignableRequest &request, const QDateTime &time) const;

    // Stages 1–4. Every header of the request is signed.
    QByteArray canonicalRequest(const SignableRequest &request) const;
    QByteArray stringToSign(const QByteArray &canonicalRequest, const QDateTime &time) const;
    QByteArray signature(const QByteArray &stringToSign, const QDateTime &time) const; // lower-case hex
    QByteArray authorizationHeader(
        const SignableRequest &request, const QByteArray &signature, const QDateTime &time) const;

    // All stages; appends the Authorization header.
    void sign(SignableRequest &request, const QDateTime &time) const;

    // "20150830T123600Z": the X-Amz-Date form of time, in UTC.
    static QByteArray amzDate(const QDateTime &time);

private:
    // The stages again, with the date already in X-Amz-Date form: sign() formats it once.
    void addSigningHeaders(SignableRequest &request, const QByteArray &date) const;
    QByteArray canonicalRequest(const SignableRequest &request, QByteArray *signedHeaders) const;
    QByteArray stringToSign(const QByteArray &canonicalRequest, const QByteArray &date) const;
    QByteArray signature(const QByteArray &stringToSign, const QByteArray &date) const;
    QByteArray authorizationHeader(
        const QByteArray &signedHeaders, const QByteArray &signature, const QByteArray &date) const;
    void appendCredentialScope(QByteArray &out, QByteArrayView date) const;

    QByteArray m_accessKeyId;
    QByteArray m_secret; // "AWS4" + secret key, the first HMAC key
    QByteArray m_sessionToken;
    QByteArray m_region;
    QByteArray m_service;
    SigV4Options m_options;
};
