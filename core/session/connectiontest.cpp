#include "core/session/connectiontest.h"

#include "core/aws/awserrorparser.h"
#include "core/aws/clock.h"
#include "core/aws/sigv4signer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

ConnectionTest::ConnectionTest(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network ? network : new QNetworkAccessManager(this))
{ }

ConnectionTest::~ConnectionTest() = default;

void ConnectionTest::start(const ResolvedConnection &connection)
{
    QString credentialsError;
    const AwsCredentials credentials = connection.isValid() && connection.credentials
        ? connection.credentials->credentials(false, &credentialsError)
        : AwsCredentials();
    if (!credentials.isValid()) {
        Result result;
        result.error.code = u"CredentialsError"_s;
        result.error.message = !connection.isValid() ? connection.error : credentialsError;
        result.text = tr("The connection did not resolve: %1").arg(result.error.message);
        QTimer::singleShot(0, this, [this, result] { finish(result); });
        return;
    }

    const QUrl url = connection.endpoint;
    SignableRequest signable;
    signable.method = "POST";
    signable.path
        = url.path(QUrl::FullyEncoded).isEmpty() ? QByteArray("/") : url.path(QUrl::FullyEncoded).toUtf8();
    signable.headers = { { "Host", url.authority(QUrl::FullyEncoded).toUtf8() },
        { "Content-Type", "application/x-amz-json-1.1" }, { "X-Amz-Target", "SageMaker.ListTrainingJobs" } };
    signable.body = R"({"MaxResults":1})";
    SigV4Signer(
        credentials, connection.region, connection.service.isEmpty() ? u"sagemaker"_s : connection.service)
        .sign(signable, Clock::system()->now());

    QNetworkRequest request(url);
    for (const auto &[name, value] : std::as_const(signable.headers))
        if (name != "Host")
            request.setRawHeader(name, value);
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = m_network->post(request, signable.body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, connection] { onReply(reply, connection); });
}

void ConnectionTest::onReply(QNetworkReply *reply, const ResolvedConnection &connection)
{
    reply->deleteLater();
    Result result;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 0) {
        result.error.code = reply->error() == QNetworkReply::TimeoutError
                || reply->error() == QNetworkReply::OperationCanceledError
            ? u"Timeout"_s
            : u"NetworkError"_s;
        result.error.message = reply->errorString();
        result.text = tr("No answer from %1: %2").arg(connection.endpoint.toString(), result.error.message);
        finish(result);
        return;
    }
    AwsErrorParser::Headers headers;
    for (const auto &pair : reply->rawHeaderPairs())
        headers.append(pair);
    if (status != 200) {
        result.error = AwsErrorParser::parse(status, headers, body);
        result.text = tr("%1 answered with an error: %2")
                          .arg(connection.endpoint.toString(), result.error.toString());
        finish(result);
        return;
    }
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    if (!json.value(u"TrainingJobSummaries"_s).isArray()) {
        result.error.code = u"InvalidResponse"_s;
        result.error.message = tr("the answer is not a ListTrainingJobs response");
        result.error.requestId = AwsErrorParser::requestIdFromHeaders(headers);
        result.error.httpStatus = status;
        result.text = tr("%1 answered, but %2.").arg(connection.endpoint.toString(), result.error.message);
        finish(result);
        return;
    }
    result.success = true;
    result.jobsListed = int(json.value(u"TrainingJobSummaries"_s).toArray().size());
    result.moreJobs = !json.value(u"NextToken"_s).toString().isEmpty();
    const QString jobs = result.jobsListed == 0 ? tr("no training jobs in this account and region yet")
        : result.moreJobs                       ? tr("training jobs are there (listed 1 of several)")
                                                : tr("1 training job listed");
    result.text = tr("Connected to %1 with credentials from %2: ListTrainingJobs answered, %3.")
                      .arg(connection.endpoint.toString(), connection.credentialSource, jobs);
    finish(result);
}

void ConnectionTest::finish(Result result)
{
    emit finished(result);
}
