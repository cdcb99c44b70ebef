#include "ui/charts/fleetbar.h"

#include "core/store/jobsummaryrecord.h"

#include <algorithm>

using namespace Qt::StringLiterals;

QList<FleetBar> FleetBar::fromJobs(const QList<JobSummaryRecord> &jobs, const QDateTime &now, int days)
{
    const QDateTime from = now.addDays(-days);
    QList<FleetBar> bars;
    for (const JobSummaryRecord &job : jobs) {
        if (!job.creationTime.isValid() || job.creationTime > now)
            continue;
        FleetBar bar { job.jobName, job.status, job.creationTime, job.endTime, false };
        if (!bar.end.isValid()) {
            if (job.status == "InProgress"_L1 || job.status == "Stopping"_L1 || job.status.isEmpty()) {
                bar.running = true;
                bar.end = now;
            } else {
                bar.end = job.lastModifiedTime.isValid() ? job.lastModifiedTime : job.creationTime;
            }
        }
        bar.end = std::clamp(bar.end, bar.start, std::max(now, bar.start));
        if (bar.end >= from)
            bars << bar;
    }
    std::sort(bars.begin(), bars.end(), [](const FleetBar &a, const FleetBar &b) {
        return a.start != b.start ? a.start > b.start : a.jobName < b.jobName;
    });
    return bars;
}
