#include "core/api/timestamp.h"

#include <QTest>

using namespace Qt::StringLiterals;

// Timestamps as the JSON 1.1 API sends them (epoch seconds) and as the AWS CLI prints them (ISO 8601).
class TimestampTest : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
};

void TimestampTest::parses_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QDateTime>("expected"); // invalid: must be rejected
    const QDateTime t(QDate(2024, 1, 2), QTime(3, 4, 5, 123), Qt::UTC);
    QTest::newRow("epoch, fractional") << QJsonValue(1704164645.123) << t;
    QTest::newRow("epoch, whole") << QJsonValue(1704164645) << t.addMSecs(-123);
    QTest::newRow("epoch as text") << QJsonValue(u"1704164645.123"_s) << t;
    QTest::newRow("AWS CLI, microseconds") << QJsonValue(u"2024-01-02T03:04:05.123000+00:00"_s) << t;
    QTest::newRow("Z") << QJsonValue(u"2024-01-02T03:04:05.123Z"_s) << t;
    QTest::newRow("no fraction") << QJsonValue(u"2024-01-02T03:04:05+00:00"_s) << t.addMSecs(-123);
    QTest::newRow("positive offset") << QJsonValue(u"2024-01-02T05:34:05.123+02:30"_s) << t;
    QTest::newRow("negative offset, no colon") << QJsonValue(u"2024-01-01T22:04:05.123-0500"_s) << t;
    QTest::newRow("no zone is UTC") << QJsonValue(u"2024-01-02T03:04:05.123"_s) << t;
    QTest::newRow("space separator") << QJsonValue(u"2024-01-02 03:04:05.123+00:00"_s) << t;
    QTest::newRow("garbage") << QJsonValue(u"yesterday"_s) << QDateTime();
    QTest::newRow("impossible date") << QJsonValue(u"2024-02-30T00:00:00Z"_s) << QDateTime();
    QTest::newRow("impossible time") << QJsonValue(u"2024-01-02T25:00:00Z"_s) << QDateTime();
    QTest::newRow("bad offset") << QJsonValue(u"2024-01-02T03:04:05+24:00"_s) << QDateTime();
    QTest::newRow("empty") << QJsonValue(QString()) << QDateTime();
    QTest::newRow("bool") << QJsonValue(true) << QDateTime();
    QTest::newRow("null") << QJsonValue() << QDateTime();
}

void TimestampTest::parses()
{
    QFETCH(QJsonValue, value);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = Timestamp::parse(value);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(parsed, expected);
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }
}

QTEST_GUILESS_MAIN(TimestampTest)
#include "tst_timestamp.moc"
