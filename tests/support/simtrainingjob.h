#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <chrono>

// One training job of the SageMaker simulation: what it was created with and a scripted lifecycle. Its state
// at any time follows from the script and the time, so the simulation needs no timers: the job moves as its
// Clock moves. A StopTrainingJob rewrites the rest of the timeline.
class SimTrainingJob
{
public:
    // A phase of the running job, named by its SecondaryStatus.
    struct Phase
    {
        QString secondaryStatus;
        std::chrono::milliseconds duration;
        QString message;
    };

    enum class Outcome {
        Completed,
        Failed, // after the last phase, with failureReason
        MaxRuntimeExceeded, // stopped maxRuntime after TrainingStartTime, if the phases run longer
        Running, // the last phase never ends
    };

    struct Script
    {
        QString name;
        QDateTime creationTime;
        QList<Phase> phases;
        Outcome outcome = Outcome::Completed;
        QString failureReason;
        std::chrono::seconds maxRuntime { 86400 };
        QString instanceType = QStringLiteral("ml.m5.xlarge");
        int instanceCount = 1;
        // The CreateTrainingJob input, echoed in DescribeTrainingJob (defaults fill what it leaves out).
        QJsonObject request;
    };

    // One entry of SecondaryStatusTransitions, with the TrainingJobStatus that goes with it.
    struct Segment
    {
        QString status;
        QString secondaryStatus;
        qint64 startMs = 0;
        qint64 endMs = -1; // -1: open-ended (the last phase of a job that never ends)
        QString message;
    };

    struct State
    {
        QString status;
        QString secondaryStatus;
        qint64 lastModifiedMs = 0;
        qint64 trainingStartMs = -1;
        qint64 trainingEndMs = -1;
        QString failureReason;
        QList<Segment> transitions; // those begun by then; an end time after then is not reported yet
    };

    // What a list needs, without building the transitions: cheap enough to call for every job per request.
    struct Brief
    {
        QString status;
        QString secondaryStatus;
        qint64 lastModifiedMs = 0;
        qint64 endMs = -1; // TrainingEndTime; -1 while the job runs
    };

    // Starting, Downloading, Training, Uploading with the service's messages.
    static QList<Phase> standardPhases(std::chrono::milliseconds starting,
        std::chrono::milliseconds downloading, std::chrono::milliseconds training,
        std::chrono::milliseconds uploading);

    explicit SimTrainingJob(Script script);

    const QString &name() const { return m_script.name; }
    qint64 creationMs() const { return m_creationMs; }
    const Script &script() const { return m_script; }

    State stateAt(qint64 nowMs) const;
    Brief briefAt(qint64 nowMs) const;
    bool isInProgressAt(qint64 nowMs) const;
    // Stops the job at nowMs: the running phase ends, Stopping lasts stopping, then Stopped. False when the
    // job is not InProgress then.
    bool stop(qint64 nowMs, std::chrono::milliseconds stopping);

    // The ListTrainingJobs summary and the DescribeTrainingJob answer at nowMs (epoch-second timestamps).
    QJsonObject summaryAt(qint64 nowMs, const QString &arnPrefix) const;
    QJsonObject descriptionAt(qint64 nowMs, const QString &arnPrefix) const;

private:
    void buildTimeline();
    // The segment the job is in at nowMs (its first one before it was created).
    qsizetype segmentAt(qint64 nowMs) const;

    Script m_script;
    qint64 m_creationMs;
    qint64 m_trainingStartMs = -1; // the end of Starting; -1 when the job never gets that far
    QList<Segment> m_timeline; // every segment the job will go through, terminal one last
};
