#pragma once

#include <QString>
#include <QStringList>

// Training-job statuses and secondary-status phases in words for people, translated: the statuses as the
// dashboard says them (JobStatusStyle::statusText), phases such as "LaunchingMLInstances" as "Launching ML
// instances". A name the program does not know is split at its capitals.
namespace StatusNames {

QString display(const QString &statusOrPhase);
// Training-job statuses without repeats, in the order legends list them and stacks pile them up: the
// dashboard's filter order (JobStatusStyle::statuses), then statuses the program does not know, by name.
QStringList sorted(const QStringList &statuses);

} // namespace StatusNames
