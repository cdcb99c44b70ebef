#include "core/aws/connectionsettings.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace {

constexpr auto group = "connection"_L1;
constexpr auto profileKey = "profile"_L1;
constexpr auto regionKey = "region"_L1;
constexpr auto endpointKey = "endpointUrl"_L1;
constexpr auto sandboxKey = "sandbox"_L1;

} // namespace

std::optional<ConnectionSettings> ConnectionSettings::load(QSettings &settings)
{
    settings.beginGroup(group);
    std::optional<ConnectionSettings> result;
    if (settings.contains(sandboxKey)) {
        result = ConnectionSettings {
            .profile = settings.value(profileKey).toString(),
            .region = settings.value(regionKey).toString(),
            .endpointUrl = settings.value(endpointKey).toString(),
            .sandbox = settings.value(sandboxKey).toBool(),
        };
    }
    settings.endGroup();
    return result;
}

void ConnectionSettings::save(QSettings &settings) const
{
    settings.beginGroup(group);
    settings.setValue(profileKey, profile);
    settings.setValue(regionKey, region);
    settings.setValue(endpointKey, endpointUrl);
    settings.setValue(sandboxKey, sandbox);
    settings.endGroup();
}
