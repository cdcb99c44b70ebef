#include "core/aws/opensslversion.h"

#include <openssl/crypto.h>

QString openSslVersion()
{
    return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
}
