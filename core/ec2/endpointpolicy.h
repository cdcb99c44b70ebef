#pragma once

#include <QString>
#include <QStringList>

// What an S3 gateway endpoint's policy lets through, as far as the pre-flight check can tell without IAM's
// full evaluation: a location is allowed when some "Allow" statement names a Resource that matches it
// ("*", "arn:aws:s3:::bucket", "arn:aws:s3:::bucket/*", wildcards * and ? anywhere), and no "Deny"
// statement for everyone without conditions takes all S3 actions ("*", "s3:*") on a Resource matching it.
// Allow statements' actions, principals and conditions are not looked at, nor Deny statements that are
// narrower, so "allowed" may be too kind, never too strict.
class EndpointPolicy
{
public:
    // The s3:// locations of s3Uris that no Allow statement of policyDocument covers, in their order. Empty
    // when the document is empty or not JSON (EC2 then applies its default full-access policy or we cannot
    // tell: either way no complaint).
    static QStringList blockedS3Uris(const QString &policyDocument, const QStringList &s3Uris);
};
