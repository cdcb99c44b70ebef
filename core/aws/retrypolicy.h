#pragma once

#include "core/aws/awserror.h"

#include <chrono>
#include <functional>
#include <optional>

// The AWS SDKs' "standard" retry mode: which failures are worth another attempt, how long to wait before it
// (exponential backoff with full jitter) and a retry quota that stops retry storms when the service is
// down. One policy per transport: the quota is shared by every call of that transport.
class RetryPolicy
{
public:
    enum class ErrorKind {
        NotRetryable,
        Throttling, // the service asks us to slow down
        Transient, // 5xx, a broken connection
        Timeout, // no response within the attempt timeout
        ClockSkew, // our clock is off: correct the signing time and retry once
        ExpiredCredentials, // re-resolve the credentials and retry once
    };

    struct Settings
    {
        int maxAttempts = 3; // first try included
        std::chrono::milliseconds baseDelay { 1000 };
        std::chrono::milliseconds maxBackoff { 20000 };
        int quotaCapacity = 500;
        int retryCost = 5;
        int timeoutRetryCost = 10;
        int noRetryIncrement = 1; // given back by a call that succeeded on its first attempt
    };

    // Returns a number in [0, 1]; tests pin it.
    using RandomSource = std::function<double()>;

    RetryPolicy();
    explicit RetryPolicy(Settings settings, RandomSource random = {});

    const Settings &settings() const { return m_settings; }
    int maxAttempts() const { return m_settings.maxAttempts; }
    void setMaxAttempts(int maxAttempts);
    void setRandomSource(RandomSource random);

    // clockSkewObserved: the response's Date is far from the time the request was signed with.
    static ErrorKind classify(const AwsError &error, bool clockSkewObserved = false);
    static bool isThrottling(const AwsError &error);
    // Throttling, transient failures and timeouts: what AwsError::retryable means.
    static bool isRetryable(ErrorKind kind);

    // The wait before retry number retryIndex (0 = the first retry):
    // random(0, min(maxBackoff, baseDelay * 2^retryIndex)).
    std::chrono::milliseconds backoffDelay(int retryIndex) const;

    // Takes what a retry after this kind of failure costs from the quota. Returns the cost taken, or nothing
    // when the quota cannot pay for it (the call then gives up with its last error).
    std::optional<int> acquireRetryQuota(ErrorKind kind);
    // A call succeeded: gives back the cost of its last retry, or noRetryIncrement when it did not retry.
    void releaseRetryQuota(int acquiredCost);
    int availableQuota() const { return m_quota; }

private:
    Settings m_settings;
    RandomSource m_random;
    int m_quota;
};
