#pragma once

#include "core/api/diagnostic.h"
#include "core/api/speckind.h"

#include <QJsonObject>
#include <QStringList>

class ShapeModel;

// Turns a DescribeTrainingJob / DescribeModel response (raw API JSON with epoch times, or AWS CLI output
// with ISO times; the times go anyway) into the create request that makes the same resource again.
//
// Top-level members are sorted into three groups by the shapes:
//  - members of the create request shape are kept, cleaned as below;
//  - members only the describe response shape has (ARNs, statuses, times, artifacts, transitions, final
//    metrics, ...) are read-only and dropped, and so is boto3's ResponseMetadata;
//  - members neither shape has are unknown: they come from a newer API than the model SageDesk was built
//    with, and could be a new request parameter the response echoes or a new read-only field. They are
//    kept (a clone must lose nothing) with a warning each, since the service rejects them if read-only.
// Nested values of kept members are the same shapes in both operations and are kept, except that null
// values, empty strings and empty objects, lists and maps are removed, and then objects left empty
// (describe answers carry "VpcConfig": {}, "Containers": [] and "KmsKeyId": "", which the AWS CLI or the
// service would reject or read differently; an empty string is never a meaningful setting there). Where a
// response names both AlgorithmName and the TrainingImage the service resolved it to, TrainingImage is
// dropped (a request may give only one).
//
// Tags: a describe response has none; a ListTags response (listTags) supplies them. Its tags replace
// same-key tags of the document and are appended otherwise; aws:-prefixed tags are system tags a request
// may not set and are skipped with a note.
class DescribeConverter
{
public:
    struct Result
    {
        QJsonObject request;
        QStringList droppedReadOnly; // top-level members dropped as read-only, by name
        Diagnostics notes; // what the caller should know about the result (warnings and info)
    };

    static Result toCreateRequest(
        SpecKind kind, const QJsonObject &describe, const QJsonObject &listTags = QJsonObject());
    static Result toCreateRequest(
        SpecKind kind, const QJsonObject &describe, const QJsonObject &listTags, const ShapeModel &model);
};
