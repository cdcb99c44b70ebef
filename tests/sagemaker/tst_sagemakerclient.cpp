#include "core/sagemaker/safecreatecall.h"
#include "tests/sagemaker/clientharness.h"

#include <QJsonArray>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// Proves SageMakerClient against the fault-injecting fixture server: what each method puts on the wire and
// hands back, errors passed through with code, message and request id, the list-all helpers (every
// NextToken followed, empty pages, --max-items cut on a page boundary, a repeated token, a failing page),
// and the safe create: a create whose answer was lost and whose retry is refused because the name exists is
// resolved by a describe (and ListTags) into success or a name clash, never into a false failure or a
// second resource.
class TestSageMakerClient : public QObject
{
    Q_OBJECT

private slots:
    void operationOnTheWire_data();
    void operationOnTheWire();
    void serviceErrorPassedThrough();
    void listAllFollowsEveryPage();
    void listAllFollowsEmptyPages();
    void listAllStopsAtMaxItems();
    void listAllCutsOversizedPage();
    void listAllRepeatedTokenIsAnError();
    void listAllFailingPage();
    void listAllTagsUsesItsPageSize();
    void safeCreate_data();
    void safeCreate();
    void nameTakenBeforehandIsNotChecked();
    void everyAttemptLostButCreated();
    void everyAttemptLostNotCreated();
    void everyAttemptLostCheckFails();
    void deletingHandleCancels();
    void abortFinishesOnce();
    void transportDestroyedFirst();
};

namespace {

const QString jobArn = u"arn:aws:sagemaker:us-east-1:123456789012:training-job/job-1"_s;
const QString modelArn = u"arn:aws:sagemaker:us-east-1:123456789012:model/model-1"_s;

// A list service over count numbered entries, paged by MaxResults and an index token, like moto.
FixtureServer::Handler pagedList(const QString &itemsMember, int count, const QString &prefix)
{
    return [=](const FixtureRequest &request) {
        const QJsonObject input = request.json();
        const int start = input.value(u"NextToken"_s).toString().toInt();
        const int size = input.value(u"MaxResults"_s).toInt(10);
        QJsonArray items;
        for (int i = start; i < std::min(count, start + size); ++i)
            items.append(
                QJsonObject { { u"Name"_s, u"%1-%2"_s.arg(prefix).arg(i, 3, 10, QLatin1Char('0')) } });
        QJsonObject page { { itemsMember, items } };
        if (start + size < count)
            page.insert(u"NextToken"_s, QString::number(start + size));
        return FixtureAction::json(page);
    };
}

QStringList names(const QJsonArray &items)
{
    QStringList result;
    for (const QJsonValue &item : items)
        result.append(item[u"Name"_s].toString());
    return result;
}

} // namespace

void TestSageMakerClient::operationOnTheWire_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QJsonObject>("expectedInput");

    QTest::newRow("createModel") << u"createModel"_s << u"CreateModel"_s << sampleModel(u"model-1"_s);
    QTest::newRow("describeModel") << u"describeModel"_s << u"DescribeModel"_s
                                   << QJsonObject { { u"ModelName"_s, u"model-1"_s } };
    QTest::newRow("listModels") << u"listModels"_s << u"ListModels"_s
                                << QJsonObject { { u"NameContains"_s, u"mod"_s }, { u"MaxResults"_s, 7 } };
    QTest::newRow("deleteModel") << u"deleteModel"_s << u"DeleteModel"_s
                                 << QJsonObject { { u"ModelName"_s, u"model-1"_s } };
    QTest::newRow("createTrainingJob")
        << u"createTrainingJob"_s << u"CreateTrainingJob"_s << sampleTrainingJob(u"job-1"_s);
    QTest::newRow("describeTrainingJob") << u"describeTrainingJob"_s << u"DescribeTrainingJob"_s
                                         << QJsonObject { { u"TrainingJobName"_s, u"job-1"_s } };
    QTest::newRow("listTrainingJobs")
        << u"listTrainingJobs"_s << u"ListTrainingJobs"_s
        << QJsonObject { { u"StatusEquals"_s, u"InProgress"_s }, { u"NextToken"_s, u"t"_s } };
    QTest::newRow("stopTrainingJob") << u"stopTrainingJob"_s << u"StopTrainingJob"_s
                                     << QJsonObject { { u"TrainingJobName"_s, u"job-1"_s } };
    QTest::newRow("listTags") << u"listTags"_s << u"ListTags"_s
                              << QJsonObject { { u"ResourceArn"_s, jobArn },
                                     { u"NextToken"_s, u"page-2"_s } };
}

void TestSageMakerClient::operationOnTheWire()
{
    QFETCH(QString, method);
    QFETCH(QString, operation);
    QFETCH(QJsonObject, expectedInput);
    ClientHarness h;
    const QJsonObject answer { { u"Echo"_s, operation } };
    h.server.setHandler(operation, [&](const FixtureRequest &) { return FixtureAction::json(answer); });

    SageMakerClient &c = *h.client;
    const QHash<QString, std::function<SageMakerCall *()>> calls {
        { u"createModel"_s, [&] { return c.createModel(expectedInput); } },
        { u"describeModel"_s, [&] { return c.describeModel(u"model-1"_s); } },
        { u"listModels"_s, [&] { return c.listModels(expectedInput); } },
        { u"deleteModel"_s, [&] { return c.deleteModel(u"model-1"_s); } },
        { u"createTrainingJob"_s, [&] { return c.createTrainingJob(expectedInput); } },
        { u"describeTrainingJob"_s, [&] { return c.describeTrainingJob(u"job-1"_s); } },
        { u"listTrainingJobs"_s, [&] { return c.listTrainingJobs(expectedInput); } },
        { u"stopTrainingJob"_s, [&] { return c.stopTrainingJob(u"job-1"_s); } },
        { u"listTags"_s, [&] { return c.listTags(jobArn, u"page-2"_s); } },
    };
    SageMakerCall *call = calls.value(method)();
    QCOMPARE(call->operation(), operation);
    QVERIFY(!call->isFinished());
    QSignalSpy finished(call, &SageMakerCall::finished);
    QCOMPARE(finished.size(), 0); // never from inside the method
    const SageMakerResult result = h.run(call);

    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    QCOMPARE(result.json, answer);
    QCOMPARE(result.requests, 1);
    QCOMPARE(result.httpStatus, 200);
    QVERIFY(result.requestId.startsWith(u"fixture-"_s));
    QVERIFY(!result.confirmedByDescribe);
    QCOMPARE(h.server.requestCount(), 1);
    const FixtureRequest sent = h.server.requests().first();
    QCOMPARE(sent.target(), "SageMaker." + operation.toLatin1());
    QCOMPARE(sent.json(), expectedInput);
}

void TestSageMakerClient::serviceErrorPassedThrough()
{
    ClientHarness h;
    h.server.enqueue(
        FixtureAction::awsError(400, u"ValidationException"_s, u"Requested resource not found."_s)
            .withHeader("x-amzn-RequestId", "req-42"));
    const SageMakerResult result = h.run(h.client->describeTrainingJob(u"missing"_s));
    QVERIFY(!result.isOk());
    QCOMPARE(result.error.code, u"ValidationException"_s);
    QCOMPARE(
        result.error.toString(), u"ValidationException: Requested resource not found. (request id req-42)"_s);
    QCOMPARE(result.requestId, u"req-42"_s);
    QCOMPARE(result.httpStatus, 400);
    QVERIFY(result.json.isEmpty());
}

void TestSageMakerClient::listAllFollowsEveryPage()
{
    ClientHarness h;
    h.server.setHandler(u"ListTrainingJobs"_s, pagedList(u"TrainingJobSummaries"_s, 250, u"job"_s));
    const QJsonObject filters { { u"StatusEquals"_s, u"Completed"_s }, { u"SortBy"_s, u"Name"_s } };
    SageMakerCall *call = h.client->listAllTrainingJobs(filters);
    QSignalSpy pages(call, &SageMakerCall::pageReceived);
    const SageMakerResult result = h.run(call);

    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    const QJsonArray items = result.json.value(u"TrainingJobSummaries"_s).toArray();
    QCOMPARE(items.size(), 250);
    QCOMPARE(names(items).first(), u"job-000"_s);
    QCOMPARE(names(items).last(), u"job-249"_s);
    QCOMPARE(names(items).removeDuplicates(), 0);
    QVERIFY(!result.json.contains(u"NextToken"_s));
    QCOMPARE(result.json.keys(), QStringList { u"TrainingJobSummaries"_s });
    QCOMPARE(result.pages, 3);
    QCOMPARE(result.requests, 3);

    QCOMPARE(pages.size(), 3);
    QCOMPARE(pages[0][1].toInt(), 100);
    QCOMPARE(pages[1][1].toInt(), 200);
    QCOMPARE(pages[2][1].toInt(), 250);
    QCOMPARE(pages[2][0].toJsonArray().size(), 50);
    QCOMPARE(pages[2][2].toInt(), 3);

    const auto requests = h.server.requests();
    QCOMPARE(requests.size(), 3);
    QStringList tokens;
    for (const FixtureRequest &request : requests) {
        QCOMPARE(request.json().value(u"StatusEquals"_s).toString(), u"Completed"_s); // filters on every page
        QCOMPARE(request.json().value(u"SortBy"_s).toString(), u"Name"_s);
        QCOMPARE(request.json().value(u"MaxResults"_s).toInt(), 100);
        tokens.append(request.json().value(u"NextToken"_s).toString());
    }
    QCOMPARE(tokens, (QStringList { QString(), u"100"_s, u"200"_s }));
}

void TestSageMakerClient::listAllFollowsEmptyPages()
{
    // moto filters after paging: a page can be empty and still have a NextToken.
    ClientHarness h;
    h.server.enqueue(
        u"ListModels"_s, FixtureAction::json({ { u"Models"_s, QJsonArray() }, { u"NextToken"_s, u"a"_s } }));
    h.server.enqueue(u"ListModels"_s,
        FixtureAction::json({ { u"Models"_s, QJsonArray { QJsonObject { { u"Name"_s, u"m"_s } } } },
            { u"NextToken"_s, u"b"_s } }));
    h.server.enqueue(u"ListModels"_s, FixtureAction::json({ { u"Models"_s, QJsonArray() } }));
    const SageMakerResult result = h.run(h.client->listAllModels());
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    QCOMPARE(names(result.json.value(u"Models"_s).toArray()), QStringList { u"m"_s });
    QCOMPARE(result.pages, 3);
}

void TestSageMakerClient::listAllStopsAtMaxItems()
{
    ClientHarness h;
    h.server.setHandler(u"ListTrainingJobs"_s, pagedList(u"TrainingJobSummaries"_s, 250, u"job"_s));
    const SageMakerResult result = h.run(h.client->listAllTrainingJobs({ { u"MaxResults"_s, 40 } }, 90));
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    const QStringList got = names(result.json.value(u"TrainingJobSummaries"_s).toArray());
    QCOMPARE(got.size(), 90);
    QCOMPARE(got.last(), u"job-089"_s);
    // The last page asked only for what was still wanted, so the token resumes right after the cut.
    QCOMPARE(result.json.value(u"NextToken"_s).toString(), u"90"_s);
    QList<int> sizes;
    for (const FixtureRequest &request : h.server.requests())
        sizes.append(request.json().value(u"MaxResults"_s).toInt());
    QCOMPARE(sizes, (QList<int> { 40, 40, 10 }));

    // Resuming from that token gets the rest.
    h.server.clearRequests();
    const SageMakerResult rest = h.run(h.client->listAllTrainingJobs({ { u"NextToken"_s, u"90"_s } }));
    const QStringList more = names(rest.json.value(u"TrainingJobSummaries"_s).toArray());
    QCOMPARE(more.size(), 160);
    QCOMPARE(more.first(), u"job-090"_s);
}

void TestSageMakerClient::listAllCutsOversizedPage()
{
    // A service that ignores MaxResults: the cut cannot be resumed, so no token is handed out.
    ClientHarness h;
    h.server.setHandler(u"ListModels"_s, [](const FixtureRequest &) {
        QJsonArray items;
        for (int i = 0; i < 30; ++i)
            items.append(QJsonObject { { u"Name"_s, QString::number(i) } });
        return FixtureAction::json({ { u"Models"_s, items }, { u"NextToken"_s, u"more"_s } });
    });
    const SageMakerResult result = h.run(h.client->listAllModels({}, 5));
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    QCOMPARE(result.json.value(u"Models"_s).toArray().size(), 5);
    QVERIFY(!result.json.contains(u"NextToken"_s));
    QCOMPARE(h.server.requestCount(), 1);
}

void TestSageMakerClient::listAllRepeatedTokenIsAnError()
{
    ClientHarness h;
    h.server.setHandler(u"ListModels"_s, [](const FixtureRequest &) {
        return FixtureAction::json(
            { { u"Models"_s, QJsonArray { QJsonObject() } }, { u"NextToken"_s, u"same"_s } });
    });
    const SageMakerResult result = h.run(h.client->listAllModels());
    QCOMPARE(result.error.code, u"InvalidResponse"_s);
    QVERIFY2(result.error.message.contains(u"same NextToken"_s), qPrintable(result.error.message));
    QCOMPARE(h.server.requestCount(), 2);
}

void TestSageMakerClient::listAllFailingPage()
{
    ClientHarness h;
    h.transport->retryPolicy().setMaxAttempts(1);
    h.server.setHandler(u"ListTrainingJobs"_s, pagedList(u"TrainingJobSummaries"_s, 250, u"job"_s));
    h.server.enqueue(u"ListTrainingJobs"_s,
        FixtureAction::json(
            { { u"TrainingJobSummaries"_s, QJsonArray { QJsonObject() } }, { u"NextToken"_s, u"1"_s } }));
    h.server.enqueue(
        u"ListTrainingJobs"_s, FixtureAction::awsError(400, u"AccessDeniedException"_s, u"no"_s));
    const SageMakerResult result = h.run(h.client->listAllTrainingJobs());
    QCOMPARE(result.error.code, u"AccessDeniedException"_s);
    QVERIFY(result.json.isEmpty()); // no partial listing passed off as the whole
    QCOMPARE(result.pages, 1);
    QCOMPARE(result.requests, 2);
}

void TestSageMakerClient::listAllTagsUsesItsPageSize()
{
    ClientHarness h;
    h.server.setHandler(u"ListTags"_s, pagedList(u"Tags"_s, 120, u"tag"_s));
    const SageMakerResult result = h.run(h.client->listAllTags(jobArn));
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    QCOMPARE(result.json.value(u"Tags"_s).toArray().size(), 120);
    for (const FixtureRequest &request : h.server.requests()) {
        QCOMPARE(request.json().value(u"ResourceArn"_s).toString(), jobArn);
        QCOMPARE(request.json().value(u"MaxResults"_s).toInt(), 100);
    }
}

// The create's first attempt is lost (how: the row's "lost" action), the transport's retry is refused because
// the name exists, and the describe shows the job (or model) as sent, or not.
void TestSageMakerClient::safeCreate_data()
{
    QTest::addColumn<bool>("model");
    QTest::addColumn<FixtureAction>("lost");
    QTest::addColumn<QString>("differentMember"); // describe shows this member changed; "" = as sent
    QTest::addColumn<bool>("tagsDiffer");
    QTest::addColumn<bool>("expectOk");
    QTest::addColumn<QString>("expectInMessage");

    const FixtureAction drop = FixtureAction::dropAfterBody();
    const FixtureAction error500 = FixtureAction::awsError(500, u"InternalFailure"_s, u"oops"_s);
    QTest::newRow("job: dropped after body, then refused; describe matches")
        << false << drop << QString() << false << true << QString();
    QTest::newRow("job: 500, then refused; describe matches")
        << false << error500 << QString() << false << true << QString();
    QTest::newRow("job: stalled until timeout, then refused; describe matches")
        << false << FixtureAction::stall() << QString() << false << true << QString();
    QTest::newRow("job: dropped, refused; describe differs: name clash")
        << false << drop << u"HyperParameters"_s << false << false << u"HyperParameters.epochs"_s;
    QTest::newRow("job: dropped, refused; the tags differ: name clash")
        << false << drop << QString() << true << false << u"Tags.team"_s;
    QTest::newRow("model: dropped, refused; describe matches")
        << true << drop << QString() << false << true << QString();
    QTest::newRow("model: 500, refused; describe differs: name clash")
        << true << error500 << u"PrimaryContainer"_s << false << false
        << u"PrimaryContainer.Environment.MODE"_s;
}

void TestSageMakerClient::safeCreate()
{
    QFETCH(bool, model);
    QFETCH(FixtureAction, lost);
    QFETCH(QString, differentMember);
    QFETCH(bool, tagsDiffer);
    QFETCH(bool, expectOk);
    QFETCH(QString, expectInMessage);

    ClientHarness h;
    h.transport->setAttemptTimeout(10s);
    const QString create = model ? u"CreateModel"_s : u"CreateTrainingJob"_s;
    const QString describe = model ? u"DescribeModel"_s : u"DescribeTrainingJob"_s;
    const QString arnMember = model ? u"ModelArn"_s : u"TrainingJobArn"_s;
    const QString arn = model ? modelArn : jobArn;
    const QJsonObject request = model ? sampleModel(u"model-1"_s) : sampleTrainingJob(u"job-1"_s);
    // What AWS answers the retry of each (moto would replace the resource instead).
    const FixtureAction refusal = model ? FixtureAction::awsError(400, u"ValidationException"_s,
                                      u"Cannot create already existing model \"%1\"."_s.arg(arn))
                                        : FixtureAction::awsError(400, u"ResourceInUse"_s,
                                            u"Training job names must be unique within an AWS account and "
                                            u"region, and a training job with this "
                                            "name already exists (%1)"_s.arg(arn));
    h.server.enqueue(create, lost);
    h.server.setHandler(create, [&](const FixtureRequest &) { return refusal; });

    QJsonObject description = describedAs(request, arnMember, arn);
    if (differentMember == "HyperParameters"_L1)
        description.insert(differentMember, QJsonObject { { u"epochs"_s, u"30"_s } });
    if (differentMember == "PrimaryContainer"_L1) {
        QJsonObject container = description.value(differentMember).toObject();
        container.insert(u"Environment"_s, QJsonObject { { u"MODE"_s, u"slow"_s } });
        description.insert(differentMember, container);
    }
    h.server.setHandler(describe, [&](const FixtureRequest &r) {
        const QString name = r.json().value(model ? u"ModelName"_s : u"TrainingJobName"_s).toString();
        return name == request.value(model ? u"ModelName"_s : u"TrainingJobName"_s).toString()
            ? FixtureAction::json(description)
            : FixtureAction::awsError(400, u"ValidationException"_s, u"Requested resource not found."_s);
    });
    const QJsonArray tags { QJsonObject {
        { u"Key"_s, u"team"_s }, { u"Value"_s, tagsDiffer ? u"other"_s : u"vision"_s } } };
    h.server.setHandler(u"ListTags"_s, [&](const FixtureRequest &r) {
        return r.json().value(u"ResourceArn"_s).toString() == arn
            ? FixtureAction::json({ { u"Tags"_s, tags } })
            : FixtureAction::awsError(400, u"ValidationException"_s, u"no such resource"_s);
    });

    const SageMakerResult result
        = h.run(model ? h.client->createModel(request) : h.client->createTrainingJob(request));

    QCOMPARE(result.isOk(), expectOk);
    // Never a second resource: the lost attempt and one refused retry, nothing after the check.
    QCOMPARE(h.server.requestCount(create), 2);
    QCOMPARE(h.server.requests().last().operation(), differentMember.isEmpty() ? u"ListTags"_s : describe);
    QCOMPARE(h.server.requestCount(describe), 1);
    QCOMPARE(h.server.requestCount(u"ListTags"_s), differentMember.isEmpty() ? 1 : 0);
    QVERIFY(!result.outcomeUnknown);
    if (expectOk) {
        QVERIFY(result.confirmedByDescribe);
        QCOMPARE(result.json, (QJsonObject { { arnMember, arn } })); // the create's own answer shape
        QVERIFY(result.error.isNull());
    } else {
        QVERIFY(!result.confirmedByDescribe);
        QCOMPARE(result.error.code, model ? u"ValidationException"_s : u"ResourceInUse"_s);
        QVERIFY2(result.error.message.contains(u"already exists and is not the one this request describes"_s),
            qPrintable(result.error.message));
        QVERIFY2(result.error.message.contains(expectInMessage), qPrintable(result.error.message));
        QVERIFY(result.error.message.contains(model ? u"\"model-1\""_s : u"\"job-1\""_s));
        QVERIFY(!result.error.retryable);
        qInfo("what the user sees: %s", qPrintable(result.error.toString()));
    }
}

void TestSageMakerClient::nameTakenBeforehandIsNotChecked()
{
    // Nothing was lost: the name was taken before this call, and that is the answer.
    ClientHarness h;
    h.server.enqueue(u"CreateTrainingJob"_s,
        FixtureAction::awsError(400, u"ResourceInUse"_s, u"a training job with this name already exists"_s));
    const SageMakerResult result = h.run(h.client->createTrainingJob(sampleTrainingJob(u"job-1"_s)));
    QCOMPARE(result.error.code, u"ResourceInUse"_s);
    QCOMPARE(result.error.message, u"a training job with this name already exists"_s);
    QCOMPARE(h.server.requestCount(), 1);
    QCOMPARE(h.server.requestCount(u"DescribeTrainingJob"_s), 0);
    QVERIFY(!result.outcomeUnknown);
    QVERIFY(SafeCreateCall::isNameTaken(result.error));
}

void TestSageMakerClient::everyAttemptLostButCreated()
{
    ClientHarness h;
    const QJsonObject request = sampleTrainingJob(u"job-1"_s);
    h.server.setHandler(
        u"CreateTrainingJob"_s, [](const FixtureRequest &) { return FixtureAction::dropAfterBody(); });
    h.server.setHandler(u"DescribeTrainingJob"_s, [&](const FixtureRequest &) {
        return FixtureAction::json(describedAs(request, u"TrainingJobArn"_s, jobArn));
    });
    h.server.setHandler(u"ListTags"_s, [&](const FixtureRequest &) {
        return FixtureAction::json({ { u"Tags"_s, request.value(u"Tags"_s) } });
    });
    const SageMakerResult result = h.run(h.client->createTrainingJob(request));
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    QVERIFY(result.confirmedByDescribe);
    QCOMPARE(result.json.value(u"TrainingJobArn"_s).toString(), jobArn);
}

void TestSageMakerClient::everyAttemptLostNotCreated()
{
    ClientHarness h;
    h.server.setHandler(u"CreateModel"_s, [](const FixtureRequest &) {
        return FixtureAction::awsError(500, u"InternalFailure"_s, u"We encountered an internal error."_s);
    });
    h.server.setHandler(u"DescribeModel"_s, [](const FixtureRequest &) {
        return FixtureAction::awsError(400, u"ValidationException"_s, u"Could not find model \"m\"."_s);
    });
    const SageMakerResult result = h.run(h.client->createModel(sampleModel(u"model-1"_s)));
    QCOMPARE(result.error.code, u"InternalFailure"_s);
    QCOMPARE(result.error.message, u"We encountered an internal error.; the model was not created"_s);
    QVERIFY(!result.outcomeUnknown); // the describe settled it: trying again is safe
    QCOMPARE(h.server.requestCount(u"CreateModel"_s), 3);
    QCOMPARE(result.requests, 4);
}

void TestSageMakerClient::everyAttemptLostCheckFails()
{
    ClientHarness h;
    h.server.setDefaultHandler([](const FixtureRequest &) {
        return FixtureAction::awsError(503, u"ServiceUnavailable"_s, u"down"_s);
    });
    const SageMakerResult result = h.run(h.client->createTrainingJob(sampleTrainingJob(u"job-1"_s)));
    QCOMPARE(result.error.code, u"ServiceUnavailable"_s);
    QVERIFY2(result.error.message.startsWith(
                 u"down; whether the training job was created is unknown: describing it failed "
                 "with ServiceUnavailable: down"_s),
        qPrintable(result.error.message));
    QVERIFY(result.outcomeUnknown);
    QCOMPARE(h.server.requestCount(u"CreateTrainingJob"_s), 3);
    QCOMPARE(h.server.requestCount(u"DescribeTrainingJob"_s), 3);
}

void TestSageMakerClient::deletingHandleCancels()
{
    ClientHarness h;
    h.server.enqueue(FixtureAction::stall());
    SageMakerCall *call = h.client->createTrainingJob(sampleTrainingJob(u"job-1"_s));
    QSignalSpy finished(call, &SageMakerCall::finished);
    QVERIFY(h.drive([&] { return h.server.stalledConnections() == 1; }));
    delete call;
    QTRY_COMPARE(h.server.openConnections(), 0);
    QCOMPARE(h.transport->inFlight(), 0);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(h.clock.pending(), 0); // no retry or timeout left behind
    QCOMPARE(h.server.requestCount(), 1);
}

void TestSageMakerClient::abortFinishesOnce()
{
    ClientHarness h;
    h.server.enqueue(FixtureAction::stall());
    SageMakerCall *call = h.client->listAllModels();
    QSignalSpy finished(call, &SageMakerCall::finished);
    QVERIFY(h.drive([&] { return h.server.stalledConnections() == 1; }));
    call->abort();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<SageMakerResult>().error.code, u"Aborted"_s);
    QVERIFY(call->isFinished());
    QPointer<SageMakerCall> gone(call);
    QTRY_VERIFY(gone.isNull());
    QTRY_COMPARE(h.server.openConnections(), 0);
    QCOMPARE(finished.size(), 1);
}

void TestSageMakerClient::transportDestroyedFirst()
{
    // A transport torn down under running calls ends them, instead of leaving requests without a network.
    ClientHarness h;
    h.server.setDefaultHandler([](const FixtureRequest &) { return FixtureAction::stall(); });
    SageMakerCall *running = h.client->listAllTrainingJobs();
    QSignalSpy finished(running, &SageMakerCall::finished);
    QVERIFY(h.drive([&] { return h.server.stalledConnections() == 1; }));
    h.transport.reset();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<SageMakerResult>().error.code, u"Aborted"_s);
    QTRY_COMPARE(h.server.openConnections(), 0);

    QSignalSpy later(h.client->describeModel(u"m"_s), &SageMakerCall::finished);
    QVERIFY(later.wait(5000));
    QCOMPARE(later.first().first().value<SageMakerResult>().error.code, u"Aborted"_s);
    QCOMPARE(h.server.requestCount(), 1);
}

QTEST_GUILESS_MAIN(TestSageMakerClient)
#include "tst_sagemakerclient.moc"
