#pragma once

#include <QDateTime>

#include <chrono>
#include <functional>

class QObject;

// All time in core goes through a Clock, so tests can replace it with one they advance by hand
// (tests/support/manualclock.h): SigV4 dates, backoff delays, polling rounds, "elapsed" labels.
class Clock
{
public:
    virtual ~Clock() = default;

    // The current time in UTC.
    virtual QDateTime now() const = 0;

    // Calls fn once, after delay, unless context has been destroyed by then.
    virtual void callAfter(std::chrono::milliseconds delay, QObject *context, std::function<void()> fn) = 0;

    // The wall clock and QTimer. Lives as long as the program.
    static Clock *system();
};
