#include "ui/forms/uniquename.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace UniqueName {

QString withTimestamp(const QString &name, const QDateTime &time, const QString &fallback, int maxLength)
{
    static const QRegularExpression existingSuffix(u"-\\d{8}-\\d{6}$"_s);
    const QString suffix = time.toLocalTime().toString(u"-yyyyMMdd-HHmmss"_s);
    QString base = name.trimmed();
    base.remove(existingSuffix);
    if (base.isEmpty())
        base = fallback;
    base.truncate(qMax(1, maxLength - int(suffix.size())));
    // A name may not end with a hyphen before the suffix's own.
    while (base.endsWith(u'-') && base.size() > 1)
        base.chop(1);
    return base + suffix;
}

} // namespace UniqueName
