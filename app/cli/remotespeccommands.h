#pragma once

#include "app/cli/clicommand.h"

// The networked commands that move specs between files and the service.
class RemoteSpecCommands
{
public:
    // submit FILE [--no-validate]: reads a training job or model spec (a create request, or a describe
    // answer, which is converted first), validates it (diagnostics on stderr as "FILE: PATH: error|warning:
    // message"; errors refuse the submit unless --no-validate), creates it and prints the service's answer.
    // Exit 2 when FILE cannot be read or parsed.
    static CliExit submit(const QStringList &arguments, CliIo &io);
    // export-training-job NAME / export-model NAME [--file FILE]: describe + ListTags, converted into the
    // create request that makes the same resource again (tags included), in the API's member order: what
    // `aws sagemaker create-training-job --cli-input-json file://FILE` accepts. On stdout, or written
    // atomically to FILE. Always JSON (--output does not apply).
    static CliExit exportTrainingJob(const QStringList &arguments, CliIo &io);
    static CliExit exportModel(const QStringList &arguments, CliIo &io);
};
