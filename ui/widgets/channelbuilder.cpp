#include "ui/widgets/channelbuilder.h"

#include "ui/widgets/channeleditor.h"
#include "ui/widgets/fieldmark.h"
#include "ui/widgets/specpath.h"

#include <QAction>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QToolButton *toolButton(QWidget *parent, const QString &objectName, const QString &icon, const QString &text,
    const QString &toolTip)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setIcon(QIcon(u":/sagedesk/icons/%1.svg"_s.arg(icon)));
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    return button;
}

QAction *listAction(QListWidget *list, const QKeySequence &shortcut)
{
    auto *action = new QAction(list);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetShortcut);
    list->addAction(action);
    return action;
}

} // namespace

ChannelBuilder::ChannelBuilder(const QString &pathPrefix, QWidget *parent)
    : SpecFieldEditor(pathPrefix, parent)
    , m_list(new QListWidget(this))
    , m_add(toolButton(this, u"addChannel"_s, u"list-add"_s, tr("Add"), tr("Add a channel (Insert)")))
    , m_duplicate(toolButton(this, u"duplicateChannel"_s, u"edit-copy"_s, tr("Duplicate"),
          tr("Add a copy of the selected channel below it")))
    , m_up(toolButton(
          this, u"moveChannelUp"_s, u"go-up"_s, tr("Up"), tr("Move the selected channel up (Alt+Up)")))
    , m_down(toolButton(this, u"moveChannelDown"_s, u"go-down"_s, tr("Down"),
          tr("Move the selected channel down (Alt+Down)")))
    , m_remove(toolButton(this, u"removeChannel"_s, u"list-remove"_s, tr("Remove"),
          tr("Remove the selected channel (Delete)")))
    , m_count(new QLabel(this))
    , m_problems(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_emptyHint(new QLabel(m_stack))
    , m_editor(new ChannelEditor(m_stack))
{
    m_list->setObjectName(u"channelList"_s);
    m_list->setTextElideMode(Qt::ElideMiddle);
    m_list->setIconSize(QSize(16, 16));
    m_list->setSpacing(2);
    m_list->setToolTip(tr("The job's input channels; the selected one is edited on the right."));
    m_list->setFixedWidth(m_list->fontMetrics().horizontalAdvance(u"s3://a-bucket-name/some/prefix/"_s));
    m_add->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (QToolButton *button : { m_duplicate, m_up, m_down, m_remove })
        button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_count->setObjectName(u"channelCount"_s);
    m_count->setEnabled(false);
    m_problems->setObjectName(u"channelsProblems"_s);
    m_problems->setTextFormat(Qt::RichText);
    m_problems->setWordWrap(true);
    m_emptyHint->setObjectName(u"noChannelHint"_s);
    m_emptyHint->setText(tr("No input channels yet. Add one: most algorithms read a channel named train, "
                            "and many a validation channel too."));
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_emptyHint->setEnabled(false);
    m_stack->addWidget(m_emptyHint);
    m_stack->addWidget(m_editor);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(0);
    for (QToolButton *button : { m_add, m_duplicate, m_up, m_down, m_remove })
        buttons->addWidget(button);
    buttons->addStretch(1);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(buttons);
    left->addWidget(m_count);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left);
    columns->addSpacing(12);
    columns->addWidget(m_stack, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_problems);
    layout->addLayout(columns);

    setTabOrder(m_list, m_add);
    setTabOrder(m_add, m_duplicate);
    setTabOrder(m_duplicate, m_up);
    setTabOrder(m_up, m_down);
    setTabOrder(m_down, m_remove);
    setTabOrder(m_remove, m_editor->firstInTabOrder());
    setFocusProxy(m_list);

    connect(m_add, &QToolButton::clicked, this, &ChannelBuilder::addChannel);
    connect(m_duplicate, &QToolButton::clicked, this, &ChannelBuilder::duplicateChannel);
    connect(m_up, &QToolButton::clicked, this, &ChannelBuilder::moveChannelUp);
    connect(m_down, &QToolButton::clicked, this, &ChannelBuilder::moveChannelDown);
    connect(m_remove, &QToolButton::clicked, this, &ChannelBuilder::removeChannel);
    connect(listAction(m_list, QKeySequence(Qt::Key_Insert)), &QAction::triggered, this,
        &ChannelBuilder::addChannel);
    connect(
        listAction(m_list, QKeySequence::Delete), &QAction::triggered, this, &ChannelBuilder::removeChannel);
    connect(listAction(m_list, QKeySequence(Qt::AltModifier | Qt::Key_Up)), &QAction::triggered, this,
        &ChannelBuilder::moveChannelUp);
    connect(listAction(m_list, QKeySequence(Qt::AltModifier | Qt::Key_Down)), &QAction::triggered, this,
        &ChannelBuilder::moveChannelDown);
    connect(m_list, &QListWidget::currentRowChanged, this, &ChannelBuilder::showCurrent);
    connect(m_editor, &ChannelEditor::edited, this, [this] {
        const int index = currentChannel();
        if (index < 0)
            return;
        m_channels[index] = m_editor->channel();
        updateItem(index);
        emit changed();
    });
    showCurrent();
}

void ChannelBuilder::setAlgorithmInputMode(const QString &mode)
{
    m_algorithmInputMode = mode;
    m_editor->setInheritedInputMode(mode);
}

int ChannelBuilder::currentChannel() const
{
    return m_list->currentRow();
}

void ChannelBuilder::setCurrentChannel(int index)
{
    m_list->setCurrentRow(index);
}

QJsonValue ChannelBuilder::toJson() const
{
    if (m_channels.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    QJsonArray array;
    for (const QJsonObject &channel : m_channels)
        array.append(channel);
    return array;
}

void ChannelBuilder::setJson(const QJsonValue &value)
{
    m_channels.clear();
    m_diagnosticsPerChannel.clear();
    m_generalDiagnostics.clear();
    const QJsonArray array = value.toArray();
    for (const QJsonValue &channel : array)
        m_channels << channel.toObject();
    m_diagnosticsPerChannel.resize(m_channels.size());
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (int i = 0; i < m_channels.size(); ++i) {
        m_list->addItem(QString());
        updateItem(i);
    }
    m_list->setCurrentRow(m_channels.isEmpty() ? -1 : 0);
    showCurrent();
    refreshDiagnostics();
}

void ChannelBuilder::showDiagnostics(const Diagnostics &diagnostics)
{
    m_generalDiagnostics.clear();
    m_diagnosticsPerChannel = QList<Diagnostics>(m_channels.size());
    for (Diagnostic d : diagnosticsBelow(diagnostics)) {
        const QList<JsonPath::Segment> segments = SpecPath::segments(d.path);
        const bool aboutChannel = !segments.isEmpty()
            && segments.first().kind == JsonPath::Segment::Kind::Index
            && segments.first().index < m_channels.size();
        if (!aboutChannel) {
            m_generalDiagnostics << d;
            continue;
        }
        QString rest = d.path.mid(d.path.indexOf(u']') + 1);
        if (rest.startsWith(u'.'))
            rest.remove(0, 1);
        const qsizetype index = segments.first().index;
        d.path = rest;
        m_diagnosticsPerChannel[index] << d;
    }
    refreshDiagnostics();
}

bool ChannelBuilder::focusPath(const QString &path)
{
    const std::optional<QList<JsonPath::Segment>> segments = SpecPath::segmentsBelow(path, pathPrefix());
    if (!segments)
        return false;
    const bool aboutChannel = !segments->isEmpty() && segments->first().kind == JsonPath::Segment::Kind::Index
        && segments->first().index < m_channels.size();
    if (!aboutChannel) {
        if (m_channels.isEmpty())
            m_add->setFocus(Qt::OtherFocusReason);
        else
            m_list->setFocus(Qt::OtherFocusReason);
        return true;
    }
    setCurrentChannel(int(segments->first().index));
    QString rest = path.mid(pathPrefix().size());
    rest = rest.mid(rest.indexOf(u']') + 1);
    if (rest.startsWith(u'.'))
        rest.remove(0, 1);
    if (!m_editor->focusField(rest))
        m_list->setFocus(Qt::OtherFocusReason);
    return true;
}

void ChannelBuilder::addChannel()
{
    if (m_channels.size() >= maxChannels)
        return;
    static const QStringList usualNames { u"train"_s, u"validation"_s, u"test"_s };
    QString name;
    for (const QString &candidate : usualNames) {
        if (unusedName(candidate) == candidate) {
            name = candidate;
            break;
        }
    }
    if (name.isEmpty())
        name = unusedName(u"channel"_s);
    const QJsonObject s3 { { u"S3DataType"_s, u"S3Prefix"_s }, { u"S3Uri"_s, QString() },
        { u"S3DataDistributionType"_s, u"FullyReplicated"_s } };
    insertChannel(int(m_channels.size()),
        QJsonObject {
            { u"ChannelName"_s, name }, { u"DataSource"_s, QJsonObject { { u"S3DataSource"_s, s3 } } } });
    m_editor->focusName();
}

void ChannelBuilder::duplicateChannel()
{
    const int index = currentChannel();
    if (index < 0 || m_channels.size() >= maxChannels)
        return;
    QJsonObject copy = m_channels.at(index);
    copy.insert(u"ChannelName"_s, unusedName(copy.value("ChannelName"_L1).toString() + u"-copy"_s));
    insertChannel(index + 1, copy);
    m_editor->focusName();
}

void ChannelBuilder::removeChannel()
{
    const int index = currentChannel();
    if (index < 0)
        return;
    m_channels.removeAt(index);
    if (index < m_diagnosticsPerChannel.size())
        m_diagnosticsPerChannel.removeAt(index);
    {
        const QSignalBlocker blocker(m_list);
        delete m_list->takeItem(index);
        m_list->setCurrentRow(qMin(index, int(m_channels.size()) - 1));
    }
    showCurrent();
    refreshDiagnostics();
    emit changed();
}

void ChannelBuilder::moveChannelUp()
{
    moveChannel(currentChannel(), currentChannel() - 1);
}

void ChannelBuilder::moveChannelDown()
{
    moveChannel(currentChannel(), currentChannel() + 1);
}

void ChannelBuilder::insertChannel(int index, const QJsonObject &channel)
{
    m_channels.insert(index, channel);
    m_diagnosticsPerChannel.resize(m_channels.size() - 1);
    m_diagnosticsPerChannel.insert(index, Diagnostics());
    {
        const QSignalBlocker blocker(m_list);
        m_list->insertItem(index, QString());
        updateItem(index);
        m_list->setCurrentRow(index);
    }
    showCurrent();
    refreshDiagnostics();
    emit changed();
}

void ChannelBuilder::moveChannel(int from, int to)
{
    if (from < 0 || to < 0 || from >= m_channels.size() || to >= m_channels.size())
        return;
    m_channels.move(from, to);
    m_diagnosticsPerChannel.resize(m_channels.size());
    m_diagnosticsPerChannel.move(from, to);
    {
        const QSignalBlocker blocker(m_list);
        m_list->insertItem(to, m_list->takeItem(from));
        m_list->setCurrentRow(to);
    }
    showCurrent();
    refreshDiagnostics();
    emit changed();
}

QString ChannelBuilder::unusedName(const QString &base) const
{
    const auto taken = [this](const QString &name) {
        return std::any_of(m_channels.cbegin(), m_channels.cend(),
            [&name](const QJsonObject &c) { return c.value("ChannelName"_L1).toString() == name; });
    };
    if (!taken(base))
        return base;
    for (int n = 2;; ++n)
        if (!taken(base + u'-' + QString::number(n)))
            return base + u'-' + QString::number(n);
}

void ChannelBuilder::updateItem(int index)
{
    QListWidgetItem *item = m_list->item(index);
    const QJsonObject &channel = m_channels.at(index);
    const QString name = channel.value("ChannelName"_L1).toString();
    const QString uri = channel.value("DataSource"_L1)
                            .toObject()
                            .value("S3DataSource"_L1)
                            .toObject()
                            .value("S3Uri"_L1)
                            .toString();
    item->setText(
        (name.isEmpty() ? tr("(no name)") : name) + u'\n' + (uri.isEmpty() ? tr("no S3 URI yet") : uri));
    const Diagnostics marks = m_diagnosticsPerChannel.value(index);
    if (marks.isEmpty()) {
        item->setIcon(FieldMark::blankIcon());
        item->setForeground(QBrush());
        item->setToolTip(uri);
    } else {
        item->setIcon(FieldMark::icon(FieldMark::worst(marks)));
        item->setForeground(FieldMark::textColor(FieldMark::worst(marks)));
        item->setToolTip(FieldMark::messageText(marks));
    }
}

void ChannelBuilder::showCurrent()
{
    const int index = currentChannel();
    m_stack->setCurrentWidget(index < 0 ? static_cast<QWidget *>(m_emptyHint) : m_editor);
    if (index >= 0) {
        m_editor->setInheritedInputMode(m_algorithmInputMode);
        m_editor->setChannel(m_channels.at(index));
        m_editor->showDiagnostics(m_diagnosticsPerChannel.value(index));
    }
    refreshButtons();
}

void ChannelBuilder::refreshButtons()
{
    const int index = currentChannel();
    const int count = int(m_channels.size());
    const bool room = count < maxChannels;
    m_add->setEnabled(room);
    m_duplicate->setEnabled(room && index >= 0);
    m_up->setEnabled(index > 0);
    m_down->setEnabled(index >= 0 && index + 1 < count);
    m_remove->setEnabled(index >= 0);
    m_add->setToolTip(
        room ? tr("Add a channel (Insert)") : tr("A training job has at most %1 channels.").arg(maxChannels));
    m_count->setText(tr("%1 of at most %2 channels").arg(count).arg(maxChannels));
}

void ChannelBuilder::refreshDiagnostics()
{
    for (int i = 0; i < m_channels.size(); ++i)
        updateItem(i);
    const int index = currentChannel();
    if (index >= 0)
        m_editor->showDiagnostics(m_diagnosticsPerChannel.value(index));
    QList<std::pair<QString, Diagnostic>> listed;
    for (const Diagnostic &d : std::as_const(m_generalDiagnostics))
        listed.append({ QString(), d });
    m_problems->setText(FieldMark::problemListHtml(listed));
    m_problems->setVisible(!listed.isEmpty());
    FieldMark::mark(m_list, m_generalDiagnostics);
}
