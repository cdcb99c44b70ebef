#include "app/cli/globaloptions.h"

QList<QCommandLineOption> GlobalOptions::all()
{
    // Add options for the networked commands here (--profile, --region, --endpoint-url, --max-attempts,
    // --debug, --output): each is listed in every command's --help.
    return {};
}

bool GlobalOptions::takesValue(QStringView name)
{
    const QList<QCommandLineOption> options = all();
    for (const QCommandLineOption &o : options)
        if (o.names().contains(name.toString()))
            return !o.valueName().isEmpty();
    return false;
}
