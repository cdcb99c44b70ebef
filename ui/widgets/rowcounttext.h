#pragma once

#include <QString>

// A filtered table's count for the bar above it: "1 job", "7 jobs", "2 of 7 jobs". one and many are the
// noun's singular and plural, translated by the caller; numbers follow the locale.
QString rowCountText(int shown, int all, const QString &one, const QString &many);
