#include "core/api/describeconverter.h"
#include "core/api/specjson.h"
#include "core/store/draftstore.h"
#include "core/store/localstore.h"
#include "tests/support/testdata.h"
#include "tests/ui/formdriver.h"
#include "tests/ui/uitestsupport.h"
#include "ui/forms/draftsbar.h"
#include "ui/forms/messagebar.h"
#include "ui/forms/reviewpage.h"
#include "ui/forms/trainingjobform.h"

#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace FormDriver;

// Proves the create-training-job form's documents outside itself, as a user meets them: a clone lists what
// changed; import (parse errors with line and column, describe output converted, unknown members kept) and
// export; drafts that survive a crash, a restored clone's draft included; templates.
class TestTrainingJobFormFiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void cloneListsWhatChanged();
    void importMalformedJsonShowsLineAndColumn();
    void importDescribeOutputConvertsIt();
    void importKeepsUnknownMembers();
    void exportWritesTheCliDocument();
    void draftSurvivesACrash();
    void restoredCloneStillListsWhatChanged();
    void templatesKeepAllButTheName();

private:
    std::unique_ptr<TrainingJobForm> m_form;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestTrainingJobFormFiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestTrainingJobFormFiles::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qputenv("HOME", m_dir->path().toUtf8());
    m_form = std::make_unique<TrainingJobForm>();
    m_form->resize(1090, 760);
}

void TestTrainingJobFormFiles::cleanup()
{
    m_form.reset();
    m_dir.reset();
}

void TestTrainingJobFormFiles::cloneListsWhatChanged()
{
    const QJsonObject describe = TestData::object(u"api/captured/describe-training-job.epoch.json"_s);
    const QJsonObject tags = TestData::object(u"api/captured/list-tags-training-job.json"_s);
    const QString originalName = describe.value(u"TrainingJobName"_s).toString();

    m_form->cloneFrom(describe, tags);
    QVERIFY(m_form->original().has_value());
    QVERIFY(m_form->name().startsWith(originalName + u'-'));
    QVERIFY(m_form->name() != originalName);
    QVERIFY(!m_form->document().contains(u"TrainingJobArn"_s));
    QVERIFY(m_form->messageBar()->text().contains(originalName));
    // The conversion's notes say which field they are about.
    QVERIFY2(m_form->messageBar()->text().contains(
                 u"<b>AlgorithmSpecification.MetricDefinitions</b>: copied from the response"_s),
        qPrintable(m_form->messageBar()->text()));

    type(m_form.get(), u"instanceCount"_s, u"3"_s);
    m_form->validateNow();
    if (m_form->hasErrors())
        QSKIP("the captured job does not validate as a create request here");
    m_form->review();
    const QString summary = m_form->reviewPage()->summaryText();
    QVERIFY(summary.contains(u"Changes from "_s + originalName));
    QVERIFY(summary.contains(u"ResourceConfig.InstanceCount"_s));
    QVERIFY(summary.contains(u"TrainingJobName"_s));
}

void TestTrainingJobFormFiles::importMalformedJsonShowsLineAndColumn()
{
    fillTrainingJob(m_form.get());
    const QJsonObject before = m_form->document();
    const QString path = m_dir->filePath(u"broken.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\n    \"TrainingJobName\": \"x\",\n    \"RoleArn\": oops\n}\n");
    file.close();
    QVERIFY(!m_form->importFile(path));
    QVERIFY(m_form->messageBar()->isVisibleTo(m_form.get()));
    QCOMPARE(m_form->messageBar()->kind(), MessageBar::Kind::Error);
    QVERIFY2(
        m_form->messageBar()->text().contains(u"line 3, column"_s), qPrintable(m_form->messageBar()->text()));
    QVERIFY(m_form->messageBar()->text().contains(u"broken.json"_s));
    QCOMPARE(m_form->document(), before);
    QCOMPARE(child<QLineEdit>(m_form.get(), u"trainingJobName"_s)->text(), u"forms-test-job"_s);
}

void TestTrainingJobFormFiles::importDescribeOutputConvertsIt()
{
    const QString describe = TestData::path(u"api/captured/describe-training-job.iso.json"_s);
    const QJsonObject expected = DescribeConverter::toCreateRequest(
        SpecKind::TrainingJob, TestData::object(u"api/captured/describe-training-job.iso.json"_s))
                                     .request;
    QVERIFY(expected.contains(u"InputDataConfig"_s));
    QVERIFY(m_form->importFile(describe));
    QCOMPARE(m_form->document(), expected);
    QVERIFY(m_form->messageBar()->text().contains(u"describe output"_s));
    QVERIFY(!m_form->original().has_value());
}

void TestTrainingJobFormFiles::importKeepsUnknownMembers()
{
    QJsonObject request = expectedTrainingJob();
    request.insert(u"DebugHookConfig"_s, json("{'S3OutputPath':'s3://forms-bucket/debug/'}"));
    request.insert(u"SomethingNewer"_s, 42);
    const QString path = m_dir->filePath(u"request.json"_s);
    QVERIFY(SpecJson::save(path, request, SpecKind::TrainingJob));
    QVERIFY(m_form->importFile(path));
    // Editing a field keeps what no field shows.
    type(m_form.get(), u"trainingJobName"_s, u"renamed"_s);
    QCOMPARE(m_form->document().value(u"DebugHookConfig"_s).toObject(),
        request.value(u"DebugHookConfig"_s).toObject());
    QCOMPARE(m_form->document().value(u"SomethingNewer"_s).toInt(), 42);
    request.insert(u"TrainingJobName"_s, u"renamed"_s);
    QCOMPARE(m_form->document(), request);
}

void TestTrainingJobFormFiles::exportWritesTheCliDocument()
{
    fillTrainingJob(m_form.get());
    const QString path = m_dir->filePath(u"out/job.json"_s);
    QVERIFY(QDir().mkpath(m_dir->filePath(u"out"_s)));
    QVERIFY(m_form->exportFile(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), SpecJson::write(expectedTrainingJob(), SpecKind::TrainingJob));
    QVERIFY(m_form->messageBar()->text().contains(u"Exported"_s));
}

void TestTrainingJobFormFiles::draftSurvivesACrash()
{
    const QString storePath = m_dir->filePath(u"store.sqlite"_s);
    {
        LocalStore store(storePath);
        QVERIFY(store.open());
        auto form = std::make_unique<TrainingJobForm>();
        form->setStore(&store);
        QVERIFY(form->draftsBar()->isHidden());
        fillTrainingJob(form.get());
        // Saved a moment after the edits, without anyone asking.
        QTRY_VERIFY_WITH_TIMEOUT(DraftStore(store).unsent()->size() == 1
                && DraftStore(store).unsent()->first().document
                    == QString::fromUtf8(SpecJson::write(expectedTrainingJob(), SpecKind::TrainingJob)),
            5000);
        QCOMPARE(DraftStore(store).unsent()->first().title, u"forms-test-job"_s);
        // The crash: the window goes away without saving or closing anything.
        form.reset();
    }
    LocalStore reopened(storePath);
    QVERIFY(reopened.open());
    m_form->setStore(&reopened);
    DraftsBar *bar = m_form->draftsBar();
    QVERIFY(bar->isVisibleTo(m_form.get()));
    QCOMPARE(bar->drafts().size(), 1);
    click(bar, u"restoreDraft_0"_s);
    QCOMPARE(m_form->document(), expectedTrainingJob());
    QCOMPARE(child<QLineEdit>(m_form.get(), u"trainingJobName"_s)->text(), u"forms-test-job"_s);
    QTRY_VERIFY(bar->isHidden());
    // Further edits go on in the same draft.
    type(m_form.get(), u"trainingJobName"_s, u"forms-test-job-2"_s);
    m_form->flushDraft();
    QCOMPARE(DraftStore(reopened).unsent()->size(), 1);
    QCOMPARE(DraftStore(reopened).unsent()->first().title, u"forms-test-job-2"_s);
}

void TestTrainingJobFormFiles::restoredCloneStillListsWhatChanged()
{
    const QJsonObject describe = TestData::object(u"api/captured/describe-training-job.epoch.json"_s);
    const QString originalName = describe.value(u"TrainingJobName"_s).toString();
    LocalStore store(m_dir->filePath(u"store.sqlite"_s));
    QVERIFY(store.open());
    {
        TrainingJobForm form;
        form.setStore(&store);
        form.cloneFrom(describe, TestData::object(u"api/captured/list-tags-training-job.json"_s));
        type(&form, u"instanceCount"_s, u"3"_s);
        form.flushDraft();
    }
    m_form->setStore(&store);
    const QString offered = child<QLabel>(m_form->draftsBar(), u"draftLabel_0"_s)->text();
    QVERIFY2(offered.contains(u"(a clone of %1)"_s.arg(originalName)), qPrintable(offered));
    click(m_form->draftsBar(), u"restoreDraft_0"_s);
    QCOMPARE(m_form->original().has_value(), true);
    QCOMPARE(m_form->document().value(u"ResourceConfig"_s)[u"InstanceCount"_s].toInt(), 3);
    m_form->validateNow();
    if (m_form->hasErrors())
        QSKIP("the captured job does not validate as a create request here");
    m_form->review();
    const QString summary = m_form->reviewPage()->summaryText();
    QVERIFY2(summary.contains(u"Changes from "_s + originalName), qPrintable(summary));
    QVERIFY(summary.contains(u"ResourceConfig.InstanceCount"_s));

    // Starting over forgets the origin.
    m_form->startOver();
    QVERIFY(!m_form->original().has_value());
}

void TestTrainingJobFormFiles::templatesKeepAllButTheName()
{
    LocalStore store(m_dir->filePath(u"store.sqlite"_s));
    QVERIFY(store.open());
    m_form->setStore(&store);
    fillTrainingJob(m_form.get());
    QVERIFY(m_form->saveAsTemplate(u"Team VPC and role"_s));
    QVERIFY(!m_form->saveAsTemplate(u"team vpc and role"_s)); // the name is taken, ignoring case
    QCOMPARE(m_form->messageBar()->kind(), MessageBar::Kind::Error);
    QVERIFY(m_form->saveAsTemplate(u"team vpc and role"_s, true));
    QCOMPARE(m_form->templateNames().size(), 1);

    m_form->startOver();
    QVERIFY(m_form->name().isEmpty());
    QVERIFY(m_form->newFromTemplate(m_form->templateNames().first()));
    QJsonObject expected = expectedTrainingJob();
    expected.remove(u"TrainingJobName"_s);
    QCOMPARE(m_form->document(), expected);
    QVERIFY(!m_form->newFromTemplate(u"no such template"_s));
}

QTEST_MAIN(TestTrainingJobFormFiles)
#include "tst_trainingjobform_files.moc"
