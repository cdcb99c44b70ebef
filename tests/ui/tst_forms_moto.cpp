#include "core/api/specjson.h"
#include "core/sagemaker/describematcher.h"
#include "core/sagemaker/sagemakercall.h"
#include "core/sagemaker/sagemakerclient.h"
#include "core/session/connectionservices.h"
#include "core/session/session.h"
#include "core/store/draftstore.h"
#include "core/store/localstore.h"
#include "core/store/recentvalues.h"
#include "tests/support/ec2setup.h"
#include "tests/support/fixtureserver.h"
#include "tests/support/motoserver.h"
#include "tests/ui/formdriver.h"
#include "tests/ui/uitestsupport.h"
#include "ui/forms/formpages.h"
#include "ui/forms/messagebar.h"
#include "ui/forms/modelform.h"
#include "ui/forms/reviewpage.h"
#include "ui/forms/trainingjobform.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace FormDriver;

namespace {

constexpr int answerMs = 60000;

SageMakerResult run(SageMakerCall *call)
{
    SageMakerResult result;
    bool done = false;
    QObject::connect(call, &SageMakerCall::finished, call, [&](const SageMakerResult &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, answerMs))
        qWarning("%s did not finish", qPrintable(call->operation()));
    return result;
}

// moto 5.2.1 does not keep everything a create sends: it answers its own MetricDefinitions, no training
// Environment and EnableNetworkIsolation false for a model. The request without those members.
QJsonObject keptByMoto(QJsonObject request)
{
    QJsonObject algorithm = request.value(u"AlgorithmSpecification"_s).toObject();
    algorithm.remove(u"MetricDefinitions"_s);
    if (!algorithm.isEmpty())
        request.insert(u"AlgorithmSpecification"_s, algorithm);
    request.remove(u"Environment"_s);
    if (request.contains(u"ModelName"_s))
        request.remove(u"EnableNetworkIsolation"_s);
    return request;
}

QJsonArray withoutSystemTags(const QJsonArray &tags)
{
    QJsonArray kept;
    for (const QJsonValue &tag : tags)
        if (!tag.toObject().value(u"Key"_s).toString().startsWith(u"aws:"_s))
            kept.append(tag);
    return kept;
}

} // namespace

// Proves the create forms end to end against moto_server, as a user would go: fill every section with a
// real VPC of the account (made in moto), review (the pre-flight check asks moto's EC2), submit with
// Ctrl+Return, and find the job or model in SageMaker with exactly the channels, VPC, hyperparameters and
// tags entered (DescribeTrainingJob/DescribeModel and ListTags through SageMakerClient). Also: an exported
// request is accepted by `aws sagemaker create-training-job --cli-input-json`, and a create the service
// refuses (a scripted server: moto refuses nothing) comes back as its error code, message and request id
// with the form as it was.
class TestFormsMoto : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void trainingJobIsCreatedAsEntered();
    void modelIsCreatedAsEntered();
    void refusedCreateShowsTheAwsError();
    void exportIsAcceptedByTheAwsCli();

private:
    void submitWithKeyboard(CreateForm *form);
    SageMakerClient *client() const { return m_session->services()->sageMaker(); }

    QTemporaryDir m_home;
    std::unique_ptr<MotoServer> m_moto;
    std::optional<Ec2Setup::SampleNetworks> m_networks;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<FormPages> m_pages;
};

void TestFormsMoto::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("HOME", m_home.path().toUtf8());
    QVERIFY2(MotoServer::isAvailable(), "moto_server is not on PATH (scripts/install-deps.sh installs it)");
    m_moto = std::make_unique<MotoServer>();
    QVERIFY2(m_moto->isRunning(), qPrintable(m_moto->errorString()));
    Ec2Setup ec2(m_moto->endpoint());
    m_networks = ec2.buildSampleNetworks();
    QVERIFY2(m_networks, qPrintable(ec2.error()));

    QProcessEnvironment environment;
    environment.insert(u"AWS_ACCESS_KEY_ID"_s, u"testing"_s);
    environment.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"testing"_s);
    environment.insert(u"AWS_REGION"_s, u"us-east-1"_s);
    m_session = std::make_unique<Session>(environment, m_home.path());
    m_session->connectTo(ConnectionSettings { .profile = {},
        .region = u"us-east-1"_s,
        .endpointUrl = m_moto->endpoint().toString(),
        .sandbox = false });
    QCOMPARE(m_session->state(), Session::State::Connected);
    QVERIFY(m_session->services() && m_session->services()->ec2());
}

void TestFormsMoto::cleanupTestCase()
{
    m_session.reset();
    m_moto.reset();
}

void TestFormsMoto::init()
{
    m_store = std::make_unique<LocalStore>(
        m_home.filePath(u"store-%1.sqlite"_s.arg(QLatin1String(QTest::currentTestFunction()))));
    QVERIFY(m_store->open());
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_pages = std::make_unique<FormPages>(m_window.get(), m_session.get(), m_store.get(), nullptr);
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestFormsMoto::cleanup()
{
    m_pages.reset();
    m_window.reset();
    m_store.reset();
}

void TestFormsMoto::submitWithKeyboard(CreateForm *form)
{
    QTRY_VERIFY2(child<QPushButton>(form, u"review"_s)->isEnabled(),
        qPrintable(u"problems: %1"_s.arg(
            form->diagnostics().isEmpty() ? QString() : form->diagnostics().first().message)));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(form->isReviewing());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
}

void TestFormsMoto::trainingJobIsCreatedAsEntered()
{
    m_window->setCurrentPage(MainWindow::Page::NewTrainingJob);
    TrainingJobForm *form = m_pages->trainingJobForm();
    const TrainingJobInput input { u"forms-moto-job"_s, { m_networks->train },
        { m_networks->cleanA, m_networks->cleanB } };
    fillTrainingJob(form, input);
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(form->document(), expectedTrainingJob(input));

    QTRY_VERIFY(child<QPushButton>(form, u"review"_s)->isEnabled());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(form->isReviewing());
    // The pre-flight check asked moto's EC2 about the subnets and the security group.
    QTRY_COMPARE_WITH_TIMEOUT(form->reviewPage()->preflight(), ReviewPage::Preflight::Done, answerMs);
    const QString preflight = form->reviewPage()->preflightLines().join(u'\n');
    QVERIFY2(
        !preflight.contains(u"NotFound"_s) && !preflight.contains(u"not found"_s), qPrintable(preflight));
    QVERIFY2(!preflight.contains(u"error"_s), qPrintable(preflight));
    saveScreenshot(m_window.get(), u"forms-moto-review"_s);

    QSignalSpy submitted(form, &CreateForm::submitted);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(submitted.size(), 1, answerMs);
    const QString arn = submitted.first().at(0).toString();
    QVERIFY2(arn.contains(u":training-job/forms-moto-job"_s), qPrintable(arn));
    QVERIFY(form->submitBanner()->text().contains(arn));
    QCOMPARE(form->submitBanner()->kind(), MessageBar::Kind::Success);

    const SageMakerResult described = run(client()->describeTrainingJob(input.name));
    QVERIFY2(described.isOk(), qPrintable(described.error.toString()));
    const QJsonObject expected = expectedTrainingJob(input);
    QVERIFY2(DescribeMatcher::differences(keptByMoto(expected), described.json).isEmpty(),
        qPrintable(DescribeMatcher::differences(keptByMoto(expected), described.json).join(u", "_s)));
    // Exactly what was entered: the two channels in order, the VPC, the hyperparameters.
    const QJsonArray channels = described.json.value(u"InputDataConfig"_s).toArray();
    QCOMPARE(channels.size(), 2);
    QCOMPARE(channels.at(0).toObject().value(u"ChannelName"_s).toString(), u"train"_s);
    QCOMPARE(channels.at(1).toObject().value(u"ChannelName"_s).toString(), u"validation"_s);
    QCOMPARE(described.json.value(u"VpcConfig"_s).toObject(), expected.value(u"VpcConfig"_s).toObject());
    QCOMPARE(described.json.value(u"HyperParameters"_s).toObject(),
        expected.value(u"HyperParameters"_s).toObject());
    const SageMakerResult tags = run(client()->listAllTags(arn));
    QVERIFY2(tags.isOk(), qPrintable(tags.error.toString()));
    QCOMPARE(withoutSystemTags(tags.json.value(u"Tags"_s).toArray()), expected.value(u"Tags"_s).toArray());

    // The draft of what was sent is no longer offered for restoring.
    QVERIFY(DraftStore(*m_store).unsent()->isEmpty());
    // The image and role are offered next time.
    QCOMPARE(RecentValues(*m_store).values(u"training-image"_s)->value(0),
        expected.value(u"AlgorithmSpecification"_s).toObject().value(u"TrainingImage"_s).toString());
    QCOMPARE(child<QComboBox>(form, u"roleArn"_s)->itemText(0), expected.value(u"RoleArn"_s).toString());
    // "Open on dashboard" hands the new job on.
    QSignalSpy open(m_pages.get(), &FormPages::openOnDashboardRequested);
    click(form->submitBanner(), u"openOnDashboardButton"_s);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().at(1).toString(), arn);
}

void TestFormsMoto::modelIsCreatedAsEntered()
{
    m_window->setCurrentPage(MainWindow::Page::NewModel);
    ModelForm *form = m_pages->modelForm();
    // A VPC without endpoints: the check warns, the user submits anyway.
    const ModelInput input { u"forms-moto-model"_s, { m_networks->bareGroup }, { m_networks->bareSubnet } };
    fillModel(form, input);
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(form->document(), expectedModel(input));
    QTRY_VERIFY(child<QPushButton>(form, u"review"_s)->isEnabled());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(form->reviewPage()->preflight(), ReviewPage::Preflight::Done, answerMs);
    QCOMPARE(child<QPushButton>(form->reviewPage(), u"submit"_s)->text(), u"&Submit anyway"_s);

    QSignalSpy submitted(form, &CreateForm::submitted);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(submitted.size(), 1, answerMs);
    const QString arn = submitted.first().at(0).toString();
    QVERIFY2(arn.contains(u":model/forms-moto-model"_s), qPrintable(arn));

    const SageMakerResult described = run(client()->describeModel(input.name));
    QVERIFY2(described.isOk(), qPrintable(described.error.toString()));
    const QJsonObject expected = expectedModel(input);
    QVERIFY2(DescribeMatcher::differences(keptByMoto(expected), described.json).isEmpty(),
        qPrintable(DescribeMatcher::differences(keptByMoto(expected), described.json).join(u", "_s)));
    QCOMPARE(described.json.value(u"VpcConfig"_s).toObject(), expected.value(u"VpcConfig"_s).toObject());
    QCOMPARE(described.json.value(u"PrimaryContainer"_s).toObject().value(u"Environment"_s).toObject(),
        expected.value(u"PrimaryContainer"_s).toObject().value(u"Environment"_s).toObject());
    const SageMakerResult tags = run(client()->listAllTags(arn));
    QVERIFY2(tags.isOk(), qPrintable(tags.error.toString()));
    QCOMPARE(withoutSystemTags(tags.json.value(u"Tags"_s).toArray()), expected.value(u"Tags"_s).toArray());
}

void TestFormsMoto::refusedCreateShowsTheAwsError()
{
    // moto creates whatever it is sent; a scripted server plays the refusing service.
    FixtureServer fixture;
    QVERIFY(fixture.listen());
    fixture.enqueue(u"CreateModel"_s,
        FixtureAction::awsError(
            400, u"ValidationException"_s, u"Could not access model data at s3://forms-bucket/none."_s));
    QProcessEnvironment environment;
    environment.insert(u"AWS_ACCESS_KEY_ID"_s, u"testing"_s);
    environment.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"testing"_s);
    Session refusing(environment, m_home.path());
    refusing.connectTo(ConnectionSettings {
        .profile = {}, .region = u"us-east-1"_s, .endpointUrl = fixture.url().toString(), .sandbox = false });
    QCOMPARE(refusing.state(), Session::State::Connected);
    MainWindow window(&refusing);
    FormPages pages(&window, &refusing, m_store.get(), nullptr);
    window.setCurrentPage(MainWindow::Page::NewModel);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    ModelForm *form = pages.modelForm();
    type(form, u"modelName"_s, u"forms-refused"_s);
    type(form, u"image"_s, u"123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:1.0"_s);
    type(form, u"modelDataUrl"_s, u"s3://forms-bucket/none/model.tar.gz"_s);
    type(form, u"executionRoleArn"_s, u"arn:aws:iam::123456789012:role/SageMakerExecution"_s);
    const QJsonObject entered = form->document();
    QSignalSpy submitted(form, &CreateForm::submitted);
    submitWithKeyboard(form);
    QTRY_VERIFY_WITH_TIMEOUT(!form->isSubmitting(), answerMs);
    QCOMPARE(submitted.size(), 0);
    QCOMPARE(fixture.requestCount(u"CreateModel"_s), 1);
    QCOMPARE(form->submitBanner()->kind(), MessageBar::Kind::Error);
    const QString text = form->submitBanner()->text();
    QVERIFY2(text.contains(u"ValidationException"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Could not access model data at s3://forms-bucket/none."_s), qPrintable(text));
    QVERIFY2(text.contains(u"fixture-"_s), qPrintable(text)); // the request id
    // The user's input is intact and the form is back for a fix.
    QVERIFY(!form->isReviewing());
    QCOMPARE(form->document(), entered);
    saveScreenshot(&window, u"forms-refused"_s);
}

void TestFormsMoto::exportIsAcceptedByTheAwsCli()
{
    QVERIFY2(MotoServer::isAwsCliAvailable(), "the AWS CLI (aws) is not on PATH");
    m_window->setCurrentPage(MainWindow::Page::NewTrainingJob);
    TrainingJobForm *form = m_pages->trainingJobForm();
    const TrainingJobInput input { u"forms-cli-job"_s, { m_networks->train }, { m_networks->cleanA } };
    fillTrainingJob(form, input);
    const QString file = m_home.filePath(u"forms-cli-job.json"_s);
    QVERIFY(form->exportFile(file));
    const MotoServer::CliResult created = m_moto->aws(
        { u"sagemaker"_s, u"create-training-job"_s, u"--cli-input-json"_s, u"file://"_s + file });
    QVERIFY2(created.ok(), qPrintable(created.describe()));
    const SageMakerResult described = run(client()->describeTrainingJob(input.name));
    QVERIFY2(described.isOk(), qPrintable(described.error.toString()));
    QVERIFY2(DescribeMatcher::differences(keptByMoto(expectedTrainingJob(input)), described.json).isEmpty(),
        qPrintable(DescribeMatcher::differences(keptByMoto(expectedTrainingJob(input)), described.json)
                       .join(u", "_s)));
}

QTEST_MAIN(TestFormsMoto)
#include "tst_forms_moto.moc"
