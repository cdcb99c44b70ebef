#include "ui/charts/fleettimeline.h"

#include "ui/charts/fleetbar.h"
#include "ui/charts/fleetganttview.h"

#include <QAction>
#include <QSpinBox>

using namespace Qt::StringLiterals;

FleetTimeline::FleetTimeline(Clock *clock, QWidget *parent)
    : ChartPanel(tr("Fleet"), parent)
    , m_clock(clock)
    , m_days(new QSpinBox(this))
    , m_view(new FleetGanttView(this))
{
    setObjectName(u"fleetTimeline"_s);
    m_days->setObjectName(u"fleetDays"_s);
    m_days->setRange(1, maxDays);
    m_days->setValue(defaultDays);
    m_days->setPrefix(tr("Last "));
    m_days->setSuffix(tr(" days"));
    m_days->setAccessibleName(tr("Days shown"));
    m_days->setToolTip(tr("How many days back the fleet timeline reaches"));
    connect(m_days, &QSpinBox::valueChanged, this, [this](int days) {
        rebuild();
        emit daysChanged(days);
    });
    connect(m_view, &FleetGanttView::jobActivated, this, &FleetTimeline::jobActivated);
    addHeaderWidget(m_days);
    setBody(m_view);
    rebuild();
}

void FleetTimeline::setJobs(const QList<JobSummaryRecord> &jobs)
{
    m_jobs = jobs;
    rebuild();
}

int FleetTimeline::days() const
{
    return m_days->value();
}

void FleetTimeline::setDays(int days)
{
    m_days->setValue(days);
}

void FleetTimeline::setCurrentJob(const QString &name)
{
    m_view->setCurrentJob(name);
}

void FleetTimeline::rebuild()
{
    const QDateTime now = m_clock->now();
    m_view->setBars(FleetBar::fromJobs(m_jobs, now, days()), now.addDays(-days()), now);
    saveAction()->setEnabled(!m_view->bars().isEmpty());
}

QSize FleetTimeline::imageSize() const
{
    return m_view->fullSize();
}

QImage FleetTimeline::toImage(qreal scale) const
{
    if (m_view->bars().isEmpty())
        return {};
    return m_view->toImage(scale);
}

QString FleetTimeline::suggestedFileName() const
{
    return u"fleet-timeline.png"_s;
}
