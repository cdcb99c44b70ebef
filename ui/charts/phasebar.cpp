#include "ui/charts/phasebar.h"

#include "core/store/statuschange.h"
#include "core/store/statustransition.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

bool isFinalJobStatus(const QString &status)
{
    return status == "Completed"_L1 || status == "Failed"_L1 || status == "Stopped"_L1;
}

} // namespace

QList<PhaseBar> PhaseBar::fromTransitions(const QList<StatusTransition> &transitions, const QDateTime &now)
{
    QList<StatusTransition> sorted;
    for (const StatusTransition &transition : transitions)
        if (transition.startTime.isValid())
            sorted << transition;
    std::stable_sort(sorted.begin(), sorted.end(),
        [](const StatusTransition &a, const StatusTransition &b) { return a.startTime < b.startTime; });

    QList<PhaseBar> bars;
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        const StatusTransition &transition = sorted[i];
        PhaseBar bar { transition.status, transition.startTime, transition.endTime, false,
            transition.statusMessage };
        if (!bar.end.isValid()) {
            if (i + 1 < sorted.size())
                bar.end = sorted[i + 1].startTime;
            else if (isFinal(bar.phase))
                bar.end = bar.start;
            else {
                bar.running = true;
                bar.end = std::max(now, bar.start);
            }
        }
        bars << bar;
    }
    return bars;
}

QList<PhaseBar> PhaseBar::fromChanges(const QList<StatusChange> &changes, const QDateTime &now)
{
    QList<PhaseBar> bars;
    QString lastJobStatus;
    for (const StatusChange &change : changes) {
        if (!change.time.isValid())
            continue;
        lastJobStatus = change.status;
        if (change.secondaryStatus.isEmpty()
            || (!bars.isEmpty() && bars.last().phase == change.secondaryStatus))
            continue;
        if (!bars.isEmpty())
            bars.last().end = change.time;
        bars << PhaseBar { change.secondaryStatus, change.time, QDateTime(), false, QString() };
    }
    if (!bars.isEmpty()) {
        PhaseBar &last = bars.last();
        if (isFinal(last.phase) || isFinalJobStatus(lastJobStatus)) {
            last.end = last.start;
        } else {
            last.running = true;
            last.end = std::max(now, last.start);
        }
    }
    return bars;
}

bool PhaseBar::isFinal(const QString &phase)
{
    return isFinalJobStatus(phase) || phase == "MaxRuntimeExceeded"_L1 || phase == "MaxWaitTimeExceeded"_L1;
}
