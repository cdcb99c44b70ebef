#include "core/session/connectiontest.h"

#include "core/aws/awstransport.h"
#include "core/aws/clock.h"
#include "core/sagemaker/sagemakercall.h"
#include "core/sagemaker/sagemakerclient.h"

#include <QJsonArray>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr auto credentialsErrorCode = "CredentialsError"_L1;

} // namespace

ConnectionTest::ConnectionTest(QObject *parent)
    : QObject(parent)
{ }

ConnectionTest::~ConnectionTest() = default;

void ConnectionTest::start(const ResolvedConnection &connection)
{
    if (!connection.isValid() || !connection.credentials) {
        Result result;
        result.error.code = credentialsErrorCode;
        result.error.message = connection.error;
        result.text = tr("The connection did not resolve: %1").arg(connection.error);
        QTimer::singleShot(0, this, [this, result] { emit finished(result); });
        return;
    }
    ResolvedConnection once = connection;
    once.maxAttempts = 1;
    auto *transport = new AwsTransport(once, Clock::system(), this);
    transport->setAttemptTimeout(std::chrono::milliseconds(timeoutMs));
    auto *client = new SageMakerClient(transport, transport);
    SageMakerCall *call = client->listTrainingJobs({ { u"MaxResults"_s, 1 } });
    connect(
        call, &SageMakerCall::finished, this, [this, transport, connection](const SageMakerResult &answer) {
            const Result result = interpret(answer, connection);
            transport->deleteLater();
            emit finished(result);
        });
}

ConnectionTest::Result ConnectionTest::interpret(
    const SageMakerResult &answer, const ResolvedConnection &connection) const
{
    Result result;
    const QString endpoint = connection.endpoint.toString();
    result.error = answer.error;
    if (!answer.isOk()) {
        if (answer.error.code == credentialsErrorCode)
            result.text = tr("The connection did not resolve: %1").arg(answer.error.message);
        else if (answer.httpStatus == 0)
            result.text = tr("No answer from %1: %2").arg(endpoint, answer.error.toString());
        else
            result.text = tr("%1 answered with an error: %2").arg(endpoint, answer.error.toString());
        return result;
    }
    const QJsonValue summaries = answer.json.value(u"TrainingJobSummaries"_s);
    if (!summaries.isArray()) {
        result.error.code = u"InvalidResponse"_s;
        result.error.message = tr("the answer is not a ListTrainingJobs response");
        result.error.requestId = answer.requestId;
        result.error.httpStatus = answer.httpStatus;
        result.text = tr("%1 answered, but %2.").arg(endpoint, result.error.message);
        return result;
    }
    result.success = true;
    result.jobsListed = int(summaries.toArray().size());
    result.moreJobs = !answer.json.value(u"NextToken"_s).toString().isEmpty();
    const QString jobs = result.jobsListed == 0 ? tr("no training jobs in this account and region yet")
        : result.moreJobs                       ? tr("training jobs are there (listed 1 of several)")
                                                : tr("1 training job listed");
    result.text = tr("Connected to %1 with credentials from %2: ListTrainingJobs answered, %3.")
                      .arg(endpoint, connection.credentialSource, jobs);
    return result;
}
