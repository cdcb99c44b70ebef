#include "core/aws/tokenbucket.h"

#include "core/aws/clock.h"

#include <algorithm>
#include <cmath>

namespace {

// Floating-point refills land a hair below 1.0 now and then; this much short of a token still counts.
constexpr double tokenEpsilon = 1e-9;

} // namespace

TokenBucket::TokenBucket(Settings settings, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_clock(clock)
{
    m_settings.rate = std::max(settings.rate, 1e-3);
    m_settings.burst = std::max(settings.burst, 1.0);
    m_settings.minRate = std::clamp(settings.minRate, 1e-3, m_settings.rate);
    m_rate = m_settings.rate;
    m_tokens = m_settings.burst;
    m_lastRefill = m_clock->now();
    m_lastRateChange = m_lastRefill;
}

TokenBucket::~TokenBucket() = default;

void TokenBucket::acquire(QObject *context, std::function<void()> fn)
{
    m_queue.append({ context, std::move(fn) });
    emit usageChanged();
    drain();
}

void TokenBucket::setConfiguredRate(double rate)
{
    refill();
    m_settings.rate = std::max(rate, 1e-3);
    m_settings.minRate = std::min(m_settings.minRate, m_settings.rate);
    if (!m_throttled || m_rate > m_settings.rate)
        setRate(m_settings.rate);
    setThrottled(m_rate < m_settings.rate);
    drain();
}

void TokenBucket::reportThrottled()
{
    const QDateTime now = m_clock->now();
    // Several attempts sent at the old rate are often throttled together: one slow-down per interval.
    if (m_throttled && m_lastRateChange.msecsTo(now) < m_settings.recoveryInterval.count())
        return;
    refill();
    m_lastRateChange = now;
    setRate(std::max(m_settings.minRate, m_rate * m_settings.decreaseFactor));
    setThrottled(true);
}

void TokenBucket::reportSuccess()
{
    if (m_rate >= m_settings.rate)
        return;
    const QDateTime now = m_clock->now();
    if (m_lastRateChange.msecsTo(now) < m_settings.recoveryInterval.count())
        return;
    refill();
    m_lastRateChange = now;
    setRate(std::min(m_settings.rate, m_rate + m_settings.increaseStep));
    setThrottled(m_rate < m_settings.rate);
    drain();
}

int TokenBucket::waiting() const
{
    return int(
        std::count_if(m_queue.cbegin(), m_queue.cend(), [](const Waiter &w) { return !w.context.isNull(); }));
}

double TokenBucket::available() const
{
    const double elapsed = double(m_lastRefill.msecsTo(m_clock->now())) / 1000.0;
    return std::min(m_settings.burst, m_tokens + std::max(0.0, elapsed) * m_rate);
}

void TokenBucket::refill()
{
    const QDateTime now = m_clock->now();
    m_tokens = std::min(
        m_settings.burst, m_tokens + std::max<qint64>(0, m_lastRefill.msecsTo(now)) / 1000.0 * m_rate);
    m_lastRefill = now;
}

void TokenBucket::drain()
{
    // A granted callback may acquire again; the outer loop serves it, so callbacks never nest.
    if (m_draining)
        return;
    m_draining = true;
    const QPointer<TokenBucket> self(this);
    bool changed = false;
    refill();
    while (!m_queue.isEmpty()) {
        if (m_queue.first().context.isNull()) {
            m_queue.removeFirst();
            changed = true;
            continue;
        }
        if (m_tokens < 1.0 - tokenEpsilon)
            break;
        Waiter waiter = m_queue.takeFirst();
        m_tokens = std::max(0.0, m_tokens - 1.0);
        ++m_issued;
        changed = true;
        waiter.fn();
        if (!self)
            return;
        refill();
    }
    m_draining = false;
    if (changed)
        emit usageChanged();
    scheduleWake();
}

void TokenBucket::scheduleWake()
{
    if (m_wakeScheduled || m_queue.isEmpty())
        return;
    const double missing = std::max(0.0, 1.0 - m_tokens);
    const auto delay = std::chrono::milliseconds(qint64(std::ceil(missing / m_rate * 1000.0)));
    m_wakeScheduled = true;
    m_clock->callAfter(std::max(delay, std::chrono::milliseconds(1)), this, [this] {
        m_wakeScheduled = false;
        drain();
    });
}

void TokenBucket::setRate(double rate)
{
    if (qFuzzyCompare(rate, m_rate))
        return;
    m_rate = rate;
    emit rateChanged(m_rate);
}

void TokenBucket::setThrottled(bool throttled)
{
    if (throttled == m_throttled)
        return;
    m_throttled = throttled;
    emit throttledChanged(m_throttled);
}
