#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// Hides secrets in text that is about to be shown or logged (the CLI's --debug output, error messages that
// quote another program's output). Replaced by "<redacted>":
// - the values of the Authorization and X-Amz-Security-Token headers ("Name: value" lines);
// - X-Amz-Signature, X-Amz-Security-Token and X-Amz-Credential query parameters of presigned URLs;
// - aws_secret_access_key / aws_session_token settings (INI) and AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN
//   assignments (environment dumps);
// - "SecretAccessKey" / "SessionToken" / "Token" members of JSON (credential_process output);
// - every occurrence of each string in knownSecrets (non-empty entries), wherever it appears.
// Access key ids are not secret and stay, except inside a redacted Authorization value.
QByteArray redactSecrets(const QByteArray &text, const QStringList &knownSecrets = {});
QString redactSecrets(const QString &text, const QStringList &knownSecrets = {});
