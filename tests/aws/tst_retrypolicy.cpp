#include "core/aws/retrypolicy.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Kind = RetryPolicy::ErrorKind;

Q_DECLARE_METATYPE(RetryPolicy::ErrorKind)

// Proves the standard-mode retry decisions, the backoff bounds and the retry quota.
class TestRetryPolicy : public QObject
{
    Q_OBJECT

private slots:
    void classify_data();
    void classify();
    void backoffWithinBounds_data();
    void backoffWithinBounds();
    void backoffUsesFullJitter();
    void quotaExhaustsAndRefills();
    void maxAttemptsAtLeastOne();
};

void TestRetryPolicy::classify_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("skewObserved");
    QTest::addColumn<Kind>("kind");

    const QStringList throttling { u"ThrottlingException"_s, u"ThrottledException"_s,
        u"RequestThrottledException"_s, u"TooManyRequestsException"_s,
        u"ProvisionedThroughputExceededException"_s, u"RequestLimitExceeded"_s, u"SlowDown"_s,
        u"Throttling"_s };
    for (const QString &code : throttling)
        QTest::addRow("throttling %s", qPrintable(code))
            << code << 400 << QString() << false << Kind::Throttling;
    QTest::newRow("SlowDown on 503 is throttling, not transient")
        << u"SlowDown"_s << 503 << QString() << false << Kind::Throttling;
    QTest::newRow("429 with an unknown code")
        << u"TooManyRequests"_s << 429 << QString() << false << Kind::Throttling;
    for (const int status : { 500, 502, 503, 504 })
        QTest::addRow("status %d", status)
            << u"InternalFailure"_s << status << QString() << false << Kind::Transient;
    QTest::newRow("501 is not retried")
        << u"NotImplemented"_s << 501 << QString() << false << Kind::NotRetryable;
    QTest::newRow("connection error") << u"NetworkError"_s << 0 << QString() << false << Kind::Transient;
    QTest::newRow("timeout") << u"Timeout"_s << 0 << QString() << false << Kind::Timeout;
    QTest::newRow("RequestTimeoutException")
        << u"RequestTimeoutException"_s << 400 << QString() << false << Kind::Transient;
    QTest::newRow("validation") << u"ValidationException"_s << 400 << u"bad"_s << false << Kind::NotRetryable;
    QTest::newRow("resource in use") << u"ResourceInUse"_s << 400 << QString() << false << Kind::NotRetryable;
    QTest::newRow("not found") << u"ResourceNotFound"_s << 400 << QString() << false << Kind::NotRetryable;
    QTest::newRow("account quota is not throttling")
        << u"ResourceLimitExceeded"_s << 400 << QString() << false << Kind::NotRetryable;
    QTest::newRow("access denied") << u"AccessDeniedException"_s << 403 << QString() << false
                                   << Kind::NotRetryable;
    QTest::newRow("credentials error")
        << u"CredentialsError"_s << 0 << QString() << false << Kind::NotRetryable;
    QTest::newRow("unreadable 200") << u"InvalidResponse"_s << 200 << QString() << false
                                    << Kind::NotRetryable;
    QTest::newRow("RequestTimeTooSkewed")
        << u"RequestTimeTooSkewed"_s << 403 << QString() << false << Kind::ClockSkew;
    QTest::newRow("signature expired message")
        << u"InvalidSignatureException"_s << 400
        << u"Signature expired: 20260101T000000Z is now earlier than 20260101T001000Z (20260101T001500Z - 5 min.)"_s
        << false << Kind::ClockSkew;
    QTest::newRow("signature not yet current")
        << u"InvalidSignatureException"_s << 400
        << u"Signature not yet current: 20260101T003000Z is still later"_s << false << Kind::ClockSkew;
    QTest::newRow("SignatureDoesNotMatch with a skewed Date")
        << u"SignatureDoesNotMatch"_s << 403 << QString() << true << Kind::ClockSkew;
    QTest::newRow("wrong secret is not skew")
        << u"InvalidSignatureException"_s << 400 << u"The request signature we calculated does not match"_s
        << false << Kind::NotRetryable;
    QTest::newRow("ExpiredToken") << u"ExpiredToken"_s << 400 << QString() << false
                                  << Kind::ExpiredCredentials;
    QTest::newRow("ExpiredTokenException")
        << u"ExpiredTokenException"_s << 400 << QString() << false << Kind::ExpiredCredentials;
    QTest::newRow("RequestExpired without skew")
        << u"RequestExpired"_s << 400 << QString() << false << Kind::ExpiredCredentials;
    QTest::newRow("RequestExpired with a skewed Date")
        << u"RequestExpired"_s << 400 << QString() << true << Kind::ClockSkew;
}

void TestRetryPolicy::classify()
{
    QFETCH(QString, code);
    QFETCH(int, status);
    QFETCH(QString, message);
    QFETCH(bool, skewObserved);
    QFETCH(Kind, kind);

    AwsError error;
    error.code = code;
    error.httpStatus = status;
    error.message = message;
    QCOMPARE(RetryPolicy::classify(error, skewObserved), kind);
    const bool retryable = kind == Kind::Throttling || kind == Kind::Transient || kind == Kind::Timeout;
    QCOMPARE(RetryPolicy::isRetryable(kind), retryable);
}

void TestRetryPolicy::backoffWithinBounds_data()
{
    QTest::addColumn<double>("random");
    QTest::newRow("zero") << 0.0;
    QTest::newRow("middle") << 0.5;
    QTest::newRow("almost one") << 0.999;
    QTest::newRow("one") << 1.0;
    QTest::newRow("out of range is clamped") << 7.0;
}

// Every delay lies in [0, min(20 s, 1 s * 2^n)], and the pinned random number picks the point in it.
void TestRetryPolicy::backoffWithinBounds()
{
    QFETCH(double, random);
    RetryPolicy policy(RetryPolicy::Settings {}, [random] { return random; });
    for (int n = 0; n < 40; ++n) {
        const qint64 cap = n < 5 ? (qint64(1000) << n) : 20000;
        const qint64 delay = policy.backoffDelay(n).count();
        QVERIFY2(
            delay >= 0 && delay <= cap, qPrintable(u"retry %1: %2 ms, cap %3"_s.arg(n).arg(delay).arg(cap)));
        QCOMPARE(delay, qint64(std::min(1.0, random) * double(cap)));
    }
}

// With the real random source the delays spread over the whole interval instead of sitting at the cap.
void TestRetryPolicy::backoffUsesFullJitter()
{
    RetryPolicy policy;
    qint64 low = std::numeric_limits<qint64>::max();
    qint64 high = 0;
    for (int i = 0; i < 2000; ++i) {
        const qint64 delay = policy.backoffDelay(3).count();
        QVERIFY(delay >= 0 && delay <= 8000);
        low = std::min(low, delay);
        high = std::max(high, delay);
    }
    QVERIFY2(low < 1000 && high > 7000, qPrintable(u"%1..%2"_s.arg(low).arg(high)));
}

void TestRetryPolicy::quotaExhaustsAndRefills()
{
    RetryPolicy policy;
    QCOMPARE(policy.availableQuota(), 500);
    // 500 / 10 = 50 timeout retries, then nothing.
    for (int i = 0; i < 50; ++i)
        QCOMPARE(policy.acquireRetryQuota(Kind::Timeout), std::optional<int>(10));
    QCOMPARE(policy.availableQuota(), 0);
    QVERIFY(!policy.acquireRetryQuota(Kind::Throttling).has_value());
    QVERIFY(!policy.acquireRetryQuota(Kind::Timeout).has_value());

    // A success after a retry gives that retry's cost back; one without a retry gives 1.
    policy.releaseRetryQuota(10);
    QCOMPARE(policy.availableQuota(), 10);
    QCOMPARE(policy.acquireRetryQuota(Kind::Transient), std::optional<int>(5));
    QCOMPARE(policy.availableQuota(), 5);
    QVERIFY(!policy.acquireRetryQuota(Kind::Timeout).has_value());
    policy.releaseRetryQuota(0);
    QCOMPARE(policy.availableQuota(), 6);

    // Never above capacity.
    for (int i = 0; i < 1000; ++i)
        policy.releaseRetryQuota(5);
    QCOMPARE(policy.availableQuota(), 500);
}

void TestRetryPolicy::maxAttemptsAtLeastOne()
{
    RetryPolicy policy;
    QCOMPARE(policy.maxAttempts(), 3);
    policy.setMaxAttempts(0);
    QCOMPARE(policy.maxAttempts(), 1);
    policy.setMaxAttempts(7);
    QCOMPARE(policy.maxAttempts(), 7);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
