#include "core/aws/clock.h"
#include "core/aws/connectionsettings.h"
#include "core/pricing/priceservice.h"
#include "core/sagemaker/jobmonitor.h"
#include "core/session/connectionservices.h"
#include "core/session/session.h"
#include "core/store/localstore.h"
#include "tests/support/fixtureserver.h"
#include "tests/support/sagemakersim.h"
#include "tests/ui/uitestsupport.h"
#include "ui/dashboard/dashboardpage.h"
#include "ui/dashboard/dashboardpages.h"
#include "ui/dashboard/jobdetailpane.h"
#include "ui/dashboard/jobnotifier.h"
#include "ui/dashboard/trainingjobtablemodel.h"
#include "ui/forms/formpages.h"
#include "ui/forms/trainingjobform.h"
#include "ui/mainwindow.h"
#include "ui/models/modelspage.h"
#include "ui/requestbudgetindicator.h"

#include <QAction>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// Proves the wiring app/gui/main.cpp relies on: the dashboard and the Models page take the main window's
// Training jobs and Models pages, follow the session's connection (its monitor, client and budget, the
// status bar's request budget), File > Export JSON is theirs while they are current, "open" shows a job on
// its page, Clone fills the training job form, and a new connection replaces the monitor. Against the
// SageMaker simulation on the wall clock.
class TestDashboardPages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pagesFollowTheSession();
    // Not a check: the whole window on a live-looking account, for the README and the AppStream metainfo.
    void screenshot();

private:
    static QProcessEnvironment keysOnly();

    QTemporaryDir m_home;
};

QProcessEnvironment TestDashboardPages::keysOnly()
{
    QProcessEnvironment environment;
    environment.insert(u"AWS_ACCESS_KEY_ID"_s, u"AKIDTEST"_s);
    environment.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"s3cret"_s);
    return environment;
}

void TestDashboardPages::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("HOME", m_home.path().toUtf8());
    QSettings().clear();
}

void TestDashboardPages::pagesFollowTheSession()
{
    FixtureServer server;
    QVERIFY(server.listen());
    SageMakerSim sim(Clock::system());
    sim.attach(server);
    SimTrainingJob::Script job;
    job.name = u"wired-job"_s;
    job.phases = SimTrainingJob::standardPhases(60s, 60s, 3600s, 60s);
    sim.addJob(job);

    LocalStore store(m_home.filePath(u"sagedesk.sqlite"_s));
    QVERIFY(store.open());
    Session session(keysOnly(), m_home.path());
    session.setStore(&store);
    // Declared after the store: the session's services (their monitor writes history as it stops) go first.
    PriceService prices(store);
    {
        MainWindow window(&session);
        // As main() wires them: the forms first (both use File > Export JSON), clone into the form.
        FormPages forms(&window, &session, &store, &prices);
        DashboardPages pages(&window, &session, &store, &prices);
        connect(&pages, &DashboardPages::cloneTrainingJobRequested, &forms, &FormPages::cloneTrainingJob);
        QCOMPARE(window.pageWidget(MainWindow::Page::TrainingJobs), pages.dashboard());
        QCOMPARE(window.pageWidget(MainWindow::Page::Models), pages.models());
        QVERIFY(!pages.dashboard()->monitor());
        // File > Export JSON exports the selected job or model: with none there is nothing to export, and
        // coming from a form page (whose document it exported) does not leave it on.
        for (const MainWindow::Page page : { MainWindow::Page::TrainingJobs, MainWindow::Page::NewTrainingJob,
                 MainWindow::Page::Models, MainWindow::Page::NewModel, MainWindow::Page::TrainingJobs }) {
            window.setCurrentPage(page);
            const bool form = page == MainWindow::Page::NewTrainingJob || page == MainWindow::Page::NewModel;
            QTRY_COMPARE(window.exportJsonAction()->isEnabled(), form);
        }

        session.connectTo(ConnectionSettings { .profile = {},
            .region = u"eu-west-1"_s,
            .endpointUrl = server.url().toString(),
            .sandbox = false });
        QCOMPARE(session.state(), Session::State::Connected);
        ConnectionServices *services = session.services();
        QCOMPARE(pages.dashboard()->monitor(), services->monitor());
        QVERIFY(services->monitor()->isRunning());
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(pages.dashboard()->jobsModel()->rowCount(), 1, 10000);
        // The first job is selected once it arrives: now there is something to export.
        QTRY_COMPARE(pages.dashboard()->currentJob(), u"wired-job"_s);
        QVERIFY(window.exportJsonAction()->isEnabled());
        pages.dashboard()->table()->setCurrentIndex(QModelIndex());
        QVERIFY(pages.dashboard()->currentJob().isEmpty());
        QVERIFY(!window.exportJsonAction()->isEnabled());
        QVERIFY(pages.dashboard()->selectJob(u"wired-job"_s));
        QVERIFY(window.exportJsonAction()->isEnabled());
        RequestBudgetIndicator *budget = window.requestBudgetIndicator();
        QVERIFY(budget->isVisible());
        QTRY_VERIFY(
            !budget->findChild<QLabel *>(u"requestBudgetText"_s)->text().startsWith(u"Requests: 0.0"_s));

        window.setCurrentPage(MainWindow::Page::NewModel);
        QTRY_VERIFY(window.exportJsonAction()->isEnabled());
        window.setCurrentPage(MainWindow::Page::TrainingJobs);
        QTRY_VERIFY(window.exportJsonAction()->isEnabled());
        // The simulation has no models: none is selected on the Models page.
        window.setCurrentPage(MainWindow::Page::Models);
        QTRY_VERIFY(!window.exportJsonAction()->isEnabled());

        // A notification's "Open" and a form's "Open on dashboard" show the job on its page.
        emit pages.dashboard()->notifier()->openJobRequested(u"wired-job"_s);
        QCOMPARE(window.currentPage(), MainWindow::Page::TrainingJobs);
        QCOMPARE(pages.dashboard()->currentJob(), u"wired-job"_s);
        window.setCurrentPage(MainWindow::Page::Models);
        pages.open(SpecKind::TrainingJob, u"wired-job"_s);
        QCOMPARE(window.currentPage(), MainWindow::Page::TrainingJobs);

        // Clone fills the training job form from the job's description (the simulation has no ListTags: the
        // clone goes on without tags).
        pages.dashboard()->cloneSelected();
        QTRY_COMPARE_WITH_TIMEOUT(window.currentPage(), MainWindow::Page::NewTrainingJob, 10000);
        const QJsonObject document = forms.trainingJobForm()->document();
        QVERIFY2(document.value(u"TrainingJobName"_s).toString().startsWith(u"wired-job"_s),
            qPrintable(document.value(u"TrainingJobName"_s).toString()));
        QCOMPARE(document.value(u"ResourceConfig"_s).toObject().value(u"InstanceType"_s).toString(),
            u"ml.m5.xlarge"_s);
        QVERIFY(!document.contains(u"TrainingJobArn"_s));

        // Another connection: another monitor, and the table is the new connection's.
        session.connectTo(ConnectionSettings { .profile = {},
            .region = u"us-west-2"_s,
            .endpointUrl = server.url().toString(),
            .sandbox = false });
        QCOMPARE(pages.dashboard()->monitor(), session.services()->monitor());
        QTRY_COMPARE_WITH_TIMEOUT(pages.dashboard()->jobsModel()->rowCount(), 1, 10000);
    }
}

void TestDashboardPages::screenshot()
{
    FixtureServer server;
    QVERIFY(server.listen());
    SageMakerSim sim(Clock::system());
    sim.attach(server);
    sim.populate(SageMakerSim::BulkOptions { .total = 400, .inProgress = 12 });
    SimTrainingJob::Script job;
    job.name = u"resnet50-finetune-demo"_s;
    job.creationTime = QDateTime::currentDateTimeUtc().addSecs(-50 * 60);
    job.phases = SimTrainingJob::standardPhases(4min, 9min, 3h, 5min);
    job.instanceType = u"ml.g5.2xlarge"_s;
    job.instanceCount = 2;
    sim.addJob(job);

    LocalStore store(m_home.filePath(u"screenshot.sqlite"_s));
    QVERIFY(store.open());
    Session session(keysOnly(), m_home.path());
    session.setStore(&store);
    PriceService prices(store);
    // The simulation has no Price List API: prices as a user enters them (marked so on the page).
    prices.setConnection(nullptr, u"us-east-1"_s, u"no Price List API"_s);
    const QList<std::pair<QString, double>> entered { { u"ml.g5.2xlarge"_s, 1.515 },
        { u"ml.m5.xlarge"_s, 0.23 }, { u"ml.m5.2xlarge"_s, 0.461 }, { u"ml.c5.4xlarge"_s, 0.816 },
        { u"ml.g5.12xlarge"_s, 7.09 }, { u"ml.p3.2xlarge"_s, 3.825 } };
    for (const auto &[type, price] : entered)
        QVERIFY(prices.enterPrice(u"us-east-1"_s, type, price));
    MainWindow window(&session);
    FormPages forms(&window, &session, &store, &prices);
    DashboardPages pages(&window, &session, &store, &prices);
    session.connectTo(ConnectionSettings {
        .profile = {}, .region = u"us-east-1"_s, .endpointUrl = server.url().toString(), .sandbox = false });
    window.resize(1280, 800);
    window.setCurrentPage(MainWindow::Page::TrainingJobs);
    QTRY_COMPARE_WITH_TIMEOUT(pages.dashboard()->jobsModel()->rowCount(), 401, 20000);
    QVERIFY(pages.dashboard()->selectJob(job.name));
    auto *tabs = pages.dashboard()->detailPane()->findChild<QTabWidget *>(u"jobTabs"_s);
    QVERIFY(tabs);
    QTRY_VERIFY_WITH_TIMEOUT(tabs->isTabEnabled(2), 10000);
    QCOMPARE(tabs->tabText(2).remove(u'&'), u"Timeline"_s);
    tabs->setCurrentIndex(2);
    QTest::qWait(500); // the description and the timeline arrive over the loopback socket
    QVERIFY(!saveScreenshot(&window, u"app-dashboard"_s).isEmpty());
}

QTEST_MAIN(TestDashboardPages)
#include "tst_dashboardpages.moc"
