#include "core/aws/clock.h"

#include <QTimer>

namespace {

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }

    void callAfter(std::chrono::milliseconds delay, QObject *context, std::function<void()> fn) override
    {
        QTimer::singleShot(delay, context, std::move(fn));
    }
};

} // namespace

Clock *Clock::system()
{
    static SystemClock clock;
    return &clock;
}
