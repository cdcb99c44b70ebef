// sagedesk-fixture-sim: the SageMaker simulation on a loopback port, for pointing the app at a live-looking
// account (screenshots, manual checks of the dashboard) without AWS.
//
//     sagedesk-fixture-sim --port 4599 --jobs 10000 --in-progress 50
//     AWS_ENDPOINT_URL_SAGEMAKER=http://127.0.0.1:4599 AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
//         AWS_REGION=us-east-1 sagedesk

#include "core/aws/clock.h"
#include "tests/support/fixtureserver.h"
#include "tests/support/sagemakersim.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// A few short lifecycles that play out within minutes of the start, so every state shows up live.
void addDemoJobs(SageMakerSim &sim)
{
    using Outcome = SimTrainingJob::Outcome;
    const auto script = [](const QString &name, Outcome outcome, std::chrono::milliseconds training) {
        SimTrainingJob::Script s;
        s.name = name;
        s.phases = SimTrainingJob::standardPhases(30s, 45s, training, 30s);
        s.outcome = outcome;
        s.instanceType = u"ml.g5.2xlarge"_s;
        return s;
    };
    sim.addJob(script(u"demo-completes"_s, Outcome::Completed, 3min));
    SimTrainingJob::Script fails = script(u"demo-fails"_s, Outcome::Failed, 2min);
    fails.failureReason = u"AlgorithmError: ExecuteUserScriptError: ExitCode 1 ErrorMessage \"ValueError: "
                          "Input contains NaN\""_s;
    sim.addJob(fails);
    SimTrainingJob::Script capped = script(u"demo-max-runtime"_s, Outcome::MaxRuntimeExceeded, 30min);
    capped.maxRuntime = 4min;
    sim.addJob(capped);
    sim.addJob(script(u"demo-runs-on"_s, Outcome::Running, 1h));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"sagedesk-fixture-sim"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"A scripted SageMaker training-job service on 127.0.0.1 for trying SageDesk "
        "without AWS. Accepts any credentials."_s);
    parser.addHelpOption();
    const QCommandLineOption port(u"port"_s, u"TCP port on 127.0.0.1 (0: any free port)."_s, u"N"_s, u"0"_s);
    const QCommandLineOption jobs(u"jobs"_s, u"Training jobs to list."_s, u"N"_s, u"10000"_s);
    const QCommandLineOption inProgress(
        u"in-progress"_s, u"How many of them are running."_s, u"N"_s, u"50"_s);
    const QCommandLineOption seed(u"seed"_s, u"Seed of the generated jobs."_s, u"N"_s, u"1"_s);
    const QCommandLineOption rateLimit(u"rate-limit"_s,
        u"Throttle beyond this many requests per second, as the service does (0: never)."_s, u"R"_s, u"0"_s);
    const QCommandLineOption noDemo(u"no-demo"_s, u"Leave out the demo-* jobs that end within minutes."_s);
    parser.addOptions({ port, jobs, inProgress, seed, rateLimit, noDemo });
    parser.process(app);

    bool ok = true;
    const auto number = [&](const QCommandLineOption &option) {
        bool valid = false;
        const double value = parser.value(option).toDouble(&valid);
        ok = ok && valid && value >= 0;
        return value;
    };
    SageMakerSim::BulkOptions bulk;
    bulk.total = int(number(jobs));
    bulk.inProgress = int(number(inProgress));
    bulk.seed = quint32(number(seed));
    const double limit = number(rateLimit);
    const auto listenPort = quint16(number(port));
    QTextStream err(stderr);
    if (!ok) {
        err << "sagedesk-fixture-sim: --port, --jobs, --in-progress, --seed and --rate-limit take numbers >= "
               "0\n";
        return 2;
    }

    FixtureServer server;
    SageMakerSim sim(Clock::system());
    sim.populate(bulk);
    if (!parser.isSet(noDemo))
        addDemoJobs(sim);
    if (limit > 0)
        sim.setRateLimit(limit, 1.0);
    sim.attach(server);
    if (!server.listen(listenPort)) {
        err << "sagedesk-fixture-sim: cannot listen on 127.0.0.1:" << listenPort << '\n';
        return 1;
    }
    // The server keeps every request for tests to inspect; a long-running demo must not grow without end.
    QTimer trim;
    QObject::connect(&trim, &QTimer::timeout, &server, [&] {
        server.clearRequests();
        sim.clearRequests();
    });
    trim.start(60s);

    QTextStream out(stdout);
    const QString url = u"http://127.0.0.1:%1"_s.arg(server.port());
    out << "SageMaker simulation on " << url << " with " << sim.jobCount() << " training jobs ("
        << sim.jobsInProgress().size() << " in progress)\n"
        << "Point SageDesk at it:\n  AWS_ENDPOINT_URL_SAGEMAKER=" << url
        << " AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 sagedesk\n";
    out.flush();
    return app.exec();
}
