#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

struct StatusChange;
struct StatusTransition;

// One bar of a job's timeline: a secondary-status phase from its start to its end. A phase still running
// ends "now"; a phase that ends the job (Completed, Failed, Stopped, MaxRuntimeExceeded...) reported without
// an end time lasts no time at all.
struct PhaseBar
{
    QString phase; // the SecondaryStatus as the API spells it
    QDateTime start;
    QDateTime end;
    bool running = false;
    QString message;

    qint64 seconds() const { return start.secsTo(end); }

    // From DescribeTrainingJob's SecondaryStatusTransitions, by start time. A transition without an end time
    // that is followed by another ends where the next one starts.
    static QList<PhaseBar> fromTransitions(const QList<StatusTransition> &transitions, const QDateTime &now);
    // From the changes the monitor observed (oldest first), for jobs whose transitions were never described:
    // each secondary status lasts until the next one was seen.
    static QList<PhaseBar> fromChanges(const QList<StatusChange> &changes, const QDateTime &now);

    // Whether the secondary status ends a job.
    static bool isFinal(const QString &phase);
};
