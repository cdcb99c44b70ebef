#pragma once

#include <QString>

// One profile of the shared config/credentials files, for the GUI's connection dialog. No secret: only
// where the profile is defined and what kind of credentials it has.
struct ProfileSummary
{
    enum class CredentialKind {
        None, // settings only (region, endpoint); credentials must come from elsewhere
        Keys, // aws_access_key_id / aws_secret_access_key
        Process, // credential_process
        Unsupported, // role_arn, SSO, web identity: SageDesk cannot use these
    };

    QString name;
    QString region; // empty when the profile sets none
    QString endpointUrl; // the profile's endpoint_url, if any
    bool inConfigFile = false;
    bool inCredentialsFile = false;
    CredentialKind credentialKind = CredentialKind::None;
};
