#pragma once

#include "core/api/specdocument.h"
#include "core/api/trainingchannel.h"

// One entry of AlgorithmSpecification.MetricDefinitions.
struct MetricDefinition
{
    QString name;
    QString regex;
    friend bool operator==(const MetricDefinition &, const MetricDefinition &) = default;
};

// A CreateTrainingJob request, form-ready: a getter and a setter for every field the forms show. The
// document (json()) is the spec; see JsonFields for how setters keep it minimal and unknown members intact.
class TrainingJobSpec : public SpecDocument
{
public:
    using SpecDocument::SpecDocument;

    QString name() const { return string(u"TrainingJobName"); }
    void setName(const QString &v) { setString(u"TrainingJobName", v); }
    QMap<QString, QString> hyperParameters() const { return stringMap(u"HyperParameters"); }
    void setHyperParameters(const QMap<QString, QString> &v) { setStringMap(u"HyperParameters", v); }

    // AlgorithmSpecification
    QString trainingImage() const { return string(u"AlgorithmSpecification.TrainingImage"); }
    void setTrainingImage(const QString &v) { setString(u"AlgorithmSpecification.TrainingImage", v); }
    QString algorithmName() const { return string(u"AlgorithmSpecification.AlgorithmName"); }
    void setAlgorithmName(const QString &v) { setString(u"AlgorithmSpecification.AlgorithmName", v); }
    QString trainingInputMode() const { return string(u"AlgorithmSpecification.TrainingInputMode"); }
    void setTrainingInputMode(const QString &v) { setString(u"AlgorithmSpecification.TrainingInputMode", v); }
    QList<MetricDefinition> metricDefinitions() const;
    void setMetricDefinitions(const QList<MetricDefinition> &v);

    QString roleArn() const { return string(u"RoleArn"); }
    void setRoleArn(const QString &v) { setString(u"RoleArn", v); }

    // InputDataConfig: setting replaces the whole list; each channel keeps its own unknown members.
    QList<TrainingChannel> channels() const;
    void setChannels(const QList<TrainingChannel> &v);

    // OutputDataConfig
    QString s3OutputPath() const { return string(u"OutputDataConfig.S3OutputPath"); }
    void setS3OutputPath(const QString &v) { setString(u"OutputDataConfig.S3OutputPath", v); }
    QString outputKmsKeyId() const { return string(u"OutputDataConfig.KmsKeyId"); }
    void setOutputKmsKeyId(const QString &v) { setString(u"OutputDataConfig.KmsKeyId", v); }

    // ResourceConfig
    QString instanceType() const { return string(u"ResourceConfig.InstanceType"); }
    void setInstanceType(const QString &v) { setString(u"ResourceConfig.InstanceType", v); }
    std::optional<qint64> instanceCount() const { return integer(u"ResourceConfig.InstanceCount"); }
    void setInstanceCount(std::optional<qint64> v) { setInteger(u"ResourceConfig.InstanceCount", v); }
    std::optional<qint64> volumeSizeInGB() const { return integer(u"ResourceConfig.VolumeSizeInGB"); }
    void setVolumeSizeInGB(std::optional<qint64> v) { setInteger(u"ResourceConfig.VolumeSizeInGB", v); }
    QString volumeKmsKeyId() const { return string(u"ResourceConfig.VolumeKmsKeyId"); }
    void setVolumeKmsKeyId(const QString &v) { setString(u"ResourceConfig.VolumeKmsKeyId", v); }

    // StoppingCondition
    std::optional<qint64> maxRuntimeInSeconds() const
    {
        return integer(u"StoppingCondition.MaxRuntimeInSeconds");
    }
    void setMaxRuntimeInSeconds(std::optional<qint64> v)
    {
        setInteger(u"StoppingCondition.MaxRuntimeInSeconds", v);
    }
    std::optional<qint64> maxWaitTimeInSeconds() const
    {
        return integer(u"StoppingCondition.MaxWaitTimeInSeconds");
    }
    void setMaxWaitTimeInSeconds(std::optional<qint64> v)
    {
        setInteger(u"StoppingCondition.MaxWaitTimeInSeconds", v);
    }

    bool enableInterContainerTrafficEncryption() const
    {
        return flag(u"EnableInterContainerTrafficEncryption");
    }
    void setEnableInterContainerTrafficEncryption(bool v)
    {
        setFlag(u"EnableInterContainerTrafficEncryption", v);
    }
    bool enableManagedSpotTraining() const { return flag(u"EnableManagedSpotTraining"); }
    void setEnableManagedSpotTraining(bool v) { setFlag(u"EnableManagedSpotTraining", v); }

    // CheckpointConfig
    QString checkpointS3Uri() const { return string(u"CheckpointConfig.S3Uri"); }
    void setCheckpointS3Uri(const QString &v) { setString(u"CheckpointConfig.S3Uri", v); }
    QString checkpointLocalPath() const { return string(u"CheckpointConfig.LocalPath"); }
    void setCheckpointLocalPath(const QString &v) { setString(u"CheckpointConfig.LocalPath", v); }

    QMap<QString, QString> environment() const { return stringMap(u"Environment"); }
    void setEnvironment(const QMap<QString, QString> &v) { setStringMap(u"Environment", v); }
};
