// credential_process: running the command, reading its JSON, caching and refreshing before Expiration.
// The command is a small shell script in a temporary directory that counts its runs and prints the file
// the test wrote for it (CredentialProcessScript). Both ways in: credentials(), which waits for the command
// (the CLI), and refresh(), which does not block the event loop (the GUI, AwsCall).
#include "core/aws/processcredentialsprovider.h"
#include "tests/support/credentialprocessscript.h"
#include "tests/support/manualclock.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

struct Answer
{
    AwsCredentials credentials;
    QString error;
    bool arrived = false;
    bool atOnce = false; // before refresh() returned
};

// refresh() and the event loop until the answer (at most 10 s).
Answer refreshAndWait(ProcessCredentialsProvider &provider, bool forceRefresh = false)
{
    QObject context;
    Answer answer;
    bool returned = false;
    provider.refresh(&context, forceRefresh, [&answer, &returned](const AwsCredentials &c, const QString &e) {
        answer = { c, e, true, !returned };
    });
    returned = true;
    (void)QTest::qWaitFor([&answer] { return answer.arrived; }, 10000);
    return answer;
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
    void refreshDoesNotBlockTheEventLoop();
    void refreshRunsOnceForEveryoneAndSkipsGoneCallers();
    void refreshRenewsBeforeExpiration();
    void deletingTheProviderKillsTheCommand();
    void parseOutput_data();
    void parseOutput();
    void splitCommandLine_data();
    void splitCommandLine();
};

void TestProcessCredentialsProvider::successWithoutExpirationIsCachedForGood()
{
    CredentialProcessScript dir;
    dir.write(u"output.json"_s, CredentialProcessScript::credentialsJson(u"AKID1"_s));
    ManualClock clock;
    ProcessCredentialsProvider provider(
        dir.command(), u"dev"_s, CredentialProcessScript::environment(), &clock);
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
    CredentialProcessScript dir;
    ManualClock clock;
    const QDateTime expiration = clock.now().addSecs(3600);
    dir.write(u"output.json"_s, CredentialProcessScript::credentialsJson(u"AKID1"_s, expiration));
    ProcessCredentialsProvider provider(
        dir.command(), u"dev"_s, CredentialProcessScript::environment(), &clock);
    QString error;
    QCOMPARE(provider.credentials(false, &error).expiration, expiration);
    dir.write(
        u"output.json"_s, CredentialProcessScript::credentialsJson(u"AKID2"_s, expiration.addSecs(3600)));

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
    CredentialProcessScript dir;
    ManualClock clock;
    dir.write(
        u"output.json"_s, CredentialProcessScript::credentialsJson(u"AKID1"_s, clock.now().addSecs(3600)));
    ProcessCredentialsProvider provider(
        dir.command(), u"dev"_s, CredentialProcessScript::environment(), &clock);
    QString error;
    provider.credentials(false, &error);
    dir.write(
        u"output.json"_s, CredentialProcessScript::credentialsJson(u"AKID2"_s, clock.now().addSecs(3600)));
    QCOMPARE(provider.credentials(true, &error).accessKeyId, u"AKID2"_s);
    QCOMPARE(dir.runs(), 2);
}

void TestProcessCredentialsProvider::failedRefreshKeepsUnexpiredCredentials()
{
    CredentialProcessScript dir;
    ManualClock clock;
    dir.write(
        u"output.json"_s, CredentialProcessScript::credentialsJson(u"AKID1"_s, clock.now().addSecs(3600)));
    ProcessCredentialsProvider provider(
        dir.command(), u"dev"_s, CredentialProcessScript::environment(), &clock);
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
    CredentialProcessScript dir;
    dir.write(u"output.json"_s, output);
    dir.write(u"exitcode"_s, exitCode);
    dir.write(u"stderr"_s, stderrText);
    ManualClock clock;
    ProcessCredentialsProvider provider(
        dir.command(), u"dev"_s, CredentialProcessScript::environment(), &clock);
    QString actual;
    QVERIFY(!provider.credentials(false, &actual).isValid());
    QCOMPARE(actual, error);

    // The same readable error without waiting for the command.
    ProcessCredentialsProvider async(dir.command(), u"dev"_s, CredentialProcessScript::environment(), &clock);
    const Answer answer = refreshAndWait(async);
    QVERIFY(answer.arrived);
    QVERIFY(!answer.atOnce);
    QVERIFY(!answer.credentials.isValid());
    QCOMPARE(answer.error, error);
}

void TestProcessCredentialsProvider::timeoutKillsTheCommand()
{
    CredentialProcessScript dir;
    dir.write(u"output.json"_s, CredentialProcessScript::credentialsJson(u"AKID1"_s));
    dir.write(u"sleep"_s, "10");
    ManualClock clock;
    // Long enough for a loaded CI machine to start sh (a slow start would be 'could not start'), far
    // below the script's 10 s.
    ProcessCredentialsProvider provider(
        dir.command(), u"dev"_s, CredentialProcessScript::environment(), &clock, 1500ms);
    QElapsedTimer timer;
    timer.start();
    QString error;
    QVERIFY(!provider.credentials(false, &error).isValid());
    QCOMPARE(error, u"credential_process of profile dev did not finish within 1.5 s"_s);
    QVERIFY(timer.elapsed() < 6000);

    ProcessCredentialsProvider missing(
        u"/nonexistent/helper --x"_s, u"dev"_s, CredentialProcessScript::environment(), &clock);
    QVERIFY(!missing.credentials(false, &error).isValid());
    QVERIFY2(error.startsWith(u"credential_process of profile dev could not start /nonexistent/helper"_s),
        qPrintable(error));

    // The same without waiting for the command.
    timer.restart();
    const Answer late = refreshAndWait(provider);
    QVERIFY(late.arrived);
    QCOMPARE(late.error, u"credential_process of profile dev did not finish within 1.5 s"_s);
    QVERIFY(timer.elapsed() < 6000);
    const Answer absent = refreshAndWait(missing);
    QVERIFY(absent.arrived);
    QVERIFY2(
        absent.error.startsWith(u"credential_process of profile dev could not start /nonexistent/helper"_s),
        qPrintable(absent.error));
}

// The command takes 2 s: refresh() returns at once, a timer keeps ticking meanwhile, and the answer comes
// from the event loop; the next refresh() answers at once from the cache.
void TestProcessCredentialsProvider::refreshDoesNotBlockTheEventLoop()
{
    CredentialProcessScript dir;
    dir.writeCredentials(u"AKIDSLOW"_s);
    dir.write(u"sleep"_s, "2");
    ManualClock clock;
    ProcessCredentialsProvider provider(
        dir.command(), u"dev"_s, CredentialProcessScript::environment(), &clock);

    QElapsedTimer sinceTick;
    qint64 longestGap = 0;
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(20);
    connect(&ticker, &QTimer::timeout, this, [&] {
        longestGap = qMax(longestGap, sinceTick.restart());
        ++ticks;
    });
    sinceTick.start();
    ticker.start();

    QElapsedTimer took;
    took.start();
    QObject context;
    Answer answer;
    provider.refresh(&context, false, [&answer](const AwsCredentials &c, const QString &e) {
        answer = { c, e, true, false };
    });
    QVERIFY(took.elapsed() < 500);
    QVERIFY(!answer.arrived);
    QVERIFY(provider.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(answer.arrived, 10000);
    ticker.stop();
    QVERIFY2(answer.error.isEmpty(), qPrintable(answer.error));
    QCOMPARE(answer.credentials.accessKeyId, u"AKIDSLOW"_s);
    QVERIFY(took.elapsed() >= 1900); // the command's 2 s did pass
    QVERIFY2(longestGap < 500, qPrintable(u"the event loop stood still for %1 ms"_s.arg(longestGap)));
    QVERIFY(ticks >= 10);
    QVERIFY(!provider.isRunning());

    const Answer cached = refreshAndWait(provider);
    QVERIFY(cached.atOnce);
    QCOMPARE(cached.credentials.accessKeyId, u"AKIDSLOW"_s);
    QCOMPARE(dir.runs(), 1);
}

void TestProcessCredentialsProvider::refreshRunsOnceForEveryoneAndSkipsGoneCallers()
{
    CredentialProcessScript dir;
    dir.writeCredentials(u"AKID1"_s);
    dir.write(u"sleep"_s, "0.5");
    ManualClock clock;
    ProcessCredentialsProvider provider(
        dir.command(), u"dev"_s, CredentialProcessScript::environment(), &clock);
    QObject first;
    auto gone = std::make_unique<QObject>();
    QStringList answers;
    provider.refresh(
        &first, false, [&answers](const AwsCredentials &c, const QString &) { answers << c.accessKeyId; });
    provider.refresh(
        gone.get(), true, [&answers](const AwsCredentials &, const QString &) { answers << u"gone"_s; });
    provider.refresh(
        &first, false, [&answers](const AwsCredentials &c, const QString &) { answers << c.accessKeyId; });
    gone.reset();
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 2, 10000);
    QCOMPARE(answers, (QStringList { u"AKID1"_s, u"AKID1"_s }));
    QTest::qWait(50);
    QCOMPARE(answers.size(), 2);
    QCOMPARE(dir.runs(), 1);
}

// As refreshesWithinFiveMinutesOfExpiration and failedRefreshKeepsUnexpiredCredentials, through refresh().
void TestProcessCredentialsProvider::refreshRenewsBeforeExpiration()
{
    CredentialProcessScript dir;
    ManualClock clock;
    const QDateTime expiration = clock.now().addSecs(3600);
    dir.writeCredentials(u"AKID1"_s, expiration);
    ProcessCredentialsProvider provider(
        dir.command(), u"dev"_s, CredentialProcessScript::environment(), &clock);
    QCOMPARE(refreshAndWait(provider).credentials.expiration, expiration);
    dir.writeCredentials(u"AKID2"_s, expiration.addSecs(3600));

    clock.advance(54min + 59s); // 5 min 1 s left: still cached, answered at once
    Answer answer = refreshAndWait(provider);
    QVERIFY(answer.atOnce);
    QCOMPARE(answer.credentials.accessKeyId, u"AKID1"_s);
    QCOMPARE(dir.runs(), 1);
    clock.advance(2s); // 4 min 59 s left: the command runs again
    answer = refreshAndWait(provider);
    QVERIFY(!answer.atOnce);
    QCOMPARE(answer.credentials.accessKeyId, u"AKID2"_s);
    QCOMPARE(dir.runs(), 2);

    // After ExpiredToken: runs again although the cache looks valid.
    dir.writeCredentials(u"AKID3"_s, expiration.addSecs(7200));
    QCOMPARE(refreshAndWait(provider, true).credentials.accessKeyId, u"AKID3"_s);
    QCOMPARE(dir.runs(), 3);

    // A failed run inside the margin keeps the unexpired keys; once they expire the failure shows.
    dir.write(u"exitcode"_s, "1");
    clock.advance(2h + 59s); // 4 min left of AKID3
    answer = refreshAndWait(provider);
    QCOMPARE(answer.credentials.accessKeyId, u"AKID3"_s);
    QVERIFY(answer.error.isEmpty());
    clock.advance(5min);
    answer = refreshAndWait(provider);
    QVERIFY(!answer.credentials.isValid());
    QCOMPARE(answer.error, u"credential_process of profile dev failed with exit code 1"_s);
}

void TestProcessCredentialsProvider::deletingTheProviderKillsTheCommand()
{
    CredentialProcessScript dir;
    dir.writeCredentials(u"AKID1"_s);
    dir.write(u"sleep"_s, "10");
    ManualClock clock;
    auto provider = std::make_unique<ProcessCredentialsProvider>(
        dir.command(), u"dev"_s, CredentialProcessScript::environment(), &clock);
    QObject context;
    bool called = false;
    provider->refresh(&context, false, [&called](const AwsCredentials &, const QString &) { called = true; });
    QTRY_COMPARE(dir.runs(), 1);
    QElapsedTimer took;
    took.start();
    provider.reset();
    QVERIFY(took.elapsed() < 2000);
    QTest::qWait(50);
    QVERIFY(!called);
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
