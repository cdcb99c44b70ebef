#include "core/aws/localsandbox.h"

#include "core/aws/credentialsprovider.h"

#include <QHostAddress>
#include <QNetworkProxy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#include <utility>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr auto probeInterval = 100ms;
constexpr int stopGraceMs = 3000;
constexpr qsizetype outputTailBytes = 2000;
// The port is picked free, but another program may take it before moto_server binds it.
constexpr int launchAttempts = 3;

quint16 freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

} // namespace

LocalSandbox::LocalSandbox(QObject *parent, Clock *clock)
    : QObject(parent)
    , m_clock(clock)
{ }

LocalSandbox::~LocalSandbox()
{
    stopProcess();
}

QString LocalSandbox::findExecutable()
{
    return QStandardPaths::findExecutable(u"moto_server"_s);
}

std::shared_ptr<CredentialsProvider> LocalSandbox::credentialsProvider()
{
    AwsCredentials credentials;
    credentials.accessKeyId = QLatin1String(accessKeyId);
    credentials.secretAccessKey = QLatin1String(secretAccessKey);
    return std::make_shared<StaticCredentialsProvider>(credentials, tr("local sandbox"));
}

qint64 LocalSandbox::processId() const
{
    return m_process ? m_process->processId() : 0;
}

void LocalSandbox::start()
{
    if (m_state == State::Starting || m_state == State::Running)
        return;
    m_error.clear();
    if (m_executable.isEmpty())
        m_executable = findExecutable();
    if (m_executable.isEmpty()) {
        fail(tr("moto_server is not installed (it is not on PATH); install moto with its server extra "
                "(pip install 'moto[server]') to use the local sandbox."));
        return;
    }
    m_launchesLeft = launchAttempts;
    setState(State::Starting);
    launch();
}

void LocalSandbox::launch()
{
    --m_launchesLeft;
    const quint16 port = freeLoopbackPort();
    if (port == 0) {
        fail(tr("No free port on 127.0.0.1 for the local sandbox."));
        return;
    }
    m_endpoint = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    m_output.clear();

    m_process = new QProcess(this);
    m_process->setProgram(m_executable);
    m_process->setArguments({ u"-H"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(port) });
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    const pid_t parent = ::getpid();
    // Runs in the child between fork and exec: async-signal-safe calls only.
    m_process->setChildProcessModifier([parent] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent) // the parent died before prctl took effect
            ::_exit(1);
    });
    connect(m_process, &QProcess::readyRead, this, [this] {
        m_output += m_process->readAll();
        if (m_output.size() > outputTailBytes)
            m_output = m_output.right(outputTailBytes);
    });
    connect(m_process, &QProcess::finished, this, &LocalSandbox::onProcessFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("Could not run %1: %2").arg(m_executable, m_process->errorString()));
    });
    m_process->start();
    m_probesLeft = int(m_startTimeout / probeInterval);
    m_clock->callAfter(probeInterval, m_process, [this] { probe(); });
}

void LocalSandbox::probe()
{
    if (m_state != State::Starting || !m_process)
        return;
    if (m_probesLeft-- <= 0) {
        fail(tr("moto_server did not answer on %1 within %2 seconds.")
                 .arg(m_endpoint.toString())
                 .arg(m_startTimeout.count() / 1000));
        return;
    }
    delete m_probe;
    m_probe = new QTcpSocket(m_process);
    m_probe->setProxy(QNetworkProxy::NoProxy);
    QTcpSocket *socket = m_probe;
    connect(socket, &QTcpSocket::connected, this, [this, socket] {
        socket->abort();
        if (m_state != State::Starting)
            return;
        setState(State::Running);
        emit ready(m_endpoint);
    });
    connect(socket, &QTcpSocket::errorOccurred, this, [this, socket] {
        socket->abort();
        if (m_process)
            m_clock->callAfter(probeInterval, m_process, [this] { probe(); });
    });
    socket->connectToHost(QHostAddress::LocalHost, quint16(m_endpoint.port()));
}

void LocalSandbox::onProcessFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_state == State::Stopped || m_state == State::Failed)
        return;
    const QString tail = outputTail();
    const bool portTaken = tail.contains(u"Address already in use"_s);
    if (m_state == State::Starting && portTaken && m_launchesLeft > 0) {
        stopProcess();
        launch();
        return;
    }
    QString message = status == QProcess::CrashExit
        ? tr("moto_server stopped unexpectedly (%1).").arg(m_process->errorString())
        : tr("moto_server exited with code %1.").arg(exitCode);
    if (!tail.isEmpty())
        message += u' ' + tr("Its last output: %1").arg(tail);
    fail(message);
}

void LocalSandbox::stop()
{
    stopProcess();
    setState(State::Stopped);
}

void LocalSandbox::stopProcess()
{
    QProcess *process = std::exchange(m_process, nullptr);
    m_probe = nullptr;
    if (!process)
        return;
    process->disconnect(this);
    if (process->state() == QProcess::NotRunning) {
        process->deleteLater(); // may be inside one of its own signals
        return;
    }
    process->terminate();
    if (!process->waitForFinished(stopGraceMs)) {
        process->kill();
        process->waitForFinished(stopGraceMs);
    }
    delete process;
}

void LocalSandbox::fail(const QString &message)
{
    m_error = message;
    stopProcess();
    setState(State::Failed);
    emit failed(message);
}

void LocalSandbox::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

QString LocalSandbox::outputTail() const
{
    return QString::fromUtf8(m_output).trimmed();
}
