#include "app/cli/vpccommands.h"

#include "app/cli/clidiagnostics.h"
#include "app/cli/clisession.h"
#include "app/cli/commandtable.h"
#include "app/cli/specfile.h"
#include "core/ec2/ec2client.h"
#include "core/ec2/vpcpreflight.h"
#include "core/ec2/vpcpreflightrun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return CliCommands::tr(text);
}

QStringList idList(const QStringList &values)
{
    QStringList ids;
    for (const QString &value : values)
        for (const QString &id : value.split(u',', Qt::SkipEmptyParts))
            ids.append(id.trimmed());
    return ids;
}

// {"Findings": [{"Severity": "warning", "Code": ..., "Message": ..., "Path": ...}, ...]}, pretty like the
// AWS CLI's answers.
QByteArray findingsJson(const Diagnostics &findings)
{
    QJsonArray list;
    for (const Diagnostic &d : findings)
        list.append(QJsonObject { { u"Severity"_s, CliDiagnostics::severityName(d.severity) },
            { u"Code"_s, d.code }, { u"Message"_s, d.message }, { u"Path"_s, d.path } });
    return QJsonDocument(QJsonObject { { u"Findings"_s, list } }).toJson(QJsonDocument::Indented);
}

} // namespace

CliExit VpcCommands::checkVpc(const QStringList &arguments, CliIo &io)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"FILE"_s,
        tr("Optional: a training job or model spec (or describe answer) to take VpcConfig, the instance "
           "count "
           "and the S3 locations from; - reads stdin."),
        u"[FILE]"_s);
    const QCommandLineOption subnets(u"subnets"_s, tr("Subnet IDs, separated by commas."), u"IDS"_s);
    const QCommandLineOption groups(
        u"security-group-ids"_s, tr("Security group IDs, separated by commas."), u"IDS"_s);
    const QCommandLineOption instances(
        u"instance-count"_s, tr("How many instances the job starts (default 1, or the spec's)."), u"N"_s);
    const QCommandLineOption input(
        u"input-s3"_s, tr("An S3 location the job reads (repeat for several)."), u"URI"_s);
    const QCommandLineOption output(
        u"output-s3"_s, tr("The S3 location the job writes its model to."), u"URI"_s);
    parser.addOptions({ subnets, groups, instances, input, output });
    if (const auto exit = CliCommands::parse(parser, *CommandTable::find(u"check-vpc"), arguments, io))
        return *exit;

    const QStringList files = parser.positionalArguments();
    if (files.size() > 1) {
        io.err << tr("check-vpc: give at most one FILE; try 'sagedesk-cli check-vpc --help'.") << '\n';
        return CliExit::Usage;
    }
    VpcPreflightInput check;
    if (!files.isEmpty()) {
        // VpcConfig, the instance count and the S3 locations, from a create request or a describe answer.
        const std::optional<QJsonObject> spec = SpecFile::read(files.first(), io.err);
        if (!spec)
            return CliExit::Usage;
        check = VpcPreflightInput::fromSpec(*spec);
    }
    if (parser.isSet(subnets))
        check.subnetIds = idList(parser.values(subnets));
    if (parser.isSet(groups))
        check.securityGroupIds = idList(parser.values(groups));
    if (parser.isSet(instances)) {
        bool ok = false;
        check.instanceCount = parser.value(instances).toInt(&ok);
        if (!ok || check.instanceCount < 1) {
            io.err << tr("check-vpc: --instance-count must be a whole number of at least 1, not '%1'.")
                          .arg(parser.value(instances))
                   << '\n';
            return CliExit::Usage;
        }
    }
    if (parser.isSet(input) || parser.isSet(output))
        check.s3Uris = parser.values(input) + parser.values(output);
    if (check.subnetIds.isEmpty() && check.securityGroupIds.isEmpty()) {
        io.err << tr(
            "check-vpc: nothing to check; give --subnets and --security-group-ids, or a spec FILE with "
            "a VpcConfig.")
               << '\n';
        return CliExit::Usage;
    }

    CliExit exit = CliExit::Ok;
    const std::unique_ptr<CliSession> session = CliSession::open(parser, io, &exit, u"ec2"_s);
    if (!session)
        return exit;
    const bool json = session->outputChosen() && session->output() == CliSession::Output::Json;
    Ec2Client client(session->transport());
    VpcPreflight preflight(&client);
    VpcPreflightRun *run = preflight.run(check);
    QObject::connect(run, &VpcPreflightRun::finished, session.get(), [&](const Diagnostics &findings) {
        bool lookupFailed = false;
        for (const Diagnostic &d : findings)
            lookupFailed = lookupFailed || d.code == "ec2LookupFailed"_L1;
        if (json)
            io.out << QString::fromUtf8(findingsJson(findings));
        else
            for (const Diagnostic &d : findings)
                io.out << CliDiagnostics::severityName(d.severity) << ": " << d.code << ": " << d.message
                       << '\n';
        if (findings.isEmpty() && !json)
            io.err << tr("check-vpc: no problems found.") << '\n';
        session->finish(hasErrors(findings) || lookupFailed ? CliExit::Failed : CliExit::Ok);
    });
    return session->exec();
}
