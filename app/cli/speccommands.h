#pragma once

#include "app/cli/clicommand.h"

// The offline commands: everything about spec files that needs no network.
class SpecCommands
{
public:
    // validate FILE...: on stdout, one line per diagnostic, "FILE: PATH: error|warning: message"
    // ("FILE:LINE:COLUMN: error: ..." for JSON syntax errors, "FILE: error: ..." for the document as a
    // whole). A describe response is checked as the create request it converts to. Exit 0 without errors
    // (warnings allowed), 1 when a file has errors, 2 when a file cannot be read or parsed (reported for
    // every file, worst wins).
    static CliExit validate(const QStringList &arguments, CliIo &io);
    // skeleton training-job|model: a starting spec on stdout.
    static CliExit skeleton(const QStringList &arguments, CliIo &io);
    // convert FILE [--tags TAGSFILE]: describe response (+ ListTags response) to create request on stdout;
    // notes on stderr.
    static CliExit convert(const QStringList &arguments, CliIo &io);
};
