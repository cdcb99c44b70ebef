#pragma once

#include "core/api/jsonpath.h"

#include <QList>
#include <QString>
#include <optional>

// Where a diagnostic's JSON path (core/api/jsonpath.h) points relative to the place a widget edits.
namespace SpecPath {

// What follows prefix in path: "" for the prefix itself, "[1].ChannelName", ".Key" or "[\"a b\"]" below it;
// nothing when path lies elsewhere ("VpcConfigX" is not below "VpcConfig"). An empty prefix is the root.
std::optional<QString> below(const QString &path, const QString &prefix);

// The segments of such a remainder; empty for "" and for a malformed path.
QList<JsonPath::Segment> segments(const QString &relativePath);

// The segments of path below prefix; nothing when path lies elsewhere.
std::optional<QList<JsonPath::Segment>> segmentsBelow(const QString &path, const QString &prefix);

// A member or map key segment's name; empty for an index.
QString nameOf(const JsonPath::Segment &segment);

} // namespace SpecPath
