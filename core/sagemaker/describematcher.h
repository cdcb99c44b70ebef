#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

// Decides whether a resource the service describes is the one a create request asked for: the check
// behind the safe create. "Matches" means every member that was sent has the same value in the
// description; the service may add members, map entries and defaults of its own.
//
// - Objects and maps: every sent member must be there with a matching value. A member sent empty ("",
//   false, null, [] or {}) matches a description without it (the service leaves such members out).
// - Lists: same length, element by element; except AlgorithmSpecification.MetricDefinitions, to which the
//   service adds the built-in algorithm's metrics (and moto a metric of its own): there every sent entry
//   must be among the described ones.
// - Scalars: equal JSON values (numbers by value, 10 == 10.0; "10" is not 10).
// - Tags: never in a description; left out here and compared through ListTags with missingTags().
class DescribeMatcher
{
public:
    // The JSON paths (as diagnostics print them) of the sent members that differ, in key order;
    // empty when the description matches.
    static QStringList differences(const QJsonObject &request, const QJsonObject &description);

    // The keys of sent tags that ListTags does not show with the same value (the service may add tags of its
    // own, e.g. sagemaker:* tags).
    static QStringList missingTags(const QJsonArray &sent, const QJsonArray &listed);
};
