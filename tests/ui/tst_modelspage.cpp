#include "core/aws/awstransport.h"
#include "core/aws/clock.h"
#include "core/aws/credentialsprovider.h"
#include "core/sagemaker/modelbrowser.h"
#include "core/sagemaker/sagemakercall.h"
#include "core/sagemaker/sagemakerclient.h"
#include "tests/support/motoserver.h"
#include "tests/ui/scriptedprompts.h"
#include "tests/ui/uitestsupport.h"
#include "ui/dashboard/describeview.h"
#include "ui/dashboard/messagebanner.h"
#include "ui/models/modelspage.h"

#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject modelRequest(const QString &name, const QString &mode)
{
    return {
        { u"ModelName"_s, name },
        { u"PrimaryContainer"_s,
            QJsonObject { { u"Image"_s, u"123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:2.1"_s },
                { u"ModelDataUrl"_s, u"s3://bucket/%1/model.tar.gz"_s.arg(name) },
                { u"Environment"_s, QJsonObject { { u"MODE"_s, mode } } } } },
        { u"ExecutionRoleArn"_s, u"arn:aws:iam::123456789012:role/SageMakerRole"_s },
        { u"Tags"_s, QJsonArray { QJsonObject { { u"Key"_s, u"team"_s }, { u"Value"_s, u"vision"_s } } } },
    };
}

QStringList column(const QTableView *table, int column)
{
    QStringList texts;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        texts << table->model()->index(row, column).data().toString();
    return texts;
}

} // namespace

// Proves the Models page against moto_server as a user meets it: the table lists the account's models
// (name, creation time, ARN) newest first and filters by name; selecting one shows its DescribeModel
// answer; Delete asks first and does nothing on "no"; a failed delete shows the AWS error code and message;
// Export JSON writes the create-model input with the tags; Clone hands describe and tags to the form; a
// page without a connection says so.
class TestModelsPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void listsModelsNewestFirst();
    void filtersByName();
    void selectingDescribes();
    void deleteAsksFirst();
    void deleteFailureShowsAwsError();
    void exportWritesCreateInput();
    void cloneHandsDescribeAndTags();
    void withoutConnectionSaysSo();
    void screenshot();

private:
    SageMakerResult run(SageMakerCall *call);
    void createModel(const QString &name, const QString &mode);
    bool waitListed();

    QTemporaryDir m_home;
    std::unique_ptr<MotoServer> m_moto;
    std::unique_ptr<AwsTransport> m_transport;
    std::unique_ptr<SageMakerClient> m_client;
    std::unique_ptr<ModelBrowser> m_browser;
    std::unique_ptr<ScriptedPrompts> m_prompts;
    std::unique_ptr<ModelsPage> m_page;
    QTableView *m_table = nullptr;
};

void TestModelsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("HOME", m_home.path().toUtf8());
    QVERIFY2(MotoServer::isAvailable(), "moto_server is not on PATH");
    m_moto = std::make_unique<MotoServer>();
    QVERIFY2(m_moto->isRunning(), qPrintable(m_moto->errorString()));
    m_transport = std::make_unique<AwsTransport>(
        AwsTransport::Settings { m_moto->endpoint(), u"us-east-1"_s, u"sagemaker"_s },
        std::make_shared<StaticCredentialsProvider>(AwsCredentials { u"testing"_s, u"testing"_s, {}, {} }),
        Clock::system());
    m_client = std::make_unique<SageMakerClient>(m_transport.get());
}

void TestModelsPage::init()
{
    // Each test starts from the same three models, created a second apart so "newest first" is defined.
    const SageMakerResult listed = run(m_client->listAllModels());
    QVERIFY(listed.isOk());
    for (const QJsonValue &model : listed.json.value(u"Models"_s).toArray())
        QVERIFY(run(m_client->deleteModel(model.toObject().value(u"ModelName"_s).toString())).isOk());
    createModel(u"churn-alpha"_s, u"fast"_s);
    QTest::qWait(1100);
    createModel(u"churn-beta"_s, u"accurate"_s);
    QTest::qWait(1100);
    createModel(u"vision-gamma"_s, u"fast"_s);

    m_browser = std::make_unique<ModelBrowser>();
    m_browser->setClient(m_client.get());
    m_prompts = std::make_unique<ScriptedPrompts>();
    m_page = std::make_unique<ModelsPage>(m_browser.get(), m_prompts.get());
    m_table = m_page->findChild<QTableView *>(u"modelTable"_s);
    QVERIFY(m_table);
    m_page->resize(1280, 800);
    m_page->show(); // the first show lists
    QVERIFY(waitListed());
}

void TestModelsPage::cleanup()
{
    m_page.reset();
    m_browser.reset();
}

void TestModelsPage::cleanupTestCase()
{
    m_client.reset();
    m_transport.reset();
    m_moto.reset();
}

SageMakerResult TestModelsPage::run(SageMakerCall *call)
{
    SageMakerResult result;
    bool done = false;
    connect(call, &SageMakerCall::finished, this, [&](const SageMakerResult &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        qWarning("call did not finish");
    return result;
}

void TestModelsPage::createModel(const QString &name, const QString &mode)
{
    const SageMakerResult created = run(m_client->createModel(modelRequest(name, mode)));
    QVERIFY2(created.isOk(), qPrintable(created.error.toString()));
}

bool TestModelsPage::waitListed()
{
    return QTest::qWaitFor(
        [this] { return !m_browser->isListing() && m_table->model()->rowCount() > 0; }, 30000);
}

void TestModelsPage::listsModelsNewestFirst()
{
    QCOMPARE(column(m_table, 0), QStringList({ u"vision-gamma"_s, u"churn-beta"_s, u"churn-alpha"_s }));
    QCOMPARE(m_table->model()->index(0, 2).data().toString(),
        u"arn:aws:sagemaker:us-east-1:123456789012:model/vision-gamma"_s);
    QVERIFY(!m_table->model()->index(0, 1).data().toString().isEmpty());
    QCOMPARE(child<QLabel>(m_page.get(), u"modelCount"_s)->text(), u"3 models"_s);
}

void TestModelsPage::filtersByName()
{
    QTest::keyClicks(child<QLineEdit>(m_page.get(), u"modelFilter"_s), u"CHURN"_s);
    QCOMPARE(column(m_table, 0), QStringList({ u"churn-beta"_s, u"churn-alpha"_s }));
    QCOMPARE(child<QLabel>(m_page.get(), u"modelCount"_s)->text(), u"2 of 3 models"_s);
}

void TestModelsPage::selectingDescribes()
{
    QVERIFY(m_page->selectModel(u"churn-beta"_s));
    auto *detail = child<DescribeView>(m_page.get(), u"modelDetail"_s);
    QTRY_COMPARE(detail->valueText(u"PrimaryContainer.Environment.MODE"_s), u"accurate"_s);
    QCOMPARE(detail->valueText(u"PrimaryContainer.ModelDataUrl"_s), u"s3://bucket/churn-beta/model.tar.gz"_s);
    QCOMPARE(detail->valueText(u"ExecutionRoleArn"_s), u"arn:aws:iam::123456789012:role/SageMakerRole"_s);
    QCOMPARE(child<QLabel>(m_page.get(), u"modelDetailTitle"_s)->text(), u"churn-beta"_s);
    QVERIFY(detail->sectionTitles().contains(u"Primary container"_s));
}

void TestModelsPage::deleteAsksFirst()
{
    QVERIFY(m_page->selectModel(u"churn-alpha"_s));
    m_prompts->confirmAnswer = false;
    // The Delete key on the table asks, as the toolbar button does.
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    m_table->setFocus();
    QTest::keyClick(m_table, Qt::Key_Delete);
    QCOMPARE(m_prompts->asked.size(), 1);
    QVERIFY(m_prompts->asked.first().contains(u"churn-alpha"_s));
    QVERIFY(!m_browser->isDeleting(u"churn-alpha"_s));
    QCOMPARE(m_table->model()->rowCount(), 3);

    m_prompts->confirmAnswer = true;
    m_page->deleteAction()->trigger();
    QTRY_COMPARE(m_table->model()->rowCount(), 2);
    QVERIFY(!column(m_table, 0).contains(u"churn-alpha"_s));
    // Gone from the service, not only from the table.
    const SageMakerResult listed = run(m_client->listAllModels());
    QCOMPARE(listed.json.value(u"Models"_s).toArray().size(), 2);
    QVERIFY(
        child<MessageBanner>(m_page.get(), u"messageBanner"_s)->text().contains(u"churn-alpha deleted"_s));
}

void TestModelsPage::deleteFailureShowsAwsError()
{
    QVERIFY(m_page->selectModel(u"churn-beta"_s));
    // Deleted behind the page's back: the page's delete now fails at the service.
    QVERIFY(run(m_client->deleteModel(u"churn-beta"_s)).isOk());
    m_page->deleteAction()->trigger();
    auto *banner = child<MessageBanner>(m_page.get(), u"messageBanner"_s);
    QTRY_VERIFY(banner->text().contains(u"Could not delete model churn-beta"_s));
    QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
    QVERIFY2(banner->text().contains(u"ValidationException"_s), qPrintable(banner->text()));
    QVERIFY2(banner->text().contains(u"HTTP 400"_s), qPrintable(banner->text()));
}

void TestModelsPage::exportWritesCreateInput()
{
    QTemporaryDir dir;
    m_prompts->fileAnswer = dir.filePath(u"vision.json"_s);
    QVERIFY(m_page->selectModel(u"vision-gamma"_s));
    m_page->exportAction()->trigger();
    auto *banner = child<MessageBanner>(m_page.get(), u"messageBanner"_s);
    QTRY_VERIFY(banner->text().startsWith(u"Saved the create-model input for vision-gamma"_s));
    QFile file(m_prompts->fileAnswer);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject written = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(written.value(u"ModelName"_s).toString(), u"vision-gamma"_s);
    QVERIFY(!written.contains(u"ModelArn"_s));
    QVERIFY(!written.contains(u"CreationTime"_s));
    QCOMPARE(written.value(u"Tags"_s).toArray(),
        QJsonArray({ QJsonObject { { u"Key"_s, u"team"_s }, { u"Value"_s, u"vision"_s } } }));
    QCOMPARE(
        written.value(u"PrimaryContainer"_s).toObject().value(u"Environment"_s).toObject().value(u"MODE"_s),
        QJsonValue(u"fast"_s));
}

void TestModelsPage::cloneHandsDescribeAndTags()
{
    QSignalSpy cloned(m_page.get(), &ModelsPage::cloneRequested);
    QVERIFY(m_page->selectModel(u"churn-beta"_s));
    m_page->cloneAction()->trigger();
    QTRY_COMPARE(cloned.size(), 1);
    const QJsonObject description = cloned.first().at(0).toJsonObject();
    const QJsonObject tags = cloned.first().at(1).toJsonObject();
    QCOMPARE(description.value(u"ModelName"_s).toString(), u"churn-beta"_s);
    QCOMPARE(description.value(u"ModelArn"_s).toString(),
        u"arn:aws:sagemaker:us-east-1:123456789012:model/churn-beta"_s);
    QCOMPARE(tags.value(u"Tags"_s).toArray().size(), 1);
}

void TestModelsPage::withoutConnectionSaysSo()
{
    m_browser->setClient(nullptr);
    QCOMPARE(m_table->model()->rowCount(), 0);
    auto *banner = child<MessageBanner>(m_page.get(), u"messageBanner"_s);
    QTRY_VERIFY(banner->text().contains(u"Could not list models"_s));
    QVERIFY(banner->text().contains(u"NotConnected"_s));
}

void TestModelsPage::screenshot()
{
    QVERIFY(m_page->selectModel(u"churn-beta"_s));
    auto *detail = child<DescribeView>(m_page.get(), u"modelDetail"_s);
    QTRY_VERIFY(!detail->valueText(u"PrimaryContainer.Image"_s).isEmpty());
    QVERIFY(!saveScreenshot(m_page.get(), u"models-page"_s, QSize(1280, 800)).isEmpty());
}

QTEST_MAIN(TestModelsPage)
#include "tst_modelspage.moc"
