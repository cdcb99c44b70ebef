#include "app/cli/clicommand.h"

#include "app/cli/globaloptions.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

QString CliCommands::tr(const char *text)
{
    return QCoreApplication::translate("sagedesk-cli", text);
}

std::optional<CliExit> CliCommands::parse(
    QCommandLineParser &parser, const CliCommand &command, const QStringList &arguments, CliIo &io)
{
    parser.setApplicationDescription(tr(command.summary));
    const QCommandLineOption help = parser.addHelpOption();
    parser.addOptions(GlobalOptions::all());
    if (!parser.parse(arguments)) {
        io.err << QCoreApplication::applicationName() << ' ' << command.name << ": " << parser.errorText()
               << '\n'
               << tr("Try '%1 %2 --help'.")
                      .arg(QCoreApplication::applicationName(), QLatin1StringView(command.name))
               << '\n';
        return CliExit::Usage;
    }
    if (parser.isSet(help)) {
        // QCommandLineParser's help names the program only; the command belongs in the usage line.
        QString text = parser.helpText();
        const qsizetype usageEnd = text.indexOf(u' ', u"Usage: "_s.size());
        if (text.startsWith(u"Usage: "_s) && usageEnd > 0)
            text.replace(0, usageEnd,
                u"Usage: "_s + QCoreApplication::applicationName() + u' ' + QLatin1StringView(command.name));
        io.out << text;
        return CliExit::Ok;
    }
    return std::nullopt;
}

std::optional<QString> CliCommands::singleArgument(
    const QCommandLineParser &parser, const CliCommand &command, const char *what, CliIo &io)
{
    const QStringList arguments = parser.positionalArguments();
    if (arguments.size() == 1)
        return arguments.first();
    io.err << "error: "
           << tr("%1: give exactly one %2; try '%3 %1 --help'.")
                  .arg(QLatin1StringView(command.name), QLatin1StringView(what),
                      QCoreApplication::applicationName())
           << '\n';
    return std::nullopt;
}
