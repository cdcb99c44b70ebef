#include "core/session/companionconnection.h"

#include "core/aws/connectionresolver.h"
#include "core/aws/connectionsettings.h"

ResolvedConnection CompanionConnection::resolve(const ConnectionResolver &resolver,
    const ConnectionSettings &choice, const ResolvedConnection &sageMaker, const QString &service)
{
    if (choice.sandbox) {
        ResolvedConnection connection = sageMaker;
        connection.service = service;
        return connection;
    }
    const QUrl override(choice.endpointUrl);
    const bool emulator = override.isValid() && ConnectionResolver::isLoopbackHost(override.host());
    ResolvedConnection connection
        = resolver.resolve(ConnectionOptions { .profile = choice.profile,
                               .region = choice.region,
                               .endpointUrl = emulator ? choice.endpointUrl : QString(),
                               .maxAttempts = 0 },
            service);
    // The same profile gives the same credentials: one provider, so a credential_process runs once for
    // every service, not once per service on its first request.
    if (connection.isValid() && sageMaker.credentials && connection.profile == sageMaker.profile)
        connection.credentials = sageMaker.credentials;
    return connection;
}
