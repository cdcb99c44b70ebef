#include "tests/cli/clirunner.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

CliRunner::CliRunner()
    : m_environment(QProcessEnvironment::systemEnvironment())
{
    const QStringList keys = m_environment.keys();
    for (const QString &key : keys)
        if (key.startsWith("AWS_"_L1) || key.endsWith("_proxy"_L1, Qt::CaseInsensitive))
            m_environment.remove(key);
    m_environment.insert(u"HOME"_s, m_home.path());
    m_environment.insert(u"AWS_CONFIG_FILE"_s, m_home.filePath(u"aws-config"_s));
    m_environment.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, m_home.filePath(u"aws-credentials"_s));
    m_environment.insert(u"AWS_ACCESS_KEY_ID"_s, u"AKIDCLITEST"_s);
    m_environment.insert(u"AWS_SECRET_ACCESS_KEY"_s, QLatin1String(secretKey));
    m_environment.insert(u"AWS_REGION"_s, u"us-east-1"_s);
    m_environment.insert(u"AWS_EC2_METADATA_DISABLED"_s, u"true"_s);
    m_environment.insert(u"TZ"_s, u"UTC"_s);
}

QString CliRunner::program()
{
    return QStringLiteral(SAGEDESK_CLI_PATH);
}

QString CliRunner::writeFile(const QString &name, const QByteArray &contents) const
{
    const QString path = QDir(m_home.path()).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

CliRunner::Result CliRunner::run(const QStringList &arguments, int timeoutMs) const
{
    return run(arguments, QByteArray(), timeoutMs);
}

CliRunner::Result CliRunner::run(const QStringList &arguments, const QByteArray &input, int timeoutMs) const
{
    return ChildProcess::run(program(), arguments, m_environment, m_home.path(), input, timeoutMs);
}
