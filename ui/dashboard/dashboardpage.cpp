#include "ui/dashboard/dashboardpage.h"

#include "core/aws/clock.h"
#include "core/sagemaker/describewithtags.h"
#include "core/sagemaker/jobmonitor.h"
#include "core/sagemaker/notconnectederror.h"
#include "core/sagemaker/requestbudgetstate.h"
#include "core/sagemaker/sagemakerclient.h"
#include "ui/charts/dashboardcharts.h"
#include "ui/dashboard/jobdetailpane.h"
#include "ui/dashboard/jobfilterbar.h"
#include "ui/dashboard/jobnotifier.h"
#include "ui/dashboard/messagebanner.h"
#include "ui/dashboard/notificationbar.h"
#include "ui/dashboard/pageaction.h"
#include "ui/dashboard/specexporter.h"
#include "ui/dashboard/statusbadgedelegate.h"
#include "ui/dashboard/trainingjobfilterproxy.h"
#include "ui/dashboard/trainingjobtablemodel.h"
#include "ui/dashboard/userprompts.h"
#include "ui/dashboard/visiblejobstracker.h"
#include "ui/placeholderpage.h"
#include "ui/requestbudgetindicator.h"
#include "ui/widgets/emptyviewhint.h"

#include <QAction>
#include <QHeaderView>
#include <QLineEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr auto liveInterval = 1s;
// Arrowing through the table describes only the row the user stops at.
constexpr auto describeDelay = 250ms;
constexpr qsizetype maxCachedDescriptions = 500;

enum ViewTab { TableTab, FleetTab, StatusHistoryTab };

} // namespace

DashboardPage::DashboardPage(Clock *clock, UserPrompts *prompts, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_prompts(prompts ? prompts : UserPrompts::dialogs())
    , m_jobs(new TrainingJobTableModel(clock, this))
    , m_proxy(new TrainingJobFilterProxy(clock, this))
    , m_notifications(new NotificationBar)
    , m_notifier(new JobNotifier(m_notifications, this))
    , m_banner(new MessageBanner)
    , m_filters(nullptr)
    , m_pane(new JobDetailPane)
    , m_liveTimer(new QTimer(this))
    , m_describeDelay(new QTimer(this))
{
    setObjectName(u"dashboardPage"_s);
    m_proxy->setSourceModel(m_jobs);
    m_proxy->setDynamicSortFilter(true);
    m_filters = new JobFilterBar(m_proxy);

    m_refresh = newPageAction(this, u"refreshJobs"_s, tr("&Refresh"), QKeySequence::Refresh);
    m_refresh->setIcon(QIcon::fromTheme(u"view-refresh"_s));
    m_refresh->setStatusTip(tr("Poll SageMaker now"));
    connect(m_refresh, &QAction::triggered, this, [this] {
        if (m_monitor)
            m_monitor->refreshNow();
    });
    QAction *findAction = newPageAction(this, u"findJob"_s, tr("Find"), QKeySequence::Find);
    connect(findAction, &QAction::triggered, this, [this] {
        m_filters->nameEdit()->setFocus(Qt::ShortcutFocusReason);
        m_filters->nameEdit()->selectAll();
    });
    // The pane's actions act on the selection wherever focus is on the page (the table, most of the time).
    addActions(m_pane->jobActions());

    auto *refreshButton = new QToolButton;
    refreshButton->setObjectName(u"refreshJobsButton"_s);
    refreshButton->setDefaultAction(m_refresh);
    refreshButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filters, 1);
    filterRow->addWidget(refreshButton);

    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(filterRow);
    topLayout->addWidget(createJobViews(), 1);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(u"dashboardSplitter"_s);
    splitter->addWidget(top);
    splitter->addWidget(m_pane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notifications);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);
    setTabOrder(m_filters, m_table);

    connect(m_notifier, &JobNotifier::openJobRequested, this, &DashboardPage::openJob);
    connect(m_pane->stopAction(), &QAction::triggered, this, &DashboardPage::stopSelected);
    connect(m_pane->cloneAction(), &QAction::triggered, this, &DashboardPage::cloneSelected);
    connect(m_pane->exportAction(), &QAction::triggered, this, &DashboardPage::exportSelected);
    connect(m_pane->watchAction(), &QAction::triggered, this, &DashboardPage::toggleWatchSelected);

    m_liveTimer->setInterval(liveInterval);
    connect(m_liveTimer, &QTimer::timeout, this, &DashboardPage::tick);
    m_liveTimer->start();
    m_describeDelay->setSingleShot(true);
    m_describeDelay->setInterval(describeDelay);
    connect(m_describeDelay, &QTimer::timeout, this, &DashboardPage::describeCurrent);

    // The charts fill their slots themselves (the Fleet and Status over time tabs, the pane's Timeline).
    new DashboardCharts(this, clock);
}

DashboardPage::~DashboardPage() = default;

QWidget *DashboardPage::createJobViews()
{
    m_table = new QTableView;
    m_table->setObjectName(u"jobTable"_s);
    m_table->setModel(m_proxy);
    m_table->setItemDelegateForColumn(TrainingJobTableModel::Status, new StatusBadgeDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TrainingJobTableModel::Created, Qt::DescendingOrder);
    m_table->setAlternatingRowColors(true);
    // The selected job stays marked while focus is in the detail pane or another window.
    QPalette palette = m_table->palette();
    palette.setColor(
        QPalette::Inactive, QPalette::Highlight, palette.color(QPalette::Active, QPalette::Highlight));
    palette.setColor(QPalette::Inactive, QPalette::HighlightedText,
        palette.color(QPalette::Active, QPalette::HighlightedText));
    m_table->setPalette(palette);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures 10,000 rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(TrainingJobTableModel::Name, QHeaderView::Stretch);
    const int charWidth = m_table->fontMetrics().averageCharWidth();
    header->resizeSection(TrainingJobTableModel::Status, charWidth * 15);
    header->resizeSection(TrainingJobTableModel::SecondaryStatus, charWidth * 20);
    header->resizeSection(TrainingJobTableModel::Instance, charWidth * 22);
    header->resizeSection(TrainingJobTableModel::Created,
        m_table->fontMetrics().horizontalAdvance(u"2026-12-31 23:59"_s) + 3 * charWidth);
    // Wide enough for a job that ran more than a day ("12d 05:05:44"): digits are wider than the average.
    header->resizeSection(TrainingJobTableModel::Duration,
        m_table->fontMetrics().horizontalAdvance(TrainingJobTableModel::durationText(12 * 86400 + 86399))
            + 3 * charWidth);
    header->resizeSection(TrainingJobTableModel::Cost, charWidth * 13);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &DashboardPage::onCurrentRowChanged);
    // A batch that changed most rows resets the model and the view's selection: the current job stays marked.
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        const int row = m_jobs->rowOf(m_current);
        const QModelIndex index = row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_jobs->index(row, 0));
        if (index.isValid())
            m_table->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    });
    auto *hint = new EmptyViewHint(m_table, m_proxy);
    hint->setObjectName(u"jobTableHint"_s);
    hint->setTexts(tr("No training jobs yet. Create one with New training job (Ctrl+3), or connect to an "
                      "account with jobs."),
        tr("No job matches the filter."));
    connect(hint, &EmptyViewHint::clearFilterRequested, m_filters, &JobFilterBar::reset);
    // The monitor fills in the rows in view that only a list page has shown (instance, cost).
    m_visibleJobs = new VisibleJobsTracker(m_table, TrainingJobTableModel::NameRole, m_clock, this);
    connect(m_visibleJobs, &VisibleJobsTracker::visibleJobsChanged, this, [this](const QStringList &names) {
        if (m_monitor)
            m_monitor->setVisibleJobs(names);
    });

    m_views = new QTabWidget;
    m_views->setObjectName(u"jobViews"_s);
    m_views->setDocumentMode(true);
    m_views->addTab(m_table, tr("Table"));
    auto *fleet = new PlaceholderPage(tr("Fleet"),
        tr("One row per job over the last days, like a Gantt chart, coloured by status, will be here."));
    fleet->setObjectName(u"fleetPlaceholder"_s);
    m_views->addTab(fleet, tr("Fleet"));
    auto *history = new PlaceholderPage(tr("Status over time"),
        tr("How many of the filtered jobs were in each status over time (stacked) will be here."));
    history->setObjectName(u"statusHistoryPlaceholder"_s);
    m_views->addTab(history, tr("Status over time"));
    return m_views;
}

void DashboardPage::replaceTab(int index, QWidget *widget, const QString &title)
{
    QWidget *old = m_views->widget(index);
    const bool wasCurrent = m_views->currentIndex() == index;
    m_views->insertTab(index, widget, title);
    m_views->removeTab(index + 1);
    delete old;
    if (wasCurrent)
        m_views->setCurrentIndex(index);
}

void DashboardPage::setFleetWidget(QWidget *widget)
{
    replaceTab(FleetTab, widget, tr("Fleet"));
}

void DashboardPage::setStatusHistoryWidget(QWidget *widget)
{
    replaceTab(StatusHistoryTab, widget, tr("Status over time"));
}

QWidget *DashboardPage::fleetWidget() const
{
    return m_views->widget(FleetTab);
}

QWidget *DashboardPage::statusHistoryWidget() const
{
    return m_views->widget(StatusHistoryTab);
}

JobMonitor *DashboardPage::monitor() const
{
    return m_monitor;
}

void DashboardPage::setPriceService(PriceService *prices)
{
    m_jobs->setPriceService(prices);
    updateLiveFacts();
}

void DashboardPage::setBudgetIndicator(RequestBudgetIndicator *indicator)
{
    m_budget = indicator;
    if (m_monitor)
        onBudget(m_monitor->budgetState());
}

void DashboardPage::setMonitor(JobMonitor *monitor, SageMakerClient *client)
{
    if (m_monitor) {
        disconnect(m_monitor, nullptr, this, nullptr);
        m_monitor->setVisibleJobs({});
    }
    m_monitor = monitor;
    m_client = client;
    m_descriptions.clear();
    m_tags.clear();
    m_tagsRequested.clear();
    m_banner->dismiss();
    m_jobs->clear();
    m_pane->showNoJob();
    m_current.clear();
    m_pendingSelection.clear();
    if (m_budget) {
        m_budget->setThrottled(false);
        m_budget->setVisible(monitor != nullptr);
    }
    emit monitorChanged(monitor);
    if (!monitor)
        return;
    connect(monitor, &JobMonitor::roundFinished, this, &DashboardPage::onRound);
    connect(monitor, &JobMonitor::jobDescribed, this, &DashboardPage::onDescribed);
    connect(monitor, &JobMonitor::watchedJobEnded, m_notifier, &JobNotifier::notifyJobEnded);
    connect(monitor, &JobMonitor::watchListChanged, this,
        [this](const QStringList &watched) { m_pane->setWatched(watched.contains(m_current)); });
    connect(monitor, &JobMonitor::stopFinished, this, &DashboardPage::onStopFinished);
    connect(monitor, &JobMonitor::budgetChanged, this, &DashboardPage::onBudget);
    connect(monitor, &JobMonitor::errorOccurred, this, [this](const AwsError &error) {
        m_banner->showError(tr("SageMaker did not answer the dashboard's request"), error);
    });
    connect(monitor, &JobMonitor::storeErrorOccurred, this, [this](const QString &message) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
            tr("The local job history could not be saved; the dashboard goes on without it: %1")
                .arg(message));
    });
    if (monitor->isRunning())
        m_jobs->setJobs(monitor->jobs());
    else
        monitor->start(); // round 0, the cached table, arrives before this returns
    monitor->setVisibleJobs(m_visibleJobs->visibleJobs());
    onBudget(monitor->budgetState());
    m_filters->updateCount();
}

void DashboardPage::onBudget(const RequestBudgetState &state)
{
    if (!m_budget)
        return;
    m_budget->setBudget(state.usedRate, state.configuredRate);
    m_budget->setThrottled(state.throttled);
}

void DashboardPage::onRound(const JobMonitorRound &round)
{
    m_jobs->applyRound(round);
    m_filters->updateCount();
    if (!round.error.isNull()) {
        m_banner->showError(tr("Could not refresh the training jobs; trying again later"), round.error);
        m_roundErrorShown = true;
    } else if (m_roundErrorShown && !round.fromCache) {
        m_banner->dismiss();
        m_roundErrorShown = false;
    }
    if (!m_pendingSelection.isEmpty() && selectJob(m_pendingSelection))
        m_pendingSelection.clear();
    if (m_current.isEmpty()) {
        if (m_table->currentIndex().isValid() || m_proxy->rowCount() == 0)
            return;
        m_table->setCurrentIndex(m_proxy->index(0, 0));
        return;
    }
    if (const TrainingJobRecord *job = m_jobs->record(m_current)) {
        m_pane->showJob(*job);
        updateLiveFacts();
    }
}

void DashboardPage::onDescribed(const QString &jobName, const QJsonObject &description)
{
    if (m_descriptions.size() >= maxCachedDescriptions)
        m_descriptions.clear();
    m_descriptions.insert(jobName, description);
    if (jobName != m_current)
        return;
    if (const TrainingJobRecord *job = m_jobs->record(jobName))
        m_pane->showJob(*job);
    m_pane->showDescription(description);
    updateLiveFacts();
    fetchTags(jobName);
}

QString DashboardPage::currentJob() const
{
    return m_current;
}

void DashboardPage::onCurrentRowChanged()
{
    const QModelIndex current = m_table->currentIndex();
    const QString name
        = current.isValid() ? current.data(TrainingJobTableModel::NameRole).toString() : QString();
    if (name == m_current)
        return;
    m_current = name;
    const TrainingJobRecord *job = m_jobs->record(name);
    if (!job) {
        m_pane->showNoJob();
        emit currentJobChanged(m_current);
        return;
    }
    m_pane->showJob(*job);
    m_pane->setWatched(m_monitor && m_monitor->isWatched(name));
    const auto cached = m_descriptions.constFind(name);
    if (cached != m_descriptions.cend())
        m_pane->showDescription(*cached);
    if (const auto tags = m_tags.constFind(name); tags != m_tags.cend())
        m_pane->showTags(*tags);
    updateLiveFacts();
    // An ended job's description does not change: described once is enough.
    const bool fresh = cached != m_descriptions.cend() && !job->isActive();
    if (!fresh)
        m_describeDelay->start();
    else
        fetchTags(name);
    emit currentJobChanged(m_current);
}

void DashboardPage::describeCurrent()
{
    if (m_monitor && !m_current.isEmpty())
        m_monitor->describeJob(m_current);
}

void DashboardPage::fetchTags(const QString &jobName)
{
    const auto description = m_descriptions.constFind(jobName);
    if (!m_client || m_tagsRequested.contains(jobName) || description == m_descriptions.cend())
        return;
    m_tagsRequested.insert(jobName);
    DescribeWithTags *fetch = DescribeWithTags::start(m_client, SpecKind::TrainingJob, *description, this);
    connect(fetch, &DescribeWithTags::finished, this, [this](const DescribeWithTags::Result &result) {
        if (!result.tagsError.isNull()) {
            m_tagsRequested.remove(result.name); // asked again next time the job is selected
            return;
        }
        m_tags.insert(result.name, result.tags);
        if (result.name == m_current)
            m_pane->showTags(result.tags);
    });
}

bool DashboardPage::selectJob(const QString &jobName)
{
    const int row = m_jobs->rowOf(jobName);
    if (row < 0)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_jobs->index(row, 0));
    if (!index.isValid()) {
        m_filters->reset();
        index = m_proxy->mapFromSource(m_jobs->index(row, 0));
    }
    m_views->setCurrentIndex(TableTab);
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

void DashboardPage::openJob(const QString &jobName)
{
    m_pendingSelection.clear();
    if (!selectJob(jobName) && m_monitor) {
        m_pendingSelection = jobName;
        m_monitor->refreshNow();
    }
    // The main window shows this page when asked (see app/gui/main.cpp); bring the window forward.
    window()->show();
    window()->raise();
    window()->activateWindow();
}

void DashboardPage::stopSelected()
{
    const QString name = m_current;
    if (name.isEmpty())
        return;
    if (!m_prompts->confirm(this, tr("Stop training job"),
            tr("Stop the training job %1? SageMaker stops its instances; the job ends as Stopped, and the "
               "model "
               "artifacts written so far are kept. It cannot be resumed.")
                .arg(name),
            tr("Stop job")))
        return;
    if (!m_monitor) {
        m_pane->banner()->showError(tr("Could not stop %1").arg(name), notConnectedError());
        return;
    }
    m_pane->setStopPending(true);
    m_monitor->stopJob(name);
}

void DashboardPage::onStopFinished(const QString &jobName, const AwsError &error)
{
    if (jobName != m_current)
        return;
    m_pane->setStopPending(false);
    if (!error.isNull())
        m_pane->banner()->showError(tr("Could not stop %1").arg(jobName), error);
    else
        m_pane->banner()->showMessage(
            MessageBanner::Kind::Information, tr("Stop requested: SageMaker is stopping %1.").arg(jobName));
}

void DashboardPage::cloneSelected()
{
    const QString name = m_current;
    if (name.isEmpty())
        return;
    if (!m_client) {
        m_pane->banner()->showError(tr("Could not clone %1").arg(name), notConnectedError());
        return;
    }
    const auto cached = m_descriptions.constFind(name);
    DescribeWithTags *fetch = cached != m_descriptions.cend()
        ? DescribeWithTags::start(m_client, SpecKind::TrainingJob, *cached, this)
        : DescribeWithTags::start(m_client, SpecKind::TrainingJob, name, this);
    connect(fetch, &DescribeWithTags::finished, this, [this](const DescribeWithTags::Result &result) {
        if (!result.isOk()) {
            m_pane->banner()->showError(tr("Could not clone %1").arg(result.name), result.error);
            return;
        }
        if (!result.tagsError.isNull())
            m_pane->banner()->showError(tr("Cloned %1 without its tags").arg(result.name), result.tagsError);
        emit cloneRequested(result.description, result.tags);
    });
}

void DashboardPage::exportSelected()
{
    const QString name = m_current;
    if (name.isEmpty())
        return;
    const QString path = m_prompts->saveFileName(
        this, tr("Export training job JSON"), SpecExporter::suggestedPath(name), SpecExporter::fileFilter());
    if (path.isEmpty())
        return;
    if (!m_client) {
        m_pane->banner()->showError(tr("Could not export %1").arg(name), notConnectedError());
        return;
    }
    // Fresh from the service: the export is what the job is now, not what the pane showed a while ago.
    DescribeWithTags *fetch = DescribeWithTags::start(m_client, SpecKind::TrainingJob, name, this);
    connect(fetch, &DescribeWithTags::finished, this, [this, path](const DescribeWithTags::Result &result) {
        if (!result.isOk()) {
            m_pane->banner()->showError(tr("Could not export %1").arg(result.name), result.error);
            return;
        }
        QString message;
        const bool saved = SpecExporter::save(SpecKind::TrainingJob, result, path, &message);
        m_pane->banner()->showMessage(
            saved ? MessageBanner::Kind::Information : MessageBanner::Kind::Error, message);
    });
}

void DashboardPage::toggleWatchSelected()
{
    if (m_current.isEmpty() || !m_monitor) {
        m_pane->setWatched(false);
        return;
    }
    if (m_monitor->isWatched(m_current))
        m_monitor->unwatch(m_current);
    else
        m_monitor->watch(m_current);
    m_pane->setWatched(m_monitor->isWatched(m_current));
}

void DashboardPage::tick()
{
    if (m_jobs->activeCount() > 0 && m_table->isVisible()) {
        // Only the live columns of the visible rows repaint; the model is not asked for anything else.
        const QHeaderView *header = m_table->horizontalHeader();
        const int left = header->sectionViewportPosition(TrainingJobTableModel::Duration);
        const int right = header->sectionViewportPosition(TrainingJobTableModel::Cost)
            + header->sectionSize(TrainingJobTableModel::Cost);
        m_table->viewport()->update(QRect(left, 0, right - left, m_table->viewport()->height()));
    }
    if (m_pane->job().isActive())
        updateLiveFacts();
}

void DashboardPage::updateLiveFacts()
{
    // The pane's record: the table's, completed by the job's description (an ended job's row is a summary).
    const TrainingJobRecord &job = m_pane->job();
    if (job.name.isEmpty() || job.name != m_current)
        return;
    m_pane->setLiveFacts(
        TrainingJobTableModel::durationText(m_jobs->durationSeconds(job)), m_jobs->cost(job));
}
