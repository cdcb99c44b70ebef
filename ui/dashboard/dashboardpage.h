#pragma once

#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class Clock;
class JobDetailPane;
class JobFilterBar;
class JobMonitor;
class JobNotifier;
class MessageBanner;
class NotificationBar;
class PriceService;
class QAction;
class QTabWidget;
class QTableView;
class QTimer;
class RequestBudgetIndicator;
class SageMakerClient;
class TrainingJobFilterProxy;
class TrainingJobTableModel;
class UserPrompts;
class VisibleJobsTracker;
struct AwsError;
struct JobMonitorRound;
struct RequestBudgetState;

// The Training jobs page: the live table of the connection's training jobs (filters above, the charts'
// tabs beside it) and the detail pane of the selected job below. It shows what the connection's JobMonitor
// reports (the store's cached table at once, then every round's batch) and acts through it: describe on
// selection, Stop, Watch; Clone and Export JSON fetch describe + tags through the SageMakerClient. Nothing
// here sends a request of its own.
//
// Slots for the charts: setFleetWidget() and setStatusHistoryWidget() fill the "Fleet" and "Status over
// time" tabs beside the table, JobDetailPane::setTimelineWidget() the detail pane's "Timeline" tab. They
// read filteredJobs() (the jobs the filters leave, with TrainingJobTableModel's roles), follow
// currentJobChanged() and the pane's descriptionShown(), and call selectJob().
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    // clock must outlive the page; prompts nullptr means modal dialogs.
    explicit DashboardPage(Clock *clock, UserPrompts *prompts = nullptr, QWidget *parent = nullptr);
    ~DashboardPage() override;

    // The connection's monitor and client (both nullptr while there is no connection). The page connects
    // to the monitor and starts it when it is not running yet, so the cached table paints at once.
    void setMonitor(JobMonitor *monitor, SageMakerClient *client);
    JobMonitor *monitor() const;
    void setPriceService(PriceService *prices);
    // The status bar's request budget and "Throttled" badge, kept up to date from the monitor.
    void setBudgetIndicator(RequestBudgetIndicator *indicator);

    TrainingJobTableModel *jobsModel() const { return m_jobs; }
    TrainingJobFilterProxy *filteredJobs() const { return m_proxy; }
    JobDetailPane *detailPane() const { return m_pane; }
    JobNotifier *notifier() const { return m_notifier; }
    NotificationBar *notificationBar() const { return m_notifications; }
    QTableView *table() const { return m_table; }
    QAction *refreshAction() const { return m_refresh; }

    void setFleetWidget(QWidget *widget);
    void setStatusHistoryWidget(QWidget *widget);
    QWidget *fleetWidget() const;
    QWidget *statusHistoryWidget() const;

    QString currentJob() const;

public slots:
    // Selects the job's row, clearing the filters when they hide it; false when the table has no such job.
    bool selectJob(const QString &jobName);
    // Makes the job current and brings the page's window forward (a notification was clicked, a form
    // created the job). A job the table does not have yet is polled for and selected when it arrives.
    void openJob(const QString &jobName);
    void stopSelected();
    void cloneSelected();
    void exportSelected();
    void toggleWatchSelected();

signals:
    void currentJobChanged(const QString &jobName);
    // Clone: the job's DescribeTrainingJob answer and its ListTags answer, for the training job form's
    // cloneFrom().
    void cloneRequested(const QJsonObject &description, const QJsonObject &tags);
    // The monitor was replaced (another connection, or none).
    void monitorChanged(JobMonitor *monitor);

private:
    QWidget *createJobViews();
    void onRound(const JobMonitorRound &round);
    void onDescribed(const QString &jobName, const QJsonObject &description);
    void onCurrentRowChanged();
    void onStopFinished(const QString &jobName, const AwsError &error);
    void onBudget(const RequestBudgetState &state);
    void describeCurrent();
    void fetchTags(const QString &jobName);
    void tick();
    void updateLiveFacts();
    void replaceTab(int index, QWidget *widget, const QString &title);

    Clock *m_clock;
    UserPrompts *m_prompts;
    QPointer<JobMonitor> m_monitor;
    QPointer<SageMakerClient> m_client;
    QPointer<RequestBudgetIndicator> m_budget;
    TrainingJobTableModel *m_jobs;
    TrainingJobFilterProxy *m_proxy;
    NotificationBar *m_notifications;
    JobNotifier *m_notifier;
    MessageBanner *m_banner;
    JobFilterBar *m_filters;
    QTabWidget *m_views = nullptr;
    QTableView *m_table = nullptr;
    VisibleJobsTracker *m_visibleJobs = nullptr;
    JobDetailPane *m_pane;
    QAction *m_refresh;
    QTimer *m_liveTimer;
    QTimer *m_describeDelay;
    QString m_current;
    QString m_pendingSelection; // openJob() of a job the next round should bring
    QHash<QString, QJsonObject> m_descriptions; // the latest answer per job (ended jobs never change)
    QHash<QString, QJsonObject> m_tags;
    QSet<QString> m_tagsRequested;
    bool m_roundErrorShown = false;
};
