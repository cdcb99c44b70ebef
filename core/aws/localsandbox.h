#pragma once

#include "core/aws/clock.h"

#include <QObject>
#include <QProcess>
#include <QUrl>
#include <memory>

class CredentialsProvider;
class QTcpSocket;

// The local sandbox: moto_server (moto's SageMaker emulator) as a child process on a free 127.0.0.1 port,
// so SageDesk can be tried without an AWS account.
//
// start() returns at once; ready() follows when the server accepts connections, or failed() with a readable
// sentence (not installed, exited early with its last output, did not answer in time). The child is stopped
// by stop() and by the destructor, and if this program dies without either (a crash, SIGKILL) the kernel
// sends it SIGTERM (PR_SET_PDEATHSIG), so it never lingers. start() must run on the thread that lives as
// long as the sandbox (the GUI thread): the death signal follows the thread that started the child.
class LocalSandbox : public QObject
{
    Q_OBJECT

public:
    enum class State { Stopped, Starting, Running, Failed };
    Q_ENUM(State)

    // What every sandbox connection signs with: moto accepts any keys, these say what they are.
    static constexpr auto accessKeyId = "sandbox";
    static constexpr auto secretAccessKey = "sandbox";
    static constexpr auto region = "us-east-1";

    explicit LocalSandbox(QObject *parent = nullptr, Clock *clock = Clock::system());
    ~LocalSandbox() override;

    // moto_server's full path from PATH, or empty when it is not installed.
    static QString findExecutable();
    static bool isAvailable() { return !findExecutable().isEmpty(); }

    // Fixed "sandbox"/"sandbox" keys; sourceDescription() is "local sandbox".
    static std::shared_ptr<CredentialsProvider> credentialsProvider();

    // Another program to run instead of moto_server from PATH (tests); it gets "-H 127.0.0.1 -p PORT".
    void setExecutable(const QString &path) { m_executable = path; }
    void setStartTimeout(std::chrono::milliseconds timeout) { m_startTimeout = timeout; }

    void start();
    // Stops the child and waits for it (bounded: SIGTERM, then SIGKILL after a few seconds).
    void stop();

    State state() const { return m_state; }
    // http://127.0.0.1:PORT while Running, else empty.
    QUrl endpoint() const { return m_state == State::Running ? m_endpoint : QUrl(); }
    // The child's process id while Starting or Running, else 0.
    qint64 processId() const;
    // Why the last start failed or why the server stopped on its own.
    QString errorString() const { return m_error; }

signals:
    void stateChanged(LocalSandbox::State state);
    void ready(const QUrl &endpoint);
    // Start failed, or the running server exited on its own.
    void failed(const QString &message);

private:
    void launch();
    void probe();
    void onProcessFinished(int exitCode, QProcess::ExitStatus status);
    void stopProcess();
    void fail(const QString &message);
    void setState(State state);
    QString outputTail() const;

    Clock *m_clock;
    QString m_executable;
    std::chrono::milliseconds m_startTimeout { 30000 };
    QProcess *m_process = nullptr;
    QTcpSocket *m_probe = nullptr;
    QUrl m_endpoint;
    QByteArray m_output; // the child's last output, for failure messages
    QString m_error;
    State m_state = State::Stopped;
    int m_probesLeft = 0;
    int m_launchesLeft = 0;
};
