#include "app/cli/globaloptions.h"

#include "app/cli/clicommand.h"

using namespace Qt::StringLiterals;

QList<QCommandLineOption> GlobalOptions::all()
{
    // Read by the networked commands (CliSession); listed in every command's --help.
    return {
        { u"profile"_s, CliCommands::tr("AWS profile from the shared config and credentials files."),
            u"NAME"_s },
        { u"region"_s, CliCommands::tr("AWS region, e.g. eu-west-1."), u"REGION"_s },
        { u"endpoint-url"_s,
            CliCommands::tr("Send requests to this URL (http:// only to a loopback address)."), u"URL"_s },
        { u"max-attempts"_s, CliCommands::tr("Attempts per request, the first included (default 3)."),
            u"N"_s },
        { u"debug"_s, CliCommands::tr("Print each request and response on stderr, secrets redacted.") },
        { u"output"_s, CliCommands::tr("Output format: json (the API's answer, default) or text (a table)."),
            u"FORMAT"_s },
    };
}

bool GlobalOptions::takesValue(QStringView name)
{
    const QList<QCommandLineOption> options = all();
    for (const QCommandLineOption &o : options)
        if (o.names().contains(name.toString()))
            return !o.valueName().isEmpty();
    return false;
}
