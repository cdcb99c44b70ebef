#pragma once

#include <QObject>
#include <QPointer>

class CostEstimateWidget;
class CreateForm;
class PriceService;

// Keeps a training job form's cost estimate current: the price service's quote for the document's instance
// type in the connection's region, with the instance count, maximum runtime (the API's one day when none
// is set) and the spot setting from the document, after every validation and whenever prices change. A
// price the user enters goes to the service, which keeps it marked "entered by you".
class CostEstimateController : public QObject
{
    Q_OBJECT

public:
    // prices must outlive this object; form and widget are followed until they go.
    CostEstimateController(
        CreateForm *form, CostEstimateWidget *widget, PriceService *prices, QObject *parent = nullptr);

    void update();

private:
    QPointer<CreateForm> m_form;
    QPointer<CostEstimateWidget> m_widget;
    PriceService *m_prices;
};
