#pragma once

#include <QDateTime>
#include <QString>

// The "Unique name" button of the create forms: a name made unique with the time, the way people tell runs
// apart ("resnet50-20261127-153000"). SageMaker names are unique per account and region and may never be
// reused, not even after the job is gone.
namespace UniqueName {

// name with "-yyyyMMdd-HHmmss" of time (local time) appended, replacing such a suffix when name already
// ends with one; name is shortened first so the result fits maxLength. An empty name starts with fallback.
QString withTimestamp(
    const QString &name, const QDateTime &time, const QString &fallback, int maxLength = 63);

} // namespace UniqueName
