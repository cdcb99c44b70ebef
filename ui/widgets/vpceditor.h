#pragma once

#include "ui/widgets/specfieldeditor.h"

#include <QJsonObject>

class IdListEditor;
class QGroupBox;
class QLabel;

// VpcConfig for both create forms: a switch (off leaves VpcConfig out of the request entirely) and two lists,
// security-group IDs (1-5) and subnet IDs (1-16), each with add, remove, edit and paste-many, and marks on
// malformed, duplicate or unknown IDs.
//
// Children: "vpcEnabled" (the checkable group box), "vpcOffHint", "vpcProblems", and the two lists' children
// (see IdListEditor) named "securityGroup..." and "subnet...".
class VpcEditor : public SpecFieldEditor
{
    Q_OBJECT

public:
    explicit VpcEditor(const QString &pathPrefix = QStringLiteral("VpcConfig"), QWidget *parent = nullptr);

    // Switching off keeps the lists in the widget (switching on again brings them back) but not in toJson().
    bool usesVpc() const;
    void setUsesVpc(bool on);
    QStringList securityGroupIds() const;
    QStringList subnetIds() const;

    // The hook for "pick from the account": the IDs the account has in the current region. They are offered
    // as completions, and listed IDs not among them are marked. clearAccountIds() forgets them (no marks).
    void setAccountIds(const QStringList &securityGroupIds, const QStringList &subnetIds);
    void clearAccountIds();
    // The "pick from the account" panel (VpcAccountPicker): shown above the lists while the VPC is on. The
    // editor takes ownership; the panel's children keep their own names.
    void setAccountPanel(QWidget *panel);
    // Replace a list as an edit by the user would (emits changed()).
    void setSecurityGroupIds(const QStringList &ids);
    void setSubnetIds(const QStringList &ids);

    // {"SecurityGroupIds": [...], "Subnets": [...]} plus any members this widget does not know; Undefined
    // when off.
    QJsonValue toJson() const override;
    void setJson(const QJsonValue &value) override;
    void showDiagnostics(const Diagnostics &diagnostics) override;
    bool focusPath(const QString &path) override;
    // Malformed IDs (codes "malformedId") and IDs the account does not have ("notInAccount", warnings).
    Diagnostics inputDiagnostics() const override;

private:
    void updateOnOff();

    QGroupBox *m_group;
    QWidget *m_lists;
    QLabel *m_offHint;
    QLabel *m_problems;
    QWidget *m_accountPanel = nullptr;
    IdListEditor *m_securityGroups;
    IdListEditor *m_subnets;
    QJsonObject m_unknownMembers;
};
