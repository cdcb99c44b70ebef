#pragma once

#include "core/api/speckind.h"

#include <QJsonObject>

// A starting document for a new spec, like the AWS CLI's --generate-cli-skeleton but filled with example
// values that pass validation (the AWS documentation's example account and names), so a user edits
// values instead of hunting for the members a request needs.
class SpecSkeleton
{
public:
    static QJsonObject document(SpecKind kind);
};
