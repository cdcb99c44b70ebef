#include "ui/charts/hovertext.h"

#include "ui/widgets/durationedit.h"

#include <QLocale>
#include <algorithm>
#include <climits>

using namespace Qt::StringLiterals;

namespace HoverText {

QString time(const QDateTime &time)
{
    const QDateTime local = time.toLocalTime();
    return QLocale().toString(local.date(), QLocale::ShortFormat) + u' '
        + local.time().toString(u"HH:mm:ss"_s);
}

QString duration(qint64 seconds)
{
    return DurationEdit::toWords(int(std::clamp<qint64>(seconds, 0, INT_MAX)));
}

} // namespace HoverText
