#pragma once

#include <QDateTime>
#include <QString>

// A job on a connection's watch list, and since when it has been watched.
struct WatchedJob
{
    QString jobName;
    QDateTime since;

    friend bool operator==(const WatchedJob &, const WatchedJob &) = default;
};
