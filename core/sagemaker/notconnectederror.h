#pragma once

#include "core/aws/awserror.h"

#include <QCoreApplication>

// The error a request gets when there is no connection to send it on (none chosen, or it failed to
// resolve): what the dashboard and the Models page show instead of an AWS answer.
inline AwsError notConnectedError()
{
    AwsError error;
    error.code = QStringLiteral("NotConnected");
    error.message = QCoreApplication::translate("SageDesk", "there is no working connection to ask");
    return error;
}
