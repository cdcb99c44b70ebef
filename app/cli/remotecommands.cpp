#include "app/cli/remotecommands.h"

#include "app/cli/clisession.h"
#include "app/cli/commandtable.h"
#include "core/api/shapemodel.h"
#include "core/api/timestamp.h"
#include "core/sagemaker/sagemakerclient.h"

#include <QCommandLineParser>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return CliCommands::tr(text);
}

using NameCall = SageMakerCall *(SageMakerClient::*)(const QString &);

// A command that takes one NAME, makes one call and prints its answer.
CliExit runNamed(
    const char *commandName, const QString &nameHelp, NameCall call, const QStringList &arguments, CliIo &io)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"NAME"_s, nameHelp);
    const CliCommand &command = *CommandTable::find(QString::fromLatin1(commandName));
    if (const auto exit = CliCommands::parse(parser, command, arguments, io))
        return *exit;
    const std::optional<QString> name = CliCommands::singleArgument(parser, command, "NAME", io);
    if (!name)
        return CliExit::Usage;
    CliExit exit;
    const std::unique_ptr<CliSession> session = CliSession::open(parser, io, &exit);
    if (!session)
        return exit;
    SageMakerCall *handle = (session->client()->*call)(*name);
    const QString operation = handle->operation();
    session->then(handle, [&session, operation](const SageMakerResult &result) {
        session->printAnswer(operation, result.json);
        session->finish(CliExit::Ok);
    });
    return session->exec();
}

// The list options both list commands share, and the one only training jobs have.
struct ListOptions
{
    QCommandLineOption statusEquals { u"status-equals"_s,
        tr("Only jobs in this status (InProgress, Completed, Failed, "
           "Stopping, Stopped, Deleting)."),
        u"STATUS"_s };
    QCommandLineOption nameContains { u"name-contains"_s, tr("Only names containing this text."), u"TEXT"_s };
    QCommandLineOption createdAfter { u"creation-time-after"_s,
        tr("Only those created after this time: ISO 8601 (2026-01-31, 2026-01-31T12:00:00Z) or epoch "
           "seconds."),
        u"TIME"_s };
    QCommandLineOption createdBefore { u"creation-time-before"_s, tr("Only those created before this time."),
        u"TIME"_s };
    QCommandLineOption sortBy { u"sort-by"_s, tr("Name or CreationTime (training jobs also Status)."),
        u"FIELD"_s };
    QCommandLineOption sortOrder { u"sort-order"_s, tr("Ascending or Descending."), u"ORDER"_s };
    QCommandLineOption maxItems { u"max-items"_s,
        tr("Stop after this many; the output then carries the NextToken to resume from."), u"N"_s };
};

// "2026-01-31" (midnight UTC), ISO 8601 with time, or epoch seconds; invalid otherwise.
QDateTime parseTime(const QString &text)
{
    static const QRegularExpression dateOnly(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    const QString iso = dateOnly.match(text).hasMatch() ? text + u"T00:00:00Z"_s : text;
    return Timestamp::parse(QStringView(iso));
}

// Builds the list request from the options; false after printing a usage error.
bool listRequest(const QCommandLineParser &parser, const ListOptions &o, const QString &operation,
    QJsonObject *request, int *maxItems, CliIo &io)
{
    const ShapeModel &model = ShapeModel::instance();
    const Shape *input = model.operationInput(operation);
    const auto enumOption = [&](const QCommandLineOption &option, const QString &member) {
        if (!parser.isSet(option))
            return true;
        const QString value = parser.value(option);
        const Shape *shape = input ? model.memberShape(*input, member) : nullptr;
        if (shape && !shape->enumValues.isEmpty() && !shape->enumValues.contains(value)) {
            io.err << "error: "
                   << tr("--%1 is one of %2, not \"%3\".")
                          .arg(option.names().first(), shape->enumValues.join(u", "_s), value)
                   << '\n';
            return false;
        }
        request->insert(member, value);
        return true;
    };
    const auto timeOption = [&](const QCommandLineOption &option, const QString &member) {
        if (!parser.isSet(option))
            return true;
        const QDateTime time = parseTime(parser.value(option));
        if (!time.isValid()) {
            io.err << "error: "
                   << tr("--%1 wants a time such as 2026-01-31, 2026-01-31T12:00:00Z or epoch seconds, not "
                         "\"%2\".")
                          .arg(option.names().first(), parser.value(option))
                   << '\n';
            return false;
        }
        request->insert(member, double(time.toMSecsSinceEpoch()) / 1000.0);
        return true;
    };
    if (operation == "ListTrainingJobs"_L1 && !enumOption(o.statusEquals, u"StatusEquals"_s))
        return false;
    if (!enumOption(o.sortBy, u"SortBy"_s) || !enumOption(o.sortOrder, u"SortOrder"_s)
        || !timeOption(o.createdAfter, u"CreationTimeAfter"_s)
        || !timeOption(o.createdBefore, u"CreationTimeBefore"_s))
        return false;
    if (parser.isSet(o.nameContains))
        request->insert(u"NameContains"_s, parser.value(o.nameContains));
    *maxItems = 0;
    if (parser.isSet(o.maxItems)) {
        bool ok = false;
        *maxItems = parser.value(o.maxItems).toInt(&ok);
        if (!ok || *maxItems < 1) {
            io.err << "error: "
                   << tr("--max-items wants a whole number of at least 1, not \"%1\".")
                          .arg(parser.value(o.maxItems))
                   << '\n';
            return false;
        }
    }
    return true;
}

CliExit runList(const char *command, const QString &operation, const QStringList &arguments, CliIo &io)
{
    QCommandLineParser parser;
    const ListOptions o;
    if (operation == "ListTrainingJobs"_L1)
        parser.addOption(o.statusEquals);
    parser.addOptions({ o.nameContains, o.createdAfter, o.createdBefore, o.sortBy, o.sortOrder, o.maxItems });
    if (const auto exit
        = CliCommands::parse(parser, *CommandTable::find(QString::fromLatin1(command)), arguments, io))
        return *exit;
    if (!parser.positionalArguments().isEmpty()) {
        io.err << "error: "
               << tr("%1 takes no arguments, only options; try 'sagedesk-cli %1 --help'.")
                      .arg(QLatin1StringView(command))
               << '\n';
        return CliExit::Usage;
    }
    QJsonObject request;
    int maxItems = 0;
    if (!listRequest(parser, o, operation, &request, &maxItems, io))
        return CliExit::Usage;
    CliExit exit;
    const std::unique_ptr<CliSession> session = CliSession::open(parser, io, &exit);
    if (!session)
        return exit;
    SageMakerClient *client = session->client();
    SageMakerCall *call = operation == "ListTrainingJobs"_L1 ? client->listAllTrainingJobs(request, maxItems)
                                                             : client->listAllModels(request, maxItems);
    session->then(call, [&session, operation](const SageMakerResult &result) {
        session->printAnswer(operation, result.json);
        session->finish(CliExit::Ok);
    });
    return session->exec();
}

} // namespace

CliExit RemoteCommands::describeTrainingJob(const QStringList &arguments, CliIo &io)
{
    return runNamed("describe-training-job", tr("The training job's name."),
        &SageMakerClient::describeTrainingJob, arguments, io);
}

CliExit RemoteCommands::describeModel(const QStringList &arguments, CliIo &io)
{
    return runNamed(
        "describe-model", tr("The model's name."), &SageMakerClient::describeModel, arguments, io);
}

CliExit RemoteCommands::stopTrainingJob(const QStringList &arguments, CliIo &io)
{
    return runNamed("stop-training-job", tr("The training job's name."), &SageMakerClient::stopTrainingJob,
        arguments, io);
}

CliExit RemoteCommands::deleteModel(const QStringList &arguments, CliIo &io)
{
    return runNamed("delete-model", tr("The model's name."), &SageMakerClient::deleteModel, arguments, io);
}

CliExit RemoteCommands::listTrainingJobs(const QStringList &arguments, CliIo &io)
{
    return runList("list-training-jobs", u"ListTrainingJobs"_s, arguments, io);
}

CliExit RemoteCommands::listModels(const QStringList &arguments, CliIo &io)
{
    return runList("list-models", u"ListModels"_s, arguments, io);
}
