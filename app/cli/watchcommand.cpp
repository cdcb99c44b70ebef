#include "app/cli/watchcommand.h"

#include "app/cli/clioutput.h"
#include "app/cli/clisession.h"
#include "app/cli/commandtable.h"
#include "app/cli/trainingjobwatcher.h"
#include "core/aws/clock.h"

#include <QCommandLineParser>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return CliCommands::tr(text);
}

// Seconds as a positive duration; nullopt when the text is not one.
std::optional<std::chrono::milliseconds> seconds(const QString &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !(value > 0) || value > 366.0 * 24 * 3600)
        return std::nullopt;
    return std::chrono::milliseconds(std::max<qint64>(1, qint64(value * 1000.0)));
}

QString line(const TrainingJobWatcher::Change &change, bool json)
{
    if (json) {
        QJsonObject object { { u"Time"_s, CliOutput::time(change.time) },
            { u"TrainingJobName"_s, change.job }, { u"TrainingJobStatus"_s, change.status },
            { u"SecondaryStatus"_s, change.secondaryStatus } };
        if (!change.message.isEmpty())
            object.insert(u"StatusMessage"_s, change.message);
        return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    }
    QString text = CliOutput::time(change.time) + u"  "_s + change.job + u"  "_s + change.status;
    if (!change.secondaryStatus.isEmpty() && change.secondaryStatus != change.status)
        text += u" ("_s + change.secondaryStatus + u')';
    if (!change.message.isEmpty())
        text += u"  "_s + change.message;
    return text;
}

} // namespace

CliExit WatchCommand::run(const QStringList &arguments, CliIo &io)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"NAME"_s, tr("Training jobs to follow until they end."), u"NAME..."_s);
    const QCommandLineOption intervalOption(
        u"interval"_s, tr("Seconds between polls (default 30)."), u"SECONDS"_s, u"30"_s);
    const QCommandLineOption timeoutOption(
        u"timeout"_s, tr("Give up after this many seconds (exit 4); no limit by default."), u"SECONDS"_s);
    parser.addOptions({ intervalOption, timeoutOption });
    if (const auto exit = CliCommands::parse(parser, *CommandTable::find(u"watch"), arguments, io))
        return *exit;
    const QStringList jobs = parser.positionalArguments();
    if (jobs.isEmpty()) {
        io.err << "error: " << tr("watch: give at least one NAME; try 'sagedesk-cli watch --help'.") << '\n';
        return CliExit::Usage;
    }
    const auto interval = seconds(parser.value(intervalOption));
    const auto timeout = parser.isSet(timeoutOption) ? seconds(parser.value(timeoutOption)) : std::nullopt;
    if (!interval || (parser.isSet(timeoutOption) && !timeout)) {
        io.err << "error: " << tr("--interval and --timeout want a number of seconds above 0.") << '\n';
        return CliExit::Usage;
    }

    CliExit exit;
    const std::unique_ptr<CliSession> session = CliSession::open(parser, io, &exit);
    if (!session)
        return exit;
    // A log for people unless JSON was asked for explicitly.
    const bool json = session->outputChosen() && session->output() == CliSession::Output::Json;
    Clock *clock = Clock::system();
    auto *watcher = new TrainingJobWatcher(session->client(), jobs, *interval, clock, session.get());
    QObject::connect(
        watcher, &TrainingJobWatcher::changed, session.get(), [&](const TrainingJobWatcher::Change &c) {
            io.out << line(c, json) << '\n';
            io.out.flush();
        });
    QObject::connect(
        watcher, &TrainingJobWatcher::warning, session.get(), [&](const QString &job, const AwsError &e) {
            io.err << "warning: "
                   << tr("%1: %2; polling again in %3 s")
                          .arg(job, e.toString())
                          .arg(double(interval->count()) / 1000.0)
                   << '\n';
            io.err.flush();
        });
    QObject::connect(
        watcher, &TrainingJobWatcher::failed, session.get(), [&](const QString &, const AwsError &e) {
            session->printError(e, u"DescribeTrainingJob"_s);
            session->finish(CliSession::exitFor(e));
        });
    QObject::connect(watcher, &TrainingJobWatcher::finished, session.get(), [&] {
        const QList<QString> statuses = watcher->statuses().values();
        if (statuses.contains(u"Failed"_s))
            session->finish(CliExit::Failed);
        else if (statuses.contains(u"Stopped"_s))
            session->finish(CliExit(stoppedExit));
        else
            session->finish(CliExit::Ok);
    });
    if (timeout)
        clock->callAfter(*timeout, session.get(), [&] {
            io.err << "error: "
                   << tr("--timeout passed; still running: %1").arg(watcher->running().join(u", "_s)) << '\n';
            session->finish(CliExit(timedOutExit));
        });
    watcher->start();
    return session->exec();
}
