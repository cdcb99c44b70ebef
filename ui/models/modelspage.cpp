#include "ui/models/modelspage.h"

#include "core/api/shapemodel.h"
#include "core/sagemaker/describewithtags.h"
#include "core/sagemaker/modelbrowser.h"
#include "core/sagemaker/notconnectederror.h"
#include "ui/dashboard/describeview.h"
#include "ui/dashboard/messagebanner.h"
#include "ui/dashboard/pageaction.h"
#include "ui/dashboard/specexporter.h"
#include "ui/dashboard/userprompts.h"
#include "ui/models/modellistmodel.h"
#include "ui/widgets/emptyviewhint.h"
#include "ui/widgets/rowcounttext.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ModelsPage::ModelsPage(ModelBrowser *browser, UserPrompts *prompts, QWidget *parent)
    : QWidget(parent)
    , m_browser(browser)
    , m_prompts(prompts ? prompts : UserPrompts::dialogs())
    , m_model(new ModelListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_banner(new MessageBanner)
    , m_filter(new QLineEdit)
    , m_count(new QLabel)
    , m_table(new QTableView)
    , m_detailTitle(new QLabel)
    , m_detail(new DescribeView)
{
    setObjectName(u"modelsPage"_s);
    m_refresh = newPageAction(this, u"refreshModels"_s, tr("&Refresh"), QKeySequence::Refresh);
    m_refresh->setIcon(QIcon::fromTheme(u"view-refresh"_s));
    m_clone = newPageAction(this, u"cloneModel"_s, tr("&Clone…"), QKeySequence(Qt::CTRL | Qt::Key_D));
    m_clone->setIcon(QIcon::fromTheme(u"edit-copy"_s));
    m_clone->setStatusTip(tr("Open the model form filled in from this model and its tags"));
    m_export = newPageAction(
        this, u"exportModel"_s, tr("&Export JSON…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_export->setIcon(QIcon::fromTheme(u"document-save-as"_s));
    m_export->setStatusTip(tr("Save the create-model input that makes this model again"));
    m_copyArn = newPageAction(
        this, u"copyModelArn"_s, tr("Copy &ARN"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_delete = newPageAction(this, u"deleteModel"_s, tr("&Delete…"), QKeySequence::Delete);
    m_delete->setIcon(QIcon::fromTheme(u"edit-delete"_s));
    connect(m_refresh, &QAction::triggered, this, &ModelsPage::refresh);
    connect(m_clone, &QAction::triggered, this, &ModelsPage::cloneSelected);
    connect(m_export, &QAction::triggered, this, &ModelsPage::exportSelected);
    connect(m_copyArn, &QAction::triggered, this, &ModelsPage::copySelectedArn);
    connect(m_delete, &QAction::triggered, this, &ModelsPage::deleteSelected);

    m_filter->setObjectName(u"modelFilter"_s);
    m_filter->setPlaceholderText(tr("Filter by name"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter models by name"));
    m_count->setObjectName(u"modelCount"_s);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_count);
    bar->addStretch(1);
    for (QAction *action : { m_refresh, m_clone, m_export, m_copyArn, m_delete }) {
        auto *button = new QToolButton;
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setObjectName(action->objectName() + u"Button"_s);
        bar->addWidget(button);
    }

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(ModelListModel::Name);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(ModelListModel::SortRole);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        updateCount();
    });
    m_table->setObjectName(u"modelTable"_s);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ModelListModel::Created, Qt::DescendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(ModelListModel::Name, 220);
    m_table->horizontalHeader()->resizeSection(ModelListModel::Created, 130);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &ModelsPage::onSelectionChanged);
    auto *hint = new EmptyViewHint(m_table, m_proxy);
    hint->setObjectName(u"modelTableHint"_s);
    hint->setTexts(tr("No models yet. Create one with New model (Ctrl+4), or connect to an account with "
                      "models."),
        tr("No model matches the filter."));
    connect(hint, &EmptyViewHint::clearFilterRequested, m_filter, &QLineEdit::clear);

    m_detailTitle->setObjectName(u"modelDetailTitle"_s);
    QFont titleFont = m_detailTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_detailTitle->setFont(titleFont);
    m_detailTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setObjectName(u"modelDetail"_s);
    m_detail->setSections(
        DescribeView::modelSections(), ShapeModel::instance().operationOutput(u"DescribeModel"_s));
    auto *detailBox = new QWidget;
    auto *detailLayout = new QVBoxLayout(detailBox);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detailTitle);
    detailLayout->addWidget(m_detail, 1);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(u"modelsSplitter"_s);
    splitter->addWidget(m_table);
    splitter->addWidget(detailBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);
    setTabOrder(m_filter, m_table);
    setTabOrder(m_table, m_detail);

    connect(m_browser, &ModelBrowser::clientChanged, this, [this] {
        m_model->setModels({});
        m_descriptions.clear();
        m_stale = true;
        onSelectionChanged();
        if (isVisible())
            refresh();
    });
    connect(m_browser, &ModelBrowser::listingStarted, this, [this] {
        m_count->setText(tr("Listing models…"));
        updateActions();
    });
    connect(m_browser, &ModelBrowser::modelsListed, this, &ModelsPage::onListed);
    connect(m_browser, &ModelBrowser::listFailed, this, &ModelsPage::onListFailed);
    connect(m_browser, &ModelBrowser::modelDescribed, this, &ModelsPage::onDescribed);
    connect(
        m_browser, &ModelBrowser::describeFailed, this, [this](const QString &name, const AwsError &error) {
            if (name == currentModel())
                m_banner->showError(tr("Could not describe model %1").arg(name), error);
        });
    connect(m_browser, &ModelBrowser::modelDeleted, this, [this](const QString &name) {
        m_descriptions.remove(name);
        m_model->removeModel(name);
        m_banner->showMessage(MessageBanner::Kind::Information, tr("Model %1 deleted.").arg(name));
        updateCount();
        updateActions();
    });
    connect(m_browser, &ModelBrowser::deleteFailed, this, [this](const QString &name, const AwsError &error) {
        m_banner->showError(tr("Could not delete model %1").arg(name), error);
        updateActions();
    });
    updateActions();
    updateCount();
}

ModelsPage::~ModelsPage() = default;

void ModelsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale && !m_browser->isListing())
        refresh();
}

void ModelsPage::refresh()
{
    m_stale = false;
    m_browser->refresh();
}

void ModelsPage::openModel(const QString &name)
{
    if (selectModel(name))
        return;
    m_pendingSelection = name;
    refresh();
}

void ModelsPage::onListed()
{
    const QString selected
        = m_pendingSelection.isEmpty() ? currentModel() : std::exchange(m_pendingSelection, {});
    m_model->setModels(m_browser->models());
    m_banner->dismiss();
    updateCount();
    if (!selected.isEmpty())
        selectModel(selected);
    else if (m_proxy->rowCount() > 0)
        m_table->selectRow(0);
    updateActions();
}

void ModelsPage::onListFailed(const AwsError &error)
{
    m_banner->showError(tr("Could not list models"), error);
    updateCount();
    updateActions();
}

void ModelsPage::updateCount()
{
    if (m_browser->isListing())
        return;
    const int shown = m_proxy->rowCount();
    const int all = m_model->rowCount();
    m_count->setText(rowCountText(shown, all, tr("model"), tr("models")));
}

QString ModelsPage::currentModel() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(ModelListModel::NameRole).toString() : QString();
}

bool ModelsPage::selectModel(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    return true;
}

void ModelsPage::onSelectionChanged()
{
    const QString name = currentModel();
    m_detailTitle->setText(name.isEmpty() ? tr("No model selected") : name);
    const auto cached = m_descriptions.constFind(name);
    if (cached != m_descriptions.cend())
        m_detail->setDocument(*cached);
    else
        m_detail->clearDocument();
    if (!name.isEmpty())
        m_browser->describe(name);
    updateActions();
}

void ModelsPage::onDescribed(const QString &name, const QJsonObject &description)
{
    m_descriptions.insert(name, description);
    if (name == currentModel() && m_detail->document() != description)
        m_detail->setDocument(description);
}

void ModelsPage::updateActions()
{
    const QString name = currentModel();
    const bool selected = !name.isEmpty();
    m_clone->setEnabled(selected);
    m_export->setEnabled(selected);
    m_copyArn->setEnabled(selected);
    m_delete->setEnabled(selected && !m_browser->isDeleting(name));
    m_refresh->setEnabled(!m_browser->isListing());
}

void ModelsPage::deleteSelected()
{
    const QString name = currentModel();
    if (name.isEmpty())
        return;
    if (!m_prompts->confirm(this, tr("Delete model"),
            tr("Delete the model %1? Endpoints that use it keep running, but it cannot be deployed again. "
               "This cannot be undone.")
                .arg(name),
            tr("Delete model")))
        return;
    m_browser->deleteModel(name);
    updateActions();
}

void ModelsPage::cloneSelected()
{
    const QString name = currentModel();
    if (name.isEmpty())
        return;
    DescribeWithTags *fetch = m_browser->fetchWithTags(name, this);
    if (!fetch) {
        m_banner->showError(tr("Could not clone model %1").arg(name), notConnectedError());
        return;
    }
    connect(fetch, &DescribeWithTags::finished, this, [this](const DescribeWithTags::Result &result) {
        if (!result.isOk()) {
            m_banner->showError(tr("Could not clone model %1").arg(result.name), result.error);
            return;
        }
        if (!result.tagsError.isNull())
            m_banner->showError(tr("Cloned model %1 without its tags").arg(result.name), result.tagsError);
        emit cloneRequested(result.description, result.tags);
    });
}

void ModelsPage::exportSelected()
{
    const QString name = currentModel();
    if (name.isEmpty())
        return;
    const QString path = m_prompts->saveFileName(
        this, tr("Export model JSON"), SpecExporter::suggestedPath(name), SpecExporter::fileFilter());
    if (path.isEmpty())
        return;
    DescribeWithTags *fetch = m_browser->fetchWithTags(name, this);
    if (!fetch) {
        m_banner->showError(tr("Could not export model %1").arg(name), notConnectedError());
        return;
    }
    connect(fetch, &DescribeWithTags::finished, this, [this, path](const DescribeWithTags::Result &result) {
        if (!result.isOk()) {
            m_banner->showError(tr("Could not export model %1").arg(result.name), result.error);
            return;
        }
        QString message;
        const bool saved = SpecExporter::save(SpecKind::Model, result, path, &message);
        m_banner->showMessage(saved ? MessageBanner::Kind::Information : MessageBanner::Kind::Error, message);
    });
}

void ModelsPage::copySelectedArn()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    QApplication::clipboard()->setText(m_model->arnAt(m_proxy->mapToSource(current).row()));
}
