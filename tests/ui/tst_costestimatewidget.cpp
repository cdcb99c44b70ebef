#include "core/pricing/priceservice.h"
#include "core/store/localstore.h"
#include "tests/pricing/pricetestdata.h"
#include "tests/support/manualclock.h"
#include "ui/widgets/costestimatewidget.h"
#include "uitestsupport.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

using PriceTestData::plain;

PriceQuote priced(const QString &type, double perHour,
    PriceRecord::Source source = PriceRecord::Source::PriceListApi, const QString &region = u"us-east-1"_s)
{
    PriceQuote quote;
    quote.region = region;
    quote.instanceType = type;
    quote.missing = PriceQuote::Missing::None;
    quote.price = PriceTestData::price(type, perHour, source, u"USD"_s, region);
    return quote;
}

PriceQuote missing(PriceQuote::Missing why, const QString &type = u"ml.g7e.2xlarge"_s,
    const QString &region = u"eu-west-1"_s, const QString &detail = QString())
{
    PriceQuote quote;
    quote.region = region;
    quote.instanceType = type;
    quote.missing = why;
    quote.detail = detail;
    return quote;
}

struct Setup
{
    PriceQuote quote;
    int count = 1;
    qint64 maxRuntime = -1; // -1: none
    bool spot = false;
};

void apply(CostEstimateWidget &widget, const Setup &setup)
{
    widget.setInstanceCount(setup.count);
    widget.setMaxRuntime(setup.maxRuntime >= 0 ? std::optional<qint64>(setup.maxRuntime) : std::nullopt);
    widget.setManagedSpot(setup.spot);
    widget.setQuote(setup.quote);
}

} // namespace

Q_DECLARE_METATYPE(Setup)

// Proves what the cost line says in each state (a listed price, an entered one, spot, no maximum runtime,
// every reason for no price), that every price shown carries its source and date, that a price can be entered
// with the keyboard and comes back marked "entered by you" through the real PriceService and store, and
// renders the states to PNG for a person to look at.
class TestCostEstimateWidget : public QObject
{
    Q_OBJECT

private slots:
    void init() { QStandardPaths::setTestModeEnabled(true); }
    void texts_data();
    void texts();
    void entryOfferedOnlyWhereItHelps_data();
    void entryOfferedOnlyWhereItHelps();
    void parsePrice_data();
    void parsePrice();
    void enteringAPriceEmitsIt();
    void escapeAndOtherTypeCloseTheEntry();
    void enteredPriceComesBackThroughTheService();
    void screenshots();
};

void TestCostEstimateWidget::texts_data()
{
    QTest::addColumn<Setup>("setup");
    QTest::addColumn<QString>("text");
    QTest::newRow("listed price, worst case")
        << Setup { priced(u"ml.p4d.24xlarge"_s, 25.251), 2, 86400 }
        << u"≈ $1,212.05 worst case (ml.p4d.24xlarge $25.251/h × 2 × 24 h; price from AWS Price List API, "
           "2026-11-27)"_s;
    QTest::newRow("entered price") << Setup {
        priced(u"ml.g7e.2xlarge"_s, 3.36, PriceRecord::Source::EnteredByUser), 1, 7200
    } << u"≈ $6.72 worst case (ml.g7e.2xlarge $3.36/h × 1 × 2 h; price entered by you, 2026-11-27)"_s;
    QTest::newRow("managed spot is an upper bound")
        << Setup { priced(u"ml.g5.2xlarge"_s, 1.515), 4, 5400, true }
        << u"≤ $9.09 worst case (ml.g5.2xlarge $1.515/h × 4 × 1.5 h; managed spot: an upper bound at the "
           "on-demand rate; price from AWS Price List API, 2026-11-27)"_s;
    QTest::newRow("no maximum runtime: an hour")
        << Setup { priced(u"ml.p4d.24xlarge"_s, 25.251), 2 }
        << u"≈ $50.50 per hour ($25.251/h × 2; price from AWS Price List API, 2026-11-27); set a maximum "
           "runtime for the worst case"_s;
    QTest::newRow("offline") << Setup { missing(PriceQuote::Missing::Offline), 1, 3600 }
                             << u"No price for ml.g7e.2xlarge in eu-west-1 (offline)"_s;
    QTest::newRow("not permitted") << Setup { missing(PriceQuote::Missing::NotPermitted), 1, 3600 }
                                   << u"No price for ml.g7e.2xlarge in eu-west-1 (not permitted)"_s;
    QTest::newRow("not listed") << Setup { missing(PriceQuote::Missing::NotListed), 1, 3600 }
                                << u"No price for ml.g7e.2xlarge in eu-west-1 (not listed)"_s;
    QTest::newRow("no connection") << Setup { missing(PriceQuote::Missing::NoConnection), 1, 3600 }
                                   << u"No price for ml.g7e.2xlarge in eu-west-1 (no connection)"_s;
    QTest::newRow("looking it up") << Setup { missing(PriceQuote::Missing::Fetching, u"ml.m5.large"_s), 1,
        3600 } << u"Looking up the price of ml.m5.large in eu-west-1…"_s;
    QTest::newRow("no instance type") << Setup { missing(PriceQuote::Missing::NoInstanceType, QString()), 1,
        3600 } << u"Choose an instance type to see the estimated cost."_s;
}

void TestCostEstimateWidget::texts()
{
    QFETCH(Setup, setup);
    QFETCH(QString, text);
    CostEstimateWidget widget;
    apply(widget, setup);
    QCOMPARE(plain(widget.text()), text);
    QCOMPARE(child<QLabel>(&widget, u"costEstimateText"_s)->text(), widget.text());
    // No price without its date and source.
    if (text.contains(u'$'))
        QVERIFY(text.contains("2026-11-27"_L1)
            && (text.contains("AWS Price List API"_L1) || text.contains("entered by you"_L1)));
}

void TestCostEstimateWidget::entryOfferedOnlyWhereItHelps_data()
{
    QTest::addColumn<PriceQuote>("quote");
    QTest::addColumn<bool>("offered");
    QTest::addColumn<QString>("buttonText");
    QTest::newRow("listed price: nothing to enter") << priced(u"ml.m5.large"_s, 0.115) << false << QString();
    QTest::newRow("entered price can be changed")
        << priced(u"ml.m5.large"_s, 0.2, PriceRecord::Source::EnteredByUser) << true << u"Change &price…"_s;
    QTest::newRow("offline") << missing(PriceQuote::Missing::Offline) << true << u"Enter &price…"_s;
    QTest::newRow("not permitted") << missing(PriceQuote::Missing::NotPermitted) << true
                                   << u"Enter &price…"_s;
    QTest::newRow("not listed") << missing(PriceQuote::Missing::NotListed) << true << u"Enter &price…"_s;
    QTest::newRow("looking it up") << missing(PriceQuote::Missing::Fetching) << false << QString();
    QTest::newRow("no type") << missing(PriceQuote::Missing::NoInstanceType, QString()) << false << QString();
}

void TestCostEstimateWidget::entryOfferedOnlyWhereItHelps()
{
    QFETCH(PriceQuote, quote);
    QFETCH(bool, offered);
    QFETCH(QString, buttonText);
    CostEstimateWidget widget;
    widget.setQuote(quote);
    auto *enter = child<QToolButton>(&widget, u"costEstimateEnterPrice"_s);
    QVERIFY(enter);
    QCOMPARE(!enter->isHidden(), offered);
    if (offered)
        QCOMPARE(enter->text(), buttonText);
}

void TestCostEstimateWidget::parsePrice_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("price"); // 0: refused
    QTest::newRow("plain") << u"3.36"_s << 3.36;
    QTest::newRow("dollar sign") << u"$ 3.36"_s << 3.36;
    QTest::newRow("decimal comma") << u"3,36"_s << 3.36;
    QTest::newRow("spaces") << u"  0.115 "_s << 0.115;
    QTest::newRow("empty") << QString() << 0.0;
    QTest::newRow("zero") << u"0"_s << 0.0;
    QTest::newRow("negative") << u"-1"_s << 0.0;
    QTest::newRow("words") << u"cheap"_s << 0.0;
    QTest::newRow("grouping is not a decimal") << u"1,234.5"_s << 0.0;
    QTest::newRow("infinity") << u"inf"_s << 0.0;
}

void TestCostEstimateWidget::parsePrice()
{
    QFETCH(QString, text);
    QFETCH(double, price);
    const std::optional<double> parsed = CostEstimateWidget::parsePrice(text);
    QCOMPARE(parsed.value_or(0.0), price);
}

void TestCostEstimateWidget::enteringAPriceEmitsIt()
{
    CostEstimateWidget widget;
    widget.setQuote(missing(PriceQuote::Missing::NotListed));
    QSignalSpy entered(&widget, &CostEstimateWidget::priceEntered);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));

    QTest::mouseClick(child<QToolButton>(&widget, u"costEstimateEnterPrice"_s), Qt::LeftButton);
    QVERIFY(widget.isEnteringPrice());
    auto *edit = child<QLineEdit>(&widget, u"costEstimatePriceEdit"_s);
    QTRY_VERIFY(edit->hasFocus());
    QVERIFY(!child<QPushButton>(&widget, u"costEstimatePriceApply"_s)->isEnabled());
    QTest::keyClick(edit, Qt::Key_Return); // nothing typed: nothing entered
    QCOMPARE(entered.size(), 0);
    QTest::keyClicks(edit, u"3.36"_s);
    QVERIFY(child<QPushButton>(&widget, u"costEstimatePriceApply"_s)->isEnabled());
    QTest::keyClick(edit, Qt::Key_Return);

    QCOMPARE(entered.size(), 1);
    QCOMPARE(entered.first().at(0).toString(), u"eu-west-1"_s);
    QCOMPARE(entered.first().at(1).toString(), u"ml.g7e.2xlarge"_s);
    QCOMPARE(entered.first().at(2).toDouble(), 3.36);
    QVERIFY(!widget.isEnteringPrice());
    // The widget shows no price of its own making: it waits for the quote.
    QCOMPARE(widget.text(), u"No price for ml.g7e.2xlarge in eu-west-1 (not listed)"_s);
}

void TestCostEstimateWidget::escapeAndOtherTypeCloseTheEntry()
{
    CostEstimateWidget widget;
    widget.setQuote(missing(PriceQuote::Missing::Offline));
    QSignalSpy entered(&widget, &CostEstimateWidget::priceEntered);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));

    widget.beginPriceEntry();
    auto *edit = child<QLineEdit>(&widget, u"costEstimatePriceEdit"_s);
    QTest::keyClicks(edit, u"1"_s);
    QTest::keyClick(edit, Qt::Key_Escape);
    QVERIFY(!widget.isEnteringPrice());

    widget.beginPriceEntry();
    QVERIFY(widget.isEnteringPrice());
    widget.setQuote(missing(PriceQuote::Missing::Offline, u"ml.c5.xlarge"_s));
    QVERIFY(!widget.isEnteringPrice());
    QCOMPARE(entered.size(), 0);
}

void TestCostEstimateWidget::enteredPriceComesBackThroughTheService()
{
    // Wired as the form wires it: priceEntered → PriceService::enterPrice, pricesChanged → setQuote.
    QTemporaryDir dir;
    ManualClock clock(PriceTestData::fetchedAt());
    LocalStore store(dir.filePath(u"sagedesk.sqlite"_s), &clock);
    QVERIFY(store.open().ok());
    PriceService service(store);
    service.setConnection(nullptr, u"eu-west-1"_s, u"No AWS credentials for profile default"_s);

    CostEstimateWidget widget;
    widget.setMaxRuntime(86400);
    const QString type = u"ml.g7e.2xlarge"_s;
    connect(&widget, &CostEstimateWidget::priceEntered, &service,
        [&service](const QString &region, const QString &instanceType, double perHour) {
            QVERIFY(service.enterPrice(region, instanceType, perHour).ok());
        });
    connect(&service, &PriceService::pricesChanged, &widget,
        [&](const QString &) { widget.setQuote(service.quote(type)); });
    widget.setQuote(service.quote(type));
    QCOMPARE(widget.text(), u"No price for ml.g7e.2xlarge in eu-west-1 (no connection)"_s);
    QCOMPARE(child<QLabel>(&widget, u"costEstimateText"_s)->toolTip(),
        u"No AWS credentials for profile default"_s);

    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    widget.beginPriceEntry();
    auto *edit = child<QLineEdit>(&widget, u"costEstimatePriceEdit"_s);
    QTest::keyClicks(edit, u"3.36"_s);
    QTest::mouseClick(child<QPushButton>(&widget, u"costEstimatePriceApply"_s), Qt::LeftButton);

    QCOMPARE(plain(widget.text()),
        u"≈ $80.64 worst case (ml.g7e.2xlarge $3.36/h × 1 × 24 h; price entered by you, 2026-11-27)"_s);
    QCOMPARE(child<QToolButton>(&widget, u"costEstimateEnterPrice"_s)->text(), u"Change &price…"_s);
    QCOMPARE(service.quote(type).price->source, PriceRecord::Source::EnteredByUser);
}

void TestCostEstimateWidget::screenshots()
{
    QWidget page;
    auto *layout = new QVBoxLayout(&page);
    const QList<Setup> setups {
        Setup { priced(u"ml.p4d.24xlarge"_s, 25.251), 2, 86400 },
        Setup { priced(u"ml.g5.2xlarge"_s, 1.515), 4, 5400, true },
        Setup { priced(u"ml.g7e.2xlarge"_s, 3.36, PriceRecord::Source::EnteredByUser), 1, 7200 },
        Setup { missing(PriceQuote::Missing::Offline), 1, 3600 },
        Setup { missing(PriceQuote::Missing::NotListed, u"ml.c7i.large"_s), 1, 3600 },
        Setup { missing(PriceQuote::Missing::Fetching, u"ml.m5.large"_s), 1, 3600 },
    };
    QList<CostEstimateWidget *> widgets;
    for (const Setup &setup : setups) {
        auto *widget = new CostEstimateWidget(&page);
        apply(*widget, setup);
        layout->addWidget(widget);
        widgets << widget;
    }
    layout->addStretch(1);
    widgets.at(4)->beginPriceEntry();
    const QString path = saveScreenshot(&page, u"costestimatewidget-states"_s, QSize(720, 330));
    QVERIFY2(!path.isEmpty(), "screenshot not written");
    qInfo("screenshot: %s", qPrintable(path));

    CostEstimateWidget narrow;
    apply(narrow, setups.first());
    QVERIFY(!saveScreenshot(&narrow, u"costestimatewidget-narrow"_s, QSize(380, 80)).isEmpty());
}

QTEST_MAIN(TestCostEstimateWidget)
#include "tst_costestimatewidget.moc"
