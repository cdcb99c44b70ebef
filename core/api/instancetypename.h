#pragma once

#include <QString>

// The shape of a SageMaker instance type name, ml.<family>.<size> ("ml.m5.large", "ml.p4de.24xlarge",
// "ml.p7-x1.96xlarge"). AWS adds types before SageDesk learns them: the validator and the instance type
// picker take a well-formed name missing from their lists for a newer type, not for a typo.
class InstanceTypeName
{
public:
    static bool isWellFormed(const QString &name);
};
