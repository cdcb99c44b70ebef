#pragma once

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>
#include <optional>

// Exit codes every command uses: 0 success, 1 the input was checked and found wrong (validation errors, an
// API error), 2 the command line was wrong or an input could not be read or parsed.
enum class CliExit : int { Ok = 0, Failed = 1, Usage = 2 };

// Where a command writes: normal output to out (stdout), diagnostics and errors to err (stderr).
struct CliIo
{
    QTextStream &out;
    QTextStream &err;
};

// One row of the command table (commandtable.cpp).
struct CliCommand
{
    const char *name; // as typed: "validate"
    const char *summary; // one line for `sagedesk-cli --help`; translated in context "sagedesk-cli"
    // arguments: the program name, then everything after it except the command name itself, so global
    // options may come before or after the command.
    CliExit (*run)(const QStringList &arguments, CliIo &io);
};

class CliCommands
{
public:
    // Sets up parser for command (description, positional syntax added by the caller, --help, the global
    // options), parses arguments and handles --help and usage errors. nullopt: go on and use the parser;
    // otherwise return that exit code.
    static std::optional<CliExit> parse(
        QCommandLineParser &parser, const CliCommand &command, const QStringList &arguments, CliIo &io);
    // The one positional argument the command takes (what: "NAME", "FILE"); nullopt after printing
    // "error: COMMAND: give exactly one WHAT; try 'sagedesk-cli COMMAND --help'." on io.err.
    static std::optional<QString> singleArgument(
        const QCommandLineParser &parser, const CliCommand &command, const char *what, CliIo &io);
    static QString tr(const char *text);
};
