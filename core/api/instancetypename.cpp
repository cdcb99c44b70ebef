#include "core/api/instancetypename.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

bool InstanceTypeName::isWellFormed(const QString &name)
{
    static const QRegularExpression pattern(u"^ml\\.[a-z0-9]+(-[a-z0-9]+)*\\.[a-z0-9]+$"_s);
    return pattern.match(name).hasMatch();
}
