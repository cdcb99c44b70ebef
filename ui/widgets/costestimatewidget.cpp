#include "ui/widgets/costestimatewidget.h"

#include "core/pricing/costestimate.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

using namespace Qt::StringLiterals;

CostEstimateWidget::CostEstimateWidget(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_enter(new QToolButton(this))
    , m_entry(new QWidget(this))
    , m_entryLabel(new QLabel(m_entry))
    , m_price(new QLineEdit(m_entry))
    , m_apply(new QPushButton(tr("&Use"), m_entry))
    , m_cancel(new QToolButton(m_entry))
{
    m_text->setObjectName(u"costEstimateText"_s);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_enter->setObjectName(u"costEstimateEnterPrice"_s);
    m_enter->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_entryLabel->setBuddy(m_price);
    m_price->setObjectName(u"costEstimatePriceEdit"_s);
    m_price->setPlaceholderText(tr("USD per hour, e.g. 3.36"));
    m_price->setFixedWidth(m_price->fontMetrics().horizontalAdvance(u"USD per hour, e.g. 3.36____"_s));
    m_price->setToolTip(tr("The on-demand price of one instance for one hour, in US dollars. It is kept "
                           "with the mark \"entered by you\" until the AWS Price List has a price."));
    m_price->installEventFilter(this);
    m_apply->setObjectName(u"costEstimatePriceApply"_s);
    m_cancel->setObjectName(u"costEstimatePriceCancel"_s);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Close without entering a price (Esc)"));

    auto *entryLayout = new QHBoxLayout(m_entry);
    entryLayout->setContentsMargins(0, 0, 0, 0);
    entryLayout->addWidget(m_entryLabel);
    entryLayout->addWidget(m_price);
    entryLayout->addWidget(m_apply);
    entryLayout->addWidget(m_cancel);
    entryLayout->addStretch(1);
    m_entry->hide();

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_text, 1);
    top->addWidget(m_enter, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_entry);

    connect(m_enter, &QToolButton::clicked, this, &CostEstimateWidget::beginPriceEntry);
    connect(m_apply, &QPushButton::clicked, this, &CostEstimateWidget::applyPrice);
    connect(m_price, &QLineEdit::textChanged, this,
        [this](const QString &text) { m_apply->setEnabled(parsePrice(text).has_value()); });
    connect(m_cancel, &QToolButton::clicked, this, &CostEstimateWidget::endPriceEntry);
    m_quote.missing = PriceQuote::Missing::NoInstanceType;
    refresh();
}

void CostEstimateWidget::setQuote(const PriceQuote &quote)
{
    const bool otherType = quote.instanceType != m_quote.instanceType || quote.region != m_quote.region;
    m_quote = quote;
    if (otherType || quote.instanceType.isEmpty())
        endPriceEntry();
    refresh();
}

void CostEstimateWidget::setInstanceCount(int count)
{
    m_instanceCount = count;
    refresh();
}

void CostEstimateWidget::setMaxRuntime(std::optional<qint64> seconds)
{
    m_maxRuntime = seconds;
    refresh();
}

void CostEstimateWidget::setManagedSpot(bool managedSpot)
{
    m_managedSpot = managedSpot;
    refresh();
}

QString CostEstimateWidget::text() const
{
    return m_text->text();
}

bool CostEstimateWidget::isEnteringPrice() const
{
    return !m_entry->isHidden();
}

void CostEstimateWidget::beginPriceEntry()
{
    if (m_quote.instanceType.isEmpty() || m_quote.region.isEmpty())
        return;
    m_entryLabel->setText(tr("&Price of %1 in %2:").arg(m_quote.instanceType, m_quote.region));
    m_price->setText(m_quote.isPriced() ? QString::number(m_quote.price->pricePerHour) : QString());
    m_apply->setEnabled(parsePrice(m_price->text()).has_value());
    m_entry->show();
    m_price->setFocus(Qt::OtherFocusReason);
    m_price->selectAll();
}

bool CostEstimateWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_price && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            applyPrice();
            return true;
        }
        if (key == Qt::Key_Escape) {
            endPriceEntry();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

std::optional<double> CostEstimateWidget::parsePrice(const QString &text)
{
    QString number = text.trimmed();
    if (number.startsWith(u'$'))
        number = number.mid(1).trimmed();
    if (!number.contains(u'.'))
        number.replace(u',', u'.');
    bool ok = false;
    const double value = number.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value <= 0)
        return std::nullopt;
    return value;
}

void CostEstimateWidget::applyPrice()
{
    const std::optional<double> value = parsePrice(m_price->text());
    if (!value)
        return;
    const PriceQuote quote = m_quote;
    endPriceEntry();
    emit priceEntered(quote.region, quote.instanceType, *value);
}

void CostEstimateWidget::endPriceEntry()
{
    const bool hadFocus = m_entry->isAncestorOf(focusWidget()) && m_price->hasFocus();
    m_entry->hide();
    if (hadFocus && m_enter->isVisible())
        m_enter->setFocus(Qt::OtherFocusReason);
}

void CostEstimateWidget::refresh()
{
    QString line;
    QString tip;
    const PriceQuote &q = m_quote;
    if (q.isPriced()) {
        const PriceRecord &price = *q.price;
        if (m_maxRuntime) {
            line = CostEstimate::describe(
                CostEstimate::worstCase(price, m_instanceCount, *m_maxRuntime, m_managedSpot), price);
        } else {
            const CostFigure hour = CostEstimate::worstCase(price, m_instanceCount, 3600, m_managedSpot);
            line = tr("%1 per hour (%2\u00a0×\u00a0%3; %4); set a maximum runtime for the worst case")
                       .arg(CostEstimate::shortText(hour),
                           CostEstimate::formatRate(price.pricePerHour, price.currency))
                       .arg(m_instanceCount)
                       .arg(CostEstimate::priceOrigin(price));
        }
        if (q.stale)
            tip = tr("The price list could not be fetched again since %1; this is the last price it gave.")
                      .arg(CostEstimate::priceDate(price));
        else if (price.effectiveDate.isValid())
            tip = tr("In effect since %1.").arg(price.effectiveDate.toString(Qt::ISODate));
    } else if (q.missing == PriceQuote::Missing::NoInstanceType) {
        line = tr("Choose an instance type to see the estimated cost.");
    } else if (q.missing == PriceQuote::Missing::Fetching) {
        line = tr("Looking up the price of %1 in %2…").arg(q.instanceType, q.region);
    } else {
        line = tr("No price for %1 in %2 (%3)").arg(q.instanceType, q.region, q.missingReason());
        tip = q.detail;
    }
    m_text->setText(line);
    m_text->setToolTip(tip);

    const bool entered = q.isPriced() && q.price->source == PriceRecord::Source::EnteredByUser;
    const bool canEnter = !q.instanceType.isEmpty() && !q.region.isEmpty()
        && q.missing != PriceQuote::Missing::Fetching && (!q.isPriced() || entered);
    m_enter->setText(entered ? tr("Change &price…") : tr("Enter &price…"));
    m_enter->setToolTip(tr("Enter the price per hour of %1 yourself").arg(q.instanceType));
    m_enter->setVisible(canEnter);
    if (!canEnter)
        endPriceEntry();
}
