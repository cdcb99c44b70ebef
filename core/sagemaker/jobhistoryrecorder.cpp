#include "core/sagemaker/jobhistoryrecorder.h"

#include "core/store/jobhistorystore.h"

JobHistoryRecorder::JobHistoryRecorder(LocalStore *store, QString connection)
    : m_store(store)
    , m_connection(std::move(connection))
{ }

QDateTime JobHistoryRecorder::changeTime(
    const TrainingJobRecord &record, const QList<StatusTransition> &transitions, const QDateTime &now)
{
    QDateTime time;
    if (!transitions.isEmpty() && transitions.constLast().status == record.secondaryStatus)
        time = transitions.constLast().startTime;
    if (!time.isValid())
        time = record.lastModifiedTime;
    return time.isValid() && time <= now ? time : now;
}

void JobHistoryRecorder::observe(
    const TrainingJobRecord &record, const QList<StatusTransition> &transitions, const QDateTime &now)
{
    m_pending.append(
        { record.name, record.status, record.secondaryStatus, changeTime(record, transitions, now) });
}

StoreResult<int> JobHistoryRecorder::flush()
{
    if (m_pending.isEmpty() || !m_store)
        return 0;
    const QList<StatusChange> changes = std::exchange(m_pending, {});
    return JobHistoryStore(*m_store).recordStatuses(m_connection, changes);
}

StoreResult<int> JobHistoryRecorder::storeTransitions(
    const QString &jobName, const QList<StatusTransition> &transitions)
{
    if (transitions.isEmpty() || !m_store)
        return 0;
    const auto known = m_stored.constFind(jobName);
    if (known != m_stored.cend() && *known == transitions)
        return 0;
    auto stored = JobHistoryStore(*m_store).mergeTransitions(m_connection, jobName, transitions);
    if (stored.ok())
        m_stored.insert(jobName, transitions);
    return stored;
}
