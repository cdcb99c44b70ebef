#include "ui/widgets/idlisteditor.h"

#include "ui/widgets/fieldmark.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QString capitalized(const QString &name)
{
    return name.left(1).toUpper() + name.mid(1);
}

Diagnostic problem(Diagnostic::Severity severity, const QString &code, const QString &message)
{
    return Diagnostic { QString(), severity, code, message };
}

constexpr int apiMaxLength = 32;

} // namespace

IdListEditor::IdListEditor(const Config &config, QWidget *parent)
    : QWidget(parent)
    , m_config(config)
    , m_title(new QLabel(config.title, this))
    , m_count(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_input(new QLineEdit(this))
    , m_add(new QPushButton(QIcon(u":/sagedesk/icons/list-add.svg"_s), tr("Add"), this))
    , m_remove(new QPushButton(QIcon(u":/sagedesk/icons/list-remove.svg"_s), tr("Remove"), this))
    , m_paste(new QPushButton(QIcon(u":/sagedesk/icons/edit-paste.svg"_s), tr("Paste"), this))
    , m_problems(new QLabel(this))
{
    const QString stem = capitalized(config.name);
    const QString example = config.idPrefix + u"0123abcd"_s;
    m_list->setObjectName(config.name + u"List"_s);
    m_input->setObjectName(config.name + u"Input"_s);
    m_add->setObjectName(u"add"_s + stem);
    m_remove->setObjectName(u"remove"_s + stem);
    m_paste->setObjectName(u"paste"_s + stem + u's');
    m_count->setObjectName(config.name + u"Count"_s);
    m_problems->setObjectName(config.name + u"Problems"_s);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setBuddy(m_input);
    m_count->setEnabled(false);

    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_list->setToolTip(tr("Double-click or press F2 to edit an ID; Delete removes the selected ones."));
    // Both lists of the VPC editor keep the same height, so their buttons line up; more IDs scroll.
    m_list->setIconSize(QSize(16, 16));
    m_list->setFixedHeight(qMax(16, m_list->fontMetrics().height()) * 6 + 2 * m_list->frameWidth() + 12);
    auto *deleteAction = new QAction(tr("Remove"), m_list);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(deleteAction);

    m_input->setPlaceholderText(tr("e.g. %1 (or several at once)").arg(example));
    m_input->setToolTip(tr("Type or paste %1 IDs, then press Enter. Several at once may be separated by "
                           "commas, spaces or new lines.")
                            .arg(config.noun));
    m_input->setClearButtonEnabled(true);
    m_add->setToolTip(tr("Add the IDs typed in the field"));
    m_remove->setToolTip(tr("Remove the selected IDs (Delete)"));
    m_paste->setToolTip(tr("Add every %1 ID on the clipboard").arg(config.noun));

    m_problems->setTextFormat(Qt::RichText);
    m_problems->setWordWrap(true);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(m_count);
    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_add);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_remove);
    buttons->addWidget(m_paste);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_list);
    layout->addLayout(inputRow);
    layout->addLayout(buttons);
    layout->addWidget(m_problems);
    layout->addStretch(1);
    setTabOrder(m_list, m_input);
    setTabOrder(m_input, m_add);
    setTabOrder(m_add, m_remove);
    setTabOrder(m_remove, m_paste);

    connect(m_input, &QLineEdit::returnPressed, this, &IdListEditor::addFromInput);
    connect(m_add, &QPushButton::clicked, this, &IdListEditor::addFromInput);
    connect(m_remove, &QPushButton::clicked, this, &IdListEditor::removeSelected);
    connect(deleteAction, &QAction::triggered, this, &IdListEditor::removeSelected);
    connect(m_paste, &QPushButton::clicked, this, &IdListEditor::pasteFromClipboard);
    connect(m_list, &QListWidget::itemSelectionChanged, this,
        [this] { m_remove->setEnabled(!m_list->selectedItems().isEmpty()); });
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (m_refreshing)
            return;
        // An edit may turn one ID into several, or into nothing.
        const QStringList parts = splitIds(item->text());
        const int row = m_list->row(item);
        QStringList all = ids();
        all.removeAt(row);
        for (qsizetype i = parts.size() - 1; i >= 0; --i)
            all.insert(row, parts.at(i));
        setIds(all);
        emit changed();
    });
    refresh();
}

QStringList IdListEditor::ids() const
{
    QStringList result;
    for (int i = 0; i < m_list->count(); ++i)
        result << m_list->item(i)->text();
    return result;
}

void IdListEditor::setIds(const QStringList &ids)
{
    m_refreshing = true;
    m_list->clear();
    for (const QString &id : ids) {
        auto *item = new QListWidgetItem(id, m_list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    m_refreshing = false;
    refresh();
}

QStringList IdListEditor::splitIds(const QString &text)
{
    return text.split(QRegularExpression(u"[\\s,;]+"_s), Qt::SkipEmptyParts);
}

int IdListEditor::addIds(const QString &text)
{
    const QStringList added = splitIds(text);
    if (added.isEmpty())
        return 0;
    setIds(ids() + added);
    m_list->setCurrentRow(m_list->count() - 1, QItemSelectionModel::ClearAndSelect);
    emit changed();
    return int(added.size());
}

void IdListEditor::setKnownIds(const std::optional<QStringList> &ids)
{
    m_knownIds = ids;
    delete m_completer;
    m_completer = nullptr;
    if (ids) {
        m_completer = new QCompleter(*ids, m_input);
        m_completer->setFilterMode(Qt::MatchContains);
        m_completer->setCaseSensitivity(Qt::CaseInsensitive);
        m_input->setCompleter(m_completer);
    }
    refresh();
}

QList<Diagnostics> IdListEditor::localProblems() const
{
    static const QRegularExpression apiPattern(u"^[-0-9a-zA-Z]+$"_s);
    const QRegularExpression realShape(
        u"^"_s + QRegularExpression::escape(m_config.idPrefix) + u"([0-9a-f]{8}|[0-9a-f]{17})$"_s);
    const QStringList all = ids();
    QList<Diagnostics> problems(all.size());
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QString &id = all.at(i);
        Diagnostics &p = problems[i];
        if (!apiPattern.match(id).hasMatch())
            p << problem(Diagnostic::Severity::Error, u"pattern"_s,
                tr("Only letters, digits and - are allowed in an ID, e.g. %1.")
                    .arg(m_config.idPrefix + u"0123abcd"_s));
        if (id.size() > apiMaxLength)
            p << problem(Diagnostic::Severity::Error, u"maxLength"_s,
                tr("IDs are at most %1 characters; this one has %2.").arg(apiMaxLength).arg(id.size()));
        // A wrong character or length already says the ID is malformed.
        if (p.isEmpty() && !realShape.match(id).hasMatch())
            p << problem(Diagnostic::Severity::Error, u"malformedId"_s,
                tr("Not a %1 ID: they look like %2 followed by 8 or 17 hex digits, e.g. %3.")
                    .arg(m_config.noun, m_config.idPrefix, m_config.idPrefix + u"0123abcd"_s));
        const qsizetype first = all.indexOf(id);
        if (first < i)
            p << problem(Diagnostic::Severity::Error, u"duplicateId"_s,
                tr("Listed twice: the same ID is in row %1.").arg(first + 1));
        if (i >= m_config.maxCount)
            p << problem(Diagnostic::Severity::Error, u"maxCount"_s,
                tr("At most %1 %2 IDs are allowed; this is number %3.")
                    .arg(m_config.maxCount)
                    .arg(m_config.noun)
                    .arg(i + 1));
        if (m_knownIds && !m_knownIds->contains(id))
            p << problem(Diagnostic::Severity::Warning, u"notInAccount"_s,
                tr("This account and region have no %1 with this ID.").arg(m_config.noun));
    }
    return problems;
}

void IdListEditor::setDiagnostics(const QList<Diagnostics> &perId, const Diagnostics &general)
{
    m_diagnosticsPerId = perId;
    m_generalDiagnostics = general;
    refresh();
}

void IdListEditor::focusId(int index)
{
    if (index < 0 || index >= m_list->count()) {
        focusInput();
        return;
    }
    m_list->setCurrentRow(index, QItemSelectionModel::ClearAndSelect);
    m_list->scrollToItem(m_list->item(index));
    m_list->setFocus(Qt::OtherFocusReason);
}

void IdListEditor::focusInput()
{
    m_input->setFocus(Qt::OtherFocusReason);
}

QWidget *IdListEditor::firstInTabOrder() const
{
    return m_list;
}

QWidget *IdListEditor::lastInTabOrder() const
{
    return m_paste;
}

void IdListEditor::addFromInput()
{
    if (addIds(m_input->text()) > 0)
        m_input->clear();
}

void IdListEditor::removeSelected()
{
    const QList<QListWidgetItem *> selected = m_list->selectedItems();
    if (selected.isEmpty())
        return;
    const int nextRow = m_list->row(selected.first());
    qDeleteAll(selected);
    refresh();
    if (m_list->count() > 0)
        m_list->setCurrentRow(qMin(nextRow, m_list->count() - 1), QItemSelectionModel::ClearAndSelect);
    emit changed();
}

void IdListEditor::pasteFromClipboard()
{
    addIds(QApplication::clipboard()->text());
}

void IdListEditor::refresh()
{
    // The validator's finding adds nothing when the widget's own check on the same ID found the same.
    static const QStringList locallyChecked { u"pattern"_s, u"maxLength"_s, u"maxCount"_s };
    const auto sameFinding = [](const Diagnostic &validator, const Diagnostic &local) {
        if (local.code == "duplicateId"_L1)
            return validator.code == "duplicateSubnet"_L1 || validator.code == "duplicateSecurityGroup"_L1;
        return locallyChecked.contains(validator.code) && validator.code == local.code;
    };
    m_refreshing = true;
    const QList<Diagnostics> local = localProblems();
    QList<std::pair<QString, Diagnostic>> listed;
    for (const Diagnostic &d : std::as_const(m_generalDiagnostics))
        listed.append({ QString(), d });
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        Diagnostics marks = local.at(i);
        for (const Diagnostic &d : m_diagnosticsPerId.value(i)) {
            const Diagnostics &own = local.at(i);
            if (std::none_of(
                    own.cbegin(), own.cend(), [&](const Diagnostic &m) { return sameFinding(d, m); }))
                marks << d;
        }
        if (marks.isEmpty()) {
            item->setIcon(FieldMark::blankIcon());
            item->setForeground(QBrush());
            item->setToolTip(QString());
        } else {
            const Diagnostic::Severity severity = FieldMark::worst(marks);
            item->setIcon(FieldMark::icon(severity));
            item->setForeground(FieldMark::textColor(severity));
            item->setToolTip(FieldMark::messageText(marks));
            for (const Diagnostic &d : std::as_const(marks))
                listed.append({ item->text(), d });
        }
    }
    m_refreshing = false;

    FieldMark::mark(m_list, m_generalDiagnostics);
    m_problems->setText(FieldMark::problemListHtml(listed));
    m_problems->setVisible(!listed.isEmpty());
    m_count->setText(tr("%1 of at most %2").arg(m_list->count()).arg(m_config.maxCount));
    m_remove->setEnabled(!m_list->selectedItems().isEmpty());
}
