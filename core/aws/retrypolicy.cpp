#include "core/aws/retrypolicy.h"

#include <QRandomGenerator>
#include <QStringList>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// The throttling codes the SDKs' standard mode retries (botocore's list without LimitExceededException,
// which SageMaker uses for account quotas that waiting does not lift).
const QStringList &throttlingCodes()
{
    static const QStringList codes {
        u"Throttling"_s,
        u"ThrottlingException"_s,
        u"ThrottledException"_s,
        u"RequestThrottledException"_s,
        u"TooManyRequestsException"_s,
        u"ProvisionedThroughputExceededException"_s,
        u"TransactionInProgressException"_s,
        u"RequestLimitExceeded"_s,
        u"BandwidthLimitExceeded"_s,
        u"RequestThrottled"_s,
        u"SlowDown"_s,
        u"EC2ThrottledException"_s,
    };
    return codes;
}

const QStringList &transientCodes()
{
    static const QStringList codes {
        u"RequestTimeout"_s, u"RequestTimeoutException"_s, u"PriorRequestNotComplete"_s,
        u"NetworkError"_s, // ours: the connection failed or broke
    };
    return codes;
}

bool isTransientStatus(int status)
{
    return status == 500 || status == 502 || status == 503 || status == 504;
}

// Codes that always mean "your clock is off".
bool isSkewCode(const QString &code)
{
    return code == "RequestTimeTooSkewed"_L1 || code == "RequestInTheFuture"_L1;
}

// Codes that mean a skewed clock when the message or the Date header says so, and something else otherwise
// (a wrong secret, an expired request).
bool isSkewCapableCode(const QString &code)
{
    return code == "InvalidSignatureException"_L1 || code == "SignatureDoesNotMatch"_L1
        || code == "AuthFailure"_L1 || code == "RequestExpired"_L1;
}

bool messageMentionsSkew(const QString &message)
{
    return message.contains("Signature expired"_L1, Qt::CaseInsensitive)
        || message.contains("not yet current"_L1, Qt::CaseInsensitive)
        || message.contains("skew"_L1, Qt::CaseInsensitive);
}

bool isExpiredCredentialsCode(const QString &code)
{
    return code == "ExpiredToken"_L1 || code == "ExpiredTokenException"_L1 || code == "RequestExpired"_L1;
}

} // namespace

RetryPolicy::RetryPolicy()
    : RetryPolicy(Settings {})
{ }

RetryPolicy::RetryPolicy(Settings settings, RandomSource random)
    : m_settings(settings)
    , m_quota(settings.quotaCapacity)
{
    setMaxAttempts(settings.maxAttempts);
    setRandomSource(std::move(random));
}

void RetryPolicy::setMaxAttempts(int maxAttempts)
{
    m_settings.maxAttempts = std::max(1, maxAttempts);
}

void RetryPolicy::setRandomSource(RandomSource random)
{
    if (!random)
        random = [] { return QRandomGenerator::global()->generateDouble(); };
    m_random = std::move(random);
}

bool RetryPolicy::isThrottling(const AwsError &error)
{
    return error.httpStatus == 429 || throttlingCodes().contains(error.code);
}

RetryPolicy::ErrorKind RetryPolicy::classify(const AwsError &error, bool clockSkewObserved)
{
    if (error.isNull())
        return ErrorKind::NotRetryable;
    if (isSkewCode(error.code)
        || (isSkewCapableCode(error.code) && (clockSkewObserved || messageMentionsSkew(error.message))))
        return ErrorKind::ClockSkew;
    if (isExpiredCredentialsCode(error.code))
        return ErrorKind::ExpiredCredentials;
    if (isThrottling(error))
        return ErrorKind::Throttling;
    if (error.code == "Timeout"_L1)
        return ErrorKind::Timeout;
    if (transientCodes().contains(error.code) || isTransientStatus(error.httpStatus))
        return ErrorKind::Transient;
    return ErrorKind::NotRetryable;
}

bool RetryPolicy::isRetryable(ErrorKind kind)
{
    return kind == ErrorKind::Throttling || kind == ErrorKind::Transient || kind == ErrorKind::Timeout;
}

std::chrono::milliseconds RetryPolicy::backoffDelay(int retryIndex) const
{
    // 2^31 ms is far beyond any sensible cap; clamping the exponent keeps the arithmetic finite.
    const double exponential
        = double(m_settings.baseDelay.count()) * std::ldexp(1.0, std::clamp(retryIndex, 0, 31));
    const double cap = std::min(double(m_settings.maxBackoff.count()), exponential);
    const double r = std::clamp(m_random(), 0.0, 1.0);
    return std::chrono::milliseconds(qint64(std::floor(r * cap)));
}

std::optional<int> RetryPolicy::acquireRetryQuota(ErrorKind kind)
{
    const int cost = kind == ErrorKind::Timeout ? m_settings.timeoutRetryCost : m_settings.retryCost;
    if (cost > m_quota)
        return std::nullopt;
    m_quota -= cost;
    return cost;
}

void RetryPolicy::releaseRetryQuota(int acquiredCost)
{
    const int refund = acquiredCost > 0 ? acquiredCost : m_settings.noRetryIncrement;
    m_quota = std::min(m_settings.quotaCapacity, m_quota + refund);
}
