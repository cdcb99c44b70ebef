#pragma once

#include "core/ec2/ec2types.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItem;
class QStandardItemModel;
class QTabWidget;
class QToolButton;
class QTreeView;
class VpcEditor;

// "Pick from the account" for the VPC editor: a VPC chooser, and searchable lists of that VPC's subnets (ID,
// Name tag, availability zone, CIDR, free IP addresses) and security groups (ID, group name, description).
// A row's check box says whether its ID is in the editor's list; ticking adds it, unticking removes it,
// and IDs typed or pasted into the editor tick their rows. Once the account's lists have arrived, the
// editor marks listed IDs the account does not have.
//
// The picker never calls EC2: it emits what it wants (on first show, and on Refresh) and shows what its
// setters are given; VpcPickerController answers with the EC2 client. It asks for the whole region's
// subnets and security groups, not one VPC's, because marking unknown IDs needs them all and the chooser
// then switches VPCs without another call.
//
// Children: "vpcChooser", "refreshAccount", "accountStatus", "accountSearch", "accountTabs",
// "subnetPicker", "securityGroupPicker".
class VpcAccountPicker : public QWidget
{
    Q_OBJECT

public:
    enum class Lookup { Vpcs, Subnets, SecurityGroups };

    // Puts itself into editor's VPC group (VpcEditor::setAccountPanel) and follows its lists.
    explicit VpcAccountPicker(VpcEditor *editor);

    void setVpcs(const QList<Ec2Vpc> &vpcs);
    void setSubnets(const QList<Ec2Subnet> &subnets);
    void setSecurityGroups(const QList<Ec2SecurityGroup> &groups);
    // A request could not be answered: the message is shown (until the next refresh), and unknown IDs are
    // no longer marked when the subnets or security groups are missing.
    void showLookupError(Lookup what, const QString &message);
    // Waiting for an answer to what.
    bool isLoading(Lookup what) const;

    QString currentVpcId() const;
    void setCurrentVpcId(const QString &vpcId);
    // The IDs the lists show now (after the VPC choice and the search), in display order.
    QStringList listedSubnetIds() const;
    QStringList listedSecurityGroupIds() const;

public slots:
    // Forgets what was loaded and emits the three requests.
    void refresh();

signals:
    void vpcsWanted();
    void subnetsWanted();
    void securityGroupsWanted();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void fillVpcChooser();
    void fillLists();
    void syncChecks();
    void onItemChanged(QStandardItem *item);
    void updateStatus();
    void updateTabTitles();
    void updateAccountIds();
    QString preferredVpc() const;

    VpcEditor *m_editor;
    QComboBox *m_vpcChooser;
    QToolButton *m_refresh;
    QLabel *m_status;
    QLineEdit *m_search;
    QTabWidget *m_tabs;
    QTreeView *m_subnetView;
    QTreeView *m_groupView;
    QStandardItemModel *m_subnetModel;
    QStandardItemModel *m_groupModel;
    QSortFilterProxyModel *m_subnetFilter;
    QSortFilterProxyModel *m_groupFilter;

    QList<Ec2Vpc> m_vpcs;
    QList<Ec2Subnet> m_subnets;
    QList<Ec2SecurityGroup> m_groups;
    // Per Lookup: answered (the list above is the account's), and waiting for an answer.
    bool m_loaded[3] = { false, false, false };
    bool m_loading[3] = { false, false, false };
    QStringList m_errors;
    bool m_requested = false;
    bool m_userChoseVpc = false;
    bool m_syncing = false;
};
