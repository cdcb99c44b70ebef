#include "core/api/describeconverter.h"
#include "core/api/specjson.h"
#include "core/session/session.h"
#include "tests/support/testdata.h"
#include "tests/ui/formdriver.h"
#include "tests/ui/uitestsupport.h"
#include "ui/forms/diagnosticslist.h"
#include "ui/forms/messagebar.h"
#include "ui/forms/modelform.h"
#include "ui/forms/reviewpage.h"
#include "ui/mainwindow.h"
#include "ui/widgets/fieldmark.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace FormDriver;

namespace {

bool hasDiagnostic(CreateForm *form, const QString &path, Diagnostic::Severity severity)
{
    const Diagnostics all = form->diagnostics();
    return std::any_of(all.cbegin(), all.cend(),
        [&](const Diagnostic &d) { return d.path == path && d.severity == severity; });
}

} // namespace

// Proves the create-model form: every field writes the CreateModel request; a bad name is marked and blocks
// Review, a model data URL that is no .tar.gz only warns; review and submit; clone from a DescribeModel
// answer with the differences listed; the keyboard path in reading order; and pictures at 1280×800.
class TestModelForm : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void fillingEveryFieldWritesTheRequest();
    void badNameBlocksReviewUntilFixed();
    void warningsDoNotBlock();
    void reviewAndSubmit();
    void cloneFromDescribeListsChanges();
    void tabOrderFollowsReadingOrder();
    void screenshots();

private:
    std::unique_ptr<ModelForm> m_form;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestModelForm::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestModelForm::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    qputenv("HOME", m_dir->path().toUtf8());
    m_form = std::make_unique<ModelForm>();
    m_form->resize(1090, 760);
    m_form->show();
    QVERIFY(QTest::qWaitForWindowActive(m_form.get()));
}

void TestModelForm::cleanup()
{
    m_form.reset();
    m_dir.reset();
}

void TestModelForm::fillingEveryFieldWritesTheRequest()
{
    QCOMPARE(m_form->document(), QJsonObject());
    fillModel(m_form.get());
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(m_form->document(), expectedModel());
    QTRY_VERIFY(child<QPushButton>(m_form.get(), u"review"_s)->isEnabled());
    m_form->validateNow();
    QCOMPARE(m_form->jsonPreview() != nullptr, true);
}

void TestModelForm::badNameBlocksReviewUntilFixed()
{
    fillModel(m_form.get());
    type(m_form.get(), u"modelName"_s, u"my_model"_s);
    QTRY_VERIFY(!child<QPushButton>(m_form.get(), u"review"_s)->isEnabled());
    QVERIFY(hasDiagnostic(m_form.get(), u"ModelName"_s, Diagnostic::Severity::Error));
    QVERIFY(FieldMark::isMarked(child<QLineEdit>(m_form.get(), u"modelName"_s)));
    QVERIFY(child<QLabel>(m_form.get(), u"modelNameMessage"_s)
                ->text()
                .contains(u"letters, digits and hyphens"_s));
    QCOMPARE(m_form->problems()->errorCount(), 1);
    type(m_form.get(), u"modelName"_s, u"my-model"_s);
    QTRY_VERIFY(child<QPushButton>(m_form.get(), u"review"_s)->isEnabled());
    QVERIFY(!FieldMark::isMarked(child<QLineEdit>(m_form.get(), u"modelName"_s)));
}

void TestModelForm::warningsDoNotBlock()
{
    fillModel(m_form.get());
    type(m_form.get(), u"modelDataUrl"_s, u"s3://forms-bucket/output/model.zip"_s);
    QTRY_VERIFY(
        hasDiagnostic(m_form.get(), u"PrimaryContainer.ModelDataUrl"_s, Diagnostic::Severity::Warning));
    QTRY_VERIFY(child<QPushButton>(m_form.get(), u"review"_s)->isEnabled());
    QVERIFY(child<QLabel>(m_form.get(), u"formStatus"_s)->text().contains(u"1 warning"_s));
    QVERIFY(FieldMark::isMarked(child<QLineEdit>(m_form.get(), u"modelDataUrl"_s)));
}

void TestModelForm::reviewAndSubmit()
{
    fillModel(m_form.get());
    QSignalSpy requested(m_form.get(), &CreateForm::submitRequested);
    connect(m_form.get(), &CreateForm::submitRequested, this, [this] {
        m_form->submitSucceeded(u"arn:aws:sagemaker:us-east-1:123456789012:model/forms-test-model"_s);
    });
    QTRY_VERIFY(child<QPushButton>(m_form.get(), u"review"_s)->isEnabled());
    QTest::mouseClick(child<QPushButton>(m_form.get(), u"review"_s), Qt::LeftButton);
    QVERIFY(m_form->isReviewing());
    QVERIFY(m_form->reviewPage()->summaryText().contains(u"inference.py"_s));
    // No controller answers the pre-flight check here: the page says so and Submit stays open.
    QCOMPARE(m_form->reviewPage()->preflight(), ReviewPage::Preflight::Unavailable);
    QTest::mouseClick(child<QPushButton>(m_form->reviewPage(), u"submit"_s), Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().toJsonObject(), expectedModel());
    QVERIFY(m_form->submitBanner()->text().contains(u"Model forms-test-model created"_s));
}

void TestModelForm::cloneFromDescribeListsChanges()
{
    const QJsonObject describe = TestData::object(u"api/captured/describe-model.epoch.json"_s);
    const QJsonObject tags = TestData::object(u"api/captured/list-tags-model.json"_s);
    m_form->cloneFrom(describe, tags);
    const QJsonObject converted = DescribeConverter::toCreateRequest(SpecKind::Model, describe, tags).request;
    QVERIFY(m_form->name().startsWith(u"full-model-2024-"_s));
    QJsonObject withoutName = m_form->document();
    withoutName.insert(u"ModelName"_s, converted.value(u"ModelName"_s));
    QCOMPARE(withoutName, converted);
    QCOMPARE(child<QLineEdit>(m_form.get(), u"containerHostname"_s)->text(), u"primary"_s);

    type(m_form.get(), u"containerHostname"_s, u"main"_s);
    m_form->validateNow();
    QVERIFY2(!m_form->hasErrors(), qPrintable(m_form->diagnostics().value(0).message));
    m_form->review();
    const QString summary = m_form->reviewPage()->summaryText();
    QVERIFY(summary.contains(u"Changes from full-model-2024"_s));
    QVERIFY(summary.contains(u"PrimaryContainer.ContainerHostname"_s));
    QVERIFY(summary.contains(u"primary"_s) && summary.contains(u"main"_s));
    QVERIFY(!summary.contains(u"PrimaryContainer.Image"_s));
}

void TestModelForm::tabOrderFollowsReadingOrder()
{
    fillModel(m_form.get());
    QTRY_VERIFY(child<QPushButton>(m_form.get(), u"review"_s)->isEnabled());
    const QStringList chain = tabChain(m_form.get(), child<QWidget>(m_form.get(), u"modelName"_s), 60);
    const QStringList reading { u"modelName"_s, u"uniqueModelName"_s, u"image"_s, u"modelDataUrl"_s,
        u"containerHostname"_s, u"key_0"_s, u"value_0"_s, u"addEntry"_s, u"executionRoleArn"_s,
        u"vpcEnabled"_s, u"securityGroupList"_s, u"subnetList"_s, u"enableNetworkIsolation"_s, u"key_0"_s,
        u"value_0"_s, u"addEntry"_s, u"sectionNavigator"_s, u"review"_s };
    qsizetype at = 0;
    for (const QString &expected : reading) {
        const qsizetype found = chain.indexOf(expected, at);
        QVERIFY2(found >= 0,
            qPrintable(
                u"%1 not reached after %2: %3"_s.arg(expected).arg(at).arg(chain.mid(at).join(u", "_s))));
        at = found + 1;
    }
    QVERIFY2(!chain.mid(0, at).contains(QString()), qPrintable(chain.join(u", "_s)));
}

void TestModelForm::screenshots()
{
    Session session(QProcessEnvironment(), m_dir->path());
    MainWindow window(&session);
    auto *form = new ModelForm;
    window.setPageWidget(MainWindow::Page::NewModel, form);
    window.setCurrentPage(MainWindow::Page::NewModel);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!saveScreenshot(&window, u"modelform-0-empty"_s, QSize(1280, 800)).isEmpty());
    fillModel(form);
    type(form, u"modelDataUrl"_s, u"s3://forms-bucket/output/model.zip"_s);
    form->validateNow();
    QVERIFY(!saveScreenshot(&window, u"modelform-1-top"_s).isEmpty());
    auto *scroll = child<QScrollArea>(form, u"formScroll"_s);
    scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
    QVERIFY(!saveScreenshot(&window, u"modelform-2-bottom"_s).isEmpty());
    form->review();
    QVERIFY(!saveScreenshot(&window, u"modelform-3-review"_s).isEmpty());
}

QTEST_MAIN(TestModelForm)
#include "tst_modelform.moc"
