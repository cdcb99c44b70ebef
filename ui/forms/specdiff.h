#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

// What differs between two spec documents, field by field: for a clone's review page, the original job's
// request against the one about to be sent. Objects (structures and maps) are compared member by member and
// lists element by element, so a changed subnet shows as "VpcConfig.Subnets[1]" rather than a whole new
// VpcConfig; a value whose JSON type changed is one change.
class SpecDiff
{
public:
    struct Change
    {
        enum class Kind { Added, Removed, Changed };
        QString path; // as diagnostics print them (core/api/jsonpath.h)
        Kind kind = Kind::Changed;
        QJsonValue before; // Undefined when added
        QJsonValue after; // Undefined when removed
        friend bool operator==(const Change &, const Change &) = default;
    };

    // In the order of before's members, members only after has following.
    static QList<Change> compare(const QJsonObject &before, const QJsonObject &after);
};
