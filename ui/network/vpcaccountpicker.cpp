#include "ui/network/vpcaccountpicker.h"

#include "ui/widgets/vpceditor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

int index(VpcAccountPicker::Lookup what)
{
    return int(what);
}

QStandardItem *textItem(const QString &text)
{
    auto *item = new QStandardItem(text);
    item->setEditable(false);
    return item;
}

QTreeView *makeView(const QString &name, QSortFilterProxyModel *model, QWidget *parent)
{
    auto *view = new QTreeView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setRootIsDecorated(false);
    view->setItemsExpandable(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSortingEnabled(true);
    view->sortByColumn(0, Qt::AscendingOrder);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->header()->setStretchLastSection(true);
    view->setMinimumHeight(view->fontMetrics().height() * 8);
    return view;
}

QSortFilterProxyModel *makeFilter(QStandardItemModel *source, QObject *parent)
{
    auto *filter = new QSortFilterProxyModel(parent);
    filter->setSourceModel(source);
    filter->setFilterKeyColumn(-1);
    filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    filter->setSortCaseSensitivity(Qt::CaseInsensitive);
    return filter;
}

QStringList listedIds(const QSortFilterProxyModel *filter)
{
    QStringList ids;
    for (int row = 0; row < filter->rowCount(); ++row)
        ids.append(filter->index(row, 0).data().toString());
    return ids;
}

void clearRows(QStandardItemModel *model)
{
    model->removeRows(0, model->rowCount());
}

} // namespace

VpcAccountPicker::VpcAccountPicker(VpcEditor *editor)
    : QWidget(editor)
    , m_editor(editor)
    , m_vpcChooser(new QComboBox(this))
    , m_refresh(new QToolButton(this))
    , m_status(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_tabs(new QTabWidget(this))
    , m_subnetModel(new QStandardItemModel(0, 5, this))
    , m_groupModel(new QStandardItemModel(0, 3, this))
    , m_subnetFilter(makeFilter(m_subnetModel, this))
    , m_groupFilter(makeFilter(m_groupModel, this))
{
    m_vpcChooser->setObjectName(u"vpcChooser"_s);
    m_vpcChooser->setToolTip(tr("The VPC whose subnets and security groups are listed below"));
    m_vpcChooser->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_refresh->setObjectName(u"refreshAccount"_s);
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("Read the account's VPCs, subnets and security groups again"));
    m_status->setObjectName(u"accountStatus"_s);
    m_status->setWordWrap(true);
    m_status->setVisible(false);
    m_search->setObjectName(u"accountSearch"_s);
    m_search->setPlaceholderText(tr("Search by ID, name, zone, CIDR or description"));
    m_search->setClearButtonEnabled(true);
    m_tabs->setObjectName(u"accountTabs"_s);

    m_subnetModel->setHorizontalHeaderLabels(
        { tr("Subnet ID"), tr("Name"), tr("Availability zone"), tr("CIDR"), tr("Free IPs") });
    m_groupModel->setHorizontalHeaderLabels({ tr("Group ID"), tr("Group name"), tr("Description") });
    m_subnetView = makeView(u"subnetPicker"_s, m_subnetFilter, m_tabs);
    m_groupView = makeView(u"securityGroupPicker"_s, m_groupFilter, m_tabs);
    m_subnetView->setToolTip(tr("Tick the subnets the job uses; double-click a row to tick or untick it."));
    m_groupView->setToolTip(
        tr("Tick the security groups the job uses; double-click a row to tick or untick it."));
    m_tabs->addTab(m_subnetView, QString());
    m_tabs->addTab(m_groupView, QString());

    auto *chooserLabel = new QLabel(tr("V&PC:"), this);
    chooserLabel->setBuddy(m_vpcChooser);
    auto *top = new QHBoxLayout;
    top->addWidget(chooserLabel);
    top->addWidget(m_vpcChooser, 1);
    top->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_search);
    layout->addWidget(m_tabs, 1);
    setTabOrder(m_vpcChooser, m_refresh);
    setTabOrder(m_refresh, m_search);
    setTabOrder(m_search, m_tabs);

    connect(m_refresh, &QToolButton::clicked, this, &VpcAccountPicker::refresh);
    connect(m_vpcChooser, &QComboBox::activated, this, [this] { m_userChoseVpc = true; });
    connect(m_vpcChooser, &QComboBox::currentIndexChanged, this, &VpcAccountPicker::fillLists);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_subnetFilter->setFilterFixedString(text);
        m_groupFilter->setFilterFixedString(text);
        updateTabTitles();
    });
    connect(m_subnetModel, &QStandardItemModel::itemChanged, this, &VpcAccountPicker::onItemChanged);
    connect(m_groupModel, &QStandardItemModel::itemChanged, this, &VpcAccountPicker::onItemChanged);
    for (QTreeView *view : { m_subnetView, m_groupView }) {
        connect(view, &QTreeView::doubleClicked, this, [view](const QModelIndex &index) {
            const QModelIndex first = index.siblingAtColumn(0);
            const bool checked = first.data(Qt::CheckStateRole).toInt() == Qt::Checked;
            view->model()->setData(first, checked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
        });
    }
    connect(editor, &VpcEditor::changed, this, &VpcAccountPicker::syncChecks);

    editor->setAccountPanel(this);
    updateTabTitles();
}

void VpcAccountPicker::refresh()
{
    m_requested = true;
    m_errors.clear();
    for (bool &loading : m_loading)
        loading = true;
    updateStatus();
    emit vpcsWanted();
    emit subnetsWanted();
    emit securityGroupsWanted();
}

bool VpcAccountPicker::isLoading(Lookup what) const
{
    return m_loading[index(what)];
}

void VpcAccountPicker::setVpcs(const QList<Ec2Vpc> &vpcs)
{
    m_vpcs = vpcs;
    m_loaded[index(Lookup::Vpcs)] = true;
    m_loading[index(Lookup::Vpcs)] = false;
    fillVpcChooser();
    updateStatus();
}

void VpcAccountPicker::setSubnets(const QList<Ec2Subnet> &subnets)
{
    m_subnets = subnets;
    m_loaded[index(Lookup::Subnets)] = true;
    m_loading[index(Lookup::Subnets)] = false;
    fillVpcChooser();
    updateAccountIds();
    updateStatus();
}

void VpcAccountPicker::setSecurityGroups(const QList<Ec2SecurityGroup> &groups)
{
    m_groups = groups;
    m_loaded[index(Lookup::SecurityGroups)] = true;
    m_loading[index(Lookup::SecurityGroups)] = false;
    fillVpcChooser();
    updateAccountIds();
    updateStatus();
}

void VpcAccountPicker::showLookupError(Lookup what, const QString &message)
{
    m_loading[index(what)] = false;
    m_loaded[index(what)] = false;
    if (!m_errors.contains(message))
        m_errors.append(message);
    updateAccountIds();
    updateStatus();
}

QString VpcAccountPicker::currentVpcId() const
{
    return m_vpcChooser->currentData().toString();
}

void VpcAccountPicker::setCurrentVpcId(const QString &vpcId)
{
    const int found = m_vpcChooser->findData(vpcId);
    if (found >= 0)
        m_vpcChooser->setCurrentIndex(found);
}

QStringList VpcAccountPicker::listedSubnetIds() const
{
    return listedIds(m_subnetFilter);
}

QStringList VpcAccountPicker::listedSecurityGroupIds() const
{
    return listedIds(m_groupFilter);
}

void VpcAccountPicker::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Only a form that uses a VPC asks the account, once; Refresh asks again.
    if (!m_requested)
        refresh();
}

QString VpcAccountPicker::preferredVpc() const
{
    // The VPC of the IDs already listed in the editor, else the account's default VPC.
    for (const QString &id : m_editor->subnetIds())
        for (const Ec2Subnet &s : m_subnets)
            if (s.subnetId == id)
                return s.vpcId;
    for (const QString &id : m_editor->securityGroupIds())
        for (const Ec2SecurityGroup &g : m_groups)
            if (g.groupId == id)
                return g.vpcId;
    for (const Ec2Vpc &v : m_vpcs)
        if (v.isDefault)
            return v.vpcId;
    return m_vpcChooser->count() > 0 ? m_vpcChooser->itemData(0).toString() : QString();
}

void VpcAccountPicker::fillVpcChooser()
{
    // Without DescribeVpcs (not allowed, say), the subnets and groups still name their VPCs.
    QList<Ec2Vpc> vpcs = m_vpcs;
    const auto known = [&vpcs](const QString &id) {
        return id.isEmpty()
            || std::any_of(vpcs.cbegin(), vpcs.cend(), [&id](const Ec2Vpc &v) { return v.vpcId == id; });
    };
    for (const Ec2Subnet &s : std::as_const(m_subnets))
        if (!known(s.vpcId))
            vpcs.append({ s.vpcId, {}, {}, false, {} });
    for (const Ec2SecurityGroup &g : std::as_const(m_groups))
        if (!known(g.vpcId))
            vpcs.append({ g.vpcId, {}, {}, false, {} });

    const QString current = currentVpcId();
    {
        const QSignalBlocker blocker(m_vpcChooser);
        m_vpcChooser->clear();
        for (const Ec2Vpc &v : std::as_const(vpcs)) {
            QStringList parts { v.vpcId };
            if (!v.name().isEmpty())
                parts.append(v.name());
            if (!v.cidrBlock.isEmpty())
                parts.append(v.cidrBlock);
            QString text = parts.join(u" · "_s);
            if (v.isDefault)
                text += u' ' + tr("(default VPC)");
            m_vpcChooser->addItem(text, v.vpcId);
        }
        const int keep = m_vpcChooser->findData(current);
        m_vpcChooser->setCurrentIndex(
            m_userChoseVpc && keep >= 0 ? keep : qMax(0, m_vpcChooser->findData(preferredVpc())));
    }
    fillLists();
}

void VpcAccountPicker::fillLists()
{
    const QString vpc = currentVpcId();
    m_syncing = true;
    clearRows(m_subnetModel);
    for (const Ec2Subnet &s : std::as_const(m_subnets)) {
        if (s.vpcId != vpc)
            continue;
        QStandardItem *id = textItem(s.subnetId);
        id->setCheckable(true);
        id->setToolTip(tr("%1 in %2").arg(s.subnetId, s.vpcId));
        auto *free = new QStandardItem;
        free->setData(s.availableIpAddressCount, Qt::DisplayRole);
        free->setData(int(Qt::AlignRight | Qt::AlignVCenter), Qt::TextAlignmentRole);
        free->setEditable(false);
        m_subnetModel->appendRow(
            { id, textItem(s.name()), textItem(s.availabilityZone), textItem(s.cidrBlock), free });
    }
    clearRows(m_groupModel);
    for (const Ec2SecurityGroup &g : std::as_const(m_groups)) {
        if (g.vpcId != vpc)
            continue;
        QStandardItem *id = textItem(g.groupId);
        id->setCheckable(true);
        m_groupModel->appendRow({ id, textItem(g.groupName), textItem(g.description) });
    }
    m_syncing = false;
    syncChecks();
    for (QTreeView *view : { m_subnetView, m_groupView })
        for (int column = 0; column + 1 < view->model()->columnCount(); ++column)
            view->resizeColumnToContents(column);
    updateTabTitles();
}

void VpcAccountPicker::syncChecks()
{
    m_syncing = true;
    for (const auto &[model, ids] : { std::pair { m_subnetModel, m_editor->subnetIds() },
             std::pair { m_groupModel, m_editor->securityGroupIds() } }) {
        for (int row = 0; row < model->rowCount(); ++row) {
            QStandardItem *item = model->item(row, 0);
            const Qt::CheckState state = ids.contains(item->text()) ? Qt::Checked : Qt::Unchecked;
            if (item->checkState() != state)
                item->setCheckState(state);
        }
    }
    m_syncing = false;
}

void VpcAccountPicker::onItemChanged(QStandardItem *item)
{
    if (m_syncing || item->column() != 0)
        return;
    const bool isSubnet = item->model() == m_subnetModel;
    QStringList ids = isSubnet ? m_editor->subnetIds() : m_editor->securityGroupIds();
    const QString id = item->text();
    if (item->checkState() == Qt::Checked && !ids.contains(id))
        ids.append(id);
    else if (item->checkState() == Qt::Unchecked)
        ids.removeAll(id);
    else
        return;
    if (isSubnet)
        m_editor->setSubnetIds(ids);
    else
        m_editor->setSecurityGroupIds(ids);
}

void VpcAccountPicker::updateStatus()
{
    QStringList lines;
    const bool loading = std::any_of(std::begin(m_loading), std::end(m_loading), [](bool l) { return l; });
    if (loading)
        lines.append(tr("Reading the account's VPCs, subnets and security groups…"));
    lines += m_errors;
    if (!loading && m_errors.isEmpty() && m_vpcChooser->count() == 0 && m_requested)
        lines.append(tr("This account has no VPC in this region. Type or paste the IDs below."));
    m_status->setText(lines.join(u'\n'));
    m_status->setVisible(!lines.isEmpty());
}

void VpcAccountPicker::updateTabTitles()
{
    m_tabs->setTabText(0, tr("Subnets (%1)").arg(m_subnetFilter->rowCount()));
    m_tabs->setTabText(1, tr("Security groups (%1)").arg(m_groupFilter->rowCount()));
}

void VpcAccountPicker::updateAccountIds()
{
    if (!m_loaded[index(Lookup::Subnets)] || !m_loaded[index(Lookup::SecurityGroups)]) {
        // Half a picture would mark every ID of the other kind as unknown.
        m_editor->clearAccountIds();
        return;
    }
    QStringList subnetIds;
    for (const Ec2Subnet &s : std::as_const(m_subnets))
        subnetIds.append(s.subnetId);
    QStringList groupIds;
    for (const Ec2SecurityGroup &g : std::as_const(m_groups))
        groupIds.append(g.groupId);
    m_editor->setAccountIds(groupIds, subnetIds);
}
