#pragma once

#include "ui/forms/reviewpage.h"

#include <QJsonObject>

// The review page's summary of a request in words, section by section as the form shows them: what is set,
// nothing about what is left out. Members the form has no field for are listed at the end by name, so the
// user sees that they are sent too.
namespace ReviewText {

QList<ReviewSection> trainingJob(const QJsonObject &request);
QList<ReviewSection> model(const QJsonObject &request);

} // namespace ReviewText
