#include "ui/charts/timechartpanel.h"

#include "ui/charts/timeticks.h"

#include <QAction>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QFontMetrics>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QLabel>
#include <QLegend>
#include <QPainter>
#include <QScrollArea>
#include <QStackedWidget>

using namespace Qt::StringLiterals;

TimeChartPanel::TimeChartPanel(const QString &title, QWidget *parent)
    : ChartPanel(title, parent)
    , m_pages(new QStackedWidget(this))
    , m_message(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart))
    , m_timeAxis(new QCategoryAxis(m_chart))
{
    m_message->setObjectName(u"chartMessage"_s);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setEnabled(false);

    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_timeAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    connect(m_chart, &QChart::plotAreaChanged, this, &TimeChartPanel::updateTimeAxis);

    m_view->setObjectName(u"chartView"_s);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_scroll->setWidget(m_view);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFrameShape(QFrame::NoFrame);

    m_pages->addWidget(m_message);
    m_pages->addWidget(m_scroll);
    setBody(m_pages);
}

bool TimeChartPanel::isEmpty() const
{
    return m_pages->currentWidget() == m_message;
}

void TimeChartPanel::showMessage(const QString &message)
{
    m_message->setText(message);
    m_pages->setCurrentWidget(m_message);
    saveAction()->setEnabled(false);
}

void TimeChartPanel::showChart(const QDateTime &from, const QDateTime &to, int minimumHeight)
{
    m_from = from;
    m_to = to;
    m_tickStep = 0;
    m_timeAxis->setRange(double(from.toMSecsSinceEpoch()), double(to.toMSecsSinceEpoch()));
    m_view->setMinimumHeight(minimumHeight);
    updateTimeAxis();
    m_pages->setCurrentWidget(m_scroll);
    saveAction()->setEnabled(true);
}

void TimeChartPanel::updateTimeAxis()
{
    if (!m_from.isValid())
        return;
    const TimeTicks ticks
        = TimeTicks::fit(m_from, m_to, m_chart->plotArea().width(), QFontMetrics(m_timeAxis->labelsFont()));
    // Changing the labels can move the plot area again; the same step ends that.
    if (ticks.stepSeconds == m_tickStep)
        return;
    m_tickStep = ticks.stepSeconds;
    for (const QString &label : m_timeAxis->categoriesLabels())
        m_timeAxis->remove(label);
    m_timeAxis->setStartValue(double(m_from.toMSecsSinceEpoch()));
    for (const QDateTime &tick : ticks.ticksWithin(m_from, m_to)) {
        // Labels must differ; an hour repeated when summer time ends is labelled once.
        const QString label = ticks.label(tick);
        if (!m_timeAxis->categoriesLabels().contains(label))
            m_timeAxis->append(label, double(tick.toMSecsSinceEpoch()));
    }
    m_timeAxis->setRange(double(m_from.toMSecsSinceEpoch()), double(m_to.toMSecsSinceEpoch()));
}

QSize TimeChartPanel::imageSize() const
{
    return m_view->size();
}

QImage TimeChartPanel::toImage(qreal scale) const
{
    if (isEmpty())
        return {};
    // Drawn again at the larger size, not enlarged: lines and text stay sharp.
    const QSize size = m_view->size();
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    m_view->scene()->render(&painter, QRectF(QPointF(), QSizeF(size) * scale), m_view->sceneRect());
    return image;
}
