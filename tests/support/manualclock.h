#pragma once

#include "core/aws/clock.h"

#include <QList>
#include <QPointer>

// A clock that moves only when a test says so. callAfter() queues; advance() fires what has come due,
// in time order, each with now() set to its due time.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));

    QDateTime now() const override { return m_now; }
    void callAfter(std::chrono::milliseconds delay, QObject *context, std::function<void()> fn) override;

    void setNow(const QDateTime &now) { m_now = now; }
    void advance(std::chrono::milliseconds by);
    // Advances to the next pending call and runs it; false when nothing is pending. Calls whose context
    // was destroyed are dropped without moving time.
    bool runNext();
    // Calls still to run (those whose context was destroyed do not count).
    qsizetype pending() const;

private:
    void dropCancelled();

    struct Pending
    {
        QDateTime due;
        quint64 seq;
        QPointer<QObject> context;
        bool hadContext;
        std::function<void()> fn;
    };
    QDateTime m_now;
    quint64 m_seq = 0;
    QList<Pending> m_queue;
};
