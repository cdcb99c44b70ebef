#pragma once

#include "app/cli/clicommand.h"

// The network commands: check-vpc.
class VpcCommands
{
public:
    // check-vpc [FILE] [--subnets ID,ID] [--security-group-ids ID,ID] [--instance-count N] [--input-s3
    // URI]...
    // [--output-s3 URI]: the VPC pre-flight check (VpcPreflightCheck). FILE is a training job or model spec
    // (or a describe answer) that supplies VpcConfig, the instance count and the S3 locations; options
    // given as well replace what the file says. On stdout one line per finding,
    // "error|warning|info: <code>: <explanation>"; with --output json one document
    // {"Findings": [{"Severity", "Code", "Message", "Path"}]}. The global options pick the connection
    // (--endpoint-url is EC2's here). Exit 0 without errors (warnings allowed), 1 with errors or when EC2
    // could not be asked (a refusal for lack of permission is only a warning), 2 for a bad command line, an
    // unreadable FILE or a connection that cannot be set up (no region, no credentials).
    static CliExit checkVpc(const QStringList &arguments, CliIo &io);
};
