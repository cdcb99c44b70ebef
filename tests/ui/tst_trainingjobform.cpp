#include "core/api/specjson.h"
#include "core/pricing/priceservice.h"
#include "core/session/session.h"
#include "core/store/localstore.h"
#include "tests/support/manualclock.h"
#include "tests/ui/formdriver.h"
#include "tests/ui/uitestsupport.h"
#include "ui/forms/diagnosticslist.h"
#include "ui/forms/formpages.h"
#include "ui/forms/jsonpreview.h"
#include "ui/forms/messagebar.h"
#include "ui/forms/reviewpage.h"
#include "ui/forms/trainingjobform.h"
#include "ui/mainwindow.h"
#include "ui/widgets/fieldmark.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace FormDriver;

namespace {

QPushButton *reviewButton(QWidget *form)
{
    return child<QPushButton>(form, u"review"_s);
}

bool hasProblemAt(CreateForm *form, const QString &path)
{
    const Diagnostics all = form->diagnostics();
    return std::any_of(
        all.cbegin(), all.cend(), [&path](const Diagnostic &d) { return d.path == path && d.isError(); });
}

// Nested layouts follow a changed text one level per event-loop pass; a picture waits until they have.
void settle()
{
    QTest::qWait(100);
}

QStringList problemListTexts(QWidget *form)
{
    QStringList texts;
    auto *list = child<QListWidget>(form, u"problemList"_s);
    for (int i = 0; list && i < list->count(); ++i)
        texts << list->item(i)->text();
    return texts;
}

} // namespace

// Proves the create-training-job form as a user meets it: every section fills the request in wire shape;
// validation marks the field, lists the problem and blocks Review until it is fixed; the JSON tab is the
// exact request; review, submit (success, failure, cancel) and the VPC pre-flight states; the keyboard
// path; and pictures of it at 1280×800. Clones, files, drafts and templates: tst_trainingjobform_files.
class TestTrainingJobForm : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void freshFormHasDefaultsAndDoesNotShout();
    void requiredIsMarkedOnceTheUserMovesOn();
    void fillingEverySectionWritesTheRequest();
    void validationMarksTheFieldAndBlocksReview_data();
    void validationMarksTheFieldAndBlocksReview();
    void problemListJumpsToTheField();
    void uniqueNameAppendsTheTime();
    void spotSwitchesMaxWait();
    void reviewShowsTheRequestAndPreflight();
    void submitSucceedsWithArnAndOpenOnDashboard();
    void submitFailureShowsTheErrorAndKeepsInput();
    void submitWithoutConnectionSaysSo();
    void cancelWhileSubmitting();
    void shortcutsDriveTheForm();
    void tabOrderFollowsReadingOrder();
    void screenshots();

private:
    std::unique_ptr<TrainingJobForm> m_form;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestTrainingJobForm::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestTrainingJobForm::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qputenv("HOME", m_dir->path().toUtf8());
    m_form = std::make_unique<TrainingJobForm>();
    m_form->resize(1090, 760);
}

void TestTrainingJobForm::cleanup()
{
    m_form.reset();
    m_dir.reset();
}

void TestTrainingJobForm::freshFormHasDefaultsAndDoesNotShout()
{
    CreateForm *form = m_form.get();
    QCOMPARE(form->document(),
        json("{'AlgorithmSpecification':{'TrainingInputMode':'File'},"
             "'ResourceConfig':{'InstanceType':'ml.m5.xlarge','InstanceCount':1,'VolumeSizeInGB':30},"
             "'StoppingCondition':{'MaxRuntimeInSeconds':86400}}"));
    // Required fields are listed, and Review waits for them, but an untouched field is not painted red.
    QVERIFY(hasProblemAt(form, u"TrainingJobName"_s));
    QVERIFY(!reviewButton(form)->isEnabled());
    QVERIFY(!FieldMark::isMarked(child<QLineEdit>(form, u"trainingJobName"_s)));
    QVERIFY(problemListTexts(form).join(u'\n').contains(u"Name\nRequired"_s));
    QCOMPARE(child<QSpinBox>(form, u"instanceCount"_s)->value(), 1);
}

void TestTrainingJobForm::requiredIsMarkedOnceTheUserMovesOn()
{
    m_form->show();
    QVERIFY(QTest::qWaitForWindowActive(m_form.get()));
    auto *name = child<QLineEdit>(m_form.get(), u"trainingJobName"_s);
    type(m_form.get(), u"trainingJobName"_s, u"x"_s);
    QTest::keyClick(name, Qt::Key_Backspace);
    m_form->validateNow();
    // Still in the field: nothing to shout about yet.
    QVERIFY(!FieldMark::isMarked(name));
    QTest::keyClick(name, Qt::Key_Tab);
    QTRY_VERIFY(FieldMark::isMarked(name));
    QCOMPARE(child<QLabel>(m_form.get(), u"trainingJobNameMessage"_s)->text().contains(u"Required"_s), true);
    // Switching the VPC on does not paint its empty lists until the user leaves the VPC editor.
    click(m_form.get(), u"vpcEnabled"_s);
    m_form->validateNow();
    QVERIFY(hasProblemAt(m_form.get(), u"VpcConfig"_s));
    QVERIFY(!child<QLabel>(m_form.get(), u"vpcProblems"_s)->isVisible());
    child<QLineEdit>(m_form.get(), u"s3OutputPath"_s)->setFocus();
    QTRY_VERIFY(child<QLabel>(m_form.get(), u"vpcProblems"_s)->isVisible());
    // The list's own "0 entries" is left out: the rule about VpcConfig says it better.
    const Diagnostics all = m_form->diagnostics();
    QVERIFY(
        std::none_of(all.cbegin(), all.cend(), [](const Diagnostic &d) { return d.code == u"minCount"_s; }));
}

void TestTrainingJobForm::fillingEverySectionWritesTheRequest()
{
    m_form->show();
    fillTrainingJob(m_form.get());
    QVERIFY(!QTest::currentTestFailed());
    if (m_form->document() != expectedTrainingJob())
        qWarning().noquote() << SpecJson::write(m_form->document(), SpecKind::TrainingJob);
    QCOMPARE(m_form->document(), expectedTrainingJob());
    QTRY_VERIFY(reviewButton(m_form.get())->isEnabled());
    QVERIFY2(!m_form->hasErrors(), qPrintable(problemListTexts(m_form.get()).join(u"; "_s)));

    // The JSON tab is the exact request, in the API's member order.
    m_form->validateNow();
    const QByteArray written = SpecJson::write(m_form->document(), SpecKind::TrainingJob);
    QCOMPARE(m_form->jsonPreview()->text(), QString::fromUtf8(written));
    QVERIFY(m_form->jsonPreview()->text().indexOf(u"TrainingJobName"_s)
        < m_form->jsonPreview()->text().indexOf(u"AlgorithmSpecification"_s));
    QTest::mouseClick(child<QPushButton>(m_form.get(), u"copyJson"_s), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), QString::fromUtf8(written));
}

void TestTrainingJobForm::validationMarksTheFieldAndBlocksReview_data()
{
    QTest::addColumn<QString>("container");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("bad");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("good");
    QTest::newRow("job name with an underscore")
        << u"trainingJobForm"_s << u"trainingJobName"_s << u"my_job"_s << u"TrainingJobName"_s << u"my-job"_s;
    QTest::newRow("subnet ID with a bad character")
        << u"vpcConfig"_s << u"subnetList"_s << u"subnet_0123abcd"_s << u"VpcConfig.Subnets[2]"_s
        << u"subnet-89abcdef"_s;
    QTest::newRow("subnet ID of the wrong shape") << u"vpcConfig"_s << u"subnetList"_s << u"subnet-xyz"_s
                                                  << u"VpcConfig.Subnets[2]"_s << u"subnet-89abcdef"_s;
    QTest::newRow("S3 output path without a bucket")
        << u"trainingJobForm"_s << u"s3OutputPath"_s << u"s3:///out"_s << u"OutputDataConfig.S3OutputPath"_s
        << u"s3://bucket/out"_s;
}

void TestTrainingJobForm::validationMarksTheFieldAndBlocksReview()
{
    QFETCH(QString, container);
    QFETCH(QString, field);
    QFETCH(QString, bad);
    QFETCH(QString, path);
    QFETCH(QString, good);
    m_form->show();
    fillTrainingJob(m_form.get());
    QTRY_VERIFY(reviewButton(m_form.get())->isEnabled());

    QWidget *root
        = container == u"trainingJobForm"_s ? m_form.get() : child<QWidget>(m_form.get(), container);
    if (field == u"subnetList"_s) {
        // A subnet is added the way users add one: typed, then Enter.
        type(root, u"subnetInput"_s, bad);
        QTest::keyClick(child<QLineEdit>(root, u"subnetInput"_s), Qt::Key_Return);
    } else {
        type(root, field, bad);
    }
    QTRY_VERIFY(!reviewButton(m_form.get())->isEnabled());
    QVERIFY(hasProblemAt(m_form.get(), path));
    QVERIFY(!child<QAction>(m_form.get(), u"reviewOrSubmit"_s)->isEnabled());
    const QString described = m_form->problems()->diagnostics().isEmpty()
        ? QString()
        : problemListTexts(m_form.get()).join(u'\n');
    QVERIFY2(!described.isEmpty(), "the summary lists the problem");
    if (field == u"subnetList"_s) {
        auto *list = child<QListWidget>(root, u"subnetList"_s);
        // The third subnet, after the two fillTrainingJob() entered.
        QCOMPARE(list->item(2)->text(), bad);
        QVERIFY(!list->item(2)->toolTip().isEmpty());
        QVERIFY2(described.contains(u"VPC › Subnets › 3"_s), qPrintable(described));
        // Fixing it: edit the row in place, as a double click or F2 allows.
        list->item(2)->setText(good);
    } else {
        auto *edit = child<QLineEdit>(root, field);
        QVERIFY(FieldMark::isMarked(edit));
        auto *message = child<QLabel>(m_form.get(), field + u"Message"_s);
        QVERIFY(message->isVisibleTo(m_form.get()));
        QVERIFY(!message->text().isEmpty());
        type(root, field, good);
    }
    QTRY_VERIFY(reviewButton(m_form.get())->isEnabled());
    QVERIFY(!hasProblemAt(m_form.get(), path));
}

void TestTrainingJobForm::problemListJumpsToTheField()
{
    m_form->show();
    QVERIFY(QTest::qWaitForWindowActive(m_form.get()));
    type(m_form.get(), u"checkpointS3Uri"_s, u"not-a-uri"_s);
    QTRY_VERIFY(hasProblemAt(m_form.get(), u"CheckpointConfig.S3Uri"_s));
    auto *list = child<QListWidget>(m_form.get(), u"problemList"_s);
    QListWidgetItem *item = nullptr;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->toolTip() == u"CheckpointConfig.S3Uri"_s)
            item = list->item(i);
    QVERIFY(item);
    child<QWidget>(m_form.get(), u"trainingJobName"_s)->setFocus();
    list->setCurrentItem(item);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Return);
    auto *field = child<QLineEdit>(m_form.get(), u"checkpointS3Uri"_s);
    QTRY_COMPARE(QApplication::focusWidget(), field);
    // Scrolled into view, and marked now that the user looked at the problems.
    auto *scroll = child<QScrollArea>(m_form.get(), u"formScroll"_s);
    const QPoint inViewport = field->mapTo(scroll->viewport(), QPoint(0, 0));
    QVERIFY(inViewport.y() >= 0 && inViewport.y() < scroll->viewport()->height());
    QVERIFY(FieldMark::isMarked(child<QLineEdit>(m_form.get(), u"trainingJobName"_s)));
}

void TestTrainingJobForm::uniqueNameAppendsTheTime()
{
    qputenv("TZ", "UTC");
    ManualClock clock(QDateTime(QDate(2026, 11, 27), QTime(15, 30, 0), Qt::UTC));
    m_form->setClock(&clock);
    type(m_form.get(), u"trainingJobName"_s, u"resnet50"_s);
    click(m_form.get(), u"uniqueName"_s);
    const QString expected = QDateTime(QDate(2026, 11, 27), QTime(15, 30, 0), Qt::UTC)
                                 .toLocalTime()
                                 .toString(u"'resnet50-'yyyyMMdd-HHmmss"_s);
    QCOMPARE(m_form->name(), expected);
    // Again later: the old stamp is replaced, not stacked.
    clock.advance(std::chrono::minutes(1));
    click(m_form.get(), u"uniqueName"_s);
    QCOMPARE(m_form->name().count(u'-'), 2);
    QVERIFY(m_form->name().endsWith(u"1500"_s) || m_form->name().endsWith(u"3100"_s));
}

void TestTrainingJobForm::spotSwitchesMaxWait()
{
    auto *wait = child<QWidget>(m_form.get(), u"maxWaitTime"_s);
    QVERIFY(!wait->isEnabled());
    click(m_form.get(), u"enableManagedSpotTraining"_s);
    QVERIFY(wait->isEnabled());
    // Spot without a maximum wait is an error the rule explains.
    QTRY_VERIFY(hasProblemAt(m_form.get(), u"StoppingCondition.MaxWaitTimeInSeconds"_s)
        || hasProblemAt(m_form.get(), u"StoppingCondition"_s));
    type(m_form.get(), u"maxWaitTime"_s, u"2d"_s);
    QTRY_COMPARE(
        m_form->document().value(u"StoppingCondition"_s).toObject().value(u"MaxWaitTimeInSeconds"_s).toInt(),
        172800);
    click(m_form.get(), u"enableManagedSpotTraining"_s);
    QVERIFY(!m_form->document().contains(u"EnableManagedSpotTraining"_s));
    QVERIFY(!m_form->document().value(u"StoppingCondition"_s).toObject().contains(u"MaxWaitTimeInSeconds"_s));
}

void TestTrainingJobForm::reviewShowsTheRequestAndPreflight()
{
    m_form->show();
    fillTrainingJob(m_form.get());
    QSignalSpy preflight(m_form.get(), &CreateForm::preflightRequested);
    QTRY_VERIFY(reviewButton(m_form.get())->isEnabled());
    QTest::mouseClick(reviewButton(m_form.get()), Qt::LeftButton);
    QVERIFY(m_form->isReviewing());
    ReviewPage *review = m_form->reviewPage();
    QVERIFY(review->summaryText().contains(u"ml.m5.2xlarge"_s));
    QVERIFY(review->summaryText().contains(u"s3://forms-bucket/validation/"_s));
    QVERIFY(review->summaryText().contains(u"6 hours"_s));
    QCOMPARE(
        review->jsonText(), QString::fromUtf8(SpecJson::write(m_form->document(), SpecKind::TrainingJob)));
    QCOMPARE(preflight.size(), 1);
    QCOMPARE(review->preflight(), ReviewPage::Preflight::Running);

    // Findings come back: the user reads them and may still submit.
    m_form->setPreflightFindings({ Diagnostic { u"VpcConfig.Subnets[1]"_s, Diagnostic::Severity::Warning,
        u"noRouteToS3"_s, u"this subnet has no route to S3"_s } });
    QCOMPARE(review->preflight(), ReviewPage::Preflight::Done);
    QVERIFY(review->preflightLines().join(u'\n').contains(u"this subnet has no route to S3"_s));
    QVERIFY(review->preflightLines().first().contains(u"1 warning"_s));
    QCOMPARE(child<QPushButton>(review, u"submit"_s)->text(), u"&Submit anyway"_s);
    QVERIFY(child<QPushButton>(review, u"submit"_s)->isEnabled());

    // Without EC2 access it says so, and Submit stays available.
    m_form->setPreflightUnavailable(u"EC2 refused DescribeSubnets (UnauthorizedOperation)."_s);
    QVERIFY(review->preflightLines().first().contains(u"UnauthorizedOperation"_s));
    QCOMPARE(child<QPushButton>(review, u"submit"_s)->text(), u"&Submit"_s);

    QTest::keyClick(review, Qt::Key_Escape);
    QVERIFY(!m_form->isReviewing());
}

void TestTrainingJobForm::submitSucceedsWithArnAndOpenOnDashboard()
{
    m_form->show();
    fillTrainingJob(m_form.get());
    QSignalSpy requested(m_form.get(), &CreateForm::submitRequested);
    QSignalSpy submitted(m_form.get(), &CreateForm::submitted);
    QSignalSpy open(m_form.get(), &CreateForm::openOnDashboardRequested);
    QTRY_VERIFY(reviewButton(m_form.get())->isEnabled());
    m_form->review();
    m_form->submit();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().toJsonObject(), expectedTrainingJob());
    QVERIFY(m_form->isSubmitting());
    QVERIFY(child<QWidget>(m_form->reviewPage(), u"submitProgress"_s)->isVisible());
    QVERIFY(child<QWidget>(m_form->reviewPage(), u"cancelSubmit"_s)->isVisible());

    const QString arn = u"arn:aws:sagemaker:us-east-1:123456789012:training-job/forms-test-job"_s;
    m_form->submitSucceeded(arn);
    QVERIFY(!m_form->isSubmitting());
    QVERIFY(!m_form->isReviewing());
    QCOMPARE(submitted.size(), 1);
    QVERIFY(m_form->submitBanner()->isVisible());
    QVERIFY(m_form->submitBanner()->text().contains(arn));
    click(m_form->submitBanner(), u"openOnDashboardButton"_s);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().at(0).toString(), arn);
    QCOMPARE(open.first().at(1).toString(), u"forms-test-job"_s);
    // The form keeps what was sent, for a similar job.
    QCOMPARE(m_form->document(), expectedTrainingJob());
}

void TestTrainingJobForm::submitFailureShowsTheErrorAndKeepsInput()
{
    m_form->show();
    fillTrainingJob(m_form.get());
    connect(m_form.get(), &CreateForm::submitRequested, this, [this] {
        m_form->submitFailed(AwsError { u"ResourceInUse"_s, u"Training job names must be unique."_s,
            u"0f1e2d3c-aaaa-bbbb-cccc-123456789abc"_s, 400, false });
    });
    QTRY_VERIFY(reviewButton(m_form.get())->isEnabled());
    QTest::keyClick(m_form.get(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(m_form->isReviewing());
    QTest::keyClick(m_form.get(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(!m_form->isSubmitting());
    const QString text = m_form->submitBanner()->text();
    QVERIFY(text.contains(u"ResourceInUse"_s));
    QVERIFY(text.contains(u"Training job names must be unique."_s));
    QVERIFY(text.contains(u"0f1e2d3c-aaaa-bbbb-cccc-123456789abc"_s));
    QCOMPARE(m_form->submitBanner()->kind(), MessageBar::Kind::Error);
    QCOMPARE(m_form->document(), expectedTrainingJob());
    QCOMPARE(child<QLineEdit>(m_form.get(), u"trainingJobName"_s)->text(), u"forms-test-job"_s);
}

void TestTrainingJobForm::submitWithoutConnectionSaysSo()
{
    fillTrainingJob(m_form.get());
    m_form->validateNow();
    m_form->review();
    m_form->submit();
    QVERIFY(!m_form->isSubmitting());
    QVERIFY(m_form->submitBanner()->text().contains(u"NotConnected"_s));
    QCOMPARE(m_form->document(), expectedTrainingJob());
}

void TestTrainingJobForm::cancelWhileSubmitting()
{
    m_form->show();
    fillTrainingJob(m_form.get());
    QSignalSpy cancel(m_form.get(), &CreateForm::submitCancelRequested);
    connect(m_form.get(), &CreateForm::submitRequested, this, [] {});
    connect(m_form.get(), &CreateForm::submitCancelRequested, this, [this] {
        m_form->submitFailed(AwsError { u"Aborted"_s, u"aborted"_s, {}, 0, false });
    });
    m_form->validateNow();
    m_form->review();
    m_form->submit();
    QVERIFY(m_form->isSubmitting());
    QTest::mouseClick(child<QPushButton>(m_form->reviewPage(), u"cancelSubmit"_s), Qt::LeftButton);
    QCOMPARE(cancel.size(), 1);
    QVERIFY(!m_form->isSubmitting());
    QCOMPARE(m_form->submitBanner()->kind(), MessageBar::Kind::Warning);
    QVERIFY(m_form->submitBanner()->text().contains(u"may have received"_s));
}

void TestTrainingJobForm::shortcutsDriveTheForm()
{
    m_form->show();
    QVERIFY(QTest::qWaitForWindowActive(m_form.get()));
    auto *tabs = child<QTabWidget>(m_form.get(), u"formTabs"_s);
    auto *name = child<QLineEdit>(m_form.get(), u"trainingJobName"_s);
    name->setFocus();
    QTest::keyClick(name, Qt::Key_J, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 1);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_J, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 0);

    // F8 walks the problems.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F8);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(name));

    fillTrainingJob(m_form.get());
    QTRY_VERIFY(reviewButton(m_form.get())->isEnabled());
    QSignalSpy requested(m_form.get(), &CreateForm::submitRequested);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(m_form->isReviewing());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(!m_form->isReviewing());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(requested.size(), 1);
}

void TestTrainingJobForm::tabOrderFollowsReadingOrder()
{
    // A user's form is on screen while they type (the instance type list pops up over it).
    m_form->show();
    QVERIFY(QTest::qWaitForWindowActive(m_form.get()));
    fillTrainingJob(m_form.get());
    QTRY_VERIFY(reviewButton(m_form.get())->isEnabled());
    auto *name = child<QLineEdit>(m_form.get(), u"trainingJobName"_s);
    const QStringList chain = tabChain(m_form.get(), name, 120);
    // The fields in the order a reader meets them; other stops (row buttons, lists) may lie between.
    const QStringList reading { u"trainingJobName"_s, u"uniqueName"_s, u"algorithmSource"_s,
        u"trainingImage"_s, u"trainingInputMode"_s, u"metricName_0"_s, u"metricRegex_0"_s, u"addMetric"_s,
        u"roleArn"_s, u"channelList"_s, u"addChannel"_s, u"channelName"_s, u"s3Uri"_s, u"s3OutputPath"_s,
        u"outputKmsKeyId"_s, u"instanceTypeEdit"_s, u"instanceCount"_s, u"volumeSizeInGB"_s,
        u"volumeKmsKeyId"_s, u"vpcEnabled"_s, u"securityGroupList"_s, u"securityGroupInput"_s,
        u"subnetList"_s, u"subnetInput"_s, u"enableNetworkIsolation"_s,
        u"enableInterContainerTrafficEncryption"_s, u"durationInput"_s, u"enableManagedSpotTraining"_s,
        u"durationInput"_s, u"checkpointS3Uri"_s, u"checkpointLocalPath"_s, u"key_0"_s, u"type_0"_s,
        u"value_0"_s, u"key_1"_s, u"addEntry"_s, u"key_0"_s, u"value_0"_s, u"addEntry"_s, u"key_0"_s,
        u"value_0"_s, u"key_1"_s, u"addEntry"_s, u"sectionNavigator"_s, u"saveAsTemplateButton"_s,
        u"review"_s };
    qsizetype at = 0;
    for (const QString &expected : reading) {
        const qsizetype found = chain.indexOf(expected, at);
        QVERIFY2(found >= 0,
            qPrintable(u"%1 not reached in order after position %2; the chain from there: %3"_s.arg(expected)
                           .arg(at)
                           .arg(chain.mid(at).join(u", "_s))));
        at = found + 1;
    }
    // Every stop is named, so tests and screen readers can tell them apart.
    QVERIFY2(!chain.mid(0, at).contains(QString()), qPrintable(chain.join(u", "_s)));
}

void TestTrainingJobForm::screenshots()
{
    // In the real window at 1280×800, as a user sees it.
    // The real pages: the cost estimate from a price service, the VPC editor's account picker.
    Session session(QProcessEnvironment(), m_dir->path());
    LocalStore store(m_dir->filePath(u"screenshots.sqlite"_s));
    QVERIFY(store.open());
    PriceService prices(store);
    prices.setConnection(nullptr, u"us-east-1"_s, u"offline"_s);
    QVERIFY(prices.enterPrice(u"us-east-1"_s, u"ml.m5.2xlarge"_s, 0.461));
    MainWindow window(&session);
    FormPages pages(&window, &session, &store, &prices);
    TrainingJobForm *form = pages.trainingJobForm();
    window.setCurrentPage(MainWindow::Page::NewTrainingJob);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    fillTrainingJob(form);
    type(form, u"trainingJobName"_s, u"resnet_50"_s); // one error, to show how it looks
    form->validateNow();
    form->focusPath(u"TrainingJobName"_s);
    auto *scroll = child<QScrollArea>(form, u"formScroll"_s);
    settle();
    QVERIFY(!saveScreenshot(&window, u"trainingjobform-1-top"_s, QSize(1280, 800)).isEmpty());
    const int steps = 5;
    for (int i = 1; i <= steps; ++i) {
        scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum() * i / steps);
        settle();
        QVERIFY(!saveScreenshot(&window, u"trainingjobform-%1-scrolled"_s.arg(i + 1)).isEmpty());
    }
    type(form, u"trainingJobName"_s, u"resnet-50"_s);
    form->validateNow();
    child<QTabWidget>(form, u"formTabs"_s)->setCurrentIndex(1);
    QVERIFY(!saveScreenshot(&window, u"trainingjobform-7-json"_s).isEmpty());
    child<QTabWidget>(form, u"formTabs"_s)->setCurrentIndex(0);
    form->review();
    form->setPreflightFindings({ Diagnostic { u"VpcConfig.Subnets[1]"_s, Diagnostic::Severity::Warning,
        u"noRouteToS3"_s, u"the route table of subnet-4567abcd has no S3 endpoint and no NAT gateway"_s } });
    QVERIFY(!saveScreenshot(&window, u"trainingjobform-8-review"_s).isEmpty());
    form->backToForm();
    form->startOver();
    scroll->verticalScrollBar()->setValue(0);
    QVERIFY(!saveScreenshot(&window, u"trainingjobform-0-empty"_s).isEmpty());
}

QTEST_MAIN(TestTrainingJobForm)
#include "tst_trainingjobform.moc"
