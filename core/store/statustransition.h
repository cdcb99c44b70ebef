#pragma once

#include <QDateTime>
#include <QString>

// One entry of DescribeTrainingJob's SecondaryStatusTransitions, as the service reported it. A transition
// is identified by its status and start time; its end time and message may arrive in a later describe.
struct StatusTransition
{
    QString status;
    QDateTime startTime;
    QDateTime endTime; // invalid while the phase is still running
    QString statusMessage;

    friend bool operator==(const StatusTransition &, const StatusTransition &) = default;
};
