#pragma once

#include <QDateTime>
#include <QString>

// The pieces of the charts' hover texts, so every chart says times and durations the same way.
namespace HoverText {

// Local short date and the time to the second.
QString time(const QDateTime &time);
// "1 hour 30 minutes".
QString duration(qint64 seconds);

} // namespace HoverText
