#include "tests/support/manualclock.h"

#include <algorithm>

ManualClock::ManualClock(QDateTime start)
    : m_now(std::move(start))
{ }

void ManualClock::callAfter(std::chrono::milliseconds delay, QObject *context, std::function<void()> fn)
{
    Pending p { m_now.addMSecs(delay.count()), m_seq++, context, context != nullptr, std::move(fn) };
    auto at = std::upper_bound(m_queue.begin(), m_queue.end(), p, [](const Pending &a, const Pending &b) {
        return a.due < b.due || (a.due == b.due && a.seq < b.seq);
    });
    m_queue.insert(at, std::move(p));
}

void ManualClock::dropCancelled()
{
    // A call whose context is gone would never have run: dropping it must not move time either.
    while (!m_queue.isEmpty() && m_queue.first().hadContext && !m_queue.first().context)
        m_queue.removeFirst();
}

qsizetype ManualClock::pending() const
{
    return std::count_if(
        m_queue.cbegin(), m_queue.cend(), [](const Pending &p) { return !p.hadContext || p.context; });
}

bool ManualClock::runNext()
{
    dropCancelled();
    if (m_queue.isEmpty())
        return false;
    Pending p = m_queue.takeFirst();
    if (p.due > m_now)
        m_now = p.due;
    if (!p.hadContext || p.context)
        p.fn();
    return true;
}

void ManualClock::advance(std::chrono::milliseconds by)
{
    const QDateTime target = m_now.addMSecs(by.count());
    for (dropCancelled(); !m_queue.isEmpty() && m_queue.first().due <= target; dropCancelled())
        runNext();
    m_now = target;
}
