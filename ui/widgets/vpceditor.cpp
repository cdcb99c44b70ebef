#include "ui/widgets/vpceditor.h"

#include "ui/widgets/fieldmark.h"
#include "ui/widgets/idlisteditor.h"
#include "ui/widgets/specpath.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

const QString securityGroupsMember = u"SecurityGroupIds"_s;
const QString subnetsMember = u"Subnets"_s;

QStringList stringsOf(const QJsonValue &value)
{
    QStringList result;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        result << (item.isString() ? item.toString() : item.toVariant().toString());
    return result;
}

} // namespace

VpcEditor::VpcEditor(const QString &pathPrefix, QWidget *parent)
    : SpecFieldEditor(pathPrefix, parent)
    , m_group(new QGroupBox(tr("Connect to a VPC"), this))
    , m_lists(new QWidget(m_group))
    , m_offHint(new QLabel(m_group))
    , m_problems(new QLabel(m_group))
    , m_securityGroups(new IdListEditor(
          { u"securityGroup"_s, tr("Security groups"), tr("security group"), u"sg-"_s, 5 }, m_lists))
    , m_subnets(new IdListEditor({ u"subnet"_s, tr("Subnets"), tr("subnet"), u"subnet-"_s, 16 }, m_lists))
{
    m_group->setObjectName(u"vpcEnabled"_s);
    m_group->setCheckable(true);
    m_group->setChecked(false);
    m_group->setToolTip(tr("Run the containers inside your VPC, with these security groups and subnets. "
                           "Off: no VpcConfig is sent."));
    m_offHint->setObjectName(u"vpcOffHint"_s);
    m_offHint->setText(
        tr("Off: the request has no VpcConfig, and the containers use SageMaker's own network."));
    m_offHint->setWordWrap(true);
    m_problems->setObjectName(u"vpcProblems"_s);
    m_problems->setTextFormat(Qt::RichText);
    m_problems->setWordWrap(true);

    auto *listsLayout = new QHBoxLayout(m_lists);
    listsLayout->setContentsMargins(0, 0, 0, 0);
    listsLayout->setSpacing(18);
    listsLayout->addWidget(m_securityGroups, 1);
    listsLayout->addWidget(m_subnets, 1);

    auto *groupLayout = new QVBoxLayout(m_group);
    groupLayout->addWidget(m_offHint);
    groupLayout->addWidget(m_problems);
    groupLayout->addWidget(m_lists);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_group);

    setFocusProxy(m_group);
    setTabOrder(m_group, m_securityGroups->firstInTabOrder());
    setTabOrder(m_securityGroups->lastInTabOrder(), m_subnets->firstInTabOrder());

    connect(m_group, &QGroupBox::toggled, this, [this] {
        updateOnOff();
        emit changed();
    });
    connect(m_securityGroups, &IdListEditor::changed, this, &VpcEditor::changed);
    connect(m_subnets, &IdListEditor::changed, this, &VpcEditor::changed);
    updateOnOff();
}

bool VpcEditor::usesVpc() const
{
    return m_group->isChecked();
}

void VpcEditor::setUsesVpc(bool on)
{
    const QSignalBlocker blocker(m_group);
    m_group->setChecked(on);
    updateOnOff();
}

QStringList VpcEditor::securityGroupIds() const
{
    return m_securityGroups->ids();
}

QStringList VpcEditor::subnetIds() const
{
    return m_subnets->ids();
}

void VpcEditor::setAccountIds(const QStringList &securityGroupIds, const QStringList &subnetIds)
{
    m_securityGroups->setKnownIds(securityGroupIds);
    m_subnets->setKnownIds(subnetIds);
}

void VpcEditor::clearAccountIds()
{
    m_securityGroups->setKnownIds(std::nullopt);
    m_subnets->setKnownIds(std::nullopt);
}

void VpcEditor::setAccountPanel(QWidget *panel)
{
    delete m_accountPanel;
    m_accountPanel = panel;
    auto *layout = static_cast<QVBoxLayout *>(m_group->layout());
    layout->insertWidget(layout->indexOf(m_lists), panel);
    updateOnOff();
}

void VpcEditor::setSecurityGroupIds(const QStringList &ids)
{
    m_securityGroups->setIds(ids);
    emit changed();
}

void VpcEditor::setSubnetIds(const QStringList &ids)
{
    m_subnets->setIds(ids);
    emit changed();
}

QJsonValue VpcEditor::toJson() const
{
    if (!usesVpc())
        return QJsonValue(QJsonValue::Undefined);
    QJsonObject config = m_unknownMembers;
    config.insert(securityGroupsMember, QJsonArray::fromStringList(m_securityGroups->ids()));
    config.insert(subnetsMember, QJsonArray::fromStringList(m_subnets->ids()));
    return config;
}

void VpcEditor::setJson(const QJsonValue &value)
{
    const QJsonObject config = value.toObject();
    m_unknownMembers = config;
    m_unknownMembers.remove(securityGroupsMember);
    m_unknownMembers.remove(subnetsMember);
    m_securityGroups->setIds(stringsOf(config.value(securityGroupsMember)));
    m_subnets->setIds(stringsOf(config.value(subnetsMember)));
    setUsesVpc(value.isObject());
    showDiagnostics({});
}

void VpcEditor::showDiagnostics(const Diagnostics &diagnostics)
{
    Diagnostics general;
    QList<Diagnostics> perSecurityGroup;
    QList<Diagnostics> perSubnet;
    Diagnostics securityGroupList;
    Diagnostics subnetList;
    for (const Diagnostic &d : diagnosticsBelow(diagnostics)) {
        const QList<JsonPath::Segment> segments = SpecPath::segments(d.path);
        const QString member = segments.isEmpty() ? QString() : SpecPath::nameOf(segments.first());
        const bool isSecurityGroups = member == securityGroupsMember;
        if (!isSecurityGroups && member != subnetsMember) {
            general << d;
            continue;
        }
        QList<Diagnostics> &perId = isSecurityGroups ? perSecurityGroup : perSubnet;
        if (segments.size() > 1 && segments.at(1).kind == JsonPath::Segment::Kind::Index) {
            const qsizetype index = segments.at(1).index;
            if (perId.size() <= index)
                perId.resize(index + 1);
            perId[index] << d;
        } else {
            (isSecurityGroups ? securityGroupList : subnetList) << d;
        }
    }
    m_securityGroups->setDiagnostics(perSecurityGroup, securityGroupList);
    m_subnets->setDiagnostics(perSubnet, subnetList);

    QList<std::pair<QString, Diagnostic>> listed;
    for (const Diagnostic &d : std::as_const(general))
        listed.append({ QString(), d });
    m_problems->setText(FieldMark::problemListHtml(listed));
    m_problems->setVisible(!listed.isEmpty());
}

bool VpcEditor::focusPath(const QString &path)
{
    const std::optional<QList<JsonPath::Segment>> segments = SpecPath::segmentsBelow(path, pathPrefix());
    if (!segments)
        return false;
    const QString member = segments->isEmpty() ? QString() : SpecPath::nameOf(segments->first());
    IdListEditor *list = member == securityGroupsMember ? m_securityGroups
        : member == subnetsMember                       ? m_subnets
                                                        : nullptr;
    if (!list || !usesVpc()) {
        m_group->setFocus(Qt::OtherFocusReason);
        return true;
    }
    if (segments->size() > 1 && segments->at(1).kind == JsonPath::Segment::Kind::Index)
        list->focusId(int(segments->at(1).index));
    else
        list->focusInput();
    return true;
}

Diagnostics VpcEditor::inputDiagnostics() const
{
    if (!usesVpc())
        return {};
    Diagnostics result;
    for (const auto &[member, list] :
        { std::pair { securityGroupsMember, m_securityGroups }, std::pair { subnetsMember, m_subnets } }) {
        const QList<Diagnostics> problems = list->localProblems();
        for (int i = 0; i < problems.size(); ++i) {
            for (Diagnostic d : problems.at(i)) {
                if (d.code != "malformedId"_L1 && d.code != "notInAccount"_L1)
                    continue;
                d.path = JsonPath::index(JsonPath::member(pathPrefix(), member), i);
                result << d;
            }
        }
    }
    return result;
}

void VpcEditor::updateOnOff()
{
    m_lists->setVisible(usesVpc());
    if (m_accountPanel)
        m_accountPanel->setVisible(usesVpc());
    m_offHint->setVisible(!usesVpc());
    if (!usesVpc())
        m_problems->setVisible(false);
}
