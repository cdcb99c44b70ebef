#pragma once

#include <QCommandLineOption>
#include <QList>

// Options every command accepts, before or after the command name (`sagedesk-cli --region eu-west-1
// list-training-jobs` and `sagedesk-cli list-training-jobs --region eu-west-1` mean the same). The
// networked commands read them from their parser by name.
class GlobalOptions
{
public:
    static QList<QCommandLineOption> all();
    // Whether a global option of this name (without dashes) takes a value, so main() can skip the value
    // when it looks for the command name.
    static bool takesValue(QStringView name);
};
