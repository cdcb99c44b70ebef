#include "ui/forms/managetemplatesdialog.h"

#include "core/store/templatestore.h"
#include "ui/dashboard/userprompts.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int nameRole = Qt::UserRole;

} // namespace

ManageTemplatesDialog::ManageTemplatesDialog(LocalStore &store, DocumentKind kind, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_kind(kind)
    , m_prompts(UserPrompts::dialogs())
    , m_kindChooser(new QComboBox)
    , m_list(new QListWidget)
    , m_empty(new QLabel)
    , m_rename(new QPushButton(tr("&Rename")))
    , m_delete(new QPushButton(tr("&Delete…")))
    , m_message(new QLabel)
{
    setWindowTitle(tr("Manage templates"));
    setObjectName(u"manageTemplatesDialog"_s);

    m_kindChooser->setObjectName(u"templateKind"_s);
    m_kindChooser->addItem(tr("Training jobs"), int(DocumentKind::TrainingJob));
    m_kindChooser->addItem(tr("Models"), int(DocumentKind::Model));
    m_kindChooser->setCurrentIndex(m_kindChooser->findData(int(kind)));
    auto *kindLabel = new QLabel(tr("&Templates for:"));
    kindLabel->setBuddy(m_kindChooser);

    m_list->setObjectName(u"templateList"_s);
    m_list->setAccessibleName(tr("Templates"));
    m_list->setEditTriggers(QAbstractItemView::EditKeyPressed);
    m_list->setUniformItemSizes(true);
    m_empty->setObjectName(u"noTemplates"_s);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setText(tr("No templates of this kind yet. Fill in what your jobs share (role, network, tags) "
                        "and use Save as template (Ctrl+Shift+S) on the form."));
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_rename->setObjectName(u"renameTemplate"_s);
    m_rename->setToolTip(tr("Edit the selected template's name in the list (F2)"));
    m_delete->setObjectName(u"deleteTemplate"_s);
    m_delete->setToolTip(tr("Delete the selected template, after asking (Del)"));
    m_message->setObjectName(u"templateMessage"_s);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(u"color: #c62828"_s);
    m_message->hide();

    // Del on the list deletes, like in a file manager.
    auto *deleteKey = new QAction(this);
    deleteKey->setShortcut(QKeySequence::Delete);
    deleteKey->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(deleteKey);

    auto *top = new QHBoxLayout;
    top->addWidget(kindLabel);
    top->addWidget(m_kindChooser, 1);
    auto *side = new QVBoxLayout;
    side->addWidget(m_rename);
    side->addWidget(m_delete);
    side->addStretch(1);
    auto *middle = new QHBoxLayout;
    middle->addWidget(m_list, 1);
    middle->addWidget(m_empty, 1);
    middle->addLayout(side);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(middle, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(520, 340);

    connect(m_kindChooser, &QComboBox::currentIndexChanged, this,
        [this] { setKind(DocumentKind(m_kindChooser->currentData().toInt())); });
    connect(m_list, &QListWidget::itemChanged, this, &ManageTemplatesDialog::onItemChanged);
    connect(m_list, &QListWidget::currentItemChanged, this, &ManageTemplatesDialog::updateButtons);
    connect(m_rename, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_list->currentItem())
            m_list->editItem(item);
    });
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteTemplate(currentName()); });
    connect(deleteKey, &QAction::triggered, this, [this] { deleteTemplate(currentName()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    reload();
}

void ManageTemplatesDialog::setPrompts(UserPrompts *prompts)
{
    m_prompts = prompts;
}

void ManageTemplatesDialog::setKind(DocumentKind kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    m_kindChooser->setCurrentIndex(m_kindChooser->findData(int(kind)));
    m_message->hide();
    reload();
}

QStringList ManageTemplatesDialog::names() const
{
    QStringList names;
    for (int row = 0; row < m_list->count(); ++row)
        names << m_list->item(row)->data(nameRole).toString();
    return names;
}

QString ManageTemplatesDialog::currentName() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(nameRole).toString() : QString();
}

void ManageTemplatesDialog::setCurrentName(const QString &name)
{
    const int row = int(names().indexOf(name));
    if (row >= 0)
        m_list->setCurrentRow(row);
}

bool ManageTemplatesDialog::renameTemplate(const QString &from, const QString &to)
{
    const QString name = to.trimmed();
    const StoreResult<> renamed = TemplateStore(m_store).rename(m_kind, from, name);
    if (!renamed) {
        showError(renamed.error());
        return false;
    }
    m_message->hide();
    reload();
    setCurrentName(name);
    emit templatesChanged();
    return true;
}

bool ManageTemplatesDialog::deleteTemplate(const QString &name)
{
    if (name.isEmpty())
        return false;
    if (!m_prompts->confirm(this, tr("Delete template"),
            tr("Delete the template \"%1\"? This cannot be undone.").arg(name), tr("&Delete")))
        return false;
    const int row = m_list->currentRow();
    const StoreResult<bool> removed = TemplateStore(m_store).remove(m_kind, name);
    if (!removed) {
        showError(removed.error());
        return false;
    }
    m_message->hide();
    reload();
    m_list->setCurrentRow(qMin(row, m_list->count() - 1));
    emit templatesChanged();
    return removed.value();
}

void ManageTemplatesDialog::reload()
{
    m_reloading = true;
    m_list->clear();
    const StoreResult<QList<Template>> templates = TemplateStore(m_store).list(m_kind);
    if (!templates)
        showError(templates.error());
    for (const Template &t : templates.valueOr({})) {
        auto *item = new QListWidgetItem(t.name, m_list);
        item->setData(nameRole, t.name);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        item->setToolTip(
            tr("Last saved %1").arg(QLocale().toString(t.updated.toLocalTime(), QLocale::ShortFormat)));
    }
    m_reloading = false;
    const bool empty = m_list->count() == 0;
    m_list->setVisible(!empty);
    m_empty->setVisible(empty);
    if (!empty)
        m_list->setCurrentRow(0);
    updateButtons();
}

void ManageTemplatesDialog::onItemChanged(QListWidgetItem *item)
{
    if (m_reloading)
        return;
    const QString from = item->data(nameRole).toString();
    const QString to = item->text();
    if (to == from)
        return;
    // Not while the list is still busy with the edit that emitted this: reloading deletes the item.
    QMetaObject::invokeMethod(
        this,
        [this, from, to] {
            if (!renameTemplate(from, to)) {
                // Back to the stored name; the message says why.
                reload();
                setCurrentName(from);
            }
        },
        Qt::QueuedConnection);
}

void ManageTemplatesDialog::showError(const QString &message)
{
    m_message->setText(message);
    m_message->show();
}

void ManageTemplatesDialog::updateButtons()
{
    const bool selected = m_list->currentItem() != nullptr;
    m_rename->setEnabled(selected);
    m_delete->setEnabled(selected);
}
