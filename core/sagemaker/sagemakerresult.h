#pragma once

#include "core/aws/awserror.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>

// How a SageMakerClient call ended: the service's answer, or an error. For the list-all helpers json is
// the merged document ({"TrainingJobSummaries": [...]}); for a create the safe-create check recovered,
// the create's own answer shape ({"TrainingJobArn": ...}).
struct SageMakerResult
{
    AwsError error; // null on success
    QJsonObject json; // the answer; empty on failure
    QString requestId; // of the last request that decided the outcome
    int httpStatus = 0; // of that request; 0 when no HTTP answer arrived
    int requests = 0; // requests sent for this call: attempts, pages and checks included
    int pages = 0; // list-all helpers: pages fetched
    // A failed create that may have been carried out anyway, and the check (describe) could not tell.
    bool outcomeUnknown = false;
    // A create whose first answer was lost: the service refused the retry because the name was taken, and
    // the description showed the resource is the one this call sent. Reported as success.
    bool confirmedByDescribe = false;

    bool isOk() const { return error.isNull(); }
};

Q_DECLARE_METATYPE(SageMakerResult)
