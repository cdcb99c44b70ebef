#include "ui/forms/costestimatecontroller.h"

#include "core/api/trainingjobspec.h"
#include "core/pricing/priceservice.h"
#include "ui/forms/createform.h"
#include "ui/widgets/costestimatewidget.h"

namespace {

// What SageMaker applies when StoppingCondition.MaxRuntimeInSeconds is not given.
constexpr qint64 defaultMaxRuntimeSeconds = 86400;

} // namespace

CostEstimateController::CostEstimateController(
    CreateForm *form, CostEstimateWidget *widget, PriceService *prices, QObject *parent)
    : QObject(parent)
    , m_form(form)
    , m_widget(widget)
    , m_prices(prices)
{
    connect(form, &CreateForm::validated, this, &CostEstimateController::update);
    connect(prices, &PriceService::pricesChanged, this, [this](const QString &region) {
        if (region == m_prices->region())
            update();
    });
    connect(widget, &CostEstimateWidget::priceEntered, this,
        [this](const QString &region, const QString &instanceType, double pricePerHour) {
            const StoreResult<> entered = m_prices->enterPrice(region, instanceType, pricePerHour);
            if (!entered && m_form)
                m_form->showMessage(
                    tr("The price was not kept: %1").arg(entered.error().toHtmlEscaped()), true);
        });
    update();
}

void CostEstimateController::update()
{
    if (!m_form || !m_widget)
        return;
    const TrainingJobSpec spec(m_form->document());
    m_widget->setQuote(m_prices->quote(spec.instanceType()));
    m_widget->setInstanceCount(int(spec.instanceCount().value_or(1)));
    m_widget->setMaxRuntime(spec.maxRuntimeInSeconds().value_or(defaultMaxRuntimeSeconds));
    m_widget->setManagedSpot(spec.enableManagedSpotTraining());
}
