#pragma once

#include <QList>
#include <QString>

// JSON paths as diagnostics print them: members joined by '.', list elements as [index], map entries as
// .key when the key is a plain word (no '.', '[', ']', '"', '\', whitespace; not empty) and as ["key"] with
// '"' and '\' backslash-escaped otherwise. "" is the document itself. Examples:
//   InputDataConfig[1].DataSource.S3DataSource.S3Uri
//   HyperParameters.learning-rate      HyperParameters["batch size"]
class JsonPath
{
public:
    struct Segment
    {
        enum class Kind { Member, Index, Key };
        Kind kind = Kind::Member;
        QString name; // Member and Key (a Member segment under a map names a key, too)
        qsizetype index = -1;
        friend bool operator==(const Segment &, const Segment &) = default;
    };

    static QString member(const QString &path, const QString &name);
    static QString index(const QString &path, qsizetype index);
    static QString key(const QString &path, const QString &key);

    // Splits a path into segments; false (and segments untouched) when the path is malformed.
    static bool parse(QStringView path, QList<Segment> *segments);
};
