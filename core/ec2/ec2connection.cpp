#include "core/ec2/ec2connection.h"

#include "core/aws/connectionresolver.h"
#include "core/aws/connectionsettings.h"

using namespace Qt::StringLiterals;

ResolvedConnection Ec2Connection::resolve(
    const ConnectionResolver &resolver, const ConnectionSettings &choice, const ResolvedConnection &sageMaker)
{
    if (choice.sandbox) {
        ResolvedConnection connection = sageMaker;
        connection.service = u"ec2"_s;
        return connection;
    }
    const QUrl override(choice.endpointUrl);
    const bool emulator = override.isValid() && ConnectionResolver::isLoopbackHost(override.host());
    return resolver.resolve(ConnectionOptions { .profile = choice.profile,
                                .region = choice.region,
                                .endpointUrl = emulator ? choice.endpointUrl : QString(),
                                .maxAttempts = 0 },
        u"ec2"_s);
}
