#pragma once

#include <QList>
#include <chrono>

class Clock;

// How many requests per second were sent over a sliding window, by a Clock: the "requests in use" of a
// status bar.
class RequestRateMeter
{
public:
    explicit RequestRateMeter(Clock *clock, std::chrono::milliseconds window = std::chrono::seconds(10));

    void record(int requests = 1);
    // Requests recorded within the window before now, per second.
    double perSecond() const;

private:
    void forgetOld(qint64 nowMs) const;

    Clock *m_clock;
    qint64 m_windowMs;
    mutable QList<qint64> m_times; // ms since the epoch, oldest first
};
