// credential_process: running the command, reading its JSON, caching and refreshing before Expiration.
// The command is a small shell script in a temporary directory that counts its runs and prints the file
// the test wrote for it.
#include "core/aws/processcredentialsprovider.h"
#include "tests/support/manualclock.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// The script: counts its runs, then behaves as the files beside it say.
const QString kScript = QStringLiteral("#!/bin/sh\n"
                                       "dir=$(dirname \"$0\")\n"
                                       "echo run >> \"$dir/runs\"\n"
                                       "[ -f \"$dir/stderr\" ] && cat \"$dir/stderr\" >&2\n"
                                       "[ -f \"$dir/sleep\" ] && sleep \"$(cat \"$dir/sleep\")\"\n"
                                       "cat \"$dir/output.json\"\n"
                                       "exit \"$(cat \"$dir/exitcode\" 2>/dev/null || echo 0)\"\n");

QByteArray credentialsJson(const QString &keyId, const QDateTime &expiration = {})
{
    QJsonObject object { { "Version"_L1, 1 }, { "AccessKeyId"_L1, keyId },
        { "SecretAccessKey"_L1, u"procS3cret"_s }, { "SessionToken"_L1, u"procT0ken"_s } };
    if (expiration.isValid())
        object.insert("Expiration"_L1, expiration.toString(Qt::ISODate));
    return QJsonDocument(object).toJson();
}

class ScriptDir
{
public:
    ScriptDir()
    {
        write(u"script.sh"_s, kScript.toUtf8());
        QFile::setPermissions(m_dir.filePath(u"script.sh"_s), QFile::ReadOwner | QFile::ExeOwner);
    }
    void write(const QString &name, const QByteArray &content)
    {
        QFile file(m_dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    int runs() const
    {
        QFile file(m_dir.filePath(u"runs"_s));
        return file.open(QIODevice::ReadOnly) ? int(file.readAll().count('\n')) : 0;
    }
    // Quoted: the temporary path may hold spaces.
    QString command() const { return u"'"_s + m_dir.filePath(u"script.sh"_s) + u"'"_s; }

private:
    QTemporaryDir m_dir;
};

QProcessEnvironment testEnvironment()
{
    QProcessEnvironment environment;
    environment.insert(u"PATH"_s, u"/usr/bin:/bin"_s);
    return environment;
}

} // namespace

class TestProcessCredentialsProvider : public QObject
{
    Q_OBJECT

private slots:
    void successWithoutExpirationIsCachedForGood();
    void refreshesWithinFiveMinutesOfExpiration();
    void forceRefreshRunsAgain();
    void failedRefreshKeepsUnexpiredCredentials();
    void failures_data();
    void failures();
    void timeoutKillsTheCommand();
    void parseOutput_data();
    void parseOutput();
    void splitCommandLine_data();
    void splitCommandLine();
};

void TestProcessCredentialsProvider::successWithoutExpirationIsCachedForGood()
{
    ScriptDir dir;
    dir.write(u"output.json"_s, credentialsJson(u"AKID1"_s));
    ManualClock clock;
    ProcessCredentialsProvider provider(dir.command(), u"dev"_s, testEnvironment(), &clock);
    QString error;
    AwsCredentials credentials = provider.credentials(false, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(credentials.accessKeyId, u"AKID1"_s);
    QCOMPARE(credentials.secretAccessKey, u"procS3cret"_s);
    QCOMPARE(credentials.sessionToken, u"procT0ken"_s);
    QVERIFY(!credentials.expiration.isValid());
    clock.advance(24h * 30);
    QCOMPARE(provider.credentials(false, &error).accessKeyId, u"AKID1"_s);
    QCOMPARE(dir.runs(), 1);
    QCOMPARE(provider.sourceDescription(), u"profile dev (credential_process)"_s);
}

void TestProcessCredentialsProvider::refreshesWithinFiveMinutesOfExpiration()
{
    ScriptDir dir;
    ManualClock clock;
    const QDateTime expiration = clock.now().addSecs(3600);
    dir.write(u"output.json"_s, credentialsJson(u"AKID1"_s, expiration));
    ProcessCredentialsProvider provider(dir.command(), u"dev"_s, testEnvironment(), &clock);
    QString error;
    QCOMPARE(provider.credentials(false, &error).expiration, expiration);
    dir.write(u"output.json"_s, credentialsJson(u"AKID2"_s, expiration.addSecs(3600)));

    clock.advance(54min + 59s); // 5 min 1 s left: still cached
    QCOMPARE(provider.credentials(false, &error).accessKeyId, u"AKID1"_s);
    QCOMPARE(dir.runs(), 1);
    clock.advance(2s); // 4 min 59 s left: refreshed
    QCOMPARE(provider.credentials(false, &error).accessKeyId, u"AKID2"_s);
    QCOMPARE(dir.runs(), 2);
    QVERIFY(error.isEmpty());
}

void TestProcessCredentialsProvider::forceRefreshRunsAgain()
{
    ScriptDir dir;
    ManualClock clock;
    dir.write(u"output.json"_s, credentialsJson(u"AKID1"_s, clock.now().addSecs(3600)));
    ProcessCredentialsProvider provider(dir.command(), u"dev"_s, testEnvironment(), &clock);
    QString error;
    provider.credentials(false, &error);
    dir.write(u"output.json"_s, credentialsJson(u"AKID2"_s, clock.now().addSecs(3600)));
    QCOMPARE(provider.credentials(true, &error).accessKeyId, u"AKID2"_s);
    QCOMPARE(dir.runs(), 2);
}

void TestProcessCredentialsProvider::failedRefreshKeepsUnexpiredCredentials()
{
    ScriptDir dir;
    ManualClock clock;
    dir.write(u"output.json"_s, credentialsJson(u"AKID1"_s, clock.now().addSecs(3600)));
    ProcessCredentialsProvider provider(dir.command(), u"dev"_s, testEnvironment(), &clock);
    QString error;
    provider.credentials(false, &error);
    dir.write(u"exitcode"_s, "1");
    clock.advance(57min); // inside the refresh margin, not expired: the refresh fails, the old keys serve
    QCOMPARE(provider.credentials(false, &error).accessKeyId, u"AKID1"_s);
    QVERIFY(error.isEmpty());
    QCOMPARE(dir.runs(), 2);
    clock.advance(4min); // expired now: the failure shows
    QVERIFY(!provider.credentials(false, &error).isValid());
    QCOMPARE(error, u"credential_process of profile dev failed with exit code 1"_s);
}

void TestProcessCredentialsProvider::failures_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QByteArray>("exitCode");
    QTest::addColumn<QByteArray>("stderrText");
    QTest::addColumn<QString>("error");
    QTest::newRow("exit code and stderr")
        << QByteArray() << QByteArray("2") << QByteArray("token expired, run login\n")
        << u"credential_process of profile dev failed with exit code 2: token expired, run login"_s;
    QTest::newRow("a secret on stderr is redacted")
        << QByteArray() << QByteArray("1") << QByteArray("aws_secret_access_key=leakedS3cret")
        << u"credential_process of profile dev failed with exit code 1: aws_secret_access_key=<redacted>"_s;
    QTest::newRow("not JSON")
        << QByteArray("AKID SECRET") << QByteArray("0") << QByteArray()
        << u"credential_process of profile dev: output is not JSON (illegal value at offset 1)"_s;
    QTest::newRow("version 2")
        << QByteArray(R"({"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "S"})") << QByteArray("0")
        << QByteArray() << u"credential_process of profile dev: unsupported \"Version\" (expected 1)"_s;
    QTest::newRow("no secret")
        << QByteArray(R"({"Version": 1, "AccessKeyId": "A"})") << QByteArray("0") << QByteArray()
        << u"credential_process of profile dev: output lacks \"AccessKeyId\" or \"SecretAccessKey\""_s;
    QTest::newRow("already expired")
        << QByteArray(
               R"({"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "S", "Expiration": "2025-12-31T23:00:00Z"})")
        << QByteArray("0") << QByteArray()
        << u"credential_process of profile dev returned credentials that expired at 2025-12-31T23:00:00Z"_s;
}

void TestProcessCredentialsProvider::failures()
{
    QFETCH(QByteArray, output);
    QFETCH(QByteArray, exitCode);
    QFETCH(QByteArray, stderrText);
    QFETCH(QString, error);
    ScriptDir dir;
    dir.write(u"output.json"_s, output);
    dir.write(u"exitcode"_s, exitCode);
    dir.write(u"stderr"_s, stderrText);
    ManualClock clock;
    ProcessCredentialsProvider provider(dir.command(), u"dev"_s, testEnvironment(), &clock);
    QString actual;
    QVERIFY(!provider.credentials(false, &actual).isValid());
    QCOMPARE(actual, error);
}

void TestProcessCredentialsProvider::timeoutKillsTheCommand()
{
    ScriptDir dir;
    dir.write(u"output.json"_s, credentialsJson(u"AKID1"_s));
    dir.write(u"sleep"_s, "10");
    ManualClock clock;
    // Long enough for a loaded CI machine to start sh (a slow start would be 'could not start'), far
    // below the script's 10 s.
    ProcessCredentialsProvider provider(dir.command(), u"dev"_s, testEnvironment(), &clock, 1500ms);
    QElapsedTimer timer;
    timer.start();
    QString error;
    QVERIFY(!provider.credentials(false, &error).isValid());
    QCOMPARE(error, u"credential_process of profile dev did not finish within 1.5 s"_s);
    QVERIFY(timer.elapsed() < 6000);

    ProcessCredentialsProvider missing(u"/nonexistent/helper --x"_s, u"dev"_s, testEnvironment(), &clock);
    QVERIFY(!missing.credentials(false, &error).isValid());
    QVERIFY2(error.startsWith(u"credential_process of profile dev could not start /nonexistent/helper"_s),
        qPrintable(error));
}

void TestProcessCredentialsProvider::parseOutput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QDateTime>("expiration");
    QTest::newRow("Z") << QByteArray(
        R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"S","Expiration":"2026-03-04T05:06:07Z"})")
                       << QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7), Qt::UTC);
    QTest::newRow("milliseconds") << QByteArray(
        R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"S","Expiration":"2026-03-04T05:06:07.250Z"})")
                                  << QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7, 250), Qt::UTC);
    QTest::newRow("offset") << QByteArray(
        R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"S","Expiration":"2026-03-04T07:06:07+02:00"})")
                            << QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7), Qt::UTC);
    QTest::newRow("null expiration") << QByteArray(
        R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"S","Expiration":null})")
                                     << QDateTime();
    QTest::newRow("no time zone: refused") << QByteArray(
        R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"S","Expiration":"2026-03-04T05:06:07"})")
                                           << QDateTime();
}

void TestProcessCredentialsProvider::parseOutput()
{
    QFETCH(QByteArray, json);
    QFETCH(QDateTime, expiration);
    QString error;
    const AwsCredentials credentials = ProcessCredentialsProvider::parseOutput(json, &error);
    if (QByteArray(QTest::currentDataTag()).contains("refused")) {
        QVERIFY(!credentials.isValid());
        QVERIFY(error.contains(u"time zone"_s));
        return;
    }
    QVERIFY2(credentials.isValid(), qPrintable(error));
    QCOMPARE(credentials.expiration, expiration);
}

void TestProcessCredentialsProvider::splitCommandLine_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("plain") << u"aws configure export-credentials --profile x"_s
                           << QStringList { u"aws"_s, u"configure"_s, u"export-credentials"_s, u"--profile"_s,
                                  u"x"_s };
    QTest::newRow("single quotes") << u"sh -c 'echo a  b; exit 1'"_s
                                   << QStringList { u"sh"_s, u"-c"_s, u"echo a  b; exit 1"_s };
    QTest::newRow("double quotes with escapes")
        << QStringLiteral("\"/opt/my tool\" \"say \\\"hi\\\" \\\\ \\n\"")
        << QStringList { u"/opt/my tool"_s, QStringLiteral("say \"hi\" \\ \\n") };
    QTest::newRow("backslash space") << QStringLiteral("/opt/my\\ tool --x")
                                     << QStringList { u"/opt/my tool"_s, u"--x"_s };
    QTest::newRow("empty quoted word") << u"tool '' x"_s << QStringList { u"tool"_s, QString(), u"x"_s };
    QTest::newRow("adjacent quotes join") << u"a'b'\"c\"d"_s << QStringList { u"abcd"_s };
    QTest::newRow("unbalanced") << u"tool 'oops"_s << QStringList();
}

void TestProcessCredentialsProvider::splitCommandLine()
{
    QFETCH(QString, command);
    QFETCH(QStringList, words);
    QCOMPARE(ProcessCredentialsProvider::splitCommandLine(command), words);
}

QTEST_GUILESS_MAIN(TestProcessCredentialsProvider)
#include "tst_processcredentialsprovider.moc"
