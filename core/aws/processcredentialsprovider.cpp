#include "core/aws/processcredentialsprovider.h"

#include "core/aws/redactsecrets.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QMutexLocker>
#include <QProcess>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// How much of the command's stderr an error message quotes.
constexpr qsizetype kStderrQuote = 300;

} // namespace

ProcessCredentialsProvider::ProcessCredentialsProvider(QString command, QString profileName,
    QProcessEnvironment environment, Clock *clock, std::chrono::milliseconds timeout)
    : m_command(std::move(command))
    , m_profileName(std::move(profileName))
    , m_environment(std::move(environment))
    , m_clock(clock)
    , m_timeout(timeout)
{ }

ProcessCredentialsProvider::~ProcessCredentialsProvider()
{
    if (m_process) {
        m_process->disconnect();
        m_process->kill();
        m_process->waitForFinished(1000);
        delete m_process;
    }
}

QString ProcessCredentialsProvider::where() const
{
    return tr("credential_process of profile %1").arg(m_profileName);
}

QString ProcessCredentialsProvider::sourceDescription() const
{
    return tr("profile %1 (credential_process)").arg(m_profileName);
}

bool ProcessCredentialsProvider::needsRefresh() const
{
    if (!m_cached.isValid())
        return true;
    if (!m_cached.expiration.isValid())
        return false;
    return m_clock->now().addSecs(std::chrono::seconds(refreshMargin).count()) >= m_cached.expiration;
}

AwsCredentials ProcessCredentialsProvider::credentials(bool forceRefresh, QString *error)
{
    QMutexLocker lock(&m_mutex);
    if (!forceRefresh && !needsRefresh())
        return m_cached;
    QString runError;
    const AwsCredentials fresh = run(&runError);
    return settle(fresh, runError, forceRefresh, error);
}

AwsCredentials ProcessCredentialsProvider::settle(
    const AwsCredentials &fresh, const QString &runError, bool forceRefresh, QString *error)
{
    if (fresh.isValid()) {
        m_cached = fresh;
        return m_cached;
    }
    // Inside the refresh margin the old credentials still work: use them and try again next time.
    if (!forceRefresh && m_cached.isValid() && m_clock->now() < m_cached.expiration)
        return m_cached;
    m_cached = {};
    if (error)
        *error = runError;
    return {};
}

void ProcessCredentialsProvider::refresh(QObject *context, bool forceRefresh, Callback callback)
{
    QMutexLocker lock(&m_mutex);
    if (!forceRefresh && !needsRefresh()) {
        const AwsCredentials cached = m_cached;
        lock.unlock();
        callback(cached, QString());
        return;
    }
    lock.unlock();
    m_waiters.append({ context, std::move(callback) });
    // A run already on answers everybody: its credentials are as fresh as a new run's.
    m_runForced = m_runForced || forceRefresh;
    if (!m_process)
        startRun();
}

void ProcessCredentialsProvider::startRun()
{
    QStringList arguments = splitCommandLine(m_command);
    if (arguments.isEmpty()) {
        finishRun({}, tr("%1 is empty or has an unbalanced quote").arg(where()));
        return;
    }
    const QString program = arguments.takeFirst();
    auto *process = new QProcess;
    m_process = process;
    m_timedOut = false;
    process->setProcessEnvironment(m_environment);
    // The timeout bounds the whole run, starting included.
    m_deadline = new QTimer(process);
    m_deadline->setSingleShot(true);
    QObject::connect(m_deadline, &QTimer::timeout, process, [this, process] {
        m_timedOut = true;
        process->kill(); // finished() follows
    });
    QObject::connect(
        process, &QProcess::errorOccurred, process, [this, process, program](QProcess::ProcessError e) {
            if (e == QProcess::FailedToStart)
                finishRun({}, tr("%1 could not start %2: %3").arg(where(), program, process->errorString()));
        });
    QObject::connect(process, &QProcess::finished, process, [this, process] {
        QString error;
        AwsCredentials fresh;
        if (m_timedOut)
            error = tr("%1 did not finish within %2 s").arg(where()).arg(m_timeout.count() / 1000.0);
        else
            fresh = interpret(*process, &error);
        finishRun(fresh, error);
    });
    m_deadline->start(m_timeout);
    process->start(program, arguments, QIODevice::ReadOnly);
    // Not this object: a start that failed at once has answered, and an answer may have ended this object.
    process->closeWriteChannel();
}

void ProcessCredentialsProvider::finishRun(const AwsCredentials &fresh, const QString &runError)
{
    if (m_process) {
        m_deadline->stop();
        m_process->disconnect();
        m_process->deleteLater();
        m_process = nullptr;
        m_deadline = nullptr;
    }
    const bool forced = std::exchange(m_runForced, false);
    QString error;
    QMutexLocker lock(&m_mutex);
    const AwsCredentials answer = settle(fresh, runError, forced, &error);
    lock.unlock();
    // A callback may end this object (a connection replaced on the answer): only the copies are used.
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters)
        if (waiter.context)
            waiter.callback(answer, error);
}

AwsCredentials ProcessCredentialsProvider::run(QString *error) const
{
    const QString where = this->where();
    QStringList arguments = splitCommandLine(m_command);
    if (arguments.isEmpty()) {
        *error = tr("%1 is empty or has an unbalanced quote").arg(where);
        return {};
    }
    const QString program = arguments.takeFirst();
    // One deadline for starting and finishing: the timeout bounds the whole run, not each half of it.
    const QDeadlineTimer deadline(m_timeout);
    QProcess process;
    process.setProcessEnvironment(m_environment);
    process.start(program, arguments, QIODevice::ReadOnly);
    if (!process.waitForStarted(int(deadline.remainingTime()))) {
        *error = tr("%1 could not start %2: %3").arg(where, program, process.errorString());
        return {};
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(int(deadline.remainingTime()))) {
        process.kill();
        process.waitForFinished(1000);
        *error = tr("%1 did not finish within %2 s").arg(where).arg(m_timeout.count() / 1000.0);
        return {};
    }
    return interpret(process, error);
}

AwsCredentials ProcessCredentialsProvider::interpret(QProcess &process, QString *error) const
{
    const QString where = this->where();
    const QByteArray output = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        QString details = redactSecrets(QString::fromUtf8(process.readAllStandardError()).trimmed());
        if (details.size() > kStderrQuote)
            details = details.first(kStderrQuote) + u"…"_s;
        *error = process.exitStatus() != QProcess::NormalExit
            ? tr("%1 crashed").arg(where)
            : tr("%1 failed with exit code %2").arg(where).arg(process.exitCode());
        if (!details.isEmpty())
            *error += u": "_s + details;
        return {};
    }
    QString parseError;
    AwsCredentials result = parseOutput(output, &parseError);
    if (!result.isValid()) {
        *error = where + u": "_s + parseError;
        return {};
    }
    if (result.expiration.isValid() && result.expiration <= m_clock->now()) {
        *error = tr("%1 returned credentials that expired at %2")
                     .arg(where, result.expiration.toString(Qt::ISODate));
        return {};
    }
    return result;
}

AwsCredentials ProcessCredentialsProvider::parseOutput(const QByteArray &output, QString *error)
{
    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(output, &jsonError);
    if (!document.isObject()) {
        *error = jsonError.error != QJsonParseError::NoError
            ? tr("output is not JSON (%1 at offset %2)").arg(jsonError.errorString()).arg(jsonError.offset)
            : tr("output is not a JSON object");
        return {};
    }
    const QJsonObject object = document.object();
    if (object.value("Version"_L1).toInt(-1) != 1 || !object.value("Version"_L1).isDouble()) {
        *error = tr("unsupported \"Version\" (expected 1)");
        return {};
    }
    AwsCredentials credentials;
    credentials.accessKeyId = object.value("AccessKeyId"_L1).toString();
    credentials.secretAccessKey = object.value("SecretAccessKey"_L1).toString();
    credentials.sessionToken = object.value("SessionToken"_L1).toString();
    if (credentials.accessKeyId.isEmpty() || credentials.secretAccessKey.isEmpty()) {
        *error = tr("output lacks \"AccessKeyId\" or \"SecretAccessKey\"");
        return {};
    }
    const QJsonValue expiration = object.value("Expiration"_L1);
    if (!expiration.isUndefined() && !expiration.isNull()) {
        const QString text = expiration.toString();
        credentials.expiration = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!credentials.expiration.isValid() || credentials.expiration.timeSpec() == Qt::LocalTime) {
            *error = tr("\"Expiration\" is not an ISO 8601 time with a time zone: %1").arg(text);
            return {};
        }
        credentials.expiration = credentials.expiration.toUTC();
    }
    return credentials;
}

QStringList ProcessCredentialsProvider::splitCommandLine(const QString &command)
{
    QStringList words;
    QString word;
    bool inWord = false;
    for (qsizetype i = 0; i < command.size(); ++i) {
        const QChar c = command[i];
        if (c == u'\'') {
            const qsizetype close = command.indexOf(u'\'', i + 1);
            if (close < 0)
                return {};
            word += command.sliced(i + 1, close - i - 1);
            inWord = true;
            i = close;
        } else if (c == u'"') {
            inWord = true;
            for (++i; i < command.size() && command[i] != u'"'; ++i) {
                // Inside double quotes a backslash escapes only these.
                if (command[i] == u'\\' && i + 1 < command.size()
                    && QStringView(u"\"\\$`").contains(command[i + 1]))
                    ++i;
                word += command[i];
            }
            if (i >= command.size())
                return {};
        } else if (c == u'\\') {
            if (i + 1 < command.size())
                word += command[++i];
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                words.append(word);
            word.clear();
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words.append(word);
    return words;
}
