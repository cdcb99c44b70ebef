#include "core/api/specvalidator.h"
#include "ui/widgets/fieldmark.h"
#include "ui/widgets/vpceditor.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QClipboard>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonValue json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

QListWidgetItem *item(VpcEditor &editor, const QString &list, int row)
{
    return child<QListWidget>(&editor, list)->item(row);
}

bool isMarkedError(QListWidgetItem *item)
{
    return item->foreground().color() == FieldMark::textColor(Diagnostic::Severity::Error);
}

} // namespace

class TestVpcEditor : public QObject
{
    Q_OBJECT

private slots:
    void jsonRoundTripKeepsUnknownMembers();
    void offStateRemovesVpcConfig();
    void typingSeveralIdsAddsThemAll();
    void pastingManyIntoTheFieldAddsThemAll();
    void pasteButtonSplitsIds_data();
    void pasteButtonSplitsIds();
    void malformedAndDuplicateIdsAreMarked();
    void idsOverTheLimitAreMarked();
    void accountIdsMarkUnknownOnes();
    void removeAndEditInPlace();
    void validatorDiagnostics();
    void realValidatorFindingsLandOnceInPlace();
    void focusPath();
    void tabOrder();
    void screenshot();
};

void TestVpcEditor::jsonRoundTripKeepsUnknownMembers()
{
    VpcEditor editor;
    QSignalSpy changed(&editor, &SpecFieldEditor::changed);
    const QJsonValue config = json(R"({"SecurityGroupIds":["sg-0123abcd"],
        "Subnets":["subnet-0123abcd","subnet-0123456789abcdef0"],"FutureMember":{"x":1}})");
    editor.setJson(config);
    QVERIFY(editor.usesVpc());
    QCOMPARE(editor.subnetIds(), QStringList({ u"subnet-0123abcd"_s, u"subnet-0123456789abcdef0"_s }));
    QCOMPARE(editor.toJson(), config);
    QCOMPARE(changed.size(), 0);
    QVERIFY(editor.inputDiagnostics().isEmpty());
}

void TestVpcEditor::offStateRemovesVpcConfig()
{
    VpcEditor editor;
    editor.setJson(json(R"({"SecurityGroupIds":["sg-0123abcd"],"Subnets":["subnet-0123abcd"]})"));
    editor.show();
    editor.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    QSignalSpy changed(&editor, &SpecFieldEditor::changed);
    auto *group = child<QGroupBox>(&editor, u"vpcEnabled"_s);

    group->setFocus();
    QTest::keyClick(group, Qt::Key_Space);
    QVERIFY(!editor.usesVpc());
    QVERIFY(editor.toJson().isUndefined());
    QCOMPARE(changed.size(), 1);
    QVERIFY(child<QLabel>(&editor, u"vpcOffHint"_s)->isVisible());
    QVERIFY(!child<QListWidget>(&editor, u"subnetList"_s)->isVisible());

    // Switching back on brings the lists back as they were.
    QTest::keyClick(group, Qt::Key_Space);
    QCOMPARE(editor.toJson(), json(R"({"SecurityGroupIds":["sg-0123abcd"],"Subnets":["subnet-0123abcd"]})"));

    editor.setJson(QJsonValue(QJsonValue::Undefined));
    QVERIFY(!editor.usesVpc());
    QVERIFY(editor.toJson().isUndefined());
}

void TestVpcEditor::typingSeveralIdsAddsThemAll()
{
    VpcEditor editor;
    editor.setUsesVpc(true);
    QSignalSpy changed(&editor, &SpecFieldEditor::changed);
    auto *input = child<QLineEdit>(&editor, u"securityGroupInput"_s);
    QTest::keyClicks(input, u"sg-0123abcd, sg-89abcdef  sg-deadbeef"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(
        editor.securityGroupIds(), QStringList({ u"sg-0123abcd"_s, u"sg-89abcdef"_s, u"sg-deadbeef"_s }));
    QCOMPARE(input->text(), QString());
    QCOMPARE(changed.size(), 1);

    QTest::keyClicks(child<QLineEdit>(&editor, u"subnetInput"_s), u"subnet-0123abcd"_s);
    QTest::mouseClick(child<QPushButton>(&editor, u"addSubnet"_s), Qt::LeftButton);
    QCOMPARE(editor.toJson(), json(R"({"SecurityGroupIds":["sg-0123abcd","sg-89abcdef","sg-deadbeef"],
        "Subnets":["subnet-0123abcd"]})"));
}

void TestVpcEditor::pastingManyIntoTheFieldAddsThemAll()
{
    VpcEditor editor;
    editor.setUsesVpc(true);
    editor.show();
    editor.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    auto *input = child<QLineEdit>(&editor, u"subnetInput"_s);
    input->setFocus();
    QApplication::clipboard()->setText(u"subnet-0123abcd\nsubnet-89abcdef,subnet-deadbeef"_s);
    QTest::keySequence(input, QKeySequence::Paste);
    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(editor.subnetIds(),
        QStringList({ u"subnet-0123abcd"_s, u"subnet-89abcdef"_s, u"subnet-deadbeef"_s }));
}

void TestVpcEditor::pasteButtonSplitsIds_data()
{
    QTest::addColumn<QString>("clipboard");
    QTest::addColumn<QStringList>("expected");
    const QStringList two { u"subnet-0123abcd"_s, u"subnet-89abcdef"_s };
    QTest::newRow("comma") << u"subnet-0123abcd,subnet-89abcdef"_s << two;
    QTest::newRow("comma and space") << u"subnet-0123abcd, subnet-89abcdef"_s << two;
    QTest::newRow("space") << u"subnet-0123abcd subnet-89abcdef"_s << two;
    QTest::newRow("newline, CRLF, trailing") << u"subnet-0123abcd\r\nsubnet-89abcdef\n"_s << two;
    QTest::newRow("tab and semicolon") << u"subnet-0123abcd\t;subnet-89abcdef"_s << two;
    QTest::newRow("nothing") << u" \n "_s << QStringList();
}

void TestVpcEditor::pasteButtonSplitsIds()
{
    QFETCH(QString, clipboard);
    VpcEditor editor;
    editor.setUsesVpc(true);
    QApplication::clipboard()->setText(clipboard);
    QTest::mouseClick(child<QPushButton>(&editor, u"pasteSubnets"_s), Qt::LeftButton);
    QTEST(editor.subnetIds(), "expected");
    QVERIFY(editor.securityGroupIds().isEmpty());
}

void TestVpcEditor::malformedAndDuplicateIdsAreMarked()
{
    VpcEditor editor;
    editor.setJson(json(R"({"SecurityGroupIds":["sg-0123abcd"],
        "Subnets":["subnet-0123abcd","subnet-xyz","subnet-0123abcd","subnet_1","subnet-0123456789abcdef0"]})"));
    const QString list = u"subnetList"_s;
    QVERIFY(!isMarkedError(item(editor, list, 0)));
    QVERIFY(isMarkedError(item(editor, list, 1)));
    QVERIFY(item(editor, list, 1)->toolTip().contains("Not a subnet ID"_L1));
    QVERIFY(isMarkedError(item(editor, list, 2)));
    QVERIFY(item(editor, list, 2)->toolTip().contains("Listed twice: the same ID is in row 1"_L1));
    QVERIFY(isMarkedError(item(editor, list, 3)));
    QVERIFY(item(editor, list, 3)->toolTip().contains("Only letters, digits and -"_L1));
    QVERIFY(!isMarkedError(item(editor, list, 4))); // the 17-digit form
    QVERIFY(child<QLabel>(&editor, u"subnetProblems"_s)->text().contains("subnet-xyz"_L1));

    // Duplicates and the API pattern are the validator's to report; the shape of real IDs is not.
    const Diagnostics problems = editor.inputDiagnostics();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().path, u"VpcConfig.Subnets[1]"_s);
    QCOMPARE(problems.first().code, u"malformedId"_s);
}

void TestVpcEditor::idsOverTheLimitAreMarked()
{
    VpcEditor editor;
    editor.setUsesVpc(true);
    auto *input = child<QLineEdit>(&editor, u"securityGroupInput"_s);
    QTest::keyClicks(input, u"sg-00000001 sg-00000002 sg-00000003 sg-00000004 sg-00000005 sg-00000006"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QVERIFY(!isMarkedError(item(editor, u"securityGroupList"_s, 4)));
    QVERIFY(isMarkedError(item(editor, u"securityGroupList"_s, 5)));
    QVERIFY(item(editor, u"securityGroupList"_s, 5)->toolTip().contains("At most 5"_L1));
    QCOMPARE(child<QLabel>(&editor, u"securityGroupCount"_s)->text(), u"6 of at most 5"_s);
}

void TestVpcEditor::accountIdsMarkUnknownOnes()
{
    VpcEditor editor;
    editor.setJson(
        json(R"({"SecurityGroupIds":["sg-0123abcd","sg-89abcdef"],"Subnets":["subnet-0123abcd"]})"));
    editor.setAccountIds({ u"sg-0123abcd"_s }, { u"subnet-0123abcd"_s });
    QListWidgetItem *unknown = item(editor, u"securityGroupList"_s, 1);
    QCOMPARE(unknown->foreground().color(), FieldMark::textColor(Diagnostic::Severity::Warning));
    QVERIFY(unknown->toolTip().contains("no security group with this ID"_L1));
    const Diagnostics problems = editor.inputDiagnostics();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().path, u"VpcConfig.SecurityGroupIds[1]"_s);
    QCOMPARE(problems.first().severity, Diagnostic::Severity::Warning);

    editor.clearAccountIds();
    QVERIFY(unknown->toolTip().isEmpty());
    QVERIFY(editor.inputDiagnostics().isEmpty());
}

void TestVpcEditor::removeAndEditInPlace()
{
    VpcEditor editor;
    editor.setJson(json(
        R"({"SecurityGroupIds":["sg-00000001","sg-00000002","sg-00000003"],"Subnets":["subnet-0123abcd"]})"));
    editor.show();
    editor.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    QSignalSpy changed(&editor, &SpecFieldEditor::changed);
    auto *list = child<QListWidget>(&editor, u"securityGroupList"_s);
    auto *remove = child<QPushButton>(&editor, u"removeSecurityGroup"_s);
    QVERIFY(!remove->isEnabled());

    list->setCurrentRow(1, QItemSelectionModel::ClearAndSelect);
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(editor.securityGroupIds(), QStringList({ u"sg-00000001"_s, u"sg-00000003"_s }));

    list->setFocus();
    list->setCurrentRow(0, QItemSelectionModel::ClearAndSelect);
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(editor.securityGroupIds(), QStringList({ u"sg-00000003"_s }));

    // Editing a row into two IDs splits it; editing it to nothing removes it.
    list->item(0)->setText(u"sg-0000000a, sg-0000000b"_s);
    QCOMPARE(editor.securityGroupIds(), QStringList({ u"sg-0000000a"_s, u"sg-0000000b"_s }));
    list->item(1)->setText(u" "_s);
    QCOMPARE(editor.securityGroupIds(), QStringList({ u"sg-0000000a"_s }));
    QCOMPARE(changed.size(), 4);
}

void TestVpcEditor::validatorDiagnostics()
{
    VpcEditor editor;
    editor.setJson(json(R"({"SecurityGroupIds":[],"Subnets":["subnet-0123abcd"]})"));
    editor.showDiagnostics({
        { u"VpcConfig"_s, Diagnostic::Severity::Error, u"vpcNeedsBothLists"_s, u"A VPC needs both lists."_s },
        { u"VpcConfig.SecurityGroupIds"_s, Diagnostic::Severity::Error, u"minCount"_s, u"At least one."_s },
        { u"VpcConfig.Subnets[0]"_s, Diagnostic::Severity::Warning, u"custom"_s, u"Subnet is full."_s },
        { u"VpcConfigOther"_s, Diagnostic::Severity::Error, u"custom"_s, u"Not ours."_s },
    });
    auto *problems = child<QLabel>(&editor, u"vpcProblems"_s);
    QVERIFY(problems->text().contains("A VPC needs both lists."_L1));
    QVERIFY(!problems->text().contains("Not ours."_L1));
    QVERIFY(FieldMark::isMarked(child<QListWidget>(&editor, u"securityGroupList"_s)));
    QVERIFY(item(editor, u"subnetList"_s, 0)->toolTip().contains("Subnet is full."_L1));

    editor.showDiagnostics({});
    QVERIFY(!FieldMark::isMarked(child<QListWidget>(&editor, u"securityGroupList"_s)));
    QVERIFY(item(editor, u"subnetList"_s, 0)->toolTip().isEmpty());
    QVERIFY(problems->isHidden());
}

void TestVpcEditor::realValidatorFindingsLandOnceInPlace()
{
    VpcEditor editor;
    editor.setJson(json(R"({"SecurityGroupIds":[],"Subnets":["subnet-0123abcd","subnet-0123abcd"]})"));
    const QJsonObject spec { { u"VpcConfig"_s, editor.toJson() } };
    editor.showDiagnostics(validateSpec(SpecKind::TrainingJob, spec));

    QVERIFY(child<QLabel>(&editor, u"vpcProblems"_s)->text().contains("needs at least one subnet"_L1));
    QVERIFY(FieldMark::isMarked(child<QListWidget>(&editor, u"securityGroupList"_s)));
    // The validator's duplicateSubnet and the widget's own duplicate mark are one finding: said once.
    const QString tip = item(editor, u"subnetList"_s, 1)->toolTip();
    QVERIFY2(tip.contains("Listed twice"_L1) && !tip.contains(u'\n'), qPrintable(tip));
}

void TestVpcEditor::focusPath()
{
    VpcEditor editor;
    editor.setJson(
        json(R"({"SecurityGroupIds":["sg-0123abcd"],"Subnets":["subnet-0123abcd","subnet-89abcdef"]})"));
    editor.show();
    editor.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    QVERIFY(!editor.focusPath(u"InputDataConfig[0]"_s));
    QVERIFY(editor.focusPath(u"VpcConfig.Subnets[1]"_s));
    auto *subnets = child<QListWidget>(&editor, u"subnetList"_s);
    QTRY_VERIFY(subnets->hasFocus());
    QCOMPARE(subnets->currentRow(), 1);
    QVERIFY(editor.focusPath(u"VpcConfig.SecurityGroupIds"_s));
    QTRY_VERIFY(child<QLineEdit>(&editor, u"securityGroupInput"_s)->hasFocus());
}

void TestVpcEditor::tabOrder()
{
    VpcEditor editor;
    editor.setUsesVpc(true);
    QCOMPARE(tabChain(&editor, child<QGroupBox>(&editor, u"vpcEnabled"_s), 8),
        QStringList({ u"vpcEnabled"_s, u"securityGroupList"_s, u"securityGroupInput"_s, u"addSecurityGroup"_s,
            u"pasteSecurityGroups"_s, u"subnetList"_s, u"subnetInput"_s, u"addSubnet"_s,
            u"pasteSubnets"_s }));
}

void TestVpcEditor::screenshot()
{
    VpcEditor editor;
    editor.setJson(json(R"({"SecurityGroupIds":["sg-0123abcd","sg-0a1b2c3d4e5f60718","sg-0123abcd"],
        "Subnets":["subnet-0123abcd","subnet-89abcdef","subnet-xyz","subnet-0fedcba987654321a"]})"));
    editor.setAccountIds({ u"sg-0123abcd"_s, u"sg-0a1b2c3d4e5f60718"_s },
        { u"subnet-0123abcd"_s, u"subnet-89abcdef"_s, u"subnet-xyz"_s });
    QVERIFY(!saveScreenshot(&editor, u"vpceditor-on"_s, QSize(900, editor.sizeHint().height())).isEmpty());

    VpcEditor off;
    QVERIFY(!saveScreenshot(&off, u"vpceditor-off"_s, QSize(900, off.sizeHint().height())).isEmpty());
}

QTEST_MAIN(TestVpcEditor)
#include "tst_vpceditor.moc"
