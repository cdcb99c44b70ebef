#pragma once

#include <QDateTime>
#include <QString>

// One observed change of a training job's TrainingJobStatus or SecondaryStatus: the pair as it was seen
// from time on.
struct StatusChange
{
    QString jobName;
    QString status; // TrainingJobStatus: InProgress, Completed, Failed, Stopping, Stopped
    QString secondaryStatus; // Starting, Downloading, Training, Uploading, ...; may be empty
    QDateTime time; // when the monitor observed it (UTC)

    friend bool operator==(const StatusChange &, const StatusChange &) = default;
};
