#pragma once

#include <QString>
#include <optional>

class QSettings;

// The connection the user chose (the connection dialog, the command line, or the last session's): which
// profile, region and endpoint override, or the local sandbox. Empty fields mean "as the environment and
// the AWS config files say". Holds no secret, so it can be saved in the program's settings as it is.
struct ConnectionSettings
{
    QString profile;
    QString region;
    QString endpointUrl;
    bool sandbox = false;

    bool operator==(const ConnectionSettings &) const = default;

    // The choice saved by save(), or nullopt when none was ever saved.
    static std::optional<ConnectionSettings> load(QSettings &settings);
    void save(QSettings &settings) const;
};
