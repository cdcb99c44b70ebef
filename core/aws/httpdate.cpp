#include "core/aws/httpdate.h"

#include <QLocale>

using namespace Qt::StringLiterals;

QByteArray HttpDate::format(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s).toLatin1();
}

QDateTime HttpDate::parse(QByteArrayView text)
{
    const QString value = QString::fromLatin1(text).simplified();
    static const QString formats[] = {
        u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s, // IMF-fixdate
        u"dddd, dd-MMM-yy HH:mm:ss 'GMT'"_s, // RFC 850
        u"ddd MMM d HH:mm:ss yyyy"_s, // asctime, after simplified() squeezed the day's padding
    };
    for (const QString &format : formats) {
        QDateTime time = QLocale::c().toDateTime(value, format);
        if (time.isValid()) {
            time = QDateTime(time.date(), time.time(), Qt::UTC);
            // RFC 850's two-digit years: QLocale reads them as 19xx.
            if (time.date().year() < 1970)
                time = time.addYears(100);
            return time;
        }
    }
    return {};
}
