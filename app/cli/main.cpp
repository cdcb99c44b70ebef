#include "app/cli/commandtable.h"
#include "app/cli/globaloptions.h"
#include "core/version.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {
// The first argument that is neither an option nor a global option's value; -1 when there is none.
qsizetype commandIndex(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == "--"_L1)
            return -1;
        if (!a.startsWith(u'-') || a == "-"_L1)
            return i;
        const QString name = a.mid(a.startsWith("--"_L1) ? 2 : 1);
        if (!name.contains(u'=') && GlobalOptions::takesValue(name))
            ++i;
    }
    return -1;
}

QString overview()
{
    QString text = CliCommands::tr(
        "Usage: %1 [global options] COMMAND [options] [arguments]\n\n"
        "SageDesk from a terminal: Amazon SageMaker training jobs and models.\n\nCommands:\n")
                       .arg(QCoreApplication::applicationName());
    for (const CliCommand &c : CommandTable::commands())
        text += u"  "_s + QString::fromLatin1(c.name).leftJustified(14) + u' ' + CliCommands::tr(c.summary)
            + u'\n';
    text += u'\n'
        + CliCommands::tr(
            "Run '%1 COMMAND --help' for a command's options. Exit codes: 0 success, 1 the input or the "
            "request was wrong, 2 bad command line or unreadable input; watch also exits 3 when a job "
            "stopped and 4 when --timeout passed.\n")
              .arg(QCoreApplication::applicationName());
    return text;
}

CliExit runTopLevel(const QStringList &arguments, CliIo &io)
{
    QCommandLineParser parser;
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    parser.addOptions(GlobalOptions::all());
    if (!parser.parse(arguments)) {
        io.err << QCoreApplication::applicationName() << ": " << parser.errorText() << '\n';
        return CliExit::Usage;
    }
    if (parser.isSet(version)) {
        io.out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion()
               << '\n';
        return CliExit::Ok;
    }
    if (parser.isSet(help)) {
        io.out << overview();
        return CliExit::Ok;
    }
    io.err << CliCommands::tr("%1: no COMMAND given.\n\n").arg(QCoreApplication::applicationName())
           << overview();
    return CliExit::Usage;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"sagedesk-cli"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SAGEDESK_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    CliIo io { out, err };

    QStringList arguments = QCoreApplication::arguments();
    const qsizetype index = commandIndex(arguments);
    if (index < 0)
        return int(runTopLevel(arguments, io));

    const CliCommand *command = CommandTable::find(arguments.at(index));
    if (!command) {
        err << CliCommands::tr("%1: unknown command '%2'.\n\n")
                   .arg(QCoreApplication::applicationName(), arguments.at(index))
            << overview();
        return int(CliExit::Usage);
    }
    arguments.removeAt(index);
    return int(command->run(arguments, io));
}
