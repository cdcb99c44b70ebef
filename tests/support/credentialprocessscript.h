#pragma once

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

// A credential_process for tests: a shell script in a temporary directory that counts its runs, then
// behaves as the files the test writes beside it say: "stderr" (printed there), "sleep" (seconds to wait),
// "output.json" (printed), "exitcode".
class CredentialProcessScript
{
public:
    CredentialProcessScript()
    {
        write(QStringLiteral("script.sh"),
            "#!/bin/sh\n"
            "dir=$(dirname \"$0\")\n"
            "echo run >> \"$dir/runs\"\n"
            "[ -f \"$dir/stderr\" ] && cat \"$dir/stderr\" >&2\n"
            "[ -f \"$dir/sleep\" ] && sleep \"$(cat \"$dir/sleep\")\"\n"
            "cat \"$dir/output.json\"\n"
            "exit \"$(cat \"$dir/exitcode\" 2>/dev/null || echo 0)\"\n");
        QFile::setPermissions(
            m_dir.filePath(QStringLiteral("script.sh")), QFile::ReadOwner | QFile::ExeOwner);
    }

    void write(const QString &name, const QByteArray &content)
    {
        QFile file(m_dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    // Prints credentials with this key ID (and expiration, when valid) from now on.
    void writeCredentials(const QString &keyId, const QDateTime &expiration = {})
    {
        write(QStringLiteral("output.json"), credentialsJson(keyId, expiration));
    }
    int runs() const
    {
        QFile file(m_dir.filePath(QStringLiteral("runs")));
        return file.open(QIODevice::ReadOnly) ? int(file.readAll().count('\n')) : 0;
    }
    // Quoted: the temporary path may hold spaces.
    QString command() const
    {
        return QStringLiteral("'") + m_dir.filePath(QStringLiteral("script.sh")) + QStringLiteral("'");
    }

    // The JSON a credential_process prints; the secret is "procS3cret", the session token "procT0ken".
    static QByteArray credentialsJson(const QString &keyId, const QDateTime &expiration = {})
    {
        QJsonObject object { { QLatin1String("Version"), 1 }, { QLatin1String("AccessKeyId"), keyId },
            { QLatin1String("SecretAccessKey"), QStringLiteral("procS3cret") },
            { QLatin1String("SessionToken"), QStringLiteral("procT0ken") } };
        if (expiration.isValid())
            object.insert(QLatin1String("Expiration"), expiration.toString(Qt::ISODate));
        return QJsonDocument(object).toJson();
    }
    // What the script needs to run (sh, cat, sleep), and nothing of the user's.
    static QProcessEnvironment environment()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
        return environment;
    }

private:
    QTemporaryDir m_dir;
};
