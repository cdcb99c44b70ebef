#include "ui/charts/timeticks.h"

#include <QFontMetrics>
#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 minute = 60;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;

constexpr qint64 steps[] = { 1, 5, 10, 15, 30, minute, 2 * minute, 5 * minute, 10 * minute, 15 * minute,
    30 * minute, hour, 2 * hour, 3 * hour, 6 * hour, 12 * hour, day, 2 * day, 7 * day, 14 * day, 28 * day,
    56 * day, 112 * day, 364 * day };

// Rounds down to a multiple of step counted from local midnight (steps under a day) or from the local date
// of the Unix epoch (whole days), so ticks land on round wall-clock times.
QDateTime floorLocal(const QDateTime &time, qint64 step)
{
    const QDateTime local = time.toLocalTime();
    if (step < day) {
        const qint64 sinceMidnight = QDateTime(local.date(), QTime(0, 0)).secsTo(local);
        return QDateTime(local.date(), QTime(0, 0)).addSecs(sinceMidnight / step * step);
    }
    const qint64 days = QDate(1970, 1, 1).daysTo(local.date());
    const qint64 stepDays = step / day;
    const qint64 floored = (days >= 0 ? days : days - stepDays + 1) / stepDays * stepDays;
    return QDateTime(QDate(1970, 1, 1).addDays(floored), QTime(0, 0));
}

QDateTime ceilLocal(const QDateTime &time, qint64 step)
{
    const QDateTime floored = floorLocal(time, step);
    return floored < time ? floorLocal(floored.addSecs(step + step / 2), step) : floored;
}

} // namespace

TimeTicks TimeTicks::withStep(const QDateTime &from, const QDateTime &to, qint64 step)
{
    TimeTicks ticks;
    ticks.stepSeconds = step;
    ticks.first = floorLocal(from, step);
    ticks.last = ceilLocal(to > from ? to : from.addSecs(1), step);
    ticks.count = int(ticks.first.secsTo(ticks.last) / step) + 1;
    const bool oneDay = ticks.first.toLocalTime().date() == ticks.last.addSecs(-1).toLocalTime().date();
    if (step >= day)
        ticks.format = u"MMM d"_s;
    else if (step < minute)
        ticks.format = oneDay ? u"HH:mm:ss"_s : u"MMM d HH:mm:ss"_s;
    else
        ticks.format = oneDay ? u"HH:mm"_s : u"MMM d HH:mm"_s;
    return ticks;
}

TimeTicks TimeTicks::choose(const QDateTime &from, const QDateTime &to, int maxTicks)
{
    TimeTicks ticks;
    for (const qint64 step : steps) {
        ticks = withStep(from, to, step);
        if (ticks.count <= std::max(2, maxTicks))
            break;
    }
    return ticks;
}

TimeTicks TimeTicks::fit(const QDateTime &from, const QDateTime &to, qreal width, const QFontMetrics &metrics)
{
    const double span = std::max<qint64>(1, from.secsTo(to));
    // A wide label of the format (a long month, two-digit day and hours), with room to either side.
    const QDateTime sample(QDate(2026, 9, 30), QTime(23, 59, 59));
    TimeTicks ticks;
    for (const qint64 step : steps) {
        ticks = withStep(from, to, step);
        const int labelWidth
            = metrics.horizontalAdvance(sample.toString(ticks.format)) + 3 * metrics.averageCharWidth();
        if (width * step / span >= labelWidth)
            break;
    }
    return ticks;
}

QList<QDateTime> TimeTicks::ticks() const
{
    QList<QDateTime> all;
    all.reserve(count);
    for (int i = 0; i < count; ++i)
        all << (stepSeconds >= day ? first.addDays(i * (stepSeconds / day)) : first.addSecs(i * stepSeconds));
    return all;
}

QList<QDateTime> TimeTicks::ticksWithin(const QDateTime &from, const QDateTime &to) const
{
    QList<QDateTime> within;
    for (const QDateTime &tick : ticks())
        if (tick >= from && tick <= to)
            within << tick;
    return within;
}

QString TimeTicks::label(const QDateTime &tick) const
{
    return tick.toLocalTime().toString(format);
}
