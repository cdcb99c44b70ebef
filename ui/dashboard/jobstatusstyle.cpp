#include "ui/dashboard/jobstatusstyle.h"

using namespace Qt::StringLiterals;

QColor JobStatusStyle::statusColor(const QString &status)
{
    if (status == "InProgress"_L1)
        return QColor(0x1f, 0x6f, 0xd1);
    if (status == "Completed"_L1)
        return QColor(0x2e, 0x7d, 0x32);
    if (status == "Failed"_L1)
        return QColor(0xc6, 0x28, 0x28);
    if (status == "Stopping"_L1)
        return QColor(0xe0, 0x8a, 0x00);
    if (status == "Stopped"_L1)
        return QColor(0x75, 0x75, 0x75);
    return QColor(0x54, 0x6e, 0x7a);
}

QColor JobStatusStyle::phaseColor(const QString &secondaryStatus)
{
    struct Phase
    {
        QLatin1StringView name;
        QRgb color;
    };
    static constexpr Phase phases[] = {
        { "Starting"_L1, 0x8e24aa },
        { "Pending"_L1, 0xab47bc },
        { "LaunchingMLInstances"_L1, 0x7e57c2 },
        { "PreparingTrainingStack"_L1, 0x5c6bc0 },
        { "Downloading"_L1, 0x0288d1 },
        { "DownloadingTrainingImage"_L1, 0x0097a7 },
        { "Training"_L1, 0x1f6fd1 },
        { "Uploading"_L1, 0x00897b },
        { "Restarting"_L1, 0xf4511e },
        { "Interrupted"_L1, 0xd84315 },
        { "MaxRuntimeExceeded"_L1, 0x6d4c41 },
        { "MaxWaitTimeExceeded"_L1, 0x795548 },
        { "Updating"_L1, 0x3949ab },
        { "Stopping"_L1, 0xe08a00 },
    };
    for (const Phase &phase : phases)
        if (secondaryStatus == phase.name)
            return QColor(phase.color);
    return statusColor(secondaryStatus);
}

QString JobStatusStyle::statusText(const QString &status)
{
    if (status == "InProgress"_L1)
        return tr("In progress");
    if (status == "Completed"_L1)
        return tr("Completed");
    if (status == "Failed"_L1)
        return tr("Failed");
    if (status == "Stopping"_L1)
        return tr("Stopping");
    if (status == "Stopped"_L1)
        return tr("Stopped");
    return status;
}

QStringList JobStatusStyle::statuses()
{
    return { u"InProgress"_s, u"Completed"_s, u"Failed"_s, u"Stopping"_s, u"Stopped"_s };
}

QColor JobStatusStyle::textColorOn(const QColor &background)
{
    const double luminance
        = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return luminance > 0.55 ? QColor(Qt::black) : QColor(Qt::white);
}
