#include "ui/dashboard/describeview.h"

#include "core/api/shape.h"
#include "core/api/shapemodel.h"
#include "core/api/timestamp.h"
#include "ui/widgets/durationedit.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QJsonArray>
#include <QKeyEvent>
#include <QMenu>

using namespace Qt::StringLiterals;

namespace {

constexpr int pathRole = Qt::UserRole + 1;

// Members that name a list entry better than its index.
constexpr QLatin1StringView entryNameMembers[] = { "ChannelName"_L1, "MetricName"_L1, "Name"_L1,
    "RuleConfigurationName"_L1, "ContainerHostname"_L1, "InstanceGroupName"_L1, "Status"_L1 };

bool isEmptyValue(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined() || (value.isString() && value.toString().isEmpty())
        || (value.isArray() && value.toArray().isEmpty()) || (value.isObject() && value.toObject().isEmpty());
}

bool looksLikeTime(const QString &key, const QJsonValue &value)
{
    return (key.endsWith("Time"_L1) || key.endsWith("Timestamp"_L1)) && (value.isDouble() || value.isString())
        && Timestamp::parse(value).isValid();
}

bool isTagList(const QJsonArray &list)
{
    for (const QJsonValue &entry : list) {
        const QJsonObject object = entry.toObject();
        if (object.size() != 2 || !object.contains("Key"_L1) || !object.contains("Value"_L1))
            return false;
    }
    return !list.isEmpty();
}

QString numberText(const QJsonValue &value, const QString &key)
{
    const double number = value.toDouble();
    if (number != double(qint64(number)))
        return QString::number(number, 'g', 10);
    const auto whole = qint64(number);
    QString text = QString::number(whole);
    if (key.endsWith("InSeconds"_L1) && whole > 0 && whole <= std::numeric_limits<int>::max())
        text += u" ("_s + DurationEdit::toWords(int(whole)) + u')';
    return text;
}

QString countText(qsizetype count)
{
    return count == 1 ? DescribeView::tr("1 entry") : DescribeView::tr("%1 entries").arg(count);
}

QString timeText(const QDateTime &time)
{
    return time.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

} // namespace

DescribeView::DescribeView(QWidget *parent)
    : QTreeWidget(parent)
{
    setColumnCount(2);
    setHeaderLabels({ tr("Field"), tr("Value") });
    setAlternatingRowColors(true);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    setTextElideMode(Qt::ElideMiddle);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(0, QHeaderView::Interactive);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, &DescribeView::showContextMenu);
}

void DescribeView::setSections(
    const QList<DescribeSection> &sections, const ::Shape *outputShape, const QStringList &hidden)
{
    m_sections = sections;
    m_shape = outputShape;
    m_hidden = hidden;
    if (!m_document.isEmpty())
        setDocument(m_document);
}

void DescribeView::clearDocument()
{
    m_document = {};
    clear();
}

QTreeWidgetItem *DescribeView::newItem(QTreeWidgetItem *parent, const QString &label, const QString &key)
{
    auto *item = new QTreeWidgetItem(parent, { label });
    const QString parentPath = parent->data(0, pathRole).toString();
    item->setData(0, pathRole, parentPath.isEmpty() ? key : parentPath + u'.' + key);
    return item;
}

void DescribeView::setDocument(const QJsonObject &document)
{
    m_document = document;
    setUpdatesEnabled(false);
    clear();
    const ShapeModel &model = ShapeModel::instance();
    QStringList placed = m_hidden;
    placed << u"ResponseMetadata"_s;
    QList<DescribeSection> sections = m_sections;
    DescribeSection other { tr("Other"), {} };
    for (const DescribeSection &section : std::as_const(sections))
        placed += section.members;
    // Unknown members in the shape's order first, then the ones no shape knows, as the document has them.
    if (m_shape)
        for (const ShapeMember &member : m_shape->members)
            if (!placed.contains(member.name) && document.contains(member.name))
                other.members << member.name;
    for (auto it = document.begin(); it != document.end(); ++it)
        if (!placed.contains(it.key()) && !other.members.contains(it.key()))
            other.members << it.key();
    sections << other;

    QFont bold = font();
    bold.setBold(true);
    for (const DescribeSection &section : std::as_const(sections)) {
        QStringList present;
        for (const QString &member : section.members)
            if (document.contains(member))
                present << member;
        if (present.isEmpty())
            continue;
        auto *top = new QTreeWidgetItem(this, { section.title });
        top->setFont(0, bold);
        top->setFirstColumnSpanned(true);
        top->setFlags(Qt::ItemIsEnabled);
        const QJsonValue only = present.size() == 1 ? document.value(present.first()) : QJsonValue();
        const ::Shape *onlyShape
            = m_shape && present.size() == 1 ? model.memberShape(*m_shape, present.first()) : nullptr;
        if ((only.isObject() || only.isArray()) && !isEmptyValue(only)) {
            // A section of one structure or list ("Algorithm", "Input channels"): its entries go right under
            // the section's title, without a branch repeating it.
            top->setData(0, pathRole, present.first());
            if (only.isObject())
                addObject(top, present.first(), only.toObject(), onlyShape);
            else
                addList(top, only.toArray(), onlyShape);
            top->setData(0, pathRole, QString());
        } else {
            for (const QString &member : std::as_const(present))
                addValue(top, member, member, document.value(member),
                    m_shape ? model.memberShape(*m_shape, member) : nullptr);
        }
        top->setExpanded(true);
    }
    // Field names as wide as they need, values get the rest (at least half).
    resizeColumnToContents(0);
    setColumnWidth(0, std::min(columnWidth(0) + 12, std::max(160, viewport()->width() / 2)));
    setUpdatesEnabled(true);
}

void DescribeView::addValue(QTreeWidgetItem *parent, const QString &label, const QString &key,
    const QJsonValue &value, const ::Shape *shape)
{
    QTreeWidgetItem *item = newItem(parent, label, key);
    if (isEmptyValue(value)) {
        item->setText(1, u"—"_s);
        item->setForeground(1, palette().brush(QPalette::Disabled, QPalette::Text));
        item->setToolTip(1, value.isNull() ? tr("null") : tr("empty"));
        return;
    }
    const ::Shape::Type type = shape ? shape->type : ::Shape::Type::Unknown;
    if (value.isObject()) {
        addObject(item, key, value.toObject(), shape);
        item->setExpanded(true);
        return;
    }
    if (value.isArray()) {
        addList(item, value.toArray(), shape);
        return;
    }
    QString text;
    QString tooltip;
    if (type == ::Shape::Type::Timestamp || (type == ::Shape::Type::Unknown && looksLikeTime(key, value))) {
        const QDateTime time = Timestamp::parse(value);
        text = time.isValid() ? timeText(time) : value.toVariant().toString();
        tooltip = time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
    } else if (value.isBool()) {
        text = value.toBool() ? tr("Yes") : tr("No");
    } else if (value.isDouble()) {
        text = numberText(value, key);
    } else {
        text = value.toString();
        tooltip = text;
    }
    item->setText(1, text);
    item->setToolTip(1, tooltip);
}

void DescribeView::addObject(
    QTreeWidgetItem *item, const QString &key, const QJsonObject &object, const ::Shape *shape)
{
    // Maps by the shape; without one, the two maps of string values a describe answer has.
    const bool map
        = shape ? shape->type == ::Shape::Type::Map : key == "HyperParameters"_L1 || key == "Environment"_L1;
    if (map) {
        const ::Shape *element = shape ? ShapeModel::instance().elementShape(*shape) : nullptr;
        for (auto it = object.begin(); it != object.end(); ++it)
            addValue(item, it.key(), it.key(), it.value(), element);
        item->setText(1, countText(object.size()));
        item->setForeground(1, palette().brush(QPalette::Disabled, QPalette::Text));
    } else {
        addStructure(item, object, shape);
    }
}

void DescribeView::addStructure(QTreeWidgetItem *parent, const QJsonObject &object, const ::Shape *shape)
{
    const ShapeModel &model = ShapeModel::instance();
    QStringList order;
    if (shape && shape->type == ::Shape::Type::Structure)
        for (const ShapeMember &member : shape->members)
            if (object.contains(member.name))
                order << member.name;
    for (auto it = object.begin(); it != object.end(); ++it)
        if (!order.contains(it.key()))
            order << it.key();
    for (const QString &member : std::as_const(order))
        addValue(parent, member, member, object.value(member),
            shape ? model.memberShape(*shape, member) : nullptr);
}

void DescribeView::addList(QTreeWidgetItem *item, const QJsonArray &list, const ::Shape *shape)
{
    const ::Shape *element
        = shape && shape->type == ::Shape::Type::List ? ShapeModel::instance().elementShape(*shape) : nullptr;
    bool scalars = true;
    for (const QJsonValue &entry : list)
        scalars = scalars && !entry.isObject() && !entry.isArray();
    if (scalars) {
        QStringList texts;
        for (const QJsonValue &entry : list)
            texts << (entry.isDouble() ? numberText(entry, {}) : entry.toVariant().toString());
        item->setText(1, texts.join(u", "_s));
        item->setToolTip(1, texts.join(u'\n'));
        return;
    }
    if (isTagList(list)) {
        for (const QJsonValue &entry : list) {
            const QJsonObject tag = entry.toObject();
            const QString key = tag.value("Key"_L1).toString();
            addValue(item, key, key, tag.value("Value"_L1), nullptr);
        }
    } else {
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject object = list.at(i).toObject();
            QString name;
            for (QLatin1StringView member : entryNameMembers) {
                name = object.value(member).toString();
                if (!name.isEmpty())
                    break;
            }
            const QString key = name.isEmpty() ? QString::number(i) : name;
            QTreeWidgetItem *entry = newItem(item, name.isEmpty() ? u"#%1"_s.arg(i + 1) : name, key);
            if (list.at(i).isObject())
                addStructure(entry, object, element);
            else
                entry->setText(1, list.at(i).toVariant().toString());
            entry->setExpanded(true);
        }
    }
    item->setText(1, countText(list.size()));
    item->setForeground(1, palette().brush(QPalette::Disabled, QPalette::Text));
    item->setExpanded(true);
}

QTreeWidgetItem *DescribeView::itemAt(const QString &path) const
{
    QTreeWidgetItemIterator it(const_cast<DescribeView *>(this));
    for (; *it; ++it)
        if ((*it)->data(0, pathRole).toString() == path)
            return *it;
    return nullptr;
}

QString DescribeView::valueText(const QString &path) const
{
    const QTreeWidgetItem *item = itemAt(path);
    return item ? item->text(1) : QString();
}

QStringList DescribeView::sectionTitles() const
{
    QStringList titles;
    for (int i = 0; i < topLevelItemCount(); ++i)
        titles << topLevelItem(i)->text(0);
    return titles;
}

void DescribeView::copyCurrent()
{
    const QTreeWidgetItem *item = currentItem();
    if (!item)
        return;
    // The full text, not the elided cell: the tooltip holds it for long strings.
    const QString full = item->toolTip(1).isEmpty() ? item->text(1) : item->toolTip(1);
    QApplication::clipboard()->setText(item->text(1).isEmpty() ? item->text(0) : full);
}

void DescribeView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copyCurrent();
        event->accept();
        return;
    }
    QTreeWidget::keyPressEvent(event);
}

void DescribeView::showContextMenu(const QPoint &pos)
{
    QTreeWidgetItem *item = QTreeWidget::itemAt(pos);
    if (!item)
        return;
    setCurrentItem(item);
    QMenu menu(this);
    menu.addAction(tr("Copy value"), this, &DescribeView::copyCurrent);
    const QString path = item->data(0, pathRole).toString();
    if (!path.isEmpty())
        menu.addAction(tr("Copy field name"), this, [path] { QApplication::clipboard()->setText(path); });
    menu.exec(viewport()->mapToGlobal(pos));
}

QList<DescribeSection> DescribeView::trainingJobSections()
{
    return {
        { tr("Job"),
            { u"TrainingJobName"_s, u"TrainingJobArn"_s, u"TrainingJobStatus"_s, u"SecondaryStatus"_s,
                u"FailureReason"_s, u"CreationTime"_s, u"TrainingStartTime"_s, u"TrainingEndTime"_s,
                u"LastModifiedTime"_s, u"TrainingTimeInSeconds"_s, u"BillableTimeInSeconds"_s,
                u"BillableTokenCount"_s, u"ProgressInfo"_s, u"TuningJobArn"_s, u"LabelingJobArn"_s,
                u"AutoMLJobArn"_s } },
        { tr("Algorithm"), { u"AlgorithmSpecification"_s } },
        { tr("Permissions"), { u"RoleArn"_s } },
        { tr("Input channels"), { u"InputDataConfig"_s } },
        { tr("Output"),
            { u"OutputDataConfig"_s, u"ModelArtifacts"_s, u"ModelPackageConfig"_s,
                u"OutputModelPackageArn"_s } },
        { tr("Resources"), { u"ResourceConfig"_s, u"WarmPoolStatus"_s, u"ServerlessJobConfig"_s } },
        { tr("Network"),
            { u"VpcConfig"_s, u"EnableNetworkIsolation"_s, u"EnableInterContainerTrafficEncryption"_s } },
        { tr("Stopping condition"), { u"StoppingCondition"_s, u"RetryStrategy"_s } },
        { tr("Spot and checkpoints"), { u"EnableManagedSpotTraining"_s, u"CheckpointConfig"_s } },
        { tr("Hyperparameters"), { u"HyperParameters"_s } },
        { tr("Environment"), { u"Environment"_s } },
        { tr("Tags"), { u"Tags"_s } },
        { tr("Metrics"), { u"FinalMetricDataList"_s } },
        { tr("Debugging and profiling"),
            { u"DebugHookConfig"_s, u"DebugRuleConfigurations"_s, u"DebugRuleEvaluationStatuses"_s,
                u"TensorBoardOutputConfig"_s, u"ProfilerConfig"_s, u"ProfilerRuleConfigurations"_s,
                u"ProfilerRuleEvaluationStatuses"_s, u"ProfilingStatus"_s, u"RemoteDebugConfig"_s,
                u"InfraCheckConfig"_s } },
        { tr("Experiments"), { u"ExperimentConfig"_s, u"MlflowConfig"_s, u"MlflowDetails"_s } },
    };
}

QList<DescribeSection> DescribeView::modelSections()
{
    return {
        { tr("Model"), { u"ModelName"_s, u"ModelArn"_s, u"CreationTime"_s, u"DeploymentRecommendation"_s } },
        { tr("Permissions"), { u"ExecutionRoleArn"_s } },
        { tr("Primary container"), { u"PrimaryContainer"_s } },
        { tr("Containers"), { u"Containers"_s, u"InferenceExecutionConfig"_s } },
        { tr("Network"), { u"VpcConfig"_s, u"EnableNetworkIsolation"_s } },
        { tr("Tags"), { u"Tags"_s } },
    };
}
