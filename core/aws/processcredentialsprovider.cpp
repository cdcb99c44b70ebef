#include "core/aws/processcredentialsprovider.h"

#include "core/aws/redactsecrets.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QMutexLocker>
#include <QProcess>

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
    AwsCredentials fresh = run(&runError);
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

AwsCredentials ProcessCredentialsProvider::run(QString *error) const
{
    const QString where = tr("credential_process of profile %1").arg(m_profileName);
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
