#pragma once

#include "core/aws/awserror.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <chrono>

class Clock;
class SageMakerClient;

// Polls DescribeTrainingJob for some jobs until each has ended (Completed, Failed or Stopped) and reports
// every change of status or secondary status with the time it happened: the secondary transitions the
// service lists (so steps between two polls are not lost), then the job's own status when it moved
// without one. A round describes every job still running and the next round starts interval after the
// previous one ended, so rounds never overlap. Times and delays go through the Clock.
class TrainingJobWatcher : public QObject
{
    Q_OBJECT

public:
    struct Change
    {
        QDateTime time;
        QString job;
        QString status; // TrainingJobStatus
        QString secondaryStatus;
        QString message; // the transition's StatusMessage, or the FailureReason
    };

    TrainingJobWatcher(SageMakerClient *client, const QStringList &jobs, std::chrono::milliseconds interval,
        Clock *clock, QObject *parent = nullptr);

    void start();
    // The jobs' last seen TrainingJobStatus.
    QHash<QString, QString> statuses() const;
    // Jobs not ended yet, in the order given.
    QStringList running() const;

signals:
    void changed(const TrainingJobWatcher::Change &change);
    // A describe failed in a way that may pass (throttling, 5xx, network); the job is polled again.
    void warning(const QString &job, const AwsError &error);
    // A describe failed for good (no such job, access denied): watching stops.
    void failed(const QString &job, const AwsError &error);
    // Every job has ended.
    void finished();

private:
    struct JobState
    {
        QString status; // the last reported; the job has ended when it is Completed, Failed or Stopped
        QString secondaryStatus;
        qsizetype transitionsSeen = 0;
    };

    void poll();
    void roundDone();
    void update(const QString &job, const QJsonObject &description);
    void report(JobState &state, const Change &change);

    SageMakerClient *m_client;
    QStringList m_jobs;
    std::chrono::milliseconds m_interval;
    Clock *m_clock;
    QHash<QString, JobState> m_states;
    QHash<QString, QJsonObject> m_round; // answers of the round in flight
    int m_pending = 0;
    bool m_stopped = false;
};
