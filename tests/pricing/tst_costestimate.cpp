#include "core/pricing/costestimate.h"
#include "tests/pricing/pricetestdata.h"

#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using PriceTestData::plain;
using PriceTestData::price;

QDateTime at(int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 11, 27), QTime(hour, minute), Qt::UTC);
}

} // namespace

// Proves the arithmetic of the worst case and the cost so far (which hours count in each state of a job,
// spot as an upper bound), the number formats, and that every sentence carries the price's source and date.
class TestCostEstimate : public QObject
{
    Q_OBJECT

private slots:
    void worstCase_data();
    void worstCase();
    void soFar_data();
    void soFar();
    void formats_data();
    void formats();
    void describedWithSourceAndDate_data();
    void describedWithSourceAndDate();
    void numbersStayWithTheirUnits();
    void factsFromDescribe();
};

void TestCostEstimate::worstCase_data()
{
    QTest::addColumn<double>("perHour");
    QTest::addColumn<int>("count");
    QTest::addColumn<qint64>("maxRuntime");
    QTest::addColumn<bool>("spot");
    QTest::addColumn<double>("amount");
    QTest::addColumn<double>("hours");
    QTest::newRow("p4d × 2 × 24 h") << 25.251 << 2 << qint64(86400) << false << 1212.048 << 24.0;
    QTest::newRow("m5.large × 1 × 90 min") << 0.115 << 1 << qint64(5400) << false << 0.1725 << 1.5;
    QTest::newRow("zero runtime") << 1.515 << 4 << qint64(0) << false << 0.0 << 0.0;
    QTest::newRow("spot is an upper bound") << 1.515 << 1 << qint64(7200) << true << 3.03 << 2.0;
    QTest::newRow("five-day maximum") << 3.36 << 8 << qint64(5 * 86400) << false << 3225.6 << 120.0;
}

void TestCostEstimate::worstCase()
{
    QFETCH(double, perHour);
    QFETCH(int, count);
    QFETCH(qint64, maxRuntime);
    QFETCH(bool, spot);
    QFETCH(double, amount);
    QFETCH(double, hours);
    const CostFigure figure
        = CostEstimate::worstCase(price(u"ml.x.large"_s, perHour), count, maxRuntime, spot);
    QVERIFY2(qAbs(figure.amount - amount) < 1e-9, qPrintable(QString::number(figure.amount, 'f', 6)));
    QCOMPARE(figure.hours, hours);
    QCOMPARE(figure.instanceCount, count);
    QCOMPARE(figure.basis, CostFigure::Basis::MaxRuntime);
    QCOMPARE(figure.upperBound, spot);
}

void TestCostEstimate::soFar_data()
{
    QTest::addColumn<QDateTime>("start");
    QTest::addColumn<QDateTime>("end");
    QTest::addColumn<qint64>("billable"); // -1: none given
    QTest::addColumn<bool>("spot");
    QTest::addColumn<int>("basis");
    QTest::addColumn<double>("hours");
    const QDateTime none;
    // now is 12:00; ml.g5.2xlarge at 1.515 × 2 instances.
    QTest::newRow("not started: nothing billed")
        << none << none << qint64(-1) << false << int(CostFigure::Basis::NotStarted) << 0.0;
    QTest::newRow("running since 09:00: elapsed")
        << at(9) << none << qint64(-1) << false << int(CostFigure::Basis::Elapsed) << 3.0;
    QTest::newRow("ended: billable time, not start to end")
        << at(9) << at(11) << qint64(5400) << false << int(CostFigure::Basis::BillableTime) << 1.5;
    QTest::newRow("ended without billable time: start to end")
        << at(9) << at(10, 30) << qint64(-1) << false << int(CostFigure::Basis::BillableTime) << 1.5;
    QTest::newRow("spot running: upper bound")
        << at(11) << none << qint64(-1) << true << int(CostFigure::Basis::Elapsed) << 1.0;
    QTest::newRow("spot ended: billable, still an upper bound")
        << at(9) << at(11) << qint64(3600) << true << int(CostFigure::Basis::BillableTime) << 1.0;
    QTest::newRow("failed before its instances started")
        << none << at(10) << qint64(0) << false << int(CostFigure::Basis::BillableTime) << 0.0;
}

void TestCostEstimate::soFar()
{
    QFETCH(QDateTime, start);
    QFETCH(QDateTime, end);
    QFETCH(qint64, billable);
    QFETCH(bool, spot);
    QFETCH(int, basis);
    QFETCH(double, hours);
    JobCostFacts job;
    job.instanceType = u"ml.g5.2xlarge"_s;
    job.instanceCount = 2;
    job.trainingStartTime = start;
    job.trainingEndTime = end;
    if (billable >= 0)
        job.billableSeconds = billable;
    job.managedSpot = spot;
    const CostFigure figure = CostEstimate::soFar(price(u"ml.g5.2xlarge"_s, 1.515), job, at(12));
    QCOMPARE(int(figure.basis), basis);
    QCOMPARE(figure.hours, hours);
    QVERIFY(qAbs(figure.amount - 1.515 * 2 * hours) < 1e-9);
    QCOMPARE(figure.upperBound, spot);
}

void TestCostEstimate::formats_data()
{
    QTest::addColumn<QString>("actual");
    QTest::addColumn<QString>("expected");
    QTest::newRow("amount with grouping") << CostEstimate::formatAmount(1212.048, u"USD"_s) << u"$1,212.05"_s;
    QTest::newRow("small amount") << CostEstimate::formatAmount(0.1725, u"USD"_s) << u"$0.17"_s;
    QTest::newRow("amount in CNY") << CostEstimate::formatAmount(12, u"CNY"_s) << u"CNY 12.00"_s;
    QTest::newRow("rate with three decimals") << CostEstimate::formatRate(25.251, u"USD"_s) << u"$25.251/h"_s;
    QTest::newRow("rate below a dollar") << CostEstimate::formatRate(0.115, u"USD"_s) << u"$0.115/h"_s;
    QTest::newRow("round rate keeps cents") << CostEstimate::formatRate(3, u"USD"_s) << u"$3.00/h"_s;
    QTest::newRow("rate rounded to four decimals")
        << CostEstimate::formatRate(0.05678, u"USD"_s) << u"$0.0568/h"_s;
    QTest::newRow("whole hours") << CostEstimate::formatHours(24) << u"24 h"_s;
    QTest::newRow("half hour") << CostEstimate::formatHours(1.5) << u"1.5 h"_s;
    QTest::newRow("minutes") << CostEstimate::formatHours(100.0 / 3600.0) << u"0.03 h"_s;
    QTest::newRow("date of a fetched price")
        << CostEstimate::priceDate(price(u"ml.m5.large"_s, 1)) << u"2026-11-27"_s;
}

void TestCostEstimate::formats()
{
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(plain(actual), expected);
}

void TestCostEstimate::describedWithSourceAndDate_data()
{
    QTest::addColumn<QString>("actual");
    QTest::addColumn<QString>("expected");
    const PriceRecord p4d = price(u"ml.p4d.24xlarge"_s, 25.251);
    const PriceRecord entered = price(u"ml.g7e.2xlarge"_s, 3.36, PriceRecord::Source::EnteredByUser);
    QTest::newRow("worst case")
        << CostEstimate::describe(CostEstimate::worstCase(p4d, 2, 86400), p4d)
        << u"≈ $1,212.05 worst case (ml.p4d.24xlarge $25.251/h × 2 × 24 h; price from AWS Price List API, "
           "2026-11-27)"_s;
    QTest::newRow("worst case with an entered price")
        << CostEstimate::describe(CostEstimate::worstCase(entered, 1, 7200), entered)
        << u"≈ $6.72 worst case (ml.g7e.2xlarge $3.36/h × 1 × 2 h; price entered by you, 2026-11-27)"_s;
    QTest::newRow("spot worst case")
        << CostEstimate::describe(CostEstimate::worstCase(p4d, 1, 3600, true), p4d)
        << u"≤ $25.25 worst case (ml.p4d.24xlarge $25.251/h × 1 × 1 h; managed spot: an upper bound at the "
           "on-demand rate; price from AWS Price List API, 2026-11-27)"_s;
    JobCostFacts running;
    running.instanceCount = 2;
    running.trainingStartTime = at(10, 30);
    QTest::newRow("so far")
        << CostEstimate::describe(CostEstimate::soFar(p4d, running, at(12)), p4d)
        << u"≈ $75.75 so far (ml.p4d.24xlarge $25.251/h × 2 × 1.5 h running; price from AWS "
           "Price List API, 2026-11-27)"_s;
    JobCostFacts waiting;
    QTest::newRow("not started")
        << CostEstimate::describe(CostEstimate::soFar(p4d, waiting, at(12)), p4d)
        << u"$0.00 so far (no instance started yet; ml.p4d.24xlarge $25.251/h; price "
           "from AWS Price List API, 2026-11-27)"_s;
    QTest::newRow("short text") << CostEstimate::shortText(CostEstimate::worstCase(p4d, 2, 86400))
                                << u"≈ $1,212.05"_s;
    QTest::newRow("the price alone") << CostEstimate::describePrice(entered)
                                     << u"ml.g7e.2xlarge $3.36/h (price entered by you, 2026-11-27)"_s;
}

void TestCostEstimate::describedWithSourceAndDate()
{
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(plain(actual), expected);
}

void TestCostEstimate::numbersStayWithTheirUnits()
{
    QCOMPARE(CostEstimate::formatHours(24), u"24\u00a0h"_s);
    const PriceRecord p4d = price(u"ml.p4d.24xlarge"_s, 25.251);
    QVERIFY(CostEstimate::describe(CostEstimate::worstCase(p4d, 2, 86400), p4d)
                .contains(u"$25.251/\u2060h\u00a0×\u00a02\u00a0×\u00a024\u00a0h"_s));
}

void TestCostEstimate::factsFromDescribe()
{
    const QJsonObject describe { { u"TrainingJobName"_s, u"job"_s },
        { u"ResourceConfig"_s,
            QJsonObject { { u"InstanceType"_s, u"ml.g5.2xlarge"_s }, { u"InstanceCount"_s, 3 },
                { u"VolumeSizeInGB"_s, 50 } } },
        { u"TrainingStartTime"_s, 1796378400.0 }, // 2026-12-04T10:00:00Z, epoch seconds as the API sends
        { u"TrainingEndTime"_s, u"2026-12-04T12:00:00.000000+00:00"_s }, // ISO text as the CLI prints
        { u"BillableTimeInSeconds"_s, 6000 }, { u"EnableManagedSpotTraining"_s, true } };
    const JobCostFacts facts = JobCostFacts::fromDescribe(describe);
    QCOMPARE(facts.instanceType, u"ml.g5.2xlarge"_s);
    QCOMPARE(facts.instanceCount, 3);
    QCOMPARE(facts.trainingStartTime, QDateTime(QDate(2026, 12, 4), QTime(10, 0), Qt::UTC));
    QCOMPARE(facts.trainingEndTime, QDateTime(QDate(2026, 12, 4), QTime(12, 0), Qt::UTC));
    QCOMPARE(facts.billableSeconds, std::optional<qint64>(6000));
    QVERIFY(facts.managedSpot);

    const JobCostFacts running = JobCostFacts::fromDescribe(
        { { u"ResourceConfig"_s, QJsonObject { { u"InstanceType"_s, u"ml.m5.large"_s } } } });
    QCOMPARE(running.instanceCount, 1);
    QVERIFY(!running.trainingStartTime.isValid());
    QVERIFY(!running.billableSeconds);
    QVERIFY(!running.managedSpot);
}

QTEST_GUILESS_MAIN(TestCostEstimate)
#include "tst_costestimate.moc"
