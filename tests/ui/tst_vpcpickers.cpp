#include "core/ec2/ec2client.h"
#include "tests/support/ec2setup.h"
#include "tests/support/motoserver.h"
#include "ui/network/vpcaccountpicker.h"
#include "ui/network/vpcfindingslist.h"
#include "ui/network/vpcpickercontroller.h"
#include "ui/widgets/vpceditor.h"
#include "uitestsupport.h"

#include <QComboBox>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace Qt::StringLiterals;

// The account pickers of the VPC editor, offscreen: the VPC chooser and the searchable subnet and security
// group lists show what the account has, ticking a row adds its ID to the editor and typing an ID ticks
// its row, IDs the account lacks are marked, lookups start only when the VPC is switched on, failures are
// told; the findings list of the pre-flight check; and, against moto_server, the controller filling the
// pickers through the EC2 client.
class TestVpcPickers : public QObject
{
    Q_OBJECT

private slots:
    void asksOnlyWhenTheVpcIsOn();
    void listsTheChosenVpc();
    void chooserStartsAtTheVpcOfListedIds();
    void searchFiltersBothLists_data();
    void searchFiltersBothLists();
    void tickingAddsAndRemovesIds();
    void typedAndPastedIdsTickTheirRows();
    void unknownIdsAreMarked();
    void failuresAreToldAndStopMarking();
    void chooserWithoutDescribeVpcs();
    void findingsList();
    void controllerAgainstMoto();

private:
    struct Fixture
    {
        VpcEditor editor;
        VpcAccountPicker *picker;
        Fixture()
            : picker(new VpcAccountPicker(&editor))
        {
            editor.setUsesVpc(true);
            editor.resize(900, 700);
        }
        // What the account has: vpc-aaaa (default, 2 subnets, 2 groups) and vpc-bbbb (1 subnet, 1 group).
        void load()
        {
            picker->setVpcs({ { u"vpc-aaaa1111"_s, u"172.31.0.0/16"_s, u"available"_s, true, {} },
                { u"vpc-bbbb2222"_s, u"10.0.0.0/16"_s, u"available"_s, false,
                    { { u"Name"_s, u"training"_s } } } });
            picker->setSubnets({ subnet(u"subnet-a1a1a1a1"_s, u"vpc-aaaa1111"_s, u"us-east-1a"_s,
                                     u"172.31.0.0/20"_s, 4091),
                subnet(u"subnet-a2a2a2a2"_s, u"vpc-aaaa1111"_s, u"us-east-1b"_s, u"172.31.16.0/20"_s, 4089),
                subnet(u"subnet-b1b1b1b1"_s, u"vpc-bbbb2222"_s, u"us-east-1c"_s, u"10.0.3.0/28"_s, 11,
                    u"tiny"_s) });
            picker->setSecurityGroups({ group(u"sg-aaaa0001"_s, u"vpc-aaaa1111"_s, u"default"_s,
                                            u"default VPC security group"_s),
                group(u"sg-aaaa0002"_s, u"vpc-aaaa1111"_s, u"train"_s, u"SageMaker training"_s),
                group(u"sg-bbbb0001"_s, u"vpc-bbbb2222"_s, u"default"_s, u"default VPC security group"_s) });
        }
        static Ec2Subnet subnet(const QString &id, const QString &vpc, const QString &zone,
            const QString &cidr, int free, const QString &name = {})
        {
            Ec2Subnet s;
            s.subnetId = id;
            s.vpcId = vpc;
            s.availabilityZone = zone;
            s.cidrBlock = cidr;
            s.availableIpAddressCount = free;
            if (!name.isEmpty())
                s.tags = { { u"Name"_s, name } };
            return s;
        }
        static Ec2SecurityGroup group(
            const QString &id, const QString &vpc, const QString &name, const QString &description)
        {
            Ec2SecurityGroup g;
            g.groupId = id;
            g.vpcId = vpc;
            g.groupName = name;
            g.description = description;
            return g;
        }
        QTreeView *subnetView() { return child<QTreeView>(&editor, u"subnetPicker"_s); }
        QTreeView *groupView() { return child<QTreeView>(&editor, u"securityGroupPicker"_s); }
        // The cells of a list's row, as shown.
        static QStringList row(QTreeView *view, int row)
        {
            QStringList cells;
            for (int column = 0; column < view->model()->columnCount(); ++column)
                cells.append(view->model()->index(row, column).data().toString());
            return cells;
        }
        static int rowOf(QTreeView *view, const QString &id)
        {
            for (int row = 0; row < view->model()->rowCount(); ++row)
                if (view->model()->index(row, 0).data().toString() == id)
                    return row;
            return -1;
        }
        static bool isTicked(QTreeView *view, const QString &id)
        {
            const int row = rowOf(view, id);
            return row >= 0 && view->model()->index(row, 0).data(Qt::CheckStateRole).toInt() == Qt::Checked;
        }
        static void tick(QTreeView *view, const QString &id, bool on)
        {
            view->model()->setData(view->model()->index(rowOf(view, id), 0), on ? Qt::Checked : Qt::Unchecked,
                Qt::CheckStateRole);
        }
    };
};

void TestVpcPickers::asksOnlyWhenTheVpcIsOn()
{
    VpcEditor editor;
    auto *picker = new VpcAccountPicker(&editor);
    QSignalSpy vpcs(picker, &VpcAccountPicker::vpcsWanted);
    QSignalSpy subnets(picker, &VpcAccountPicker::subnetsWanted);
    QSignalSpy groups(picker, &VpcAccountPicker::securityGroupsWanted);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QCOMPARE(vpcs.size(), 0); // a job without a VPC never asks EC2
    QVERIFY(!picker->isVisible());

    child<QGroupBox>(&editor, u"vpcEnabled"_s)->setChecked(true);
    QTRY_VERIFY(picker->isVisible());
    QCOMPARE(vpcs.size(), 1);
    QCOMPARE(subnets.size(), 1);
    QCOMPARE(groups.size(), 1);
    QVERIFY(picker->isLoading(VpcAccountPicker::Lookup::Subnets));
    QVERIFY(child<QLabel>(&editor, u"accountStatus"_s)->text().startsWith(u"Reading the account's"_s));

    // Off and on again: no second round; Refresh asks again.
    child<QGroupBox>(&editor, u"vpcEnabled"_s)->setChecked(false);
    child<QGroupBox>(&editor, u"vpcEnabled"_s)->setChecked(true);
    QCOMPARE(vpcs.size(), 1);
    QTest::mouseClick(child<QToolButton>(&editor, u"refreshAccount"_s), Qt::LeftButton);
    QCOMPARE(vpcs.size(), 2);
    QCOMPARE(subnets.size(), 2);
    QCOMPARE(groups.size(), 2);
}

void TestVpcPickers::listsTheChosenVpc()
{
    Fixture f;
    f.load();
    QComboBox *chooser = child<QComboBox>(&f.editor, u"vpcChooser"_s);
    QCOMPARE(chooser->count(), 2);
    QCOMPARE(chooser->itemText(0), u"vpc-aaaa1111 · 172.31.0.0/16 (default VPC)"_s);
    QCOMPARE(chooser->itemText(1), u"vpc-bbbb2222 · training · 10.0.0.0/16"_s);
    QCOMPARE(f.picker->currentVpcId(), u"vpc-aaaa1111"_s); // the default VPC when nothing is listed yet
    QCOMPARE(f.picker->listedSubnetIds(), (QStringList { u"subnet-a1a1a1a1"_s, u"subnet-a2a2a2a2"_s }));
    QCOMPARE(f.picker->listedSecurityGroupIds(), (QStringList { u"sg-aaaa0001"_s, u"sg-aaaa0002"_s }));

    chooser->setCurrentIndex(1);
    QCOMPARE(f.picker->listedSubnetIds(), QStringList { u"subnet-b1b1b1b1"_s });
    QCOMPARE(Fixture::row(f.subnetView(), 0),
        (QStringList { u"subnet-b1b1b1b1"_s, u"tiny"_s, u"us-east-1c"_s, u"10.0.3.0/28"_s, u"11"_s }));
    QCOMPARE(Fixture::row(f.groupView(), 0),
        (QStringList { u"sg-bbbb0001"_s, u"default"_s, u"default VPC security group"_s }));
    QTabWidget *tabs = child<QTabWidget>(&f.editor, u"accountTabs"_s);
    QCOMPARE(tabs->tabText(0), u"Subnets (1)"_s);
    QCOMPARE(tabs->tabText(1), u"Security groups (1)"_s);
    QVERIFY(!child<QLabel>(&f.editor, u"accountStatus"_s)->isVisibleTo(&f.editor));
}

void TestVpcPickers::chooserStartsAtTheVpcOfListedIds()
{
    Fixture f;
    f.editor.setSubnetIds({ u"subnet-b1b1b1b1"_s });
    f.load();
    QCOMPARE(f.picker->currentVpcId(), u"vpc-bbbb2222"_s);
    QVERIFY(Fixture::isTicked(f.subnetView(), u"subnet-b1b1b1b1"_s));

    // Once the user picked a VPC, new answers (Refresh) keep it.
    QComboBox *chooser = child<QComboBox>(&f.editor, u"vpcChooser"_s);
    chooser->setCurrentIndex(0);
    emit chooser->activated(0);
    f.load();
    QCOMPARE(f.picker->currentVpcId(), u"vpc-aaaa1111"_s);
}

void TestVpcPickers::searchFiltersBothLists_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("subnets");
    QTest::addColumn<QStringList>("groups");
    QTest::newRow("zone") << u"1B"_s << QStringList { u"subnet-a2a2a2a2"_s } << QStringList();
    QTest::newRow("CIDR") << u"172.31.16"_s << QStringList { u"subnet-a2a2a2a2"_s } << QStringList();
    QTest::newRow("part of an ID") << u"a1a1"_s << QStringList { u"subnet-a1a1a1a1"_s } << QStringList();
    QTest::newRow("description") << u"sagemaker"_s << QStringList() << QStringList { u"sg-aaaa0002"_s };
    QTest::newRow("free addresses") << u"4091"_s << QStringList { u"subnet-a1a1a1a1"_s } << QStringList();
    QTest::newRow("nothing") << u"zzz"_s << QStringList() << QStringList();
    QTest::newRow("everything") << QString() << QStringList { u"subnet-a1a1a1a1"_s, u"subnet-a2a2a2a2"_s }
                                << QStringList { u"sg-aaaa0001"_s, u"sg-aaaa0002"_s };
}

void TestVpcPickers::searchFiltersBothLists()
{
    QFETCH(QString, search);
    QFETCH(QStringList, subnets);
    QFETCH(QStringList, groups);
    Fixture f;
    f.load();
    f.editor.show();
    QLineEdit *field = child<QLineEdit>(&f.editor, u"accountSearch"_s);
    QTest::keyClicks(field, search);
    QCOMPARE(f.picker->listedSubnetIds(), subnets);
    QCOMPARE(f.picker->listedSecurityGroupIds(), groups);
    QCOMPARE(
        child<QTabWidget>(&f.editor, u"accountTabs"_s)->tabText(0), u"Subnets (%1)"_s.arg(subnets.size()));
}

void TestVpcPickers::tickingAddsAndRemovesIds()
{
    Fixture f;
    f.load();
    QSignalSpy changed(&f.editor, &SpecFieldEditor::changed);
    Fixture::tick(f.subnetView(), u"subnet-a2a2a2a2"_s, true);
    Fixture::tick(f.subnetView(), u"subnet-a1a1a1a1"_s, true);
    Fixture::tick(f.groupView(), u"sg-aaaa0002"_s, true);
    QCOMPARE(f.editor.subnetIds(), (QStringList { u"subnet-a2a2a2a2"_s, u"subnet-a1a1a1a1"_s }));
    QCOMPARE(f.editor.securityGroupIds(), QStringList { u"sg-aaaa0002"_s });
    QCOMPARE(changed.size(), 3);

    Fixture::tick(f.subnetView(), u"subnet-a2a2a2a2"_s, false);
    QCOMPARE(f.editor.subnetIds(), QStringList { u"subnet-a1a1a1a1"_s });

    // Double-clicking a row ticks it too.
    QTreeView *view = f.groupView();
    f.editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.editor));
    child<QTabWidget>(&f.editor, u"accountTabs"_s)->setCurrentWidget(view);
    const QRect cell = view->visualRect(view->model()->index(Fixture::rowOf(view, u"sg-aaaa0001"_s), 2));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center()); // a double-click's first press
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(f.editor.securityGroupIds(), (QStringList { u"sg-aaaa0002"_s, u"sg-aaaa0001"_s }));
    QVERIFY(Fixture::isTicked(view, u"sg-aaaa0001"_s));
    QCOMPARE(f.editor.toJson().toObject().value(u"SecurityGroupIds"_s).toArray().size(), 2);
    saveScreenshot(&f.editor, u"vpcpickers-ticked"_s);
}

void TestVpcPickers::typedAndPastedIdsTickTheirRows()
{
    Fixture f;
    f.load();
    f.editor.show();
    QLineEdit *input = child<QLineEdit>(&f.editor, u"subnetInput"_s);
    QTest::keyClicks(input, u"subnet-a1a1a1a1, subnet-0123abcd"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(f.editor.subnetIds(), (QStringList { u"subnet-a1a1a1a1"_s, u"subnet-0123abcd"_s }));
    QVERIFY(Fixture::isTicked(f.subnetView(), u"subnet-a1a1a1a1"_s));
    QVERIFY(!Fixture::isTicked(f.subnetView(), u"subnet-a2a2a2a2"_s));

    // Removing in the editor unticks.
    f.editor.setSubnetIds({ u"subnet-0123abcd"_s });
    QVERIFY(!Fixture::isTicked(f.subnetView(), u"subnet-a1a1a1a1"_s));
}

void TestVpcPickers::unknownIdsAreMarked()
{
    Fixture f;
    f.editor.setJson(
        QJsonObject { { u"SecurityGroupIds"_s, QJsonArray { u"sg-aaaa0002"_s, u"sg-0000dead"_s } },
            { u"Subnets"_s, QJsonArray { u"subnet-b1b1b1b1"_s, u"subnet-0000dead"_s } } });
    QVERIFY(f.editor.inputDiagnostics().isEmpty()); // nothing known yet: nothing marked

    f.picker->setVpcs({});
    f.picker->setSubnets(
        { Fixture::subnet(u"subnet-b1b1b1b1"_s, u"vpc-bbbb2222"_s, u"us-east-1c"_s, u"10.0.3.0/28"_s, 11) });
    QVERIFY(f.editor.inputDiagnostics().isEmpty()); // half a picture marks nothing
    f.load();
    QStringList marked;
    for (const Diagnostic &d : f.editor.inputDiagnostics())
        marked.append(d.code + u'@' + d.path);
    QCOMPARE(marked,
        (QStringList {
            u"notInAccount@VpcConfig.SecurityGroupIds[1]"_s, u"notInAccount@VpcConfig.Subnets[1]"_s }));
    // An ID from another VPC exists in the account: not marked here (the pre-flight check reports it).
    QCOMPARE(child<QListWidget>(&f.editor, u"subnetList"_s)->item(1)->toolTip(),
        u"This account and region have no subnet with this ID."_s);
    saveScreenshot(&f.editor, u"vpcpickers-unknown-ids"_s);
}

void TestVpcPickers::failuresAreToldAndStopMarking()
{
    Fixture f;
    f.editor.setSubnetIds({ u"subnet-0000dead"_s });
    f.picker->refresh();
    f.load();
    QCOMPARE(f.editor.inputDiagnostics().size(), 1);

    f.picker->refresh();
    f.picker->setVpcs({});
    f.picker->showLookupError(VpcAccountPicker::Lookup::Subnets,
        u"These AWS credentials may not list the account's subnets (ec2:DescribeSubnets)."_s);
    f.picker->setSecurityGroups({});
    QVERIFY(f.editor.inputDiagnostics().isEmpty());
    QLabel *status = child<QLabel>(&f.editor, u"accountStatus"_s);
    QCOMPARE(
        status->text(), u"These AWS credentials may not list the account's subnets (ec2:DescribeSubnets)."_s);
    QVERIFY(!f.picker->isLoading(VpcAccountPicker::Lookup::Subnets));

    // Typing still works.
    QVERIFY(child<QLineEdit>(&f.editor, u"subnetInput"_s)->isEnabled());
    f.picker->refresh();
    QVERIFY(status->text().startsWith(u"Reading"_s));
}

void TestVpcPickers::chooserWithoutDescribeVpcs()
{
    Fixture f;
    f.picker->refresh();
    f.picker->showLookupError(VpcAccountPicker::Lookup::Vpcs, u"no VPCs for you"_s);
    f.picker->setSubnets(
        { Fixture::subnet(u"subnet-b1b1b1b1"_s, u"vpc-bbbb2222"_s, u"us-east-1c"_s, u"10.0.3.0/28"_s, 11) });
    f.picker->setSecurityGroups({});
    QComboBox *chooser = child<QComboBox>(&f.editor, u"vpcChooser"_s);
    QCOMPARE(chooser->count(), 1);
    QCOMPARE(chooser->itemText(0), u"vpc-bbbb2222"_s);
    QCOMPARE(f.picker->listedSubnetIds(), QStringList { u"subnet-b1b1b1b1"_s });
}

void TestVpcPickers::findingsList()
{
    VpcFindingsList list;
    list.resize(700, 300);
    QLabel *summary = child<QLabel>(&list, u"vpcFindingsSummary"_s);
    QListWidget *rows = child<QListWidget>(&list, u"vpcFindings"_s);
    list.setChecking();
    QCOMPARE(summary->text(), u"Checking the VPC settings with EC2…"_s);
    QCOMPARE(rows->count(), 0);

    const Diagnostics findings {
        { u"VpcConfig.Subnets[1]"_s, Diagnostic::Severity::Error, u"subnetNotFound"_s,
            u"This account has no subnet subnet-0000dead in us-east-1. Check the ID and the region."_s },
        { u"VpcConfig.Subnets"_s, Diagnostic::Severity::Warning, u"noRouteToS3"_s,
            u"Route table rtb-1 (used by subnet-1) has no route to Amazon S3."_s },
        { u"VpcConfig.Subnets"_s, Diagnostic::Severity::Info, u"singleAvailabilityZone"_s,
            u"All subnets are in one availability zone (us-east-1a)."_s },
    };
    list.setFindings(findings);
    QCOMPARE(rows->count(), 3);
    QCOMPARE(rows->item(0)->text(), findings[0].message);
    QCOMPARE(rows->item(1)->toolTip(), u"noRouteToS3"_s);
    const auto image = [rows](int row) { return rows->item(row)->icon().pixmap(16).toImage(); };
    QVERIFY(!image(0).isNull());
    QVERIFY(image(0) != image(1) && image(1) != image(2)); // one icon per severity
    QCOMPARE(summary->text(), u"1 error: the job would fail in this network. Also 1 warning."_s);
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    saveScreenshot(&list, u"vpcfindings"_s);

    QSignalSpy activated(&list, &VpcFindingsList::findingActivated);
    rows->setCurrentRow(0);
    QTest::keyClick(rows, Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().value<Diagnostic>().path, u"VpcConfig.Subnets[1]"_s);

    list.setFindings({ findings[1] });
    QCOMPARE(summary->text(), u"1 warning about the VPC settings; you can still submit the job."_s);
    list.setFindings({ findings[1], findings[1], findings[2] });
    QCOMPARE(summary->text(), u"2 warnings about the VPC settings; you can still submit the job."_s);
    list.setFindings({ findings[2] });
    QCOMPARE(summary->text(), u"Notes about the VPC settings; nothing stands in the way."_s);
    list.setFindings({});
    QCOMPARE(summary->text(), u"No problems found with the VPC settings."_s);
    QVERIFY(!rows->isVisibleTo(&list));
}

void TestVpcPickers::controllerAgainstMoto()
{
    QVERIFY2(MotoServer::isAvailable(), "moto_server is not on PATH (scripts/install-deps.sh installs it)");
    MotoServer moto;
    QVERIFY2(moto.isRunning(), qPrintable(moto.errorString()));
    Ec2Setup setup(moto.endpoint());
    const std::optional<Ec2Setup::SampleNetworks> ids = setup.buildSampleNetworks();
    QVERIFY2(ids, qPrintable(setup.error()));
    Ec2Client client(setup.transport());

    Fixture f;
    f.editor.setJson(QJsonObject { { u"SecurityGroupIds"_s, QJsonArray { ids->train } },
        { u"Subnets"_s, QJsonArray { ids->cleanA, u"subnet-0000dead"_s } } });
    new VpcPickerController(f.picker, &client, f.picker);
    f.editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.editor));
    QTRY_VERIFY_WITH_TIMEOUT(!f.picker->isLoading(VpcAccountPicker::Lookup::Vpcs)
            && !f.picker->isLoading(VpcAccountPicker::Lookup::Subnets)
            && !f.picker->isLoading(VpcAccountPicker::Lookup::SecurityGroups),
        30000);

    // The chooser starts at the VPC of the listed subnet, which lists its three subnets and groups.
    QCOMPARE(f.picker->currentVpcId(), ids->cleanVpc);
    QVERIFY(child<QComboBox>(&f.editor, u"vpcChooser"_s)->currentText().contains(u"clean · 10.10.0.0/16"_s));
    QStringList subnets = f.picker->listedSubnetIds();
    subnets.sort();
    QStringList expected { ids->cleanA, ids->cleanB, ids->tiny };
    expected.sort();
    QCOMPARE(subnets, expected);
    const QStringList tiny = Fixture::row(f.subnetView(), Fixture::rowOf(f.subnetView(), ids->tiny));
    QCOMPARE(tiny, (QStringList { ids->tiny, u"tiny"_s, u"us-east-1c"_s, u"10.10.3.0/28"_s, u"11"_s }));
    QVERIFY(Fixture::isTicked(f.subnetView(), ids->cleanA));
    QVERIFY(f.picker->listedSecurityGroupIds().contains(ids->train));
    QVERIFY(Fixture::isTicked(f.groupView(), ids->train));
    const int train = Fixture::rowOf(f.groupView(), ids->train);
    QCOMPARE(Fixture::row(f.groupView(), train),
        (QStringList { ids->train, u"train"_s, u"SageMaker training"_s }));

    // The unknown subnet is marked, the real ones are not.
    const Diagnostics marks = f.editor.inputDiagnostics();
    QCOMPARE(marks.size(), 1);
    QCOMPARE(marks[0].path, u"VpcConfig.Subnets[1]"_s);
    saveScreenshot(&f.editor, u"vpcpickers-moto"_s);
}

QTEST_MAIN(TestVpcPickers)
#include "tst_vpcpickers.moc"
