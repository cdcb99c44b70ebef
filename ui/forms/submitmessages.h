#pragma once

#include "core/api/speckind.h"
#include "core/aws/awserror.h"

#include <QString>

// What a create form's banner says after a submit (rich text): created, cancelled, or the AWS error with
// its code, message and request id.
namespace SubmitMessages {

QString created(SpecKind kind, const QString &name, const QString &arn);
QString cancelled(SpecKind kind, const QString &name);
// outcomeUnknown: the answer was lost and the check could not tell whether the create went through.
QString failed(SpecKind kind, const QString &name, const AwsError &error, bool outcomeUnknown);

} // namespace SubmitMessages
