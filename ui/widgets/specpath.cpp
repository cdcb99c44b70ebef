#include "ui/widgets/specpath.h"

namespace SpecPath {

std::optional<QString> below(const QString &path, const QString &prefix)
{
    if (prefix.isEmpty())
        return path;
    if (!path.startsWith(prefix))
        return std::nullopt;
    const QString rest = path.mid(prefix.size());
    if (rest.isEmpty() || rest.startsWith(u'.') || rest.startsWith(u'['))
        return rest;
    return std::nullopt;
}

QList<JsonPath::Segment> segments(const QString &relativePath)
{
    QList<JsonPath::Segment> result;
    const QStringView view
        = relativePath.startsWith(u'.') ? QStringView(relativePath).sliced(1) : QStringView(relativePath);
    if (!JsonPath::parse(view, &result))
        return {};
    return result;
}

std::optional<QList<JsonPath::Segment>> segmentsBelow(const QString &path, const QString &prefix)
{
    const std::optional<QString> rest = below(path, prefix);
    if (!rest)
        return std::nullopt;
    return segments(*rest);
}

QString nameOf(const JsonPath::Segment &segment)
{
    return segment.kind == JsonPath::Segment::Kind::Index ? QString() : segment.name;
}

} // namespace SpecPath
