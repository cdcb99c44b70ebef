#pragma once

#include "app/cli/clicommand.h"

#include <QList>

class CommandTable
{
public:
    static const QList<CliCommand> &commands();
    static const CliCommand *find(QStringView name);
};
