#include "core/api/specjson.h"
#include "core/pricing/priceservice.h"
#include "core/session/session.h"
#include "core/store/draftstore.h"
#include "core/store/localstore.h"
#include "tests/ui/formdriver.h"
#include "tests/ui/uitestsupport.h"
#include "ui/forms/createformcontroller.h"
#include "ui/forms/draftsbar.h"
#include "ui/forms/formpages.h"
#include "ui/forms/messagebar.h"
#include "ui/forms/modelform.h"
#include "ui/forms/reviewpage.h"
#include "ui/forms/specdiff.h"
#include "ui/forms/specimport.h"
#include "ui/forms/trainingjobform.h"
#include "ui/forms/uniquename.h"
#include "ui/mainwindow.h"
#include "ui/widgets/costestimatewidget.h"

#include <QAbstractButton>
#include <QAction>
#include <QFile>
#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace FormDriver;

Q_DECLARE_METATYPE(QList<SpecDiff::Change>)

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

// Proves what both create forms share and how they sit in the main window: the field-by-field differences
// a clone's review lists, unique names, reading imports (create requests, describe output, parse errors
// with line and column), and FormPages: the forms in their pages, File > Import/Export only on them, a
// file of the other kind opened in the other form, the cost estimate beside the instance type, no
// connection said plainly, unsent drafts offered at start, and a repaired store's message shown.
class TestForms : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void specDiff_data();
    void specDiff();
    void uniqueName_data();
    void uniqueName();
    void specImport_data();
    void specImport();

    void pagesAreInstalledAndFileActionsFollowThePage();
    void importOfTheOtherKindOpensTheOtherForm();
    void costEstimateFollowsTheForm();
    void withoutConnectionTheFormsSaySo();
    void unsentDraftsAreOfferedAtStart();
    void repairedStoreIsAnnounced();
    void mnemonicsDoNotClash_data();
    void mnemonicsDoNotClash();

private:
    struct Window
    {
        std::unique_ptr<Session> session;
        std::unique_ptr<MainWindow> window;
        std::unique_ptr<FormPages> pages;
    };
    Window open(LocalStore *store, PriceService *prices = nullptr);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestForms::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestForms::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    qputenv("HOME", m_dir->path().toUtf8());
}

void TestForms::cleanup()
{
    m_dir.reset();
}

TestForms::Window TestForms::open(LocalStore *store, PriceService *prices)
{
    Window w;
    w.session = std::make_unique<Session>(QProcessEnvironment(), m_dir->path());
    w.window = std::make_unique<MainWindow>(w.session.get());
    w.pages = std::make_unique<FormPages>(w.window.get(), w.session.get(), store, prices);
    return w;
}

void TestForms::specDiff_data()
{
    using Kind = SpecDiff::Change::Kind;
    QTest::addColumn<QJsonObject>("before");
    QTest::addColumn<QJsonObject>("after");
    QTest::addColumn<QList<SpecDiff::Change>>("changes");
    const QJsonObject job
        = json("{'TrainingJobName':'a','ResourceConfig':{'InstanceCount':1},"
               "'VpcConfig':{'Subnets':['subnet-1','subnet-2']},'HyperParameters':{'batch size':'8'}}");
    QTest::newRow("the same") << job << job << QList<SpecDiff::Change> {};
    QJsonObject renamed = job;
    renamed.insert(u"TrainingJobName"_s, u"b"_s);
    QTest::newRow("a scalar changed")
        << job << renamed
        << QList<SpecDiff::Change> { { u"TrainingJobName"_s, Kind::Changed, u"a"_s, u"b"_s } };
    QJsonObject more = job;
    more.insert(u"RoleArn"_s, u"arn:r"_s);
    QTest::newRow("a member added") << job << more
                                    << QList<SpecDiff::Change> { { u"RoleArn"_s, Kind::Added,
                                           QJsonValue::Undefined, u"arn:r"_s } };
    QTest::newRow("a member removed")
        << more << job
        << QList<SpecDiff::Change> { { u"RoleArn"_s, Kind::Removed, u"arn:r"_s, QJsonValue::Undefined } };
    QJsonObject subnet
        = json("{'TrainingJobName':'a','ResourceConfig':{'InstanceCount':1},"
               "'VpcConfig':{'Subnets':['subnet-1','subnet-9']},'HyperParameters':{'batch size':'8'}}");
    QTest::newRow("one list element, by index") << job << subnet
                                                << QList<SpecDiff::Change> { { u"VpcConfig.Subnets[1]"_s,
                                                       Kind::Changed, u"subnet-2"_s, u"subnet-9"_s } };
    QJsonObject hyper = job;
    hyper.insert(u"HyperParameters"_s, json("{'batch size':'16'}"));
    QTest::newRow("a map key that is not a word")
        << job << hyper
        << QList<SpecDiff::Change> { { u"HyperParameters[\"batch size\"]"_s, Kind::Changed, u"8"_s,
               u"16"_s } };
    QJsonObject typeChange = job;
    typeChange.insert(u"ResourceConfig"_s, u"oops"_s);
    QTest::newRow("another JSON type is one change")
        << job << typeChange
        << QList<SpecDiff::Change> { { u"ResourceConfig"_s, Kind::Changed, job.value(u"ResourceConfig"_s),
               u"oops"_s } };
}

void TestForms::specDiff()
{
    QFETCH(QJsonObject, before);
    QFETCH(QJsonObject, after);
    QFETCH(QList<SpecDiff::Change>, changes);
    QCOMPARE(SpecDiff::compare(before, after), changes);
}

void TestForms::uniqueName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("appended") << u"resnet50"_s << u"resnet50-20261127-153000"_s;
    QTest::newRow("an earlier stamp is replaced")
        << u"resnet50-20250101-010203"_s << u"resnet50-20261127-153000"_s;
    QTest::newRow("empty starts with the kind") << u""_s << u"job-20261127-153000"_s;
    QTest::newRow("spaces around are dropped") << u"  resnet50 "_s << u"resnet50-20261127-153000"_s;
    QTest::newRow("long names are cut to 63, not before a hyphen")
        << QString(46, u'a') + u"-b"_s + QString(20, u'c') << QString(46, u'a') + u"-20261127-153000"_s;
}

void TestForms::uniqueName()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    qputenv("TZ", "UTC");
    const QDateTime time(QDate(2026, 11, 27), QTime(15, 30, 0), Qt::UTC);
    const QString unique = UniqueName::withTimestamp(name, time, u"job"_s);
    QCOMPARE(unique, expected);
    QVERIFY(unique.size() <= 63);
}

void TestForms::specImport_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("converted");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("a create request")
        << QByteArray(R"({"TrainingJobName": "a"})") << true << int(SpecKind::TrainingJob) << false << 0 << 0;
    QTest::newRow("a model") << QByteArray(R"({"ModelName": "m"})") << true << int(SpecKind::Model) << false
                             << 0 << 0;
    QTest::newRow("describe output is converted") << QByteArray(
        R"({"ModelName": "m", "ModelArn": "arn:aws:sagemaker:us-east-1:123456789012:model/m", "CreationTime": 1})")
                                                  << true << int(SpecKind::Model) << true << 0 << 0;
    QTest::newRow("no name: the form's kind")
        << QByteArray(R"({"RoleArn": "x"})") << true << int(SpecKind::TrainingJob) << false << 0 << 0;
    QTest::newRow("a missing comma, line 3")
        << QByteArray("{\n  \"ModelName\": \"m\"\n  \"ExecutionRoleArn\": \"r\"\n}") << false
        << int(SpecKind::TrainingJob) << false << 3 << 3;
}

void TestForms::specImport()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, ok);
    QFETCH(int, kind);
    QFETCH(bool, converted);
    QFETCH(int, line);
    QFETCH(int, column);
    const SpecImport::Result result = SpecImport::fromBytes(bytes, SpecKind::TrainingJob, u"spec.json"_s);
    QCOMPARE(result.ok, ok);
    QCOMPARE(result.line, line);
    QCOMPARE(result.column, column);
    if (!ok) {
        QVERIFY(result.error.contains(u"spec.json"_s));
        QVERIFY2(
            result.error.contains(u"line %1, column %2"_s.arg(line).arg(column)), qPrintable(result.error));
        return;
    }
    QCOMPARE(int(result.kind), kind);
    QCOMPARE(result.converted, converted);
    QVERIFY(!result.request.contains(u"ModelArn"_s));
}

void TestForms::pagesAreInstalledAndFileActionsFollowThePage()
{
    Window w = open(nullptr);
    QCOMPARE(w.window->pageWidget(MainWindow::Page::NewTrainingJob), w.pages->trainingJobForm());
    QCOMPARE(w.window->pageWidget(MainWindow::Page::NewModel), w.pages->modelForm());
    w.window->setCurrentPage(MainWindow::Page::TrainingJobs);
    QVERIFY(!w.window->importJsonAction()->isEnabled());
    QVERIFY(!w.window->exportJsonAction()->isEnabled());
    w.window->setCurrentPage(MainWindow::Page::NewModel);
    QTRY_VERIFY(w.window->importJsonAction()->isEnabled());
    QVERIFY(w.window->exportJsonAction()->isEnabled());
    w.window->setCurrentPage(MainWindow::Page::Models);
    QVERIFY(!w.window->exportJsonAction()->isEnabled());

    // Another page that exports its own documents, wired after the forms the same way (the dashboard):
    // going straight from its page to a form and back leaves the action on each time.
    bool theirs = false;
    connect(w.window.get(), &MainWindow::currentPageChanged, this, [&w, &theirs](MainWindow::Page page) {
        const bool now = page == MainWindow::Page::Models;
        if (now || theirs)
            w.window->exportJsonAction()->setEnabled(now);
        theirs = now;
    });
    w.window->setCurrentPage(MainWindow::Page::TrainingJobs);
    w.window->setCurrentPage(MainWindow::Page::Models);
    QTRY_VERIFY(w.window->exportJsonAction()->isEnabled());
    QVERIFY(!w.window->importJsonAction()->isEnabled());
    w.window->setCurrentPage(MainWindow::Page::NewTrainingJob);
    QTRY_VERIFY(w.window->exportJsonAction()->isEnabled());
    QVERIFY(w.window->importJsonAction()->isEnabled());
    w.window->setCurrentPage(MainWindow::Page::Models);
    QTRY_VERIFY(w.window->exportJsonAction()->isEnabled());
    QVERIFY(!w.window->importJsonAction()->isEnabled());
    w.window->setCurrentPage(MainWindow::Page::TrainingJobs);
    QTRY_VERIFY(!w.window->exportJsonAction()->isEnabled());
    // Without a store, templates are off rather than failing.
    QVERIFY(!child<QPushButton>(w.pages->trainingJobForm(), u"saveAsTemplateButton"_s)->isEnabled());
}

void TestForms::importOfTheOtherKindOpensTheOtherForm()
{
    Window w = open(nullptr);
    w.window->setCurrentPage(MainWindow::Page::NewTrainingJob);
    const QString path = m_dir->filePath(u"model.json"_s);
    QVERIFY(SpecJson::save(path, expectedModel(), SpecKind::Model));
    QVERIFY(w.pages->trainingJobForm()->importFile(path));
    QCOMPARE(w.window->currentPage(), MainWindow::Page::NewModel);
    QCOMPARE(w.pages->modelForm()->document(), expectedModel());
    QCOMPARE(w.pages->trainingJobForm()->name(), QString());
}

void TestForms::costEstimateFollowsTheForm()
{
    LocalStore store(m_dir->filePath(u"store.sqlite"_s));
    QVERIFY(store.open());
    PriceService prices(store);
    prices.setConnection(nullptr, u"eu-west-1"_s, u"offline"_s);
    QVERIFY(prices.enterPrice(u"eu-west-1"_s, u"ml.m5.2xlarge"_s, 0.5));
    Window w = open(&store, &prices);
    TrainingJobForm *form = w.pages->trainingJobForm();
    auto *estimate = qobject_cast<CostEstimateWidget *>(form->costEstimateWidget());
    QVERIFY(estimate);
    QVERIFY(estimate->isVisibleTo(form));
    // The default type has no price: the line says so.
    QVERIFY2(estimate->text().contains(u"ml.m5.xlarge"_s), qPrintable(estimate->text()));
    w.window->setCurrentPage(MainWindow::Page::NewTrainingJob);
    w.window->show();
    QVERIFY(QTest::qWaitForWindowActive(w.window.get()));
    type(form, u"instanceType"_s, u"ml.m5.2xlarge"_s);
    type(form, u"instanceCount"_s, u"3"_s);
    type(form, u"maxRuntime"_s, u"2h"_s);
    // 0.5 $/h × 3 × 2 h
    QTRY_VERIFY2(estimate->text().contains(u"3.00"_s), qPrintable(estimate->text()));
}

void TestForms::withoutConnectionTheFormsSaySo()
{
    Window w = open(nullptr);
    w.window->setCurrentPage(MainWindow::Page::NewTrainingJob);
    w.window->show();
    QVERIFY(QTest::qWaitForWindowActive(w.window.get()));
    TrainingJobForm *form = w.pages->trainingJobForm();
    fillTrainingJob(form);
    form->validateNow();
    form->review();
    QCOMPARE(form->reviewPage()->preflight(), ReviewPage::Preflight::Unavailable);
    QVERIFY(form->reviewPage()->preflightLines().join(u' ').contains(u"no connection"_s));
    form->submit();
    QVERIFY(!form->isSubmitting());
    QVERIFY(form->submitBanner()->text().contains(u"NotConnected"_s));
    QVERIFY(form->submitBanner()->text().contains(u"Connection"_s));
    QCOMPARE(form->document(), expectedTrainingJob());
}

void TestForms::unsentDraftsAreOfferedAtStart()
{
    LocalStore store(m_dir->filePath(u"store.sqlite"_s));
    QVERIFY(store.open());
    Draft draft;
    draft.id = DraftStore::newId();
    draft.kind = DocumentKind::TrainingJob;
    draft.title = u"left-behind"_s;
    draft.document = QString::fromUtf8(SpecJson::write(expectedTrainingJob(), SpecKind::TrainingJob));
    QVERIFY(DraftStore(store).save(draft));
    Window w = open(&store);
    QCOMPARE(w.pages->trainingJobForm()->draftsBar()->drafts().size(), 1);
    QVERIFY(w.pages->modelForm()->draftsBar()->drafts().isEmpty());
    click(w.pages->trainingJobForm()->draftsBar(), u"discardDraft_0"_s);
    QVERIFY(DraftStore(store).unsent()->isEmpty());
}

void TestForms::repairedStoreIsAnnounced()
{
    const QString path = m_dir->filePath(u"store.sqlite"_s);
    writeFile(path, QByteArray("this is not a database, just text that lost its way ").repeated(200));
    LocalStore store(path);
    QVERIFY(store.open());
    QVERIFY(!store.recoveryMessage().isEmpty());
    Window w = open(&store);
    for (CreateForm *form : { static_cast<CreateForm *>(w.pages->trainingJobForm()),
             static_cast<CreateForm *>(w.pages->modelForm()) }) {
        QVERIFY(form->messageBar()->isVisibleTo(form));
        QCOMPARE(form->messageBar()->kind(), MessageBar::Kind::Warning);
        QVERIFY(form->messageBar()->text().contains(store.recoveryMessage().toHtmlEscaped()));
    }
}

void TestForms::mnemonicsDoNotClash_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<bool>("review");
    QTest::addColumn<bool>("submitted");
    QTest::addColumn<bool>("vpc");
    const int job = int(MainWindow::Page::NewTrainingJob);
    const int model = int(MainWindow::Page::NewModel);
    QTest::newRow("training job form") << job << false << false << false;
    QTest::newRow("training job form, VPC account picker shown") << job << false << false << true;
    QTest::newRow("training job review") << job << true << false << false;
    QTest::newRow("training job created") << job << false << true << false;
    QTest::newRow("model form") << model << false << false << false;
    QTest::newRow("model form, VPC account picker shown") << model << false << false << true;
}

// Alt+letter reaches every button and labelled field a form shows (the VPC editor's account picker
// included), and no letter means two things (menus included).
void TestForms::mnemonicsDoNotClash()
{
    QFETCH(int, page);
    QFETCH(bool, review);
    QFETCH(bool, submitted);
    QFETCH(bool, vpc);
    Window w = open(nullptr);
    w.window->setCurrentPage(MainWindow::Page(page));
    w.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
    CreateForm *form
        = w.pages->form(page == int(MainWindow::Page::NewModel) ? SpecKind::Model : SpecKind::TrainingJob);
    if (review || submitted) {
        form->setDocument(page == int(MainWindow::Page::NewModel) ? expectedModel() : expectedTrainingJob());
        form->review();
        QVERIFY(form->isReviewing());
    }
    if (submitted) {
        connect(form, &CreateForm::submitRequested, this,
            [form] { form->submitSucceeded(u"arn:aws:sagemaker:x"_s); });
        form->submit();
        QVERIFY(form->submitBanner()->isVisible());
    }
    if (vpc) {
        form->setDocument(page == int(MainWindow::Page::NewModel) ? expectedModel() : expectedTrainingJob());
        QVERIFY(form->document().contains(u"VpcConfig"_s));
        auto *picker = form->findChild<QWidget *>(u"vpcChooser"_s);
        QVERIFY(picker);
        QTRY_VERIFY(picker->isVisible());
    }
    QMap<QChar, QString> taken;
    const auto take = [&taken](const QString &text) {
        const qsizetype at = text.indexOf(u'&');
        if (at < 0 || at + 1 >= text.size() || text.at(at + 1) == u'&')
            return;
        const QChar letter = text.at(at + 1).toLower();
        QVERIFY2(!taken.contains(letter),
            qPrintable(u"Alt+%1 is both \"%2\" and \"%3\""_s.arg(letter, taken.value(letter), text)));
        taken.insert(letter, text);
    };
    for (QAction *menu : w.window->menuBar()->actions())
        take(menu->text());
    for (QAbstractButton *button : w.window->findChildren<QAbstractButton *>())
        if (button->isVisible() && form->isAncestorOf(button))
            take(button->text());
    // A label's mnemonic focuses its buddy.
    for (QLabel *label : w.window->findChildren<QLabel *>())
        if (label->isVisible() && label->buddy() && form->isAncestorOf(label))
            take(label->text());
    for (QGroupBox *group : w.window->findChildren<QGroupBox *>())
        if (group->isVisible() && form->isAncestorOf(group))
            take(group->title());
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY(taken.size() > 5);
}

QTEST_MAIN(TestForms)
#include "tst_forms.moc"
