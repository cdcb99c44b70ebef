#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>

// The two kinds of spec SageDesk creates. A spec is a QJsonObject in the exact wire shape of the create
// request; a describe response of the same resource converts to one (DescribeConverter).
enum class SpecKind { TrainingJob, Model };

enum class SpecForm {
    CreateRequest, // CreateTrainingJob / CreateModel input
    DescribeOutput, // DescribeTrainingJob / DescribeModel output (raw API JSON or AWS CLI output)
};

struct DetectedSpec
{
    SpecKind kind = SpecKind::TrainingJob;
    SpecForm form = SpecForm::CreateRequest;
};

class SpecKinds
{
public:
    // TrainingJobName → training job, ModelName → model; members only a describe response has (the ARN,
    // status or creation time) → describe output. nullopt when the document names neither.
    static std::optional<DetectedSpec> detect(const QJsonObject &document);

    static QString createOperation(SpecKind kind); // "CreateTrainingJob"
    static QString describeOperation(SpecKind kind); // "DescribeTrainingJob"
    static QString nameMember(SpecKind kind); // "TrainingJobName"
    static QString displayName(SpecKind kind); // "training job", translated
    // "training-job" / "model", as the CLI spells kinds; nullopt for anything else.
    static std::optional<SpecKind> fromCliName(QStringView name);
    static QString cliName(SpecKind kind);
};
