#pragma once

#include "ui/dashboard/trainingjobtablemodel.h"

#include <QJsonObject>
#include <QWidget>

class BadgeLabel;
class DescribeView;
class MessageBanner;
class QAction;
class QGridLayout;
class QLabel;
class QTabWidget;
class QTableWidget;
class QToolButton;
class QPlainTextEdit;

// The dashboard's detail pane for the selected training job: name, status badge and secondary status; the
// failure reason, prominent, when there is one; the facts a data scientist looks for first (instances,
// times, live duration, billable time, cost so far with the price's source, model artifacts with a copy
// button); the actions; and tabs with every DescribeTrainingJob field grouped like the form (Details), the
// secondary status transitions (Transitions), the timeline chart's slot (Timeline), the final metrics
// (Metrics) and the answer as JSON.
//
// The pane shows what it is given and sends nothing: the dashboard page feeds it the table's record at
// once, the description when it arrives, and connects the actions (Stop Ctrl+Shift+X, Clone Ctrl+D, Export
// JSON Ctrl+Shift+E, Copy ARN Ctrl+Shift+C, Watch Ctrl+Shift+W).
class JobDetailPane : public QWidget
{
    Q_OBJECT

public:
    explicit JobDetailPane(QWidget *parent = nullptr);

    // The selected job as the table has it: the header and facts at once. A description of another job is
    // dropped.
    void showJob(const TrainingJobRecord &job);
    // Its DescribeTrainingJob answer (ignored when it is not the shown job's).
    void showDescription(const QJsonObject &description);
    // Its ListTags answer ({"Tags": [...]}), shown in the Details tab's Tags section.
    void showTags(const QJsonObject &tags);
    void showNoJob();
    // The live facts, recomputed by the page every second while the job runs.
    void setLiveFacts(const QString &duration, const TrainingJobTableModel::CostCell &cost);
    void setWatched(bool watched);
    // Stop is offered while the job is InProgress and no stop is under way.
    void setStopPending(bool pending);

    QString jobName() const { return m_job.name; }
    QString jobArn() const;
    const TrainingJobRecord &job() const { return m_job; }
    QJsonObject description() const { return m_description; }
    bool hasDescription() const { return !m_description.isEmpty(); }

    MessageBanner *banner() const { return m_banner; }
    DescribeView *describeView() const { return m_details; }
    QAction *stopAction() const { return m_stop; }
    QAction *cloneAction() const { return m_clone; }
    QAction *exportAction() const { return m_export; }
    QAction *copyArnAction() const { return m_copyArn; }
    QAction *watchAction() const { return m_watch; }
    QList<QAction *> jobActions() const;

    // The charts developer's slot: widget replaces the Timeline tab's placeholder (the pane takes it).
    void setTimelineWidget(QWidget *widget);
    QWidget *timelineWidget() const;

signals:
    // The shown job's description changed (a new selection, or a fresher answer): for the timeline chart.
    void descriptionShown(const QString &jobName, const QJsonObject &description);

private:
    QLabel *addFact(QGridLayout *grid, int row, int column, const QString &name, const QString &objectName);
    QWidget *createHeader();
    QWidget *createTabs();
    void updateHeader();
    void updateDetails();
    void fillTransitions();
    void fillMetrics();
    void updateActions();

    TrainingJobRecord m_job;
    QJsonObject m_description;
    QJsonObject m_tags;
    bool m_watched = false;
    bool m_stopPending = false;

    QLabel *m_title = nullptr;
    BadgeLabel *m_status = nullptr;
    QLabel *m_secondary = nullptr;
    QLabel *m_failure = nullptr;
    QWidget *m_facts = nullptr;
    QLabel *m_instances = nullptr;
    QLabel *m_created = nullptr;
    QLabel *m_started = nullptr;
    QLabel *m_ended = nullptr;
    QLabel *m_duration = nullptr;
    QLabel *m_billable = nullptr;
    QLabel *m_cost = nullptr;
    QLabel *m_artifacts = nullptr;
    QToolButton *m_copyArtifacts = nullptr;
    MessageBanner *m_banner = nullptr;
    QTabWidget *m_tabs = nullptr;
    DescribeView *m_details = nullptr;
    QTableWidget *m_transitions = nullptr;
    QTableWidget *m_metrics = nullptr;
    QPlainTextEdit *m_json = nullptr;
    int m_timelineTab = -1;

    QAction *m_stop = nullptr;
    QAction *m_clone = nullptr;
    QAction *m_export = nullptr;
    QAction *m_copyArn = nullptr;
    QAction *m_watch = nullptr;
};
