#pragma once

#include "core/pricing/pricequote.h"

#include <QWidget>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

// The cost line beside the instance type: the worst case (price × instances × maximum runtime) with the
// price's source and date, "≈ $50.50 worst case (ml.p4d.24xlarge $25.251/h × 2 × 1 h; price from AWS Price
// List API, 2026-11-27)", or plainly why there is no price, "No price for ml.x in eu-west-1 (offline)", with
// a way to enter a price per hour. An entered price comes back through setQuote() marked "entered by you".
//
// Knows no network and no store: whoever owns it passes PriceService::quote() to setQuote() (again after
// pricesChanged()) and hands priceEntered() to PriceService::enterPrice().
//
// Children: "costEstimateText", "costEstimateEnterPrice" (opens the entry), "costEstimatePriceEdit",
// "costEstimatePriceApply", "costEstimatePriceCancel". Keyboard: Enter in the price field applies it, Escape
// closes the entry.
class CostEstimateWidget : public QWidget
{
    Q_OBJECT

public:
    explicit CostEstimateWidget(QWidget *parent = nullptr);

    // The price of the form's region and instance type, or why there is none.
    void setQuote(const PriceQuote &quote);
    PriceQuote quote() const { return m_quote; }
    void setInstanceCount(int count);
    // StoppingCondition.MaxRuntimeInSeconds; nothing shows the cost of an hour instead of the worst case.
    void setMaxRuntime(std::optional<qint64> seconds);
    void setManagedSpot(bool managedSpot);

    // The sentence shown.
    QString text() const;
    bool isEnteringPrice() const;

    // A price per hour as people type it: "3.36", "$3.36", "3,36"; nothing unless above zero.
    static std::optional<double> parsePrice(const QString &text);

public slots:
    // Opens the price entry for the quote's type and region (when there is a type).
    void beginPriceEntry();

signals:
    // The user entered a price per hour (USD) for the type in the region.
    void priceEntered(const QString &region, const QString &instanceType, double pricePerHour);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyPrice();
    void endPriceEntry();
    void refresh();

    PriceQuote m_quote;
    int m_instanceCount = 1;
    std::optional<qint64> m_maxRuntime;
    bool m_managedSpot = false;

    QLabel *m_text;
    QToolButton *m_enter;
    QWidget *m_entry;
    QLabel *m_entryLabel;
    QLineEdit *m_price;
    QPushButton *m_apply;
    QToolButton *m_cancel;
};
