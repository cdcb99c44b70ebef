#include "ui/charts/jobtimelinechart.h"

#include "ui/charts/hovertext.h"
#include "ui/charts/statusnames.h"
#include "ui/dashboard/jobstatusstyle.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QLegendMarker>
#include <QLineSeries>
#include <QSet>
#include <QStringList>
#include <QToolTip>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr qreal barHalfHeight = 0.32;
constexpr int legendEntryPixels = 20;
// Axis, margins and the space around the plot.
constexpr int chartChromePixels = 70;
// A phase of a few seconds in a job of hours still shows as a sliver this wide (a share of the time span);
// the hover text keeps its real times.
constexpr double minimumBarShare = 0.004;

} // namespace

JobTimelineChart::JobTimelineChart(Clock *clock, QWidget *parent)
    : TimeChartPanel(tr("Timeline"), parent)
    , m_clock(clock)
    , m_phaseAxis(new QCategoryAxis(chart()))
{
    setObjectName(u"jobTimelineChart"_s);
    chart()->legend()->setAlignment(Qt::AlignRight);
    chart()->addAxis(m_phaseAxis, Qt::AlignLeft);
    m_phaseAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_phaseAxis->setGridLineVisible(false);
    m_phaseAxis->setLineVisible(false);
    rebuild();
}

void JobTimelineChart::setJob(
    const QString &jobName, const QList<StatusTransition> &transitions, const QList<StatusChange> &observed)
{
    m_jobName = jobName;
    const QDateTime now = m_clock->now();
    m_bars = transitions.isEmpty() ? PhaseBar::fromChanges(observed, now)
                                   : PhaseBar::fromTransitions(transitions, now);
    rebuild();
}

void JobTimelineChart::clear()
{
    m_jobName.clear();
    m_bars.clear();
    rebuild();
}

void JobTimelineChart::rebuild()
{
    setTitle(m_jobName.isEmpty() ? tr("Timeline") : tr("Timeline of %1").arg(m_jobName));
    chart()->removeAllSeries();
    for (const QString &label : m_phaseAxis->categoriesLabels())
        m_phaseAxis->remove(label);

    if (m_bars.isEmpty()) {
        showMessage(m_jobName.isEmpty() ? tr("Select a job to see its phases.")
                                        : tr("No phases have been recorded for %1 yet.").arg(m_jobName));
        return;
    }

    QDateTime first = m_bars.first().start;
    QDateTime last = m_bars.first().end;
    for (const PhaseBar &bar : std::as_const(m_bars)) {
        first = std::min(first, bar.start);
        last = std::max(last, bar.end);
    }
    const qint64 minimumMsecs = std::max<qint64>(1000, qint64(first.msecsTo(last) * minimumBarShare));

    // One lane per phase, top to bottom in the order the job first entered them; a phase the job went
    // through again (Training after Restarting) adds a bar to its lane, so spot interruptions do not make
    // the chart grow.
    QStringList lanes;
    for (const PhaseBar &bar : std::as_const(m_bars))
        if (!lanes.contains(bar.phase))
            lanes << bar.phase;
    const int rows = int(lanes.size());
    QSet<QString> phasesInLegend;
    for (int i = 0; i < m_bars.size(); ++i) {
        const PhaseBar &bar = m_bars[i];
        const qreal row = rows - 1 - lanes.indexOf(bar.phase);
        const qreal start = bar.start.toMSecsSinceEpoch();
        const qreal end = start + std::max(bar.start.msecsTo(bar.end), minimumMsecs);
        auto *upper = new QLineSeries;
        upper->append(start, row + barHalfHeight);
        upper->append(end, row + barHalfHeight);
        auto *lower = new QLineSeries;
        lower->append(start, row - barHalfHeight);
        lower->append(end, row - barHalfHeight);
        auto *area = new QAreaSeries(upper, lower);
        upper->setParent(area);
        lower->setParent(area);
        area->setName(StatusNames::display(bar.phase));
        const QColor colour = JobStatusStyle::phaseColor(bar.phase);
        area->setColor(colour);
        area->setBorderColor(colour.darker(125));
        chart()->addSeries(area);
        area->attachAxis(timeAxis());
        area->attachAxis(m_phaseAxis);
        if (phasesInLegend.contains(bar.phase)) {
            for (QLegendMarker *marker : chart()->legend()->markers(area))
                marker->setVisible(false);
        }
        phasesInLegend.insert(bar.phase);
        connect(area, &QAreaSeries::hovered, this,
            [this, i](const QPointF &, bool hovered) { showBarToolTip(i, hovered); });
    }
    m_phaseAxis->setStartValue(-0.5);
    for (int lane = rows - 1; lane >= 0; --lane)
        m_phaseAxis->append(StatusNames::display(lanes[lane]), rows - 1 - lane);
    m_phaseAxis->setRange(-0.5, rows - 0.5);

    const int height
        = std::max(rows * fontMetrics().height(), int(phasesInLegend.size()) * legendEntryPixels);
    // A little room on both sides, so the first and last bars do not touch the frame.
    const qint64 margin = std::max<qint64>(1, first.secsTo(last) / 50);
    showChart(first.addSecs(-margin), last.addSecs(margin), height + chartChromePixels);
}

QString JobTimelineChart::toolTipFor(int index) const
{
    if (index < 0 || index >= m_bars.size())
        return {};
    const PhaseBar &bar = m_bars[index];
    QString text = u"<b>%1</b><br>"_s.arg(StatusNames::display(bar.phase).toHtmlEscaped());
    text += tr("Start: %1").arg(HoverText::time(bar.start)) + u"<br>"_s;
    text += (bar.running ? tr("Running, now: %1") : tr("End: %1")).arg(HoverText::time(bar.end)) + u"<br>"_s;
    text += tr("Duration: %1").arg(HoverText::duration(bar.seconds()));
    if (!bar.message.isEmpty())
        text += u"<br><i>%1</i>"_s.arg(bar.message.toHtmlEscaped());
    return text;
}

void JobTimelineChart::showBarToolTip(int index, bool hovered)
{
    if (hovered)
        QToolTip::showText(QCursor::pos(), toolTipFor(index), view());
    else
        QToolTip::hideText();
}

QString JobTimelineChart::suggestedFileName() const
{
    return m_jobName.isEmpty() ? u"timeline.png"_s : m_jobName + u"-timeline.png"_s;
}
