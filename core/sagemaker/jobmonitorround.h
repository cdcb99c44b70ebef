#pragma once

#include "core/aws/awserror.h"
#include "core/sagemaker/trainingjobrecord.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>

// One batch of the JobMonitor: the training jobs that are new or changed since the previous batch, as they
// stand at the end of the round, and what the round cost. Round 0 is the table cached in the store, handed
// out at start before any request (fast first paint); every later round follows the service.
struct JobMonitorRound
{
    int number = 0;
    bool fromCache = false;
    // New or changed jobs, newest first. A model applies them as one batch: dataChanged per row, or a
    // reset when most rows changed.
    QList<TrainingJobRecord> changed;

    int listRequests = 0; // ListTrainingJobs pages
    int describeRequests = 0; // DescribeTrainingJob calls
    // Of those, ended jobs in the dashboard's view described for their details (JobMonitor::setVisibleJobs).
    int visibleDescribes = 0;
    int attempts = 0; // HTTP attempts of those calls, retries included
    int knownJobs = 0; // in the monitor's table after the round
    int activeJobs = 0; // of which InProgress or Stopping
    // Every job down to the oldest has been listed once, and every active job has been described: the
    // table is complete.
    bool complete = false;
    QDateTime startedAt;
    QDateTime finishedAt;
    // Why the round ended early; null when it ran to its end. The monitor backs off and keeps going.
    AwsError error;

    int requests() const { return listRequests + describeRequests; }
};

Q_DECLARE_METATYPE(JobMonitorRound)
