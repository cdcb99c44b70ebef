#pragma once

#include "app/cli/clicommand.h"

// watch NAME... [--interval SECONDS] [--timeout SECONDS]: follows training jobs until each has ended,
// printing one line per change of status or secondary status with its time:
//   2026-01-01T00:03:10Z  job-1  InProgress (Downloading)  Downloading input data
// or, with --output json, one JSON object per line. Exit 0 when all completed, 1 when any failed (or a job
// cannot be described), 3 when any was stopped (and none failed), 4 when --timeout passed first.
class WatchCommand
{
public:
    static constexpr int stoppedExit = 3;
    static constexpr int timedOutExit = 4;
    static CliExit run(const QStringList &arguments, CliIo &io);
};
