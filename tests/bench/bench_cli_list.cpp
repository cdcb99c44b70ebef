// Wall time of listing 200 training jobs from one moto_server: `sagedesk-cli list-training-jobs` against
// `aws sagemaker list-training-jobs`, each run SAGEDESK_BENCH_RUNS times (default 7), as a user runs them
// (a fresh process each time, the same private environment). Prints both medians and the ratio (target:
// sagedesk-cli at least 10× faster). Checks that both print the 200 jobs, so the speed is not bought with an
// incomplete answer. A benchmark, not a timed test: it fails only when a run fails.
#include "core/aws/awstransport.h"
#include "core/aws/clock.h"
#include "core/aws/credentialsprovider.h"
#include "core/sagemaker/sagemakerclient.h"
#include "tests/sagemaker/samplespecs.h"
#include "tests/support/motoserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>
#include <algorithm>

using namespace Qt::StringLiterals;

class BenchCliList : public QObject
{
    Q_OBJECT

private slots:
    void listTrainingJobs();

private:
    struct Timed
    {
        double ms = -1;
        QByteArray out;
        QByteArray err;
    };
    // Blocking on purpose: the server is another process, and a polling wait would add its own granularity.
    static Timed run(
        const QString &program, const QStringList &arguments, const QProcessEnvironment &environment);
};

namespace {

constexpr int jobs = 200;

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

qsizetype summaries(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object().value(u"TrainingJobSummaries"_s).toArray().size();
}

} // namespace

BenchCliList::Timed BenchCliList::run(
    const QString &program, const QStringList &arguments, const QProcessEnvironment &environment)
{
    Timed timed;
    QProcess process;
    process.setProcessEnvironment(environment);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        timed.err = process.readAllStandardError();
        return timed;
    }
    timed.ms = double(clock.nsecsElapsed()) / 1e6;
    timed.out = process.readAllStandardOutput();
    return timed;
}

void BenchCliList::listTrainingJobs()
{
    QVERIFY2(
        MotoServer::isAvailable() && MotoServer::isAwsCliAvailable(), "moto_server and aws must be on PATH");
    MotoServer moto;
    QVERIFY2(moto.isRunning(), qPrintable(moto.errorString()));

    AwsTransport transport({ moto.endpoint(), u"us-east-1"_s, u"sagemaker"_s },
        std::make_shared<StaticCredentialsProvider>(AwsCredentials { u"testing"_s, u"testing"_s, {}, {} }),
        Clock::system());
    SageMakerClient client(&transport);
    int created = 0;
    for (int i = 0; i < jobs; ++i)
        connect(
            client.createTrainingJob(sampleTrainingJob(u"bench-job-%1"_s.arg(i, 3, 10, QLatin1Char('0')))),
            &SageMakerCall::finished, this, [&](const SageMakerResult &r) { created += r.isOk() ? 1 : 0; });
    QVERIFY(QTest::qWaitFor([&] { return created == jobs; }, 120000));

    const int runs = qEnvironmentVariableIntValue("SAGEDESK_BENCH_RUNS") > 0
        ? qEnvironmentVariableIntValue("SAGEDESK_BENCH_RUNS")
        : 7;
    // Both programs get the same environment: test keys, us-east-1, a private HOME, nothing of the user's.
    const QProcessEnvironment environment = moto.awsEnvironment();
    const QString endpoint = moto.endpoint().toString();
    const QStringList ours { u"list-training-jobs"_s, u"--endpoint-url"_s, endpoint };
    const QStringList theirs { u"sagemaker"_s, u"list-training-jobs"_s, u"--endpoint-url"_s, endpoint };

    QList<double> oursMs;
    QList<double> theirsMs;
    for (int i = 0; i < runs; ++i) { // interleaved, so a slow moment of the machine hits both
        const Timed a = run(QStringLiteral(SAGEDESK_CLI_PATH), ours, environment);
        QVERIFY2(a.ms >= 0, a.err.constData());
        QCOMPARE(summaries(a.out), jobs);
        oursMs.append(a.ms);
        const Timed b = run(u"aws"_s, theirs, environment);
        QVERIFY2(b.ms >= 0, b.err.constData());
        QCOMPARE(summaries(b.out), jobs);
        theirsMs.append(b.ms);
    }
    const double oursMedian = median(oursMs);
    const double theirsMedian = median(theirsMs);
    const double ratio = theirsMedian / oursMedian;
    qInfo("list-training-jobs, %d jobs, median of %d runs: sagedesk-cli %.1f ms, aws %.1f ms, ratio %.1fx "
          "(target >= 10x)",
        jobs, runs, oursMedian, theirsMedian, ratio);
    if (ratio < 10)
        qWarning("below the 10x target");
}

QTEST_GUILESS_MAIN(BenchCliList)
#include "bench_cli_list.moc"
