#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

class QFontMetrics;

// Tick marks for a time axis at round local times (every 15 minutes, every 6 hours, every day...), as many as
// fit: the QtCharts charts put their axis labels there and the fleet timeline paints them.
struct TimeTicks
{
    QDateTime first; // at or before the range's start, on a step boundary
    QDateTime last; // at or after the range's end, on a step boundary
    qint64 stepSeconds = 0;
    int count = 0; // ticks from first to last, both included
    QString format; // QDateTime::toString format for the labels

    // The smallest round step that puts at most maxTicks (at least two) ticks on [from, to], counting the
    // round times around them (to is moved past from when they are equal).
    static TimeTicks choose(const QDateTime &from, const QDateTime &to, int maxTicks);
    // The smallest round step whose labels fit side by side when [from, to] is width pixels wide.
    static TimeTicks fit(
        const QDateTime &from, const QDateTime &to, qreal width, const QFontMetrics &metrics);

    // first to last.
    QList<QDateTime> ticks() const;
    QList<QDateTime> ticksWithin(const QDateTime &from, const QDateTime &to) const;
    QString label(const QDateTime &tick) const;

private:
    static TimeTicks withStep(const QDateTime &from, const QDateTime &to, qint64 step);
};
