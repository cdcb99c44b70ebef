#include "core/aws/awstransport.h"
#include "core/aws/clock.h"
#include "core/aws/credentialsprovider.h"
#include "core/sagemaker/describematcher.h"
#include "core/sagemaker/sagemakerclient.h"
#include "tests/sagemaker/samplespecs.h"
#include "tests/support/motoserver.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

// Proves every SageMakerClient method against a real SageMaker emulator (moto_server on a free loopback
// port for this fixture): models and training jobs created, described, listed, tagged and deleted; the
// list-all helpers across 250 training jobs (three pages), with filters and --max-items; and the readable
// error for moto's missing StopTrainingJob (an HTTP 500 HTML page).
class TestSageMakerClientMoto : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void modelLifecycle();
    void trainingJobLifecycle();
    void listAllAcross250Jobs();
    void listFilters_data();
    void listFilters();
    void stopTrainingJobIsMissingInMoto();

private:
    SageMakerResult run(SageMakerCall *call);
    QList<SageMakerResult> runAll(const QList<SageMakerCall *> &calls);
    QStringList trainingJobNames(const SageMakerResult &result);

    std::unique_ptr<MotoServer> m_moto;
    std::unique_ptr<AwsTransport> m_transport;
    std::unique_ptr<SageMakerClient> m_client;
};

void TestSageMakerClientMoto::initTestCase()
{
    QVERIFY2(MotoServer::isAvailable(), "moto_server is not on PATH (scripts/install-deps.sh installs it)");
    m_moto = std::make_unique<MotoServer>();
    QVERIFY2(m_moto->isRunning(), qPrintable(m_moto->errorString()));
    m_transport = std::make_unique<AwsTransport>(
        AwsTransport::Settings { m_moto->endpoint(), u"us-east-1"_s, u"sagemaker"_s },
        std::make_shared<StaticCredentialsProvider>(AwsCredentials { u"testing"_s, u"testing"_s, {}, {} }),
        Clock::system());
    m_transport->retryPolicy().setRandomSource([] { return 0.0; }); // retries without waiting
    m_client = std::make_unique<SageMakerClient>(m_transport.get());
}

void TestSageMakerClientMoto::cleanupTestCase()
{
    m_client.reset();
    m_transport.reset();
    m_moto.reset();
}

SageMakerResult TestSageMakerClientMoto::run(SageMakerCall *call)
{
    return runAll({ call }).value(0);
}

QList<SageMakerResult> TestSageMakerClientMoto::runAll(const QList<SageMakerCall *> &calls)
{
    QList<SageMakerResult> results(calls.size());
    qsizetype done = 0;
    for (qsizetype i = 0; i < calls.size(); ++i)
        connect(calls[i], &SageMakerCall::finished, this, [&results, &done, i](const SageMakerResult &r) {
            results[i] = r;
            ++done;
        });
    if (!QTest::qWaitFor([&] { return done == calls.size(); }, 120000))
        qWarning("calls did not finish");
    return results;
}

QStringList TestSageMakerClientMoto::trainingJobNames(const SageMakerResult &result)
{
    QStringList names;
    for (const QJsonValue &summary : result.json.value(u"TrainingJobSummaries"_s).toArray())
        names.append(summary[u"TrainingJobName"_s].toString());
    return names;
}

void TestSageMakerClientMoto::modelLifecycle()
{
    const QJsonObject request = sampleModel(u"client-model"_s);
    const SageMakerResult created = run(m_client->createModel(request));
    QVERIFY2(created.isOk(), qPrintable(created.error.toString()));
    const QString arn = created.json.value(u"ModelArn"_s).toString();
    QVERIFY2(arn.endsWith(u":model/client-model"_s), qPrintable(arn));
    QVERIFY(!created.confirmedByDescribe);

    const SageMakerResult described = run(m_client->describeModel(u"client-model"_s));
    QVERIFY2(described.isOk(), qPrintable(described.error.toString()));
    QCOMPARE(described.json.value(u"ModelArn"_s).toString(), arn);
    QCOMPARE(described.json.value(u"PrimaryContainer"_s), request.value(u"PrimaryContainer"_s));
    QCOMPARE(described.json.value(u"ExecutionRoleArn"_s), request.value(u"ExecutionRoleArn"_s));

    const SageMakerResult page = run(m_client->listModels({ { u"MaxResults"_s, 100 } }));
    QVERIFY2(page.isOk(), qPrintable(page.error.toString()));
    const SageMakerResult all = run(m_client->listAllModels());
    QVERIFY2(all.isOk(), qPrintable(all.error.toString()));
    for (const SageMakerResult &listed : { page, all }) {
        const QJsonArray models = listed.json.value(u"Models"_s).toArray();
        QVERIFY(std::any_of(models.begin(), models.end(),
            [](const QJsonValue &m) { return m[u"ModelName"_s].toString() == "client-model"_L1; }));
    }

    const SageMakerResult tagPage = run(m_client->listTags(arn));
    QVERIFY2(tagPage.isOk(), qPrintable(tagPage.error.toString()));
    QCOMPARE(tagPage.json.value(u"Tags"_s), request.value(u"Tags"_s));
    const SageMakerResult tags = run(m_client->listAllTags(arn));
    QVERIFY2(tags.isOk(), qPrintable(tags.error.toString()));
    QCOMPARE(tags.json.value(u"Tags"_s), request.value(u"Tags"_s));

    const SageMakerResult deleted = run(m_client->deleteModel(u"client-model"_s));
    QVERIFY2(deleted.isOk(), qPrintable(deleted.error.toString()));
    const SageMakerResult gone = run(m_client->describeModel(u"client-model"_s));
    QCOMPARE(gone.error.code, u"ValidationException"_s);
    QCOMPARE(gone.httpStatus, 400);
    QVERIFY2(gone.error.message.contains(u"client-model"_s), qPrintable(gone.error.message));
}

void TestSageMakerClientMoto::trainingJobLifecycle()
{
    const QJsonObject request = sampleTrainingJob(u"client-job"_s);
    const SageMakerResult created = run(m_client->createTrainingJob(request));
    QVERIFY2(created.isOk(), qPrintable(created.error.toString()));
    const QString arn = created.json.value(u"TrainingJobArn"_s).toString();
    QVERIFY2(arn.endsWith(u":training-job/client-job"_s), qPrintable(arn));

    const SageMakerResult described = run(m_client->describeTrainingJob(u"client-job"_s));
    QVERIFY2(described.isOk(), qPrintable(described.error.toString()));
    QCOMPARE(described.json.value(u"TrainingJobArn"_s).toString(), arn);
    QVERIFY(!described.json.value(u"TrainingJobStatus"_s).toString().isEmpty());
    // What the safe create would compare: moto's description matches the request (it adds members and a
    // metric definition of its own), which is what lets a lost create be confirmed.
    QCOMPARE(DescribeMatcher::differences(request, described.json), QStringList());

    const SageMakerResult page = run(m_client->listTrainingJobs({ { u"NameContains"_s, u"client-job"_s } }));
    QVERIFY2(page.isOk(), qPrintable(page.error.toString()));
    QCOMPARE(trainingJobNames(page), QStringList { u"client-job"_s });

    const SageMakerResult tags = run(m_client->listAllTags(arn));
    QVERIFY2(tags.isOk(), qPrintable(tags.error.toString()));
    QCOMPARE(DescribeMatcher::missingTags(
                 request.value(u"Tags"_s).toArray(), tags.json.value(u"Tags"_s).toArray()),
        QStringList());

    const SageMakerResult missing = run(m_client->describeTrainingJob(u"client-job-missing"_s));
    QCOMPARE(missing.error.code, u"ValidationException"_s);
}

void TestSageMakerClientMoto::listAllAcross250Jobs()
{
    QList<SageMakerCall *> creates;
    for (int i = 0; i < 250; ++i)
        creates.append(
            m_client->createTrainingJob(sampleTrainingJob(u"page-job-%1"_s.arg(i, 3, 10, QLatin1Char('0')))));
    for (const SageMakerResult &created : runAll(creates))
        QVERIFY2(created.isOk(), qPrintable(created.error.toString()));

    const QJsonObject filters { { u"NameContains"_s, u"page-job-"_s } };
    SageMakerCall *call = m_client->listAllTrainingJobs(filters);
    QSignalSpy pages(call, &SageMakerCall::pageReceived);
    const SageMakerResult all = run(call);
    QVERIFY2(all.isOk(), qPrintable(all.error.toString()));
    QStringList names = trainingJobNames(all);
    QCOMPARE(names.size(), 250);
    QCOMPARE(names.removeDuplicates(), 0);
    QVERIFY(!all.json.contains(u"NextToken"_s));
    QVERIFY2(all.pages >= 3, qPrintable(QString::number(all.pages)));
    QCOMPARE(pages.size(), all.pages);
    QCOMPARE(pages.last().at(1).toInt(), 250);

    const SageMakerResult first = run(m_client->listAllTrainingJobs(filters, 120));
    QVERIFY2(first.isOk(), qPrintable(first.error.toString()));
    const QString token = first.json.value(u"NextToken"_s).toString();
    QVERIFY(!token.isEmpty());
    QJsonObject resume = filters;
    resume.insert(u"NextToken"_s, token);
    const SageMakerResult rest = run(m_client->listAllTrainingJobs(resume));
    QVERIFY2(rest.isOk(), qPrintable(rest.error.toString()));
    QStringList together = trainingJobNames(first) + trainingJobNames(rest);
    QCOMPARE(trainingJobNames(first).size(), 120);
    QCOMPARE(together.size(), 250);
    QCOMPARE(together.removeDuplicates(), 0);
}

void TestSageMakerClientMoto::listFilters_data()
{
    QTest::addColumn<QJsonObject>("filters");
    QTest::addColumn<QStringList>("expected");
    const QStringList both { u"filter-a"_s, u"filter-b"_s };
    QTest::newRow("name contains") << QJsonObject { { u"NameContains"_s, u"filter-"_s } } << both;
    QTest::newRow("name contains, descending by name") << QJsonObject {
        { u"NameContains"_s, u"filter-"_s }, { u"SortBy"_s, u"Name"_s }, { u"SortOrder"_s, u"Descending"_s }
    } << both; // moto ignores the order; the filter still holds
    QTest::newRow("status completed (moto completes at once)")
        << QJsonObject { { u"NameContains"_s, u"filter-"_s }, { u"StatusEquals"_s, u"Completed"_s } } << both;
    QTest::newRow("status in progress")
        << QJsonObject { { u"NameContains"_s, u"filter-"_s }, { u"StatusEquals"_s, u"InProgress"_s } }
        << QStringList();
    QTest::newRow("created before 2000")
        << QJsonObject { { u"NameContains"_s, u"filter-"_s }, { u"CreationTimeBefore"_s, 946684800 } }
        << QStringList();
    QTest::newRow("created after 2000")
        << QJsonObject { { u"NameContains"_s, u"filter-"_s }, { u"CreationTimeAfter"_s, 946684800 } } << both;
}

void TestSageMakerClientMoto::listFilters()
{
    QFETCH(QJsonObject, filters);
    QFETCH(QStringList, expected);
    runAll({ m_client->createTrainingJob(sampleTrainingJob(u"filter-a"_s)),
        m_client->createTrainingJob(sampleTrainingJob(u"filter-b"_s)) });
    const SageMakerResult result = run(m_client->listAllTrainingJobs(filters));
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    QStringList names = trainingJobNames(result);
    names.sort();
    QCOMPARE(names, expected);
}

void TestSageMakerClientMoto::stopTrainingJobIsMissingInMoto()
{
    run(m_client->createTrainingJob(sampleTrainingJob(u"stop-me"_s)));
    m_transport->retryPolicy().setMaxAttempts(1);
    const SageMakerResult result = run(m_client->stopTrainingJob(u"stop-me"_s));
    m_transport->retryPolicy().setMaxAttempts(3);
    QCOMPARE(result.error.code, u"InternalServerError"_s);
    QCOMPARE(result.httpStatus, 500);
    QVERIFY2(result.error.message.startsWith(
                 u"HTTP 500 Internal Server Error with an HTML page instead of an AWS response"_s),
        qPrintable(result.error.message));
    QVERIFY(!result.error.message.contains(u'<'));
    qInfo("what the user sees: %s", qPrintable(result.error.toString()));
}

QTEST_GUILESS_MAIN(TestSageMakerClientMoto)
#include "tst_sagemakerclient_moto.moc"
