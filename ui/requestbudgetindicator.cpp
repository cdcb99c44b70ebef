#include "ui/requestbudgetindicator.h"

#include "ui/badgelabel.h"

#include <QHBoxLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

RequestBudgetIndicator::RequestBudgetIndicator(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel)
    , m_throttled(new BadgeLabel(tr("Throttled"), QColor(0xc6, 0x28, 0x28)))
{
    m_text->setObjectName(u"requestBudgetText"_s);
    m_throttled->setObjectName(u"throttledBadge"_s);
    m_throttled->setToolTip(
        tr("The service is throttling requests; SageDesk is sending fewer until it recovers."));
    m_throttled->hide();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    layout->addWidget(m_throttled);
    hide();
}

void RequestBudgetIndicator::setBudget(double inUse, double budget)
{
    m_text->setText(tr("Requests: %1 of %2/s").arg(inUse, 0, 'f', 1).arg(budget, 0, 'f', 1));
    m_text->setToolTip(tr("Requests per second in use out of this connection's budget"));
    show();
}

void RequestBudgetIndicator::setThrottled(bool throttled)
{
    m_throttled->setVisible(throttled);
}

bool RequestBudgetIndicator::isThrottled() const
{
    return !m_throttled->isHidden();
}
