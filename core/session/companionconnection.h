#pragma once

#include "core/aws/resolvedconnection.h"

class ConnectionResolver;
struct ConnectionSettings;

// The connection another service (EC2 for the VPC pickers and pre-flight check, the Price List API for
// prices) uses alongside the user's SageMaker connection: the same profile, region and credentials, signing
// for its own service. Credentials: when the profile is SageMaker's, its CredentialsProvider itself, so a
// credential_process runs once for all the services and its renewed keys reach them all.
//
// Endpoint: the local sandbox, and an endpoint override to a loopback address, are emulators that answer
// every service, so the companion goes there too. Any other override is SageMaker's own (a VPC interface
// endpoint, a FIPS endpoint) and is not used for the companion, which resolves its endpoint the usual way
// (AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the profile, else the service's public endpoint).
class CompanionConnection
{
public:
    static ResolvedConnection resolve(const ConnectionResolver &resolver, const ConnectionSettings &choice,
        const ResolvedConnection &sageMaker, const QString &service);
};
