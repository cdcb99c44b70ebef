#include "ui/widgets/instancetypepicker.h"

#include "core/pricing/instancecatalog.h"
#include "ui/widgets/fieldmark.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScreen>
#include <QStandardItemModel>
#include <QToolButton>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace {

constexpr int nameRole = Qt::UserRole + 1;
enum Column { NameColumn, VcpuColumn, MemoryColumn, AcceleratorColumn, ColumnCount };

QString gib(double value)
{
    return QCoreApplication::translate("InstanceTypePicker", "%1 GiB")
        .arg(QLocale().toString(value, 'f', value == std::floor(value) ? 0 : 1));
}

QString acceleratorText(const InstanceType &type)
{
    if (type.accelerators == 0)
        return QString();
    return QCoreApplication::translate("InstanceTypePicker", "%1 × %2, %3")
        .arg(type.accelerators)
        .arg(type.acceleratorType, gib(type.acceleratorMemoryGib));
}

QString specsText(const InstanceType &type)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("InstanceTypePicker", text); };
    QStringList parts { type.vcpus == 1 ? tr("1 vCPU") : tr("%1 vCPUs").arg(type.vcpus),
        tr("%1 memory").arg(gib(type.memoryGib)) };
    if (type.accelerators > 0)
        parts << acceleratorText(type);
    parts << InstanceCatalog::familyName(type.family);
    return parts.join(u" · "_s);
}

} // namespace

InstanceTypePicker::InstanceTypePicker(const QString &pathPrefix, QWidget *parent)
    : SpecFieldEditor(pathPrefix, parent)
    , m_catalog(&InstanceCatalog::builtIn())
    , m_edit(new QLineEdit(this))
    , m_browse(new QToolButton(this))
    , m_summary(new QLabel(this))
    , m_popup(new QTreeView(this))
    , m_model(new QStandardItemModel(this))
{
    m_edit->setObjectName(u"instanceTypeEdit"_s);
    m_edit->setPlaceholderText(tr("Search: a100, 8 vcpu, memory…"));
    m_edit->setToolTip(
        tr("Type to search the catalog by name, family, accelerator (a100, trainium) or specs "
           "(8 vcpu, 64 gib, 4 gpu); Down opens the whole list. A type the catalog does not know "
           "can be typed in full: ml.<series>.<size>."));
    m_edit->setFixedWidth(m_edit->fontMetrics().horizontalAdvance(u"ml.p6e-gb200.36xlarge__________"_s));
    m_edit->installEventFilter(this);

    m_browse->setObjectName(u"instanceTypeBrowse"_s);
    m_browse->setIcon(QIcon(u":/sagedesk/icons/go-down.svg"_s));
    m_browse->setToolTip(tr("Show all instance types (Down)"));
    m_browse->setFocusPolicy(Qt::NoFocus); // the keyboard opens the list with Down in the field

    m_summary->setObjectName(u"instanceTypeSummary"_s);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setBuddy(m_edit);

    m_popup->setObjectName(u"instanceTypePopup"_s);
    m_popup->setWindowFlags(Qt::Popup);
    m_popup->setFocusPolicy(Qt::NoFocus);
    m_popup->setFocusProxy(m_edit);
    m_popup->setModel(m_model);
    m_popup->setRootIsDecorated(false);
    m_popup->setItemsExpandable(false);
    m_popup->setIndentation(m_popup->fontMetrics().horizontalAdvance(u"mm"_s));
    m_popup->setUniformRowHeights(true);
    m_popup->setAlternatingRowColors(true);
    m_popup->setAllColumnsShowFocus(true);
    m_popup->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_popup->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_popup->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_popup->installEventFilter(this);
    m_popup->hide();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit);
    layout->addWidget(m_browse);
    layout->addSpacing(8);
    layout->addWidget(m_summary, 1);
    setFocusProxy(m_edit);

    connect(m_edit, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (text.trimmed().isEmpty())
            hidePopup();
        else
            showPopup(text);
        emit changed();
    });
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        if (status() == Status::InCatalog || status() == Status::NotInCatalog)
            emit instanceTypeChosen(instanceType());
    });
    connect(m_browse, &QToolButton::clicked, this, [this] {
        m_edit->setFocus(Qt::OtherFocusReason);
        showPopup();
    });
    connect(m_popup, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        const QString name = index.siblingAtColumn(NameColumn).data(nameRole).toString();
        if (!name.isEmpty())
            choose(name);
    });
    updateSummary();
}

void InstanceTypePicker::setCatalog(const InstanceCatalog *catalog)
{
    m_catalog = catalog;
    updateSummary();
}

QString InstanceTypePicker::instanceType() const
{
    return m_edit->text().trimmed();
}

void InstanceTypePicker::setInstanceType(const QString &name)
{
    m_edit->setText(name);
    updateSummary();
}

InstanceTypePicker::Status InstanceTypePicker::status() const
{
    const QString name = instanceType();
    if (name.isEmpty())
        return Status::Empty;
    if (m_catalog->contains(name))
        return Status::InCatalog;
    return InstanceCatalog::isWellFormedTypeName(name) ? Status::NotInCatalog : Status::Malformed;
}

bool InstanceTypePicker::isPopupVisible() const
{
    return m_popup->isVisible();
}

QStringList InstanceTypePicker::listedTypes() const
{
    QStringList names;
    for (int f = 0; f < m_model->rowCount(); ++f) {
        const QModelIndex family = m_model->index(f, 0);
        for (int r = 0; r < m_model->rowCount(family); ++r)
            names << m_model->index(r, NameColumn, family).data(nameRole).toString();
    }
    return names;
}

void InstanceTypePicker::fillModel(const QString &query)
{
    m_model->clear();
    m_model->setHorizontalHeaderLabels(
        { tr("Instance type"), tr("vCPUs"), tr("Memory"), tr("Accelerators") });
    for (int column : { VcpuColumn, MemoryColumn })
        m_model->horizontalHeaderItem(column)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    const QList<InstanceType> matches = m_catalog->search(query);
    QFont bold = m_popup->font();
    bold.setBold(true);
    // A little air between rows: the default is as tight as the font.
    const QSize rowSize(0, m_popup->fontMetrics().height() + 8);
    for (InstanceType::Family family : InstanceCatalog::families()) {
        QList<QList<QStandardItem *>> rows;
        for (const InstanceType &type : matches) {
            if (type.family != family)
                continue;
            QList<QStandardItem *> row { new QStandardItem(type.name),
                new QStandardItem(QString::number(type.vcpus)), new QStandardItem(gib(type.memoryGib)),
                new QStandardItem(type.accelerators > 0 ? acceleratorText(type) : u"—"_s) };
            row.first()->setData(type.name, nameRole);
            row.at(VcpuColumn)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            row.at(MemoryColumn)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            for (QStandardItem *item : row) {
                item->setSizeHint(rowSize);
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
                item->setToolTip(specsText(type));
            }
            rows << row;
        }
        if (rows.isEmpty())
            continue;
        // A heading the keyboard skips: tree views pass over items that are not enabled.
        auto *heading = new QStandardItem(InstanceCatalog::familyName(family));
        heading->setFlags(Qt::NoItemFlags);
        heading->setSizeHint(rowSize);
        heading->setFont(bold);
        heading->setForeground(m_popup->palette().brush(QPalette::Active, QPalette::Text));
        for (const QList<QStandardItem *> &row : std::as_const(rows))
            heading->appendRow(row);
        m_model->appendRow(heading);
        m_popup->setFirstColumnSpanned(m_model->rowCount() - 1, QModelIndex(), true);
    }
    m_popup->expandAll();
}

void InstanceTypePicker::showPopup(const QString &query)
{
    fillModel(query);
    if (m_model->rowCount() == 0) {
        hidePopup();
        return;
    }
    // The current type when it is listed, otherwise the first match: Enter then takes the best guess.
    QModelIndex select;
    for (int f = 0; f < m_model->rowCount(); ++f) {
        const QModelIndex family = m_model->index(f, 0);
        for (int r = 0; r < m_model->rowCount(family); ++r) {
            const QModelIndex index = m_model->index(r, NameColumn, family);
            if (!select.isValid() || index.data(nameRole).toString() == instanceType())
                select = index;
            if (index.data(nameRole).toString() == instanceType())
                break;
        }
    }
    m_popup->setCurrentIndex(select);
    m_popup->selectionModel()->select(
        select, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

    const QFontMetrics metrics = m_popup->fontMetrics();
    m_popup->header()->setStretchLastSection(true);
    m_popup->setColumnWidth(NameColumn, metrics.horizontalAdvance(u"ml.p6e-gb200.36xlarge____"_s));
    m_popup->setColumnWidth(VcpuColumn, metrics.horizontalAdvance(u"vCPUs____"_s));
    m_popup->setColumnWidth(MemoryColumn, metrics.horizontalAdvance(u"4096 GiB____"_s));
    const int width = qMax(m_edit->width(), metrics.horizontalAdvance(u"m"_s) * 70);
    const int rows = qMin(16, m_model->rowCount() + int(listedTypes().size()));
    const int rowHeight = qMax(m_popup->sizeHintForRow(0), metrics.height() + 4);
    const int height = m_popup->header()->sizeHint().height() + rows * rowHeight + 2 * m_popup->frameWidth();
    QPoint position = m_edit->mapToGlobal(QPoint(0, m_edit->height()));
    if (const QScreen *screen = m_edit->screen()) {
        const QRect available = screen->availableGeometry();
        if (position.y() + height > available.bottom())
            position.setY(m_edit->mapToGlobal(QPoint(0, 0)).y() - height);
        position.setX(
            qBound(available.left(), position.x(), qMax(available.left(), available.right() - width)));
    }
    m_popup->setGeometry(QRect(position, QSize(width, height)));
    if (!m_popup->isVisible())
        m_popup->show();
    // After show: the view knows its height only then.
    m_popup->scrollTo(select, QAbstractItemView::PositionAtCenter);
    updateSummary();
}

void InstanceTypePicker::hidePopup()
{
    m_popup->hide();
    updateSummary();
}

void InstanceTypePicker::choose(const QString &name)
{
    hidePopup();
    m_edit->setText(name);
    updateSummary();
    emit changed();
    emit instanceTypeChosen(name);
}

void InstanceTypePicker::chooseCurrent()
{
    const QString name = m_popup->currentIndex().siblingAtColumn(NameColumn).data(nameRole).toString();
    if (name.isEmpty()) {
        hidePopup();
        return;
    }
    choose(name);
}

bool InstanceTypePicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool opens = key->key() == Qt::Key_F4 || (key->key() == Qt::Key_Down && !m_popup->isVisible())
            || (key->key() == Qt::Key_Down && key->modifiers() & Qt::AltModifier);
        if (opens) {
            showPopup();
            return true;
        }
        if (key->key() == Qt::Key_Escape && m_popup->isVisible()) {
            hidePopup();
            return true;
        }
    }
    if (watched == m_edit && event->type() == QEvent::FocusOut && !m_popup->isVisible())
        updateSummary();
    if (watched != m_popup || event->type() != QEvent::KeyPress)
        return SpecFieldEditor::eventFilter(watched, event);

    // While the list is open it receives the keys: it keeps the ones that move in it and hands the rest to
    // the field, as QCompleter does.
    auto *key = static_cast<QKeyEvent *>(event);
    switch (key->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        return false;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        chooseCurrent();
        return true;
    case Qt::Key_Escape:
    case Qt::Key_F4:
        hidePopup();
        return true;
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        hidePopup();
        break;
    default:
        break;
    }
    QCoreApplication::sendEvent(m_edit, event);
    return true;
}

QJsonValue InstanceTypePicker::toJson() const
{
    return instanceType().isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(instanceType());
}

void InstanceTypePicker::setJson(const QJsonValue &value)
{
    setInstanceType(value.isString() ? value.toString() : QString());
}

void InstanceTypePicker::showDiagnostics(const Diagnostics &diagnostics)
{
    m_diagnostics = diagnosticsAt(diagnostics);
    updateSummary();
}

bool InstanceTypePicker::focusPath(const QString &path)
{
    if (path != pathPrefix())
        return false;
    m_edit->setFocus(Qt::OtherFocusReason);
    m_edit->selectAll();
    return true;
}

void InstanceTypePicker::updateSummary()
{
    Diagnostics marks = m_diagnostics;
    QString text;
    switch (status()) {
    case Status::Empty:
        text = tr("Pick a type from the list, or type to search.");
        break;
    case Status::InCatalog:
        text = specsText(*m_catalog->find(instanceType()));
        break;
    case Status::NotInCatalog:
        marks.prepend({ pathPrefix(), Diagnostic::Severity::Warning, u"notInCatalog"_s,
            tr("Not in SageDesk's catalog, so no specs are shown; the API decides whether it accepts the "
               "type.") });
        break;
    case Status::Malformed:
        // While the list is open the text is a search, not yet a value.
        if (m_popup->isVisible()) {
            const qsizetype count = listedTypes().size();
            text = count == 1 ? tr("1 matching type; Enter picks it.")
                              : tr("%1 matching types; Enter picks the highlighted one.").arg(count);
            break;
        }
        marks.prepend({ pathPrefix(), Diagnostic::Severity::Error, u"instanceTypeSyntax"_s,
            tr("Not an instance type: they look like ml.<series>.<size>, e.g. ml.m5.xlarge.") });
        break;
    }
    FieldMark::mark(m_edit, marks);
    m_summary->setText(FieldMark::annotatedHtml(text, marks));
    m_summary->setEnabled(status() != Status::Empty || !marks.isEmpty());
}
