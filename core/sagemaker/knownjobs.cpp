#include "core/sagemaker/knownjobs.h"

#include <algorithm>

namespace {

using OrderKey = std::pair<qint64, QString>;

// Newest first; among jobs created in the same millisecond, the name decides, as the service's descending
// order does.
bool newerFirst(const OrderKey &a, const OrderKey &b)
{
    return a.first != b.first ? a.first > b.first : a.second > b.second;
}

OrderKey keyOf(const TrainingJobRecord &record)
{
    return { record.creationTime.toMSecsSinceEpoch(), record.name };
}

} // namespace

void KnownJobs::clear()
{
    m_jobs.clear();
    m_active.clear();
    m_order.clear();
    m_added.clear();
}

void KnownJobs::load(const QList<TrainingJobRecord> &records)
{
    clear();
    m_jobs.reserve(records.size());
    for (const TrainingJobRecord &record : records)
        apply(record);
}

KnownJobs::Change KnownJobs::applySummary(const TrainingJobRecord &summary)
{
    return apply(summary);
}

KnownJobs::Change KnownJobs::applyDescription(const TrainingJobRecord &description)
{
    return apply(description);
}

KnownJobs::Change KnownJobs::apply(TrainingJobRecord record)
{
    Change change = Change::New;
    auto it = m_jobs.find(record.name);
    if (it != m_jobs.end()) {
        change = it->sameState(record) ? Change::None : Change::Changed;
        record.keepDetailsFrom(*it);
        *it = std::move(record);
    } else {
        it = m_jobs.insert(record.name, std::move(record));
        m_added.push_back(keyOf(*it));
    }
    if (it->isActive())
        m_active.insert(it->name);
    else
        m_active.remove(it->name);
    return change;
}

const TrainingJobRecord *KnownJobs::find(const QString &name) const
{
    const auto it = m_jobs.constFind(name);
    return it == m_jobs.cend() ? nullptr : &*it;
}

void KnownJobs::ensureOrder() const
{
    if (m_added.empty())
        return;
    // A page of new jobs at a time while a large account fills: merging them costs far less than a sort.
    std::sort(m_added.begin(), m_added.end(), newerFirst);
    const auto middle = m_order.size();
    m_order.insert(
        m_order.end(), std::make_move_iterator(m_added.begin()), std::make_move_iterator(m_added.end()));
    std::inplace_merge(m_order.begin(), m_order.begin() + qsizetype(middle), m_order.end(), newerFirst);
    m_added.clear();
}

QList<TrainingJobRecord> KnownJobs::records() const
{
    ensureOrder();
    QList<TrainingJobRecord> result;
    result.reserve(qsizetype(m_order.size()));
    for (const OrderKey &key : m_order)
        result.append(m_jobs.value(key.second));
    return result;
}

QStringList KnownJobs::activeJobs() const
{
    QList<OrderKey> keys;
    keys.reserve(m_active.size());
    for (const QString &name : m_active)
        keys.append(keyOf(m_jobs.value(name)));
    std::sort(keys.begin(), keys.end(), newerFirst);
    QStringList names;
    names.reserve(keys.size());
    for (const OrderKey &key : std::as_const(keys))
        names.append(key.second);
    return names;
}

int KnownJobs::activeAmongOlder(const TrainingJobRecord &after, int count, const QSet<QString> &covered) const
{
    if (m_active.isEmpty())
        return 0;
    ensureOrder();
    auto it = std::upper_bound(m_order.cbegin(), m_order.cend(), keyOf(after), newerFirst);
    int found = 0;
    for (int seen = 0; it != m_order.cend() && seen < count; ++it, ++seen) {
        if (m_active.contains(it->second) && !covered.contains(it->second))
            ++found;
    }
    return found;
}

QDateTime KnownJobs::oldestCreationTime() const
{
    if (m_jobs.isEmpty())
        return {};
    ensureOrder();
    return m_jobs.value(m_order.back().second).creationTime;
}

QStringList KnownJobs::endedWithoutDetails(
    const QStringList &names, int count, const QSet<QString> &skip) const
{
    QStringList found;
    for (const QString &name : names) {
        if (found.size() >= count)
            break;
        const TrainingJobRecord *record = find(name);
        if (record && record->isEnded() && !record->hasDetails && !skip.contains(name)
            && !found.contains(name))
            found.append(name);
    }
    return found;
}
