#pragma once

#include <QByteArray>
#include <QDateTime>

// The HTTP Date header format (RFC 9110 5.6.7, "Sun, 06 Nov 1994 08:49:37 GMT"): the transport reads the
// service's clock from it to correct clock skew.
class HttpDate
{
public:
    static QByteArray format(const QDateTime &time);
    // Also accepts the obsolete RFC 850 and asctime forms; an invalid QDateTime when the text is neither.
    static QDateTime parse(QByteArrayView text);
};
