#pragma once

#include <QByteArray>
#include <QFile>

// A memory figure of this process from /proc/self/status in MB: "VmHWM" (peak RSS), "VmRSS". -1 where
// there is no such file (not Linux).
inline double procStatusMegabytes(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}
