#pragma once

#include "core/aws/credentialsprovider.h"

#include <QString>
#include <QUrl>
#include <memory>

// Everything a client needs to talk to one AWS service, as ConnectionResolver::resolve() found it.
// When error is set the rest is incomplete and must not be used: show the error (one sentence naming what to
// set) instead. Holds no secret itself; the credentials provider hands them out per request.
struct ResolvedConnection
{
    QString profile; // the profile the settings came from ("default" when none was named)
    QString region; // the signing region ("us-east-1" for pricing from most regions)
    QUrl endpoint; // "https://api.sagemaker.eu-west-1.amazonaws.com" or a loopback http URL
    QString service; // the SigV4 signing name: "sagemaker", "ec2", "pricing"
    int maxAttempts = 3; // total attempts per call, first included
    std::shared_ptr<CredentialsProvider> credentials;
    QString credentialSource; // "environment", "profile dev (~/.aws/credentials)", ...: for status bars
    QString endpointSource; // "--endpoint-url", "AWS_ENDPOINT_URL_SAGEMAKER", "default", ...: for --debug
    QString error;

    bool isValid() const { return error.isEmpty(); }
};
