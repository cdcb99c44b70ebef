#include "ui/forms/metricdefinitionseditor.h"

#include "core/api/jsonpath.h"
#include "ui/widgets/fieldmark.h"
#include "ui/widgets/specpath.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

const QString nameMember = u"Name"_s;
const QString regexMember = u"Regex"_s;
constexpr int nameStretch = 2;
constexpr int regexStretch = 3;

} // namespace

MetricDefinitionsEditor::MetricDefinitionsEditor(const QString &pathPrefix, QWidget *parent)
    : SpecFieldEditor(pathPrefix, parent)
    , m_rowsLayout(new QVBoxLayout)
    , m_header(new QWidget(this))
    , m_empty(new QLabel(tr("No metrics. SageMaker then records only the algorithm's built-in ones."), this))
    , m_add(new QPushButton(QIcon(u":/sagedesk/icons/list-add.svg"_s), tr("Add metric"), this))
    , m_problems(new QLabel(this))
{
    auto *headerLayout = new QHBoxLayout(m_header);
    headerLayout->setContentsMargins(0, 0, 0, 0);
    headerLayout->addWidget(new QLabel(tr("Metric name"), m_header), nameStretch);
    headerLayout->addWidget(
        new QLabel(tr("Regular expression (its first group is the value)"), m_header), regexStretch);
    headerLayout->addSpacing(m_add->iconSize().width() + 12);
    m_empty->setEnabled(false);
    m_empty->setWordWrap(true);
    m_add->setObjectName(u"addMetric"_s);
    m_add->setToolTip(tr("Add a metric read from the training log"));
    m_problems->setObjectName(u"metricProblems"_s);
    m_problems->setTextFormat(Qt::RichText);
    m_problems->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addStretch(1);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(4);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addLayout(m_rowsLayout);
    layout->addWidget(m_empty);
    layout->addLayout(buttons);
    layout->addWidget(m_problems);
    setFocusProxy(m_add);

    connect(m_add, &QPushButton::clicked, this, [this] {
        addRow();
        emit changed();
    });
    refresh();
}

void MetricDefinitionsEditor::appendRow(const QString &name, const QString &regex)
{
    Row row;
    row.container = new QWidget(this);
    auto *layout = new QHBoxLayout(row.container);
    layout->setContentsMargins(0, 0, 0, 0);
    row.name = new QLineEdit(name, row.container);
    row.name->setPlaceholderText(tr("e.g. validation:accuracy"));
    row.regex = new QLineEdit(regex, row.container);
    row.regex->setPlaceholderText(tr("e.g. val_acc=([0-9.]+)"));
    row.remove = new QToolButton(row.container);
    row.remove->setIcon(QIcon(u":/sagedesk/icons/list-remove.svg"_s));
    row.remove->setAutoRaise(true);
    row.remove->setToolTip(tr("Remove this metric"));
    layout->addWidget(row.name, nameStretch);
    layout->addWidget(row.regex, regexStretch);
    layout->addWidget(row.remove);

    QWidget *container = row.container;
    const auto edited = [this] {
        refresh();
        emit changed();
    };
    connect(row.name, &QLineEdit::textEdited, this, edited);
    connect(row.regex, &QLineEdit::textEdited, this, edited);
    connect(row.remove, &QToolButton::clicked, this, [this, container] {
        for (int i = 0; i < m_rows.size(); ++i) {
            if (m_rows.at(i).container == container) {
                removeRow(i);
                emit changed();
                return;
            }
        }
    });
    m_rows << row;
    m_rowsLayout->addWidget(container);
    renumber();
    refresh();
}

void MetricDefinitionsEditor::addRow()
{
    if (m_rows.size() >= maxMetrics)
        return;
    appendRow(QString(), QString());
    m_rows.last().name->setFocus(Qt::OtherFocusReason);
}

void MetricDefinitionsEditor::removeRow(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    const bool hadFocus = m_rows.at(row).container->isAncestorOf(window()->focusWidget());
    QWidget *container = m_rows.takeAt(row).container;
    // Later: its remove button may be the one being clicked.
    container->hide();
    container->setParent(nullptr);
    container->deleteLater();
    renumber();
    refresh();
    if (hadFocus)
        (row < m_rows.size() ? static_cast<QWidget *>(m_rows.at(row).name) : m_add)
            ->setFocus(Qt::OtherFocusReason);
}

bool MetricDefinitionsEditor::isBlank(int row) const
{
    return m_rows.at(row).name->text().trimmed().isEmpty() && m_rows.at(row).regex->text().isEmpty();
}

QList<int> MetricDefinitionsEditor::entryRows() const
{
    QList<int> rows;
    for (int i = 0; i < m_rows.size(); ++i)
        if (!isBlank(i))
            rows << i;
    return rows;
}

QJsonValue MetricDefinitionsEditor::toJson() const
{
    QJsonArray array;
    for (int row : entryRows()) {
        QJsonObject metric;
        metric.insert(nameMember, m_rows.at(row).name->text().trimmed());
        metric.insert(regexMember, m_rows.at(row).regex->text());
        array.append(metric);
    }
    return array.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(array);
}

void MetricDefinitionsEditor::setJson(const QJsonValue &value)
{
    for (const Row &row : std::as_const(m_rows))
        delete row.container;
    m_rows.clear();
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        const QJsonObject metric = item.toObject();
        appendRow(metric.value(nameMember).toString(), metric.value(regexMember).toString());
    }
    m_diagnostics.clear();
    refresh();
}

void MetricDefinitionsEditor::showDiagnostics(const Diagnostics &diagnostics)
{
    m_diagnostics = diagnosticsBelow(diagnostics);
    refresh();
}

bool MetricDefinitionsEditor::focusPath(const QString &path)
{
    const std::optional<QList<JsonPath::Segment>> segments = SpecPath::segmentsBelow(path, pathPrefix());
    if (!segments)
        return false;
    const QList<int> entries = entryRows();
    if (segments->isEmpty() || segments->first().kind != JsonPath::Segment::Kind::Index
        || segments->first().index >= entries.size()) {
        m_add->setFocus(Qt::OtherFocusReason);
        return true;
    }
    const Row &row = m_rows.at(entries.at(segments->first().index));
    const bool regex = segments->size() > 1 && SpecPath::nameOf(segments->at(1)) == regexMember;
    (regex ? row.regex : row.name)->setFocus(Qt::OtherFocusReason);
    return true;
}

Diagnostics MetricDefinitionsEditor::inputDiagnostics() const
{
    Diagnostics result;
    const QList<int> entries = entryRows();
    for (int e = 0; e < entries.size(); ++e) {
        const QString regex = m_rows.at(entries.at(e)).regex->text();
        if (regex.isEmpty())
            continue;
        const QRegularExpression compiled(regex);
        const QString path = JsonPath::member(JsonPath::index(pathPrefix(), e), regexMember);
        if (!compiled.isValid())
            result << Diagnostic { path, Diagnostic::Severity::Error, u"regexSyntax"_s,
                tr("is not a regular expression: %1").arg(compiled.errorString()) };
        else if (compiled.captureCount() < 1)
            result << Diagnostic { path, Diagnostic::Severity::Warning, u"regexNoGroup"_s,
                tr("has no group in parentheses: SageMaker takes the metric's value from the first group") };
    }
    return result;
}

void MetricDefinitionsEditor::renumber()
{
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows.at(i);
        row.name->setObjectName(u"metricName_%1"_s.arg(i));
        row.regex->setObjectName(u"metricRegex_%1"_s.arg(i));
        row.remove->setObjectName(u"removeMetric_%1"_s.arg(i));
    }
    // Rows are created after the Add button; put them before it in the Tab order.
    QList<QWidget *> chain;
    for (const Row &row : std::as_const(m_rows))
        chain << row.name << row.regex << row.remove;
    chain << m_add;
    for (int i = 0; i + 1 < chain.size(); ++i)
        setTabOrder(chain.at(i), chain.at(i + 1));
}

void MetricDefinitionsEditor::refresh()
{
    const QList<int> entries = entryRows();
    QList<Diagnostics> nameMarks(m_rows.size());
    QList<Diagnostics> regexMarks(m_rows.size());
    QList<std::pair<QString, Diagnostic>> general;
    // The form hands the input diagnostics back with the validator's; until it does, show them at once.
    Diagnostics all = m_diagnostics;
    for (const Diagnostic &d : diagnosticsBelow(inputDiagnostics()))
        if (!all.contains(d))
            all << d;
    for (const Diagnostic &d : all) {
        const QList<JsonPath::Segment> segments = SpecPath::segments(d.path);
        if (segments.isEmpty() || segments.first().kind != JsonPath::Segment::Kind::Index
            || segments.first().index >= entries.size()) {
            general.append({ QString(), d });
            continue;
        }
        const int row = entries.at(segments.first().index);
        const bool regex = segments.size() > 1 && SpecPath::nameOf(segments.at(1)) == regexMember;
        (regex ? regexMarks : nameMarks)[row] << d;
    }
    for (int i = 0; i < m_rows.size(); ++i) {
        FieldMark::mark(m_rows.at(i).name, nameMarks.at(i));
        FieldMark::mark(m_rows.at(i).regex, regexMarks.at(i));
    }
    m_problems->setText(FieldMark::problemListHtml(general));
    m_problems->setVisible(!general.isEmpty());
    m_header->setVisible(!m_rows.isEmpty());
    m_empty->setVisible(m_rows.isEmpty());
    m_add->setEnabled(m_rows.size() < maxMetrics);
}
