#pragma once

#include "core/aws/clock.h"
#include "core/store/statuschange.h"
#include "core/store/statustransition.h"
#include "ui/charts/phasebar.h"
#include "ui/charts/timechartpanel.h"

#include <QList>

class QCategoryAxis;

// The selected job's phases: one horizontal bar per secondary-status phase on a time axis, one lane per phase
// (the first on top; a phase entered again adds a bar to its lane), coloured by phase with a legend, and the
// phase, its times, its duration and the service's message on hover. A chart with more lanes than its room
// holds scrolls.
class JobTimelineChart : public TimeChartPanel
{
    Q_OBJECT

public:
    explicit JobTimelineChart(Clock *clock = Clock::system(), QWidget *parent = nullptr);

    // Shows the phases of jobName from DescribeTrainingJob's SecondaryStatusTransitions; when the service
    // reported none, from the changes the monitor observed (oldest first). A running phase ends now.
    void setJob(const QString &jobName, const QList<StatusTransition> &transitions,
        const QList<StatusChange> &observed = {});
    void clear();

    QString jobName() const { return m_jobName; }
    const QList<PhaseBar> &bars() const { return m_bars; }
    // What hovering bar index shows: phase, start, end, duration in words, the service's message.
    QString toolTipFor(int index) const;

    QString suggestedFileName() const override;

private:
    void rebuild();
    void showBarToolTip(int index, bool hovered);

    Clock *m_clock;
    QString m_jobName;
    QList<PhaseBar> m_bars;
    QCategoryAxis *m_phaseAxis;
};
