#include "ui/widgets/specpath.h"

using namespace Qt::StringLiterals;

namespace SpecPath {

std::optional<QString> below(const QString &path, const QString &prefix)
{
    if (prefix.isEmpty())
        return path.isEmpty() || path.startsWith(u'[') ? path : u'.' + path;
    if (!path.startsWith(prefix))
        return std::nullopt;
    const QString rest = path.mid(prefix.size());
    if (rest.isEmpty() || rest.startsWith(u'.') || rest.startsWith(u'['))
        return rest;
    return std::nullopt;
}

std::optional<int> takeIndex(QStringView &rest)
{
    if (!rest.startsWith(u'['))
        return std::nullopt;
    const qsizetype close = rest.indexOf(u']');
    if (close < 0)
        return std::nullopt;
    bool ok = false;
    const int i = rest.sliced(1, close - 1).toInt(&ok);
    if (!ok || i < 0)
        return std::nullopt;
    rest = rest.sliced(close + 1);
    return i;
}

std::optional<QString> takeMember(QStringView &rest, bool wholeRest)
{
    if (!rest.startsWith(u'.') || rest.size() < 2)
        return std::nullopt;
    qsizetype end = rest.size();
    if (!wholeRest) {
        for (qsizetype i = 1; i < rest.size(); ++i) {
            if (rest.at(i) == u'.' || rest.at(i) == u'[') {
                end = i;
                break;
            }
        }
    }
    const QString name = rest.sliced(1, end - 1).toString();
    rest = rest.sliced(end);
    return name;
}

QString member(const QString &prefix, const QString &name)
{
    return prefix.isEmpty() ? name : prefix + u'.' + name;
}

QString index(const QString &prefix, int i)
{
    return prefix + u'[' + QString::number(i) + u']';
}

} // namespace SpecPath
