#include "ui/charts/dashboardcharts.h"

#include "core/aws/clock.h"
#include "core/sagemaker/trainingjobrecord.h"
#include "core/store/jobsummaryrecord.h"
#include "ui/charts/fleettimeline.h"
#include "ui/charts/jobtimelinechart.h"
#include "ui/charts/statuscountschart.h"
#include "ui/dashboard/dashboardpage.h"
#include "ui/dashboard/jobdetailpane.h"
#include "ui/dashboard/trainingjobfilterproxy.h"
#include "ui/dashboard/trainingjobtablemodel.h"

#include <QEvent>
#include <QJsonObject>
#include <QTabWidget>
#include <chrono>

DashboardCharts::DashboardCharts(DashboardPage *page, Clock *clock)
    : QObject(page)
    , m_page(page)
    , m_clock(clock)
    , m_timeline(new JobTimelineChart(clock))
    , m_fleet(new FleetTimeline(clock))
    , m_counts(new StatusCountsChart(clock))
{
    setObjectName(QStringLiteral("dashboardCharts"));
    page->setFleetWidget(m_fleet);
    page->setStatusHistoryWidget(m_counts);
    page->detailPane()->setTimelineWidget(m_timeline);
    m_fleet->installEventFilter(this);
    m_counts->installEventFilter(this);

    TrainingJobFilterProxy *jobs = page->filteredJobs();
    connect(jobs, &QAbstractItemModel::modelReset, this, &DashboardCharts::jobsChanged);
    connect(jobs, &QAbstractItemModel::layoutChanged, this, &DashboardCharts::jobsChanged);
    connect(jobs, &QAbstractItemModel::rowsInserted, this, &DashboardCharts::jobsChanged);
    connect(jobs, &QAbstractItemModel::rowsRemoved, this, &DashboardCharts::jobsChanged);
    connect(jobs, &QAbstractItemModel::dataChanged, this, &DashboardCharts::jobsChanged);

    connect(m_fleet, &FleetTimeline::jobActivated, this, &DashboardCharts::selectJob);
    connect(page, &DashboardPage::currentJobChanged, this, &DashboardCharts::showJob);
    connect(page->detailPane(), &JobDetailPane::descriptionShown, this, &DashboardCharts::showDescription);
    scheduleTick();
}

void DashboardCharts::setHistorySource(HistorySource source)
{
    m_history = std::move(source);
}

void DashboardCharts::jobsChanged()
{
    m_fleetStale = true;
    m_countsStale = true;
    // A round's batch comes as many row signals in one go: the charts follow once, after it.
    if (m_refreshQueued)
        return;
    m_refreshQueued = true;
    QMetaObject::invokeMethod(this, &DashboardCharts::refreshShown, Qt::QueuedConnection);
}

void DashboardCharts::refreshShown()
{
    m_refreshQueued = false;
    const bool fleet = m_fleetStale && m_fleet->isVisible();
    const bool counts = m_countsStale && m_counts->isVisible();
    if (!fleet && !counts)
        return;
    const QList<JobSummaryRecord> jobs = filteredJobs();
    if (fleet) {
        m_fleet->setJobs(jobs);
        m_fleet->setCurrentJob(m_page->currentJob());
        m_fleetStale = false;
    }
    if (counts) {
        m_counts->setJobs(jobs);
        m_countsStale = false;
    }
}

QList<JobSummaryRecord> DashboardCharts::filteredJobs() const
{
    // Records straight from the source model: no QVariant per row for 10,000 rows.
    const TrainingJobFilterProxy *proxy = m_page->filteredJobs();
    QList<JobSummaryRecord> jobs;
    jobs.reserve(proxy->rowCount());
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const int sourceRow = proxy->mapToSource(proxy->index(row, 0)).row();
        if (const TrainingJobRecord *job = proxy->jobs()->record(sourceRow))
            jobs << job->toCache();
    }
    return jobs;
}

bool DashboardCharts::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Show && (watched == m_fleet || watched == m_counts))
        refreshShown();
    return QObject::eventFilter(watched, event);
}

void DashboardCharts::selectJob(const QString &jobName)
{
    // The page shows the table when it selects a job; a click in the fleet keeps the fleet in view.
    QTabWidget *tabs = nullptr;
    for (QWidget *parent = m_fleet->parentWidget(); parent && !tabs; parent = parent->parentWidget())
        tabs = qobject_cast<QTabWidget *>(parent);
    const bool fleetShown = tabs && tabs->currentWidget() == m_fleet;
    m_page->selectJob(jobName);
    if (fleetShown)
        tabs->setCurrentWidget(m_fleet);
}

void DashboardCharts::showJob(const QString &jobName)
{
    m_fleet->setCurrentJob(jobName);
    if (jobName == m_job)
        return;
    // Until the new job's description arrives, what the monitor saw of it, if anything.
    m_job = jobName;
    m_transitions.clear();
    m_observed = m_history && !jobName.isEmpty() ? m_history(jobName) : QList<StatusChange>();
    updateTimeline();
}

void DashboardCharts::showDescription(const QString &jobName, const QJsonObject &description)
{
    if (jobName != m_job)
        m_observed = m_history ? m_history(jobName) : QList<StatusChange>();
    m_job = jobName;
    m_transitions = TrainingJobRecord::transitions(description);
    updateTimeline();
}

void DashboardCharts::updateTimeline()
{
    if (m_job.isEmpty())
        m_timeline->clear();
    else
        m_timeline->setJob(m_job, m_transitions, m_observed);
}

void DashboardCharts::scheduleTick()
{
    m_clock->callAfter(std::chrono::seconds(refreshSeconds), this, [this] { tick(); });
}

void DashboardCharts::tick()
{
    // Running bars end at now: redraw the charts on view while anything runs.
    if (m_page->jobsModel()->activeCount() > 0) {
        m_fleetStale = true;
        m_countsStale = true;
        refreshShown();
    }
    const QList<PhaseBar> &bars = m_timeline->bars();
    if (!bars.isEmpty() && bars.last().running)
        updateTimeline();
    scheduleTick();
}
