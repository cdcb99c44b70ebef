#include "ui/dashboard/dashboardpages.h"

#include "core/aws/clock.h"
#include "core/sagemaker/jobmonitor.h"
#include "core/sagemaker/modelbrowser.h"
#include "core/session/connectionservices.h"
#include "core/session/session.h"
#include "core/store/jobhistorystore.h"
#include "ui/charts/dashboardcharts.h"
#include "ui/dashboard/dashboardpage.h"
#include "ui/dashboard/jobdetailpane.h"
#include "ui/dashboard/jobnotifier.h"
#include "ui/mainwindow.h"
#include "ui/models/modelspage.h"

#include <QAction>

DashboardPages::DashboardPages(
    MainWindow *window, Session *session, LocalStore *store, PriceService *prices, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_session(session)
    , m_dashboard(new DashboardPage(Clock::system()))
    , m_browser(new ModelBrowser(this))
    , m_models(new ModelsPage(m_browser))
{
    m_dashboard->setPriceService(prices);
    // A job whose description lists no SecondaryStatusTransitions: the timeline shows what the monitor saw.
    auto *charts = m_dashboard->findChild<DashboardCharts *>();
    if (charts && store) {
        charts->setHistorySource([this, store](const QString &jobName) {
            const JobMonitor *monitor = m_dashboard->monitor();
            return monitor ? JobHistoryStore(*store).history(monitor->connection(), jobName).valueOr({})
                           : QList<StatusChange>();
        });
    }
    m_dashboard->setBudgetIndicator(window->requestBudgetIndicator());
    window->setPageWidget(MainWindow::Page::TrainingJobs, m_dashboard);
    window->setPageWidget(MainWindow::Page::Models, m_models);

    connect(m_dashboard, &DashboardPage::cloneRequested, this, &DashboardPages::cloneTrainingJobRequested);
    connect(m_models, &ModelsPage::cloneRequested, this, &DashboardPages::cloneModelRequested);
    // The page selects the job itself; the window has to show the page.
    connect(m_dashboard->notifier(), &JobNotifier::openJobRequested, this,
        [this] { m_window->setCurrentPage(MainWindow::Page::TrainingJobs); });

    connect(window->exportJsonAction(), &QAction::triggered, this, [this] {
        if (m_window->currentPage() == MainWindow::Page::TrainingJobs)
            m_dashboard->exportSelected();
        else if (m_window->currentPage() == MainWindow::Page::Models)
            m_models->exportSelected();
    });
    connect(window, &MainWindow::currentPageChanged, this, &DashboardPages::updateExportAction);
    // Each page can export only while something is selected on it.
    for (QAction *pageExport : { m_dashboard->detailPane()->exportAction(), m_models->exportAction() })
        connect(pageExport, &QAction::enabledChanged, this, &DashboardPages::updateExportAction);
    updateExportAction();

    connect(session, &Session::connectionChanged, this, &DashboardPages::onConnectionChanged);
    onConnectionChanged();
}

DashboardPages::~DashboardPages() = default;

void DashboardPages::updateExportAction()
{
    // The form pages use the same action for their documents: only touch it while one of our pages is
    // current, or to switch off what was ours when the user leaves it.
    QAction *pageExport = nullptr;
    if (m_window->currentPage() == MainWindow::Page::TrainingJobs)
        pageExport = m_dashboard->detailPane()->exportAction();
    else if (m_window->currentPage() == MainWindow::Page::Models)
        pageExport = m_models->exportAction();
    const bool ours = pageExport != nullptr;
    if (ours || m_exportOurs)
        m_window->exportJsonAction()->setEnabled(ours && pageExport->isEnabled());
    m_exportOurs = ours;
}

void DashboardPages::onConnectionChanged()
{
    // The old services are already on their way out (see Session::services()).
    ConnectionServices *services = m_session->services();
    m_dashboard->setMonitor(
        services ? services->monitor() : nullptr, services ? services->sageMaker() : nullptr);
    m_browser->setClient(services ? services->sageMaker() : nullptr);
}

void DashboardPages::open(SpecKind kind, const QString &name)
{
    if (kind == SpecKind::TrainingJob) {
        m_window->setCurrentPage(MainWindow::Page::TrainingJobs);
        m_dashboard->openJob(name);
    } else {
        m_window->setCurrentPage(MainWindow::Page::Models);
        m_models->openModel(name);
    }
}
