#pragma once

#include "app/cli/clicommand.h"

// The networked commands that read or change one resource, or list them. Each prints the service's answer
// (see CliOutput) and exits 0, or prints "error: <Code>: <message> (request id <id>)" on stderr and exits 1
// (2 for a bad command line or a connection that cannot be set up). Global options: see CliSession.
class RemoteCommands
{
public:
    // describe-training-job NAME / describe-model NAME
    static CliExit describeTrainingJob(const QStringList &arguments, CliIo &io);
    static CliExit describeModel(const QStringList &arguments, CliIo &io);
    // stop-training-job NAME / delete-model NAME: print nothing on success, like the AWS CLI.
    static CliExit stopTrainingJob(const QStringList &arguments, CliIo &io);
    static CliExit deleteModel(const QStringList &arguments, CliIo &io);
    // list-training-jobs [--status-equals S] [--name-contains X] [--creation-time-after T]
    //   [--creation-time-before T] [--sort-by F] [--sort-order O] [--max-items N]: every page, merged into
    // one {"TrainingJobSummaries": [...]} (plus the NextToken to resume from when --max-items cut it short).
    static CliExit listTrainingJobs(const QStringList &arguments, CliIo &io);
    // list-models: the same options but --status-equals; {"Models": [...]}.
    static CliExit listModels(const QStringList &arguments, CliIo &io);
};
