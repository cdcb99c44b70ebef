#include "core/api/timestamp.h"

#include <QRegularExpression>
#include <cmath>

using namespace Qt::StringLiterals;

QDateTime Timestamp::fromEpochSeconds(double seconds)
{
    if (!std::isfinite(seconds))
        return {};
    return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(seconds * 1000.0)), Qt::UTC);
}

QDateTime Timestamp::parse(const QJsonValue &value)
{
    if (value.isDouble())
        return fromEpochSeconds(value.toDouble());
    if (value.isString())
        return parse(QStringView(value.toString()));
    return {};
}

QDateTime Timestamp::parse(QStringView text)
{
    const QString trimmed = text.trimmed().toString();
    if (trimmed.isEmpty())
        return {};

    bool isNumber = false;
    const double seconds = trimmed.toDouble(&isNumber);
    if (isNumber)
        return fromEpochSeconds(seconds);

    // Qt's ISO parser takes at most milliseconds and wants an offset it knows; the AWS CLI prints
    // microseconds, so the fraction is parsed here.
    static const QRegularExpression iso(uR"(^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?)"
                                        uR"((Z|z|[+-]\d{2}(?::?\d{2})?)?$)"_s);
    const QRegularExpressionMatch m = iso.match(trimmed);
    if (!m.hasMatch())
        return {};
    const QDate date = QDate::fromString(m.captured(1), Qt::ISODate);
    const QTime time(m.captured(2).toInt(), m.captured(3).toInt(), m.captured(4).toInt());
    if (!date.isValid() || !time.isValid())
        return {};
    QDateTime result(date, time, Qt::UTC);
    const QString fraction = m.captured(5);
    if (!fraction.isEmpty())
        result = result.addMSecs(qint64(std::llround(QString(u"0."_s + fraction).toDouble() * 1000.0)));

    const QString zone = m.captured(6);
    if (!zone.isEmpty() && zone.compare(u"Z"_s, Qt::CaseInsensitive) != 0) {
        const int sign = zone.startsWith(u'-') ? -1 : 1;
        const QString digits = zone.mid(1).remove(u':');
        const int hours = digits.left(2).toInt();
        const int minutes = digits.size() > 2 ? digits.mid(2, 2).toInt() : 0;
        if (hours > 23 || minutes > 59)
            return {};
        // Local time = UTC + offset, so UTC = local - offset.
        result = result.addSecs(-sign * (hours * 3600 + minutes * 60));
    }
    return result;
}
