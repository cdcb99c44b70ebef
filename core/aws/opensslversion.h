#pragma once

#include <QString>

// The OpenSSL library the program runs with (not the headers it was built against), as OpenSSL
// words it, e.g. "OpenSSL 3.0.11 19 Sep 2023". Shown in the About dialog. It lives beside the SigV4
// signer, the only code that uses OpenSSL.
QString openSslVersion();
