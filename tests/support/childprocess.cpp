#include "tests/support/childprocess.h"

#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;

QString ChildProcess::Result::describe() const
{
    return u"exit code %1\nstderr: %2\nstdout: %3"_s.arg(exitCode).arg(
        QString::fromUtf8(err).trimmed(), QString::fromUtf8(out.left(3000)).trimmed());
}

ChildProcess::Result ChildProcess::run(const QString &program, const QStringList &arguments,
    const QProcessEnvironment &environment, const QString &workingDirectory, const QByteArray &input,
    int timeoutMs)
{
    Result result;
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(workingDirectory);
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        result.err = "timed out after " + QByteArray::number(timeoutMs)
            + " ms; stderr: " + process.readAllStandardError();
        return result;
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}
