#include "ui/dashboard/jobdetailpane.h"

#include "core/api/shapemodel.h"
#include "core/api/specjson.h"
#include "core/api/timestamp.h"
#include "ui/badgelabel.h"
#include "ui/dashboard/describeview.h"
#include "ui/dashboard/jobstatusstyle.h"
#include "ui/dashboard/messagebanner.h"
#include "ui/dashboard/pageaction.h"
#include "ui/placeholderpage.h"
#include "ui/widgets/durationedit.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QGridLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s) : u"—"_s;
}

const ::Shape *describeShape()
{
    return ShapeModel::instance().operationOutput(u"DescribeTrainingJob"_s);
}

QTableWidget *newTable(const QString &objectName, const QStringList &headers)
{
    auto *table = new QTableWidget(0, int(headers.size()));
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(false);
    return table;
}

} // namespace

JobDetailPane::JobDetailPane(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"jobDetailPane"_s);
    m_stop = newPageAction(this, u"stopJob"_s, tr("&Stop…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    m_stop->setIcon(QIcon::fromTheme(u"process-stop"_s));
    m_stop->setStatusTip(tr("Ask SageMaker to stop this training job"));
    m_clone = newPageAction(this, u"cloneJob"_s, tr("&Clone…"), QKeySequence(Qt::CTRL | Qt::Key_D));
    m_clone->setIcon(QIcon::fromTheme(u"edit-copy"_s));
    m_clone->setStatusTip(tr("Open the training job form filled in from this job and its tags"));
    m_export = newPageAction(
        this, u"exportJob"_s, tr("&Export JSON…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_export->setIcon(QIcon::fromTheme(u"document-save-as"_s));
    m_export->setStatusTip(tr("Save the create-training-job input that runs this job again"));
    m_copyArn = newPageAction(
        this, u"copyJobArn"_s, tr("Copy &ARN"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_watch
        = newPageAction(this, u"watchJob"_s, tr("&Watch"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    m_watch->setCheckable(true);
    m_watch->setIcon(QIcon::fromTheme(u"appointment-new"_s));
    m_watch->setStatusTip(tr("Notify me when this job completes, fails or stops"));
    connect(m_copyArn, &QAction::triggered, this, [this] {
        if (!jobArn().isEmpty())
            QApplication::clipboard()->setText(jobArn());
    });

    m_banner = new MessageBanner;
    m_banner->setObjectName(u"jobBanner"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createHeader());
    layout->addWidget(m_banner);
    layout->addWidget(createTabs(), 1);
    showNoJob();
}

QList<QAction *> JobDetailPane::jobActions() const
{
    return { m_stop, m_clone, m_export, m_copyArn, m_watch };
}

QLabel *JobDetailPane::addFact(
    QGridLayout *grid, int row, int column, const QString &name, const QString &objectName)
{
    auto *label = new QLabel(name);
    label->setForegroundRole(QPalette::PlaceholderText);
    auto *value = new QLabel;
    value->setObjectName(objectName);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(label, row, column);
    grid->addWidget(value, row, column + 1);
    return value;
}

QWidget *JobDetailPane::createHeader()
{
    m_title = new QLabel;
    m_title->setObjectName(u"jobTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = new BadgeLabel;
    m_status->setObjectName(u"jobStatusBadge"_s);
    m_secondary = new QLabel;
    m_secondary->setObjectName(u"jobSecondaryStatus"_s);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title);
    titleRow->addWidget(m_status);
    titleRow->addWidget(m_secondary);
    titleRow->addStretch(1);
    for (QAction *action : jobActions()) {
        auto *button = new QToolButton;
        button->setDefaultAction(action);
        button->setObjectName(action->objectName() + u"Button"_s);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        titleRow->addWidget(button);
    }

    m_failure = new QLabel;
    m_failure->setObjectName(u"failureReason"_s);
    m_failure->setWordWrap(true);
    m_failure->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_failure->setStyleSheet(u"QLabel { background: #fdecea; color: #8e1b1b; border: 1px solid #c62828; "
                             "border-radius: 4px; padding: 6px; }"_s);

    m_facts = new QWidget;
    auto *grid = new QGridLayout(m_facts);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(2);
    // Three facts a row, so the tabs below keep their room.
    m_instances = addFact(grid, 0, 0, tr("Instances"), u"factInstances"_s);
    m_created = addFact(grid, 0, 2, tr("Created"), u"factCreated"_s);
    m_started = addFact(grid, 0, 4, tr("Training started"), u"factStarted"_s);
    m_duration = addFact(grid, 1, 0, tr("Duration"), u"factDuration"_s);
    m_ended = addFact(grid, 1, 2, tr("Ended"), u"factEnded"_s);
    m_billable = addFact(grid, 1, 4, tr("Billable time"), u"factBillable"_s);
    m_cost = addFact(grid, 2, 0, tr("Cost so far"), u"factCost"_s);
    m_cost->setWordWrap(true); // the working and the price's origin: long, and never worth a wider window
    grid->addWidget(m_cost, 2, 1, 1, 5);
    m_artifacts = addFact(grid, 3, 0, tr("Model artifacts"), u"factArtifacts"_s);
    m_artifacts->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // A long S3 URI has nowhere to wrap: it is cut at the pane's edge (Copy takes all of it) rather than
    // widening the window.
    m_artifacts->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_copyArtifacts = new QToolButton;
    m_copyArtifacts->setObjectName(u"copyArtifacts"_s);
    m_copyArtifacts->setText(tr("Copy"));
    m_copyArtifacts->setToolTip(tr("Copy the S3 URI of the model artifacts"));
    connect(m_copyArtifacts, &QToolButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_artifacts->text()); });
    auto *artifactsRow = new QHBoxLayout;
    artifactsRow->addWidget(m_artifacts, 1);
    artifactsRow->addWidget(m_copyArtifacts);
    grid->addLayout(artifactsRow, 3, 1, 1, 5);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    grid->setColumnStretch(5, 1);

    auto *header = new QWidget;
    // As tall as its lines: the tabs below take what the splitter gives.
    header->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto *layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 4);
    layout->addLayout(titleRow);
    layout->addWidget(m_failure);
    layout->addWidget(m_facts);
    return header;
}

QWidget *JobDetailPane::createTabs()
{
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(u"jobTabs"_s);
    m_tabs->setDocumentMode(true);
    m_details = new DescribeView;
    m_details->setObjectName(u"jobDetails"_s);
    m_details->setSections(
        DescribeView::trainingJobSections(), describeShape(), { u"SecondaryStatusTransitions"_s });
    m_tabs->addTab(m_details, tr("Details"));
    m_transitions = newTable(
        u"jobTransitions"_s, { tr("Phase"), tr("Started"), tr("Ended"), tr("Duration"), tr("Message") });
    m_tabs->addTab(m_transitions, tr("Transitions"));
    auto *timeline = new PlaceholderPage(tr("Timeline"),
        tr("The selected job's phases (Starting, Downloading, Training, Uploading, …) on a time axis will be "
           "here."));
    timeline->setObjectName(u"timelinePlaceholder"_s);
    m_timelineTab = m_tabs->addTab(timeline, tr("Timeline"));
    m_metrics = newTable(u"jobMetrics"_s, { tr("Metric"), tr("Value"), tr("Time") });
    m_tabs->addTab(m_metrics, tr("Metrics"));
    m_json = new QPlainTextEdit;
    m_json->setObjectName(u"jobJson"_s);
    m_json->setReadOnly(true);
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tabs->addTab(m_json, tr("JSON"));
    return m_tabs;
}

void JobDetailPane::setTimelineWidget(QWidget *widget)
{
    QWidget *old = m_tabs->widget(m_timelineTab);
    m_tabs->insertTab(m_timelineTab, widget, tr("Timeline"));
    m_tabs->removeTab(m_timelineTab + 1);
    delete old;
}

QWidget *JobDetailPane::timelineWidget() const
{
    return m_tabs->widget(m_timelineTab);
}

QString JobDetailPane::jobArn() const
{
    const QString described = m_description.value("TrainingJobArn"_L1).toString();
    return described.isEmpty() ? m_job.arn : described;
}

void JobDetailPane::showNoJob()
{
    m_job = {};
    m_description = {};
    m_tags = {};
    m_title->setText(tr("No training job selected"));
    m_status->hide();
    m_secondary->clear();
    m_failure->hide();
    m_facts->hide();
    m_banner->dismiss();
    m_details->clearDocument();
    m_transitions->setRowCount(0);
    m_metrics->setRowCount(0);
    m_json->clear();
    updateActions();
}

void JobDetailPane::showJob(const TrainingJobRecord &job)
{
    if (job.name != m_job.name) {
        m_description = {};
        m_tags = {};
        m_stopPending = false;
        m_banner->dismiss();
        updateDetails();
    }
    m_job = job;
    // The table's record of an ended job is a list summary; what a description added stays.
    if (!m_description.isEmpty())
        m_job.keepDetailsFrom(TrainingJobRecord::fromDescription(m_description));
    updateHeader();
    updateActions();
}

void JobDetailPane::showDescription(const QJsonObject &description)
{
    if (description.value("TrainingJobName"_L1).toString() != m_job.name || description == m_description)
        return;
    m_description = description;
    TrainingJobRecord described = TrainingJobRecord::fromDescription(description);
    described.keepDetailsFrom(m_job);
    m_job = described;
    updateHeader();
    updateDetails();
    updateActions();
    emit descriptionShown(m_job.name, m_description);
}

void JobDetailPane::showTags(const QJsonObject &tags)
{
    m_tags = tags;
    updateDetails();
}

void JobDetailPane::updateHeader()
{
    m_title->setText(m_job.name);
    const QString status = m_description.value("TrainingJobStatus"_L1).toString(m_job.status);
    m_status->setText(JobStatusStyle::statusText(status));
    m_status->setBackground(JobStatusStyle::statusColor(status));
    m_status->setVisible(!status.isEmpty());
    m_secondary->setText(m_description.value("SecondaryStatus"_L1).toString(m_job.secondaryStatus));

    const QString failure = m_description.value("FailureReason"_L1).toString(m_job.failureReason);
    m_failure->setText(tr("Failure reason: %1").arg(failure));
    m_failure->setVisible(!failure.isEmpty());

    m_facts->show();
    m_instances->setText(TrainingJobTableModel::instanceText(m_job).isEmpty()
            ? u"—"_s
            : TrainingJobTableModel::instanceText(m_job));
    m_created->setText(timeText(m_job.creationTime));
    m_started->setText(timeText(m_job.trainingStartTime));
    m_ended->setText(timeText(m_job.trainingEndTime));
    const QJsonValue billable = m_description.value("BillableTimeInSeconds"_L1);
    const std::optional<qint64> seconds
        = billable.isDouble() ? std::optional(billable.toInteger()) : m_job.billableSeconds;
    m_billable->setText(seconds
            ? tr("%1 (%2 s per instance)").arg(DurationEdit::toWords(int(*seconds))).arg(*seconds)
            : (m_job.isActive() ? tr("once the job has ended") : u"—"_s));
    const QString artifacts
        = m_description.value("ModelArtifacts"_L1).toObject().value("S3ModelArtifacts"_L1).toString();
    m_artifacts->setText(artifacts.isEmpty() ? u"—"_s : artifacts);
    m_artifacts->setToolTip(artifacts);
    m_copyArtifacts->setEnabled(!artifacts.isEmpty());
}

void JobDetailPane::setLiveFacts(const QString &duration, const TrainingJobTableModel::CostCell &cost)
{
    m_duration->setText(duration);
    // The working and the price's source and date, not only the figure: a price is never shown without them.
    m_cost->setText(cost.amount >= 0 ? cost.toolTip : u"— %1"_s.arg(cost.note));
    m_cost->setToolTip(cost.toolTip);
}

void JobDetailPane::updateDetails()
{
    if (m_description.isEmpty()) {
        m_details->clearDocument();
        m_json->clear();
        m_transitions->setRowCount(0);
        m_metrics->setRowCount(0);
        return;
    }
    QJsonObject shown = m_description;
    const QJsonArray tags = m_tags.value("Tags"_L1).toArray();
    if (!tags.isEmpty())
        shown.insert(u"Tags"_s, tags);
    m_details->setDocument(shown);
    m_json->setPlainText(
        QString::fromUtf8(SpecJson::write(m_description, describeShape(), ShapeModel::instance())));
    fillTransitions();
    fillMetrics();
}

void JobDetailPane::fillTransitions()
{
    const QJsonArray transitions = m_description.value("SecondaryStatusTransitions"_L1).toArray();
    m_transitions->setRowCount(int(transitions.size()));
    for (int row = 0; row < transitions.size(); ++row) {
        const QJsonObject t = transitions.at(row).toObject();
        const QString phase = t.value("Status"_L1).toString();
        const QDateTime start = Timestamp::parse(t.value("StartTime"_L1));
        const QDateTime end = Timestamp::parse(t.value("EndTime"_L1));
        auto *phaseItem = new QTableWidgetItem(phase);
        phaseItem->setForeground(JobStatusStyle::phaseColor(phase));
        QFont bold = phaseItem->font();
        bold.setBold(true);
        phaseItem->setFont(bold);
        m_transitions->setItem(row, 0, phaseItem);
        m_transitions->setItem(row, 1, new QTableWidgetItem(timeText(start)));
        m_transitions->setItem(row, 2, new QTableWidgetItem(end.isValid() ? timeText(end) : tr("running")));
        const QString duration = start.isValid() && end.isValid()
            ? TrainingJobTableModel::durationText(std::max<qint64>(0, start.secsTo(end)))
            : QString();
        m_transitions->setItem(row, 3, new QTableWidgetItem(duration));
        auto *message = new QTableWidgetItem(t.value("StatusMessage"_L1).toString());
        message->setToolTip(message->text());
        m_transitions->setItem(row, 4, message);
    }
    m_transitions->resizeColumnsToContents();
}

void JobDetailPane::fillMetrics()
{
    const QJsonArray metrics = m_description.value("FinalMetricDataList"_L1).toArray();
    m_metrics->setRowCount(int(metrics.size()));
    for (int row = 0; row < metrics.size(); ++row) {
        const QJsonObject metric = metrics.at(row).toObject();
        m_metrics->setItem(row, 0, new QTableWidgetItem(metric.value("MetricName"_L1).toString()));
        auto *value = new QTableWidgetItem(QString::number(metric.value("Value"_L1).toDouble(), 'g', 8));
        value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_metrics->setItem(row, 1, value);
        m_metrics->setItem(
            row, 2, new QTableWidgetItem(timeText(Timestamp::parse(metric.value("Timestamp"_L1)))));
    }
    m_metrics->resizeColumnsToContents();
}

void JobDetailPane::setWatched(bool watched)
{
    m_watched = watched;
    updateActions();
}

void JobDetailPane::setStopPending(bool pending)
{
    m_stopPending = pending;
    updateActions();
}

void JobDetailPane::updateActions()
{
    const bool selected = !m_job.name.isEmpty();
    const QString status = m_description.value("TrainingJobStatus"_L1).toString(m_job.status);
    m_stop->setEnabled(selected && status == "InProgress"_L1 && !m_stopPending);
    m_clone->setEnabled(selected);
    m_export->setEnabled(selected);
    m_copyArn->setEnabled(selected && !jobArn().isEmpty());
    m_watch->setEnabled(selected);
    m_watch->setChecked(selected && m_watched);
    m_watch->setText(m_watch->isChecked() ? tr("&Watching") : tr("&Watch"));
}
