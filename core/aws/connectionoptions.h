#pragma once

#include <QString>

// What the user asked for explicitly: the CLI's --profile/--region/--endpoint-url/--max-attempts, or the
// GUI's connection dialog. Empty (or 0) means "not given": the resolver falls back to the environment and
// the shared config files.
struct ConnectionOptions
{
    QString profile;
    QString region;
    QString endpointUrl;
    int maxAttempts = 0;
};
