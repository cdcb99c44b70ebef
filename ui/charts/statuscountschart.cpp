#include "ui/charts/statuscountschart.h"

#include "ui/charts/statusnames.h"
#include "ui/dashboard/jobstatusstyle.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QLineSeries>
#include <QLocale>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr int minimumChartHeight = 200;

// A step of 1, 2 or 5 times a power of ten giving at most about five intervals up to max.
int countStep(int max)
{
    for (int power = 1;; power *= 10)
        for (const int factor : { 1, 2, 5 })
            if (max <= 5 * factor * power)
                return factor * power;
}

} // namespace

StatusCountsChart::StatusCountsChart(Clock *clock, QWidget *parent)
    : TimeChartPanel(tr("Status over time"), parent)
    , m_clock(clock)
    , m_countAxis(new QValueAxis(chart()))
{
    setObjectName(u"statusCountsChart"_s);
    chart()->addAxis(m_countAxis, Qt::AlignLeft);
    m_countAxis->setLabelFormat(u"%d"_s);
    m_countAxis->setTitleText(tr("Jobs"));
    rebuild();
}

void StatusCountsChart::setJobs(
    const QList<JobSummaryRecord> &jobs, const QHash<QString, QList<StatusChange>> &histories)
{
    m_counts = StatusCounts::compute(jobs, histories, m_clock->now());
    rebuild();
}

void StatusCountsChart::rebuild()
{
    chart()->removeAllSeries();
    if (m_counts.size() == 0) {
        showMessage(tr("No jobs to count."));
        return;
    }
    setTitle(m_counts.bucket == StatusCounts::Bucket::Hour ? tr("Status over time (jobs per hour)")
                                                           : tr("Status over time (jobs per day)"));

    // Each status is a band between the running total below it and that total plus its count, drawn as
    // steps so a bucket's count stays level across the bucket.
    QList<int> below(m_counts.size(), 0);
    int highest = 0;
    for (const QString &status : std::as_const(m_counts.statuses)) {
        auto *lower = new QLineSeries;
        auto *upper = new QLineSeries;
        for (qsizetype i = 0; i < m_counts.size(); ++i) {
            const qreal start = m_counts.starts[i].toMSecsSinceEpoch();
            const qreal end = std::min(m_counts.bucketEnd(i), m_counts.now).toMSecsSinceEpoch();
            const int top = below[i] + m_counts.count(status, i);
            lower->append(start, below[i]);
            lower->append(end, below[i]);
            upper->append(start, top);
            upper->append(end, top);
            below[i] = top;
            highest = std::max(highest, top);
        }
        auto *area = new QAreaSeries(upper, lower);
        upper->setParent(area);
        lower->setParent(area);
        area->setName(StatusNames::display(status));
        const QColor colour = JobStatusStyle::statusColor(status);
        area->setColor(colour);
        area->setBorderColor(colour.darker(130));
        chart()->addSeries(area);
        area->attachAxis(timeAxis());
        area->attachAxis(m_countAxis);
        connect(area, &QAreaSeries::hovered, this, [this](const QPointF &point, bool hovered) {
            if (!hovered) {
                QToolTip::hideText();
                return;
            }
            const qsizetype index
                = m_counts.bucketAt(QDateTime::fromMSecsSinceEpoch(qint64(point.x()), Qt::UTC));
            QToolTip::showText(QCursor::pos(), toolTipFor(index), view());
        });
    }
    const int step = countStep(std::max(1, highest));
    const int top = std::max(1, int(std::ceil(double(highest) / step))) * step;
    m_countAxis->setRange(0, top);
    m_countAxis->setTickCount(top / step + 1);
    m_countAxis->setMinorTickCount(0);

    showChart(m_counts.starts.first(), m_counts.now, minimumChartHeight);
}

QString StatusCountsChart::toolTipFor(qsizetype index) const
{
    if (index < 0 || index >= m_counts.size())
        return {};
    const QLocale locale;
    const QDateTime start = m_counts.starts[index].toLocalTime();
    const QString when = m_counts.bucket == StatusCounts::Bucket::Day
        ? locale.toString(start.date(), QLocale::ShortFormat)
        : tr("%1, %2–%3")
              .arg(locale.toString(start.date(), QLocale::ShortFormat), start.time().toString(u"HH:mm"_s),
                  m_counts.bucketEnd(index).toLocalTime().time().toString(u"HH:mm"_s));
    QString text = u"<b>%1</b>"_s.arg(when.toHtmlEscaped());
    for (const QString &status : m_counts.statuses)
        if (const int count = m_counts.count(status, index); count > 0)
            text += u"<br>"_s + tr("%1: %2").arg(StatusNames::display(status)).arg(count);
    text += u"<br>"_s + tr("Total: %1").arg(m_counts.total(index));
    return text;
}

QString StatusCountsChart::suggestedFileName() const
{
    return u"status-over-time.png"_s;
}
