#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <chrono>
#include <functional>

class Clock;

// The request budget of one connection (profile + region + endpoint): every attempt of every call, first
// tries and retries alike, takes one token before it is sent. Tokens refill at rate() per second up to
// burst; a throttling answer halves the rate (adaptive mode), and each recovery interval with a success
// adds increaseStep back until the configured rate is reached. Waiting is asynchronous, through the Clock,
// in arrival order.
class TokenBucket : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        double rate = 2.0; // requests per second when not throttled
        double burst = 1.0; // tokens the bucket holds: 1 spaces requests exactly 1/rate apart
        double minRate = 0.1;
        double decreaseFactor = 0.5;
        double increaseStep = 0.2; // requests per second regained per recovery interval
        std::chrono::milliseconds recoveryInterval { 1000 };
    };

    explicit TokenBucket(Settings settings, Clock *clock, QObject *parent = nullptr);
    ~TokenBucket() override;

    // Calls fn once a token is taken for the caller: at once (inside this call) when a token is free and
    // nobody is waiting, later otherwise. Never calls fn after context has been destroyed, and a destroyed
    // context gives its place in the queue back without taking a token.
    void acquire(QObject *context, std::function<void()> fn);

    // What the service answered to an attempt that had a token.
    void reportThrottled();
    void reportSuccess();

    double rate() const { return m_rate; }
    double configuredRate() const { return m_settings.rate; }
    void setConfiguredRate(double rate);
    const Settings &settings() const { return m_settings; }
    // True from a throttling answer until the rate is back at the configured rate.
    bool isThrottled() const { return m_throttled; }
    // Callers waiting for a token.
    int waiting() const;
    // Tokens in the bucket now (fractional while refilling).
    double available() const;
    // Tokens handed out since construction.
    quint64 issued() const { return m_issued; }

signals:
    void rateChanged(double rate);
    void throttledChanged(bool throttled);
    // waiting() or issued() changed: the status bar's "requests in use" needs a refresh.
    void usageChanged();

private:
    struct Waiter
    {
        QPointer<QObject> context;
        std::function<void()> fn;
    };

    void refill();
    void drain();
    void scheduleWake();
    void setRate(double rate);
    void setThrottled(bool throttled);

    Settings m_settings;
    Clock *m_clock;
    double m_rate;
    double m_tokens;
    QDateTime m_lastRefill;
    QDateTime m_lastRateChange;
    bool m_throttled = false;
    bool m_wakeScheduled = false;
    bool m_draining = false;
    quint64 m_issued = 0;
    QList<Waiter> m_queue;
};
