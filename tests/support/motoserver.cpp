#include "tests/support/motoserver.h"

#include "core/aws/localsandbox.h"

#include <QDeadlineTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr int startTimeoutMs = 20000;
} // namespace

MotoServer::MotoServer()
    : m_sandbox(std::make_unique<LocalSandbox>())
{
    const QDeadlineTimer deadline(startTimeoutMs);
    m_sandbox->setStartTimeout(std::chrono::milliseconds(startTimeoutMs));
    m_sandbox->start();
    const auto settled = [this] {
        return m_sandbox->state() == LocalSandbox::State::Running
            || m_sandbox->state() == LocalSandbox::State::Failed;
    };
    if (!QTest::qWaitFor(settled, int(deadline.remainingTime()))
        || m_sandbox->state() != LocalSandbox::State::Running) {
        m_error = m_sandbox->state() == LocalSandbox::State::Failed ? m_sandbox->errorString()
                                                                    : u"moto_server did not start in time"_s;
        m_sandbox->stop();
        return;
    }

    // Accepting connections is not yet answering: wait for one HTTP response, whatever its status.
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    bool answered = false;
    while (!answered && !deadline.hasExpired()) {
        QNetworkReply *reply = network.get(QNetworkRequest(m_sandbox->endpoint()));
        answered = QTest::qWaitFor([reply] { return reply->isFinished(); }, int(deadline.remainingTime()))
            && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid();
        reply->abort();
        reply->deleteLater();
    }
    if (!answered) {
        m_error = u"moto_server accepted connections on %1 but did not answer HTTP"_s.arg(
            m_sandbox->endpoint().toString());
        m_sandbox->stop();
        return;
    }
    m_endpoint = m_sandbox->endpoint();
}

MotoServer::~MotoServer()
{
    m_sandbox->stop(); // terminates and waits
}

bool MotoServer::isAvailable()
{
    return LocalSandbox::isAvailable();
}

bool MotoServer::isAwsCliAvailable()
{
    return !QStandardPaths::findExecutable(u"aws"_s).isEmpty();
}

bool MotoServer::isRunning() const
{
    return m_endpoint.isValid() && m_sandbox->state() == LocalSandbox::State::Running;
}

QProcessEnvironment MotoServer::awsEnvironment(const QProcessEnvironment &extra) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Nothing of the user's AWS setup may leak in: no profile, no real keys, no config files.
    const QStringList keys = env.keys();
    for (const QString &key : keys)
        if (key.startsWith("AWS_"_L1))
            env.remove(key);
    env.insert(u"HOME"_s, m_home.path());
    env.insert(u"AWS_CONFIG_FILE"_s, m_home.filePath(u"aws-config"_s));
    env.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, m_home.filePath(u"aws-credentials"_s));
    env.insert(u"AWS_ACCESS_KEY_ID"_s, u"testing"_s);
    env.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"testing"_s);
    env.insert(u"AWS_DEFAULT_REGION"_s, u"us-east-1"_s);
    env.insert(u"AWS_EC2_METADATA_DISABLED"_s, u"true"_s);
    env.insert(u"AWS_PAGER"_s, QString());
    env.insert(extra);
    return env;
}

MotoServer::CliResult MotoServer::aws(
    const QStringList &arguments, const QProcessEnvironment &extra, int timeoutMs) const
{
    return ChildProcess::run(u"aws"_s, arguments + QStringList { u"--endpoint-url"_s, m_endpoint.toString() },
        awsEnvironment(extra), m_home.path(), QByteArray(), timeoutMs);
}
