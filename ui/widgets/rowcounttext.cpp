#include "ui/widgets/rowcounttext.h"

#include <QCoreApplication>
#include <QLocale>

QString rowCountText(int shown, int all, const QString &one, const QString &many)
{
    const QLocale locale;
    const QString counted = locale.toString(all) + QLatin1Char(' ') + (all == 1 ? one : many);
    if (shown == all)
        return counted;
    return QCoreApplication::translate("RowCountText", "%1 of %2").arg(locale.toString(shown), counted);
}
