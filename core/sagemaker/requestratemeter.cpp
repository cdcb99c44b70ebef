#include "core/sagemaker/requestratemeter.h"

#include "core/aws/clock.h"

RequestRateMeter::RequestRateMeter(Clock *clock, std::chrono::milliseconds window)
    : m_clock(clock)
    , m_windowMs(std::max<qint64>(1, window.count()))
{ }

void RequestRateMeter::record(int requests)
{
    const qint64 now = m_clock->now().toMSecsSinceEpoch();
    forgetOld(now);
    for (int i = 0; i < requests; ++i)
        m_times.append(now);
}

double RequestRateMeter::perSecond() const
{
    forgetOld(m_clock->now().toMSecsSinceEpoch());
    return double(m_times.size()) * 1000.0 / double(m_windowMs);
}

void RequestRateMeter::forgetOld(qint64 nowMs) const
{
    qsizetype old = 0;
    while (old < m_times.size() && m_times.at(old) <= nowMs - m_windowMs)
        ++old;
    m_times.remove(0, old);
}
