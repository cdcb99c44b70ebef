#include "core/aws/credentialsprovider.h"
#include "core/aws/localsandbox.h"
#include "core/session/connectiontest.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr int startWaitMs = 30000;
constexpr auto holdSandboxVariable = "SAGEDESK_TST_HOLD_SANDBOX";

// A zombie counts as gone: it no longer runs and nobody may have reaped it yet (PID 1 in a container).
bool processRuns(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close >= 0 && close + 2 < line.size() && line.at(close + 2) != 'Z';
}

bool waitUntilGone(qint64 pid, int ms)
{
    QDeadlineTimer deadline(ms);
    while (processRuns(pid)) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(50);
    }
    return true;
}

} // namespace

// Proves the local sandbox: moto_server starts on a loopback port and answers signed SageMaker calls, the
// child is gone after stop, after the sandbox object is destroyed and after this program is killed, and
// each way of failing to start says why.
class TestLocalSandbox : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void answersListTrainingJobs();
    void childGoneAfterDestruction();
    void childGoneAfterStop();
    void childGoneWhenParentIsKilled();
    void failsReadably_data();
    void failsReadably();
    void startTimeoutStopsTheChild();

private:
    QTemporaryDir m_dir;
};

void TestLocalSandbox::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // A fail, not a skip: scripts/install-deps.sh installs it, and a skip would pass on a broken setup.
    QVERIFY2(LocalSandbox::isAvailable(), "moto_server is not on PATH (scripts/install-deps.sh installs it)");
}

void TestLocalSandbox::answersListTrainingJobs()
{
    LocalSandbox sandbox;
    QSignalSpy ready(&sandbox, &LocalSandbox::ready);
    QSignalSpy failed(&sandbox, &LocalSandbox::failed);
    sandbox.start();
    QCOMPARE(sandbox.state(), LocalSandbox::State::Starting);
    QVERIFY2(ready.wait(startWaitMs), qPrintable(sandbox.errorString()));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(sandbox.state(), LocalSandbox::State::Running);
    const QUrl endpoint = sandbox.endpoint();
    QCOMPARE(ready.first().first().toUrl(), endpoint);
    QCOMPARE(endpoint.scheme(), u"http"_s);
    QCOMPARE(endpoint.host(), u"127.0.0.1"_s);
    QVERIFY(endpoint.port() > 0);

    // One ListTrainingJobs through the transport and SageMakerClient, with the sandbox's own credentials.
    QCOMPARE(LocalSandbox::credentialsProvider()->sourceDescription(), u"local sandbox"_s);
    ResolvedConnection connection;
    connection.region = QLatin1String(LocalSandbox::region);
    connection.endpoint = endpoint;
    connection.service = u"sagemaker"_s;
    connection.credentials = LocalSandbox::credentialsProvider();
    connection.credentialSource = connection.credentials->sourceDescription();
    ConnectionTest test;
    QSignalSpy finished(&test, &ConnectionTest::finished);
    test.start(connection);
    QVERIFY(finished.wait(ConnectionTest::timeoutMs));
    const auto result = finished.first().first().value<ConnectionTest::Result>();
    QVERIFY2(result.success, qPrintable(result.text));
    QCOMPARE(result.jobsListed, 0); // a fresh sandbox holds no job
    QVERIFY2(result.text.contains(endpoint.toString()), qPrintable(result.text));
}

void TestLocalSandbox::childGoneAfterDestruction()
{
    auto sandbox = std::make_unique<LocalSandbox>();
    QSignalSpy ready(sandbox.get(), &LocalSandbox::ready);
    sandbox->start();
    QVERIFY2(ready.wait(startWaitMs), qPrintable(sandbox->errorString()));
    const qint64 pid = sandbox->processId();
    QVERIFY(pid > 0);
    QVERIFY(processRuns(pid));
    sandbox.reset();
    QVERIFY(!processRuns(pid)); // the destructor waits for the child
}

void TestLocalSandbox::childGoneAfterStop()
{
    LocalSandbox sandbox;
    QSignalSpy ready(&sandbox, &LocalSandbox::ready);
    QSignalSpy failed(&sandbox, &LocalSandbox::failed);
    sandbox.start();
    QVERIFY2(ready.wait(startWaitMs), qPrintable(sandbox.errorString()));
    const qint64 pid = sandbox.processId();
    sandbox.stop();
    QVERIFY(!processRuns(pid));
    QCOMPARE(sandbox.state(), LocalSandbox::State::Stopped);
    QCOMPARE(sandbox.processId(), 0);
    QVERIFY(sandbox.endpoint().isEmpty());
    QCOMPARE(failed.count(), 0); // a requested stop is not a failure

    // And it can start again.
    sandbox.start();
    QVERIFY2(ready.wait(startWaitMs), qPrintable(sandbox.errorString()));
    QVERIFY(sandbox.processId() != pid);
}

// This executable, started with holdSandboxVariable set, starts a sandbox, prints moto_server's pid and
// waits to be killed (see main()). SIGKILL runs no destructor: only the death signal can stop the child.
void TestLocalSandbox::childGoneWhenParentIsKilled()
{
    QProcess holder;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QLatin1String(holdSandboxVariable), u"1"_s);
    holder.setProcessEnvironment(environment);
    holder.start(QCoreApplication::applicationFilePath(), QStringList());
    QVERIFY(holder.waitForStarted());
    QByteArray output;
    QDeadlineTimer deadline(startWaitMs);
    while (!output.contains('\n') && !deadline.hasExpired()) {
        holder.waitForReadyRead(200);
        output += holder.readAllStandardOutput();
    }
    bool ok = false;
    const qint64 motoPid = output.trimmed().toLongLong(&ok);
    QVERIFY2(ok && motoPid > 0, output.constData());
    QVERIFY(processRuns(motoPid));
    ::kill(pid_t(holder.processId()), SIGKILL);
    QVERIFY(holder.waitForFinished());
    QVERIFY2(waitUntilGone(motoPid, 5000), "moto_server outlived its killed parent");
}

void TestLocalSandbox::failsReadably_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("not runnable") << m_dir.filePath(u"no-such-program"_s) << u"Could not run"_s;
    QTest::newRow("exits at once") << u"/bin/false"_s << u"exited with code 1"_s;
}

void TestLocalSandbox::failsReadably()
{
    QFETCH(QString, program);
    QFETCH(QString, messagePart);
    LocalSandbox sandbox;
    sandbox.setExecutable(program);
    QSignalSpy failed(&sandbox, &LocalSandbox::failed);
    QSignalSpy ready(&sandbox, &LocalSandbox::ready);
    sandbox.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    QCOMPARE(ready.count(), 0);
    QCOMPARE(sandbox.state(), LocalSandbox::State::Failed);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(messagePart), qPrintable(message));
    QCOMPARE(sandbox.errorString(), message);
    QVERIFY(sandbox.endpoint().isEmpty());
}

void TestLocalSandbox::startTimeoutStopsTheChild()
{
    const QString script = m_dir.filePath(u"silent-server"_s);
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\nexec sleep 60\n");
    file.close();
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

    LocalSandbox sandbox;
    sandbox.setExecutable(script);
    sandbox.setStartTimeout(500ms);
    QSignalSpy failed(&sandbox, &LocalSandbox::failed);
    sandbox.start();
    const qint64 pid = sandbox.processId();
    QVERIFY(pid > 0);
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.first().first().toString().contains(u"did not answer"_s),
        qPrintable(failed.first().first().toString()));
    QVERIFY(!processRuns(pid));
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(holdSandboxVariable)) {
        auto *sandbox = new LocalSandbox(&app);
        QObject::connect(sandbox, &LocalSandbox::ready, &app, [sandbox] {
            std::printf("%lld\n", static_cast<long long>(sandbox->processId()));
            std::fflush(stdout);
        });
        QObject::connect(sandbox, &LocalSandbox::failed, &app, [](const QString &message) {
            std::printf("failed: %s\n", qPrintable(message));
            std::fflush(stdout);
        });
        sandbox->start();
        return app.exec();
    }
    TestLocalSandbox test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_localsandbox.moc"
