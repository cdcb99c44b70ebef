#pragma once

#include <QString>

// The OpenSSL library the program runs with (not the headers it was built against), as OpenSSL
// words it, e.g. "OpenSSL 3.0.11 19 Sep 2023". Shown in the About dialog; core owns it because
// core is the only layer that links OpenSSL.
QString openSslVersion();
