#include "app/cli/commandtable.h"

#include "app/cli/remotecommands.h"
#include "app/cli/remotespeccommands.h"
#include "app/cli/speccommands.h"
#include "app/cli/vpccommands.h"
#include "app/cli/watchcommand.h"

#include <QtGlobal>

// The commands of sagedesk-cli, in the order `sagedesk-cli --help` lists them.
//
// To add a command (or a group of them): write its run function in its own file named after the group
// (e.g. trainingjobcommands.h/.cpp for submit, describe-training-job, list-training-jobs, ...), declare it
// in that header, add one row here and the .cpp to CMakeLists.txt. In run(), build a QCommandLineParser,
// add the command's positional arguments and options, then call CliCommands::parse(), which adds --help and
// the global options (globaloptions.cpp) and handles usage errors. Return a CliExit: Ok, Failed (the
// request or the input was wrong), Usage (bad command line, unreadable input). Summaries are translated
// in context "sagedesk-cli", so mark them with QT_TRANSLATE_NOOP.
const QList<CliCommand> &CommandTable::commands()
{
    static const QList<CliCommand> table = {
        { "validate",
            QT_TRANSLATE_NOOP("sagedesk-cli", "Check training job and model specs against the API's rules."),
            &SpecCommands::validate },
        { "skeleton",
            QT_TRANSLATE_NOOP("sagedesk-cli", "Print a starting spec for a training job or a model."),
            &SpecCommands::skeleton },
        { "convert",
            QT_TRANSLATE_NOOP("sagedesk-cli",
                "Turn a describe-training-job or describe-model answer into a create request."),
            &SpecCommands::convert },
        { "check-vpc",
            QT_TRANSLATE_NOOP("sagedesk-cli",
                "Check a job's VPC settings against the account: subnets, security groups, routes, endpoints."),
            &VpcCommands::checkVpc },
        // Networked: they read the global options --profile, --region, --endpoint-url, ... (CliSession).
        { "submit", QT_TRANSLATE_NOOP("sagedesk-cli", "Validate a spec, then create the training job or model."),
            &RemoteSpecCommands::submit },
        { "describe-training-job", QT_TRANSLATE_NOOP("sagedesk-cli", "Show a training job."),
            &RemoteCommands::describeTrainingJob },
        { "describe-model", QT_TRANSLATE_NOOP("sagedesk-cli", "Show a model."), &RemoteCommands::describeModel },
        { "stop-training-job", QT_TRANSLATE_NOOP("sagedesk-cli", "Stop a training job."),
            &RemoteCommands::stopTrainingJob },
        { "delete-model", QT_TRANSLATE_NOOP("sagedesk-cli", "Delete a model."), &RemoteCommands::deleteModel },
        { "list-training-jobs", QT_TRANSLATE_NOOP("sagedesk-cli", "List training jobs (every page)."),
            &RemoteCommands::listTrainingJobs },
        { "list-models", QT_TRANSLATE_NOOP("sagedesk-cli", "List models (every page)."), &RemoteCommands::listModels },
        { "export-training-job",
            QT_TRANSLATE_NOOP("sagedesk-cli", "Print the create request that clones a training job, tags included."),
            &RemoteSpecCommands::exportTrainingJob },
        { "export-model",
            QT_TRANSLATE_NOOP("sagedesk-cli", "Print the create request that clones a model, tags included."),
            &RemoteSpecCommands::exportModel },
        { "watch", QT_TRANSLATE_NOOP("sagedesk-cli", "Follow training jobs until they end."), &WatchCommand::run },
    };
    return table;
}

const CliCommand *CommandTable::find(QStringView name)
{
    for (const CliCommand &c : commands())
        if (name == QLatin1StringView(c.name))
            return &c;
    return nullptr;
}
