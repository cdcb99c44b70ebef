#pragma once

#include <QMetaType>

// The request budget of a connection as the status bar shows it: how much of the allowed rate is in use,
// and whether the service's throttling has slowed it down.
struct RequestBudgetState
{
    double configuredRate = 0.0; // requests per second allowed when not throttled
    double rate = 0.0; // allowed now: lower than configuredRate while throttled
    bool throttled = false; // backing off after a throttling answer; clears once rate is back
    int waiting = 0; // requests queued for the budget
    int inFlight = 0; // requests on the wire
    double usedRate = 0.0; // requests sent per second, over the last 10 seconds

    // The share of the configured rate in use, 0..1 (more while catching up after throttling).
    double usage() const { return configuredRate > 0.0 ? usedRate / configuredRate : 0.0; }

    friend bool operator==(const RequestBudgetState &, const RequestBudgetState &) = default;
};

Q_DECLARE_METATYPE(RequestBudgetState)
