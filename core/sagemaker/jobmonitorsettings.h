#pragma once

#include <chrono>

// How a JobMonitor paces its rounds and how much each may ask for (JobMonitor::Settings).
struct JobMonitorSettings
{
    // From the end of one round to the start of the next.
    std::chrono::milliseconds pollInterval { 10000 };
    // The same while the table is not complete (first fill, details missing).
    std::chrono::milliseconds catchUpInterval { 0 };
    // Meanwhile, a running job no list page shows is described again at most this often (the back-to-back
    // rounds of a first fill would otherwise describe it every round).
    std::chrono::milliseconds catchUpDescribeInterval { 60000 };
    // After failed rounds the interval doubles, up to this.
    std::chrono::milliseconds maxBackoff { 300000 };
    int pageSize = 100; // ListTrainingJobs MaxResults
    int maxListPagesPerRound = 10;
    // Describes of active jobs only missing their details (instance type, ...), per round.
    int maxDetailDescribesPerRound = 10;
    // Describes of visible ended jobs missing their details, per round; fewer when the budget refills
    // fewer tokens during the pause before the next round (none while throttled or catching up).
    int maxVisibleDescribesPerRound = 5;
    // Requests the monitor has waiting for the budget at once: leaves room for the user's own.
    int maxConcurrentRequests = 2;
};
