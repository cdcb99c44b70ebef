#include "core/api/speckind.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

std::optional<DetectedSpec> SpecKinds::detect(const QJsonObject &document)
{
    DetectedSpec detected;
    if (document.contains("TrainingJobName"_L1)) {
        detected.kind = SpecKind::TrainingJob;
        if (document.contains("TrainingJobArn"_L1) || document.contains("TrainingJobStatus"_L1)
            || document.contains("CreationTime"_L1))
            detected.form = SpecForm::DescribeOutput;
        return detected;
    }
    if (document.contains("ModelName"_L1)) {
        detected.kind = SpecKind::Model;
        if (document.contains("ModelArn"_L1) || document.contains("CreationTime"_L1))
            detected.form = SpecForm::DescribeOutput;
        return detected;
    }
    return std::nullopt;
}

QString SpecKinds::createOperation(SpecKind kind)
{
    return kind == SpecKind::TrainingJob ? u"CreateTrainingJob"_s : u"CreateModel"_s;
}

QString SpecKinds::describeOperation(SpecKind kind)
{
    return kind == SpecKind::TrainingJob ? u"DescribeTrainingJob"_s : u"DescribeModel"_s;
}

QString SpecKinds::nameMember(SpecKind kind)
{
    return kind == SpecKind::TrainingJob ? u"TrainingJobName"_s : u"ModelName"_s;
}

QString SpecKinds::displayName(SpecKind kind)
{
    return kind == SpecKind::TrainingJob ? QCoreApplication::translate("SpecKinds", "training job")
                                         : QCoreApplication::translate("SpecKinds", "model");
}

std::optional<SpecKind> SpecKinds::fromCliName(QStringView name)
{
    if (name == u"training-job")
        return SpecKind::TrainingJob;
    if (name == u"model")
        return SpecKind::Model;
    return std::nullopt;
}

QString SpecKinds::cliName(SpecKind kind)
{
    return kind == SpecKind::TrainingJob ? u"training-job"_s : u"model"_s;
}
