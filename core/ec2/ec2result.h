#pragma once

#include "core/aws/awserror.h"
#include "core/ec2/ec2types.h"

#include <QMetaType>

// How an EC2 Describe call ended, after all its pages.
struct Ec2Result
{
    AwsError error; // null on success: "UnauthorizedOperation", "InvalidResponse", "NetworkError", ...
    Ec2Resources resources; // every page's items (those that arrived before a failure, on failure)
    int pages = 0; // answers read

    bool isOk() const { return error.isNull(); }
};

Q_DECLARE_METATYPE(Ec2Result)
