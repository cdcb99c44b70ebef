#include "app/cli/trainingjobwatcher.h"

#include "core/api/timestamp.h"
#include "core/aws/clock.h"
#include "core/sagemaker/sagemakercall.h"
#include "core/sagemaker/sagemakerclient.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

bool hasEnded(const QString &status)
{
    return status == "Completed"_L1 || status == "Failed"_L1 || status == "Stopped"_L1;
}

// The job's status while it was in a secondary status, for transitions the service reports afterwards.
QString statusDuring(const QString &secondaryStatus)
{
    if (hasEnded(secondaryStatus) || secondaryStatus == "Stopping"_L1)
        return secondaryStatus;
    return u"InProgress"_s;
}

} // namespace

TrainingJobWatcher::TrainingJobWatcher(SageMakerClient *client, const QStringList &jobs,
    std::chrono::milliseconds interval, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_jobs(jobs)
    , m_interval(interval)
    , m_clock(clock)
{
    m_jobs.removeDuplicates();
    for (const QString &job : std::as_const(m_jobs))
        m_states.insert(job, {});
}

void TrainingJobWatcher::start()
{
    poll();
}

QHash<QString, QString> TrainingJobWatcher::statuses() const
{
    QHash<QString, QString> result;
    for (auto it = m_states.begin(); it != m_states.end(); ++it)
        result.insert(it.key(), it.value().status);
    return result;
}

QStringList TrainingJobWatcher::running() const
{
    QStringList result;
    for (const QString &job : m_jobs)
        if (!hasEnded(m_states.value(job).status))
            result.append(job);
    return result;
}

void TrainingJobWatcher::poll()
{
    if (m_stopped)
        return;
    m_round.clear();
    const QStringList jobs = running();
    m_pending = int(jobs.size());
    for (const QString &job : jobs) {
        SageMakerCall *call = m_client->describeTrainingJob(job);
        connect(call, &SageMakerCall::finished, this, [this, job](const SageMakerResult &result) {
            if (m_stopped)
                return;
            if (result.isOk()) {
                m_round.insert(job, result.json);
            } else if (result.error.retryable) {
                emit warning(job, result.error);
            } else {
                m_stopped = true;
                emit failed(job, result.error);
                return;
            }
            if (--m_pending == 0)
                roundDone();
        });
    }
}

void TrainingJobWatcher::roundDone()
{
    // In the order given, whatever order the answers came in, so the output is stable.
    for (const QString &job : std::as_const(m_jobs))
        if (m_round.contains(job))
            update(job, m_round.value(job));
    if (running().isEmpty()) {
        m_stopped = true;
        emit finished();
        return;
    }
    m_clock->callAfter(m_interval, this, [this] { poll(); });
}

void TrainingJobWatcher::update(const QString &job, const QJsonObject &description)
{
    JobState &state = m_states[job];
    const QJsonArray transitions = description.value("SecondaryStatusTransitions"_L1).toArray();
    for (qsizetype i = state.transitionsSeen; i < transitions.size(); ++i) {
        const QJsonObject transition = transitions.at(i).toObject();
        const QString secondary = transition.value("Status"_L1).toString();
        QString message = transition.value("StatusMessage"_L1).toString();
        // "Training job failed" says less than the reason.
        if (secondary == "Failed"_L1 && description.contains("FailureReason"_L1))
            message = description.value("FailureReason"_L1).toString();
        report(state,
            { Timestamp::parse(transition.value("StartTime"_L1)), job, statusDuring(secondary), secondary,
                message });
    }
    state.transitionsSeen = std::max(state.transitionsSeen, transitions.size());

    const QString status = description.value("TrainingJobStatus"_L1).toString();
    const QString secondary = description.value("SecondaryStatus"_L1).toString();
    if (status != state.status || secondary != state.secondaryStatus) {
        QDateTime time;
        if (hasEnded(status))
            time = Timestamp::parse(description.value("TrainingEndTime"_L1));
        if (!time.isValid())
            time = Timestamp::parse(description.value("LastModifiedTime"_L1));
        if (!time.isValid())
            time = m_clock->now();
        const QString message
            = status == "Failed"_L1 ? description.value("FailureReason"_L1).toString() : QString();
        report(state, { time, job, status, secondary, message });
    }
}

void TrainingJobWatcher::report(JobState &state, const Change &change)
{
    if (change.status == state.status && change.secondaryStatus == state.secondaryStatus)
        return;
    state.status = change.status;
    state.secondaryStatus = change.secondaryStatus;
    emit changed(change);
}
