#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// JSON paths into a spec document as the validator writes them: "InputDataConfig[1].DataSource.S3DataSource.S3Uri",
// "VpcConfig.Subnets[0]", "HyperParameters.learning_rate".
namespace SpecPath {

// What follows prefix in path: "" for the prefix itself, "[1].ChannelName" or ".Key" below it; nothing when
// path lies elsewhere ("VpcConfigX" is not below "VpcConfig"). An empty prefix is the document root.
std::optional<QString> below(const QString &path, const QString &prefix);

// Reads a leading "[n]" from rest and removes it.
std::optional<int> takeIndex(QStringView &rest);

// Reads a leading ".Name" from rest and removes it; for map keys pass wholeRest to take everything after the
// dot, since a key may itself contain dots.
std::optional<QString> takeMember(QStringView &rest, bool wholeRest = false);

QString member(const QString &prefix, const QString &name);
QString index(const QString &prefix, int i);

} // namespace SpecPath
