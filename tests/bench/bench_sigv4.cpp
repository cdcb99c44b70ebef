// Microseconds per SigV4 signature: our signer and botocore's SigV4Auth.add_auth, on the same SageMaker
// CreateTrainingJob POST with a ~1 KB JSON body, in one run. Prints both and the ratio (target: ours at least
// 20× faster). Also checks that both produce the same Authorization header, so the speed is not bought with a
// wrong signature. CI runs it briefly (label bench); SAGEDESK_BENCH_ITERATIONS makes it longer.
#include "core/aws/sigv4signer.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTest>
#include <algorithm>
#include <limits>
#include <time.h>

using namespace Qt::StringLiterals;

namespace {

QByteArray createTrainingJobBody()
{
    QByteArray body
        = R"({"TrainingJobName":"bench-xgboost-2024-05-17-09-30-15","AlgorithmSpecification":)"
          R"({"TrainingImage":"683313688378.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.7-1",)"
          R"("TrainingInputMode":"File","EnableSageMakerMetricsTimeSeries":false},)"
          R"("RoleArn":"arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole",)"
          R"("InputDataConfig":[{"ChannelName":"train","DataSource":{"S3DataSource":)"
          R"({"S3DataType":"S3Prefix","S3Uri":"s3://bench-bucket/data/train/",)"
          R"("S3DataDistributionType":"FullyReplicated"}},"ContentType":"text/csv",)"
          R"("CompressionType":"None"},{"ChannelName":"validation","DataSource":{"S3DataSource":)"
          R"({"S3DataType":"S3Prefix","S3Uri":"s3://bench-bucket/data/validation/",)"
          R"("S3DataDistributionType":"FullyReplicated"}},"ContentType":"text/csv"}],)"
          R"("OutputDataConfig":{"S3OutputPath":"s3://bench-bucket/output/"},)"
          R"("ResourceConfig":{"InstanceType":"ml.m5.xlarge","InstanceCount":1,"VolumeSizeInGB":30},)"
          R"("StoppingCondition":{"MaxRuntimeInSeconds":86400},)"
          R"("HyperParameters":{"max_depth":"5","eta":"0.2","gamma":"4","min_child_weight":"6",)"
          R"("subsample":"0.8","objective":"binary:logistic","num_round":"100"},)"
          R"("Tags":[{"Key":"project","Value":"sagedesk-benchmark"},{"Key":"owner","Value":"bench"}]})";
    return body;
}

SignableRequest unsignedRequest(const QByteArray &body)
{
    SignableRequest request;
    request.method = "POST";
    request.path = "/";
    request.headers = { { "Host", "api.sagemaker.us-west-2.amazonaws.com" },
        { "Content-Type", "application/x-amz-json-1.1" }, { "X-Amz-Target", "SageMaker.CreateTrainingJob" } };
    request.body = body;
    return request;
}

double threadCpuMicroseconds()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e6 + double(now.tv_nsec) / 1e3;
}

QByteArray authorizationOf(const SignableRequest &request)
{
    for (const auto &[name, value] : request.headers) {
        if (name == "Authorization")
            return value;
    }
    return {};
}

} // namespace

class BenchSigV4 : public QObject
{
    Q_OBJECT

private slots:
    void oursAgainstBotocore();
};

void BenchSigV4::oursAgainstBotocore()
{
    const int iterations = qEnvironmentVariableIsSet("SAGEDESK_BENCH_ITERATIONS")
        ? qEnvironmentVariableIntValue("SAGEDESK_BENCH_ITERATIONS")
        : 2000;
    QVERIFY(iterations > 0);
    const QByteArray body = createTrainingJobBody();
    const SigV4Signer signer(AwsCredentials { u"AKIDEXAMPLE"_s, u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s,
                                 u"FQoGZXIvYXdzEXAMPLETOKEN"_s, {} },
        u"us-west-2"_s, u"sagemaker"_s);
    const SignableRequest blank = unsignedRequest(body);
    const QDateTime fixed(QDate(2024, 5, 17), QTime(9, 30, 15), Qt::UTC);

    SignableRequest reference = blank;
    signer.sign(reference, fixed);

    // CPU time of the fastest of 15 batches, as for botocore: the machine is shared, and preemption only ever
    // adds time. Each signature starts from a fresh copy of the unsigned request, like a new call.
    double ours = std::numeric_limits<double>::max();
    for (int batch = 0; batch < 15; ++batch) {
        const double start = threadCpuMicroseconds();
        for (int i = 0; i < iterations; ++i) {
            SignableRequest request = blank;
            signer.sign(request, fixed);
        }
        ours = std::min(ours, (threadCpuMicroseconds() - start) / iterations);
    }

    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    if (python.isEmpty())
        QSKIP("python3 not found: cannot time botocore");
    QTemporaryFile bodyFile;
    QVERIFY(bodyFile.open());
    bodyFile.write(body);
    bodyFile.flush();
    QProcess process;
    process.start(python,
        { qEnvironmentVariable("SAGEDESK_SOURCE_DIR") + u"/tests/bench/sigv4_botocore.py"_s,
            bodyFile.fileName(), QString::number(iterations) });
    QVERIFY(process.waitForFinished(120000));
    if (process.exitCode() != 0 && process.readAllStandardError().contains("No module named 'botocore'"))
        QSKIP("botocore is not installed: cannot time it");
    QCOMPARE(process.exitCode(), 0);
    const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    bool ok = false;
    const double botocore = lines[0].toDouble(&ok);
    QVERIFY(ok);
    QCOMPARE(authorizationOf(reference), lines[1].trimmed());

    const double ratio = botocore / ours;
    qInfo("SigV4 signature, SageMaker CreateTrainingJob POST, %lld-byte JSON body, %d signatures x 15 "
          "batches, CPU time of the fastest batch:",
        qlonglong(body.size()), iterations);
    qInfo("  SageDesk SigV4Signer::sign    %8.2f us", ours);
    qInfo("  botocore SigV4Auth.add_auth   %8.2f us", botocore);
    qInfo(
        "  ratio                         %8.1fx (target >= 20x: %s)", ratio, ratio >= 20 ? "met" : "NOT met");
}

QTEST_GUILESS_MAIN(BenchSigV4)
#include "bench_sigv4.moc"
