#include "core/store/localstore.h"
#include "core/store/templatestore.h"
#include "tests/ui/formdriver.h"
#include "tests/ui/scriptedprompts.h"
#include "tests/ui/uitestsupport.h"
#include "ui/forms/managetemplatesdialog.h"
#include "ui/forms/trainingjobform.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace FormDriver;

// Proves "Manage templates…" on a create form: Ctrl+Shift+M and the form's button open it on the form's
// kind, the other kind is a choice away; F2 renames a template in place (the store and New from template
// then know the new name); a name another template has is refused with the reason and the old name kept;
// Del and Delete… remove a template only after a yes; without a store it is off.
class TestManageTemplates : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void offWithoutAStore();
    void keyboardOpensItOnTheFormsKind();
    void renameInPlace();
    void renameToATakenNameIsRefused();
    void deleteAsksFirst();

private:
    ManageTemplatesDialog *openByKeyboard();
    QListWidget *list(ManageTemplatesDialog *dialog) { return child<QListWidget>(dialog, u"templateList"_s); }
    void renameByKeyboard(ManageTemplatesDialog *dialog, const QString &from, const QString &to);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<TrainingJobForm> m_form;
};

void TestManageTemplates::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestManageTemplates::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qputenv("HOME", m_dir->path().toUtf8());
    m_store = std::make_unique<LocalStore>(m_dir->filePath(u"store.sqlite"_s));
    QVERIFY(m_store->open());
    TemplateStore templates(*m_store);
    QVERIFY(templates.save(DocumentKind::TrainingJob, u"Team VPC and role"_s, u"{\"RoleArn\":\"arn:r\"}"_s));
    QVERIFY(templates.save(DocumentKind::TrainingJob, u"GPU defaults"_s,
        u"{\"ResourceConfig\":{\"InstanceType\":\"ml.g5.xlarge\"}}"_s));
    QVERIFY(templates.save(DocumentKind::Model, u"Serving role"_s, u"{\"ExecutionRoleArn\":\"arn:r\"}"_s));
    m_form = std::make_unique<TrainingJobForm>();
    m_form->resize(1090, 760);
}

void TestManageTemplates::cleanup()
{
    m_form.reset();
    m_store.reset();
    m_dir.reset();
}

ManageTemplatesDialog *TestManageTemplates::openByKeyboard()
{
    m_form->setStore(m_store.get());
    m_form->show();
    if (!QTest::qWaitForWindowActive(m_form.get()))
        return nullptr;
    QTest::keyClick(m_form.get(), Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    auto *dialog = m_form->findChild<ManageTemplatesDialog *>();
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

void TestManageTemplates::renameByKeyboard(
    ManageTemplatesDialog *dialog, const QString &from, const QString &to)
{
    dialog->setCurrentName(from);
    QCOMPARE(dialog->currentName(), from);
    list(dialog)->setFocus();
    QTest::keyClick(list(dialog), Qt::Key_F2);
    QLineEdit *editor = nullptr;
    QTRY_VERIFY((editor = list(dialog)->findChild<QLineEdit *>()) && editor->isVisible());
    QCOMPARE(editor->text(), from);
    editor->selectAll();
    QTest::keyClicks(editor, to);
    QTest::keyClick(editor, Qt::Key_Return);
}

void TestManageTemplates::offWithoutAStore()
{
    m_form->setStore(nullptr);
    m_form->show();
    QVERIFY(QTest::qWaitForWindowActive(m_form.get()));
    QVERIFY(!child<QPushButton>(m_form.get(), u"manageTemplatesButton"_s)->isEnabled());
    QTest::keyClick(m_form.get(), Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    QTest::qWait(50);
    QVERIFY(!m_form->findChild<ManageTemplatesDialog *>());
}

void TestManageTemplates::keyboardOpensItOnTheFormsKind()
{
    ManageTemplatesDialog *dialog = openByKeyboard();
    QVERIFY(dialog);
    QVERIFY(dialog->isModal() || dialog->windowModality() != Qt::NonModal);
    QCOMPARE(dialog->kind(), DocumentKind::TrainingJob);
    QCOMPARE(dialog->names(), (QStringList { u"GPU defaults"_s, u"Team VPC and role"_s }));
    QVERIFY(list(dialog)->item(0)->toolTip().startsWith(u"Last saved"_s));

    // The other kind, by the keyboard.
    auto *kind = child<QComboBox>(dialog, u"templateKind"_s);
    kind->setFocus(Qt::TabFocusReason);
    QTest::keyClick(kind, Qt::Key_Down);
    QCOMPARE(dialog->kind(), DocumentKind::Model);
    QCOMPARE(dialog->names(), QStringList { u"Serving role"_s });
    saveScreenshot(dialog, u"managetemplates-models"_s);
    QTest::keyClick(kind, Qt::Key_Up);
    QCOMPARE(dialog->kind(), DocumentKind::TrainingJob);
    QCOMPARE(dialog->names().size(), 2);

    // Closed, it opens again from the form's button.
    dialog->close();
    QTRY_VERIFY(!m_form->findChild<ManageTemplatesDialog *>());
    click(m_form.get(), u"manageTemplatesButton"_s);
    QTRY_VERIFY(m_form->findChild<ManageTemplatesDialog *>());
    QVERIFY(m_form->findChild<ManageTemplatesDialog *>()->isVisible());
}

void TestManageTemplates::renameInPlace()
{
    ManageTemplatesDialog *dialog = openByKeyboard();
    QVERIFY(dialog);
    saveScreenshot(dialog, u"managetemplates"_s);
    renameByKeyboard(dialog, u"GPU defaults"_s, u"  Big GPU  "_s);
    QTRY_COMPARE(dialog->names(), (QStringList { u"Big GPU"_s, u"Team VPC and role"_s }));
    QCOMPARE(dialog->currentName(), u"Big GPU"_s);
    QVERIFY(!child<QLabel>(dialog, u"templateMessage"_s)->isVisible());
    QCOMPARE(m_form->templateNames(), (QStringList { u"Big GPU"_s, u"Team VPC and role"_s }));
    QVERIFY(m_form->newFromTemplate(u"Big GPU"_s));
    QCOMPARE(m_form->document().value(u"ResourceConfig"_s)[u"InstanceType"_s].toString(), u"ml.g5.xlarge"_s);
    // The model's template is untouched.
    QCOMPARE(TemplateStore(*m_store).list(DocumentKind::Model)->size(), 1);
}

void TestManageTemplates::renameToATakenNameIsRefused()
{
    ManageTemplatesDialog *dialog = openByKeyboard();
    QVERIFY(dialog);
    renameByKeyboard(dialog, u"GPU defaults"_s, u"team vpc and role"_s);
    auto *message = child<QLabel>(dialog, u"templateMessage"_s);
    QTRY_VERIFY(message->isVisible());
    QVERIFY2(message->text().contains(u"already exists"_s), qPrintable(message->text()));
    QCOMPARE(dialog->names(), (QStringList { u"GPU defaults"_s, u"Team VPC and role"_s }));
    QCOMPARE(dialog->currentName(), u"GPU defaults"_s);
    QVERIFY(*TemplateStore(*m_store).exists(DocumentKind::TrainingJob, u"GPU defaults"_s));
    saveScreenshot(dialog, u"managetemplates-refused"_s);
}

void TestManageTemplates::deleteAsksFirst()
{
    ManageTemplatesDialog *dialog = openByKeyboard();
    QVERIFY(dialog);
    ScriptedPrompts prompts;
    dialog->setPrompts(&prompts);

    prompts.confirmAnswer = false;
    dialog->setCurrentName(u"GPU defaults"_s);
    list(dialog)->setFocus();
    QTest::keyClick(list(dialog), Qt::Key_Delete);
    QCOMPARE(prompts.asked.size(), 1);
    QVERIFY(prompts.asked.first().contains(u"GPU defaults"_s));
    QCOMPARE(dialog->names().size(), 2);
    QVERIFY(*TemplateStore(*m_store).exists(DocumentKind::TrainingJob, u"GPU defaults"_s));

    prompts.confirmAnswer = true;
    QTest::keyClick(list(dialog), Qt::Key_Delete);
    QCOMPARE(dialog->names(), QStringList { u"Team VPC and role"_s });
    QVERIFY(!*TemplateStore(*m_store).exists(DocumentKind::TrainingJob, u"GPU defaults"_s));
    QCOMPARE(dialog->currentName(), u"Team VPC and role"_s);

    click(dialog, u"deleteTemplate"_s);
    QCOMPARE(prompts.asked.size(), 3);
    QVERIFY(dialog->names().isEmpty());
    QVERIFY(child<QLabel>(dialog, u"noTemplates"_s)->isVisible());
    QVERIFY(!child<QPushButton>(dialog, u"deleteTemplate"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(dialog, u"renameTemplate"_s)->isEnabled());
    saveScreenshot(dialog, u"managetemplates-empty"_s);
    QCOMPARE(TemplateStore(*m_store).list(DocumentKind::Model)->size(), 1);
}

QTEST_MAIN(TestManageTemplates)
#include "tst_managetemplates.moc"
