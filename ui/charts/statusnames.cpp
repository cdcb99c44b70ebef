#include "ui/charts/statusnames.h"

#include "ui/dashboard/jobstatusstyle.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

namespace {

QString splitWords(const QString &name)
{
    // "PreparingTrainingStack" → "Preparing training stack"; a run of capitals stays one word ("ML").
    QStringList words;
    QString word;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        const bool capitalStartsWord = c.isUpper() && !word.isEmpty()
            && (!word.back().isUpper() || (i + 1 < name.size() && name.at(i + 1).isLower()));
        if (capitalStartsWord) {
            words << word;
            word.clear();
        }
        word += c;
    }
    if (!word.isEmpty())
        words << word;
    for (qsizetype i = 1; i < words.size(); ++i) {
        const bool acronym = words[i].size() > 1 && words[i].at(1).isUpper();
        if (!acronym)
            words[i] = words[i].toLower();
    }
    return words.join(u' ');
}

} // namespace

QString StatusNames::display(const QString &name)
{
    if (JobStatusStyle::statuses().contains(name))
        return JobStatusStyle::statusText(name);
    static const QHash<QString, const char *> phases {
        { u"Pending"_s, QT_TRANSLATE_NOOP("StatusNames", "Pending") },
        { u"Starting"_s, QT_TRANSLATE_NOOP("StatusNames", "Starting") },
        { u"LaunchingMLInstances"_s, QT_TRANSLATE_NOOP("StatusNames", "Launching ML instances") },
        { u"PreparingTrainingStack"_s, QT_TRANSLATE_NOOP("StatusNames", "Preparing training stack") },
        { u"Downloading"_s, QT_TRANSLATE_NOOP("StatusNames", "Downloading") },
        { u"DownloadingTrainingImage"_s, QT_TRANSLATE_NOOP("StatusNames", "Downloading training image") },
        { u"Training"_s, QT_TRANSLATE_NOOP("StatusNames", "Training") },
        { u"Uploading"_s, QT_TRANSLATE_NOOP("StatusNames", "Uploading") },
        { u"Updating"_s, QT_TRANSLATE_NOOP("StatusNames", "Updating") },
        { u"Restarting"_s, QT_TRANSLATE_NOOP("StatusNames", "Restarting") },
        { u"Interrupted"_s, QT_TRANSLATE_NOOP("StatusNames", "Interrupted") },
        { u"MaxRuntimeExceeded"_s, QT_TRANSLATE_NOOP("StatusNames", "Max runtime exceeded") },
        { u"MaxWaitTimeExceeded"_s, QT_TRANSLATE_NOOP("StatusNames", "Max wait time exceeded") },
    };
    if (const auto it = phases.constFind(name); it != phases.cend())
        return QCoreApplication::translate("StatusNames", *it);
    return splitWords(name);
}

QStringList StatusNames::sorted(const QStringList &statuses)
{
    QStringList result;
    for (const QString &status : JobStatusStyle::statuses())
        if (statuses.contains(status))
            result << status;
    QStringList others;
    for (const QString &status : statuses)
        if (!result.contains(status) && !others.contains(status))
            others << status;
    others.sort();
    return result + others;
}
