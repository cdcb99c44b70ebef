#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QString>

// The colours and words of training-job statuses and secondary-status phases, one place for the table's
// badges, the detail pane and the charts, so a status looks the same everywhere. The colours keep white
// text readable (BadgeLabel picks the text colour by contrast anyway).
class JobStatusStyle
{
    Q_DECLARE_TR_FUNCTIONS(JobStatusStyle)

public:
    // TrainingJobStatus: InProgress blue, Completed green, Failed red, Stopping amber, Stopped grey; anything
    // else a neutral slate.
    static QColor statusColor(const QString &status);
    // SecondaryStatus phases (Starting, Downloading, Training, Uploading, ...), for timelines: a distinct hue
    // per phase; the terminal ones match statusColor().
    static QColor phaseColor(const QString &secondaryStatus);
    // Black or white, whichever reads better on background.
    static QColor textColorOn(const QColor &background);
    // "In progress" for InProgress, the other statuses translated; an unknown value as it is.
    static QString statusText(const QString &status);
    // The TrainingJobStatus values, in the order a filter lists them.
    static QStringList statuses();
};
