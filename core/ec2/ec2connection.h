#pragma once

#include "core/aws/resolvedconnection.h"

class ConnectionResolver;
struct ConnectionSettings;

// The EC2 connection that goes with the user's SageMaker connection (Session::settings() and
// Session::connection()), for the VPC pickers and the pre-flight check: the same profile, region and
// credentials, signing for "ec2".
//
// Endpoint: the local sandbox, and an endpoint override to a loopback address, are emulators that answer
// every service, so EC2 goes there too. Any other override is SageMaker's own (a VPC interface endpoint, a
// FIPS endpoint) and is not used for EC2, which resolves its endpoint the usual way
// (AWS_ENDPOINT_URL_EC2, AWS_ENDPOINT_URL, the profile, else https://ec2.<region>.amazonaws.com).
class Ec2Connection
{
public:
    static ResolvedConnection resolve(const ConnectionResolver &resolver, const ConnectionSettings &choice,
        const ResolvedConnection &sageMaker);
};
