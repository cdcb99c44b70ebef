#pragma once

#include "ui/forms/createform.h"

class ChannelBuilder;
class DurationEdit;
class FormSection;
class InstanceTypePicker;
class KeyValueTable;
class MetricDefinitionsEditor;
class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;
class VpcEditor;

// The create-training-job form: every field of CreateTrainingJob a data scientist sets, in sections read top
// to bottom (Job, Algorithm, Permissions, Input channels, Output, Resources, Network, Stopping condition,
// Spot and checkpoints, Hyperparameters, Environment, Tags). Members it has no field for (debugger,
// profiler, newer API members) stay in the document as imported or cloned and are sent as they are.
//
// Field object names: "trainingJobName", "uniqueName", "algorithmSource", "trainingImage", "algorithmName",
// "trainingInputMode", "metricDefinitions", "roleArn", "inputChannels", "s3OutputPath", "outputKmsKeyId",
// "instanceType", "instanceCount", "volumeSizeInGB", "volumeKmsKeyId", "costEstimateSlot", "vpcConfig",
// "enableNetworkIsolation", "enableInterContainerTrafficEncryption", "maxRuntime",
// "enableManagedSpotTraining", "maxWaitTime", "checkpointS3Uri", "checkpointLocalPath", "hyperParameters",
// "environment", "tags".
class TrainingJobForm : public CreateForm
{
    Q_OBJECT

public:
    explicit TrainingJobForm(QWidget *parent = nullptr);

    // The worst-case cost estimate (the pricing widget) goes under the instance fields; the form owns it.
    void setCostEstimateWidget(QWidget *widget);
    QWidget *costEstimateWidget() const { return m_costEstimate; }

    // The VPC editor, for the account's subnets and security groups (VpcEditor::setAccountIds).
    VpcEditor *vpcEditor() const { return m_vpc; }

protected:
    QJsonObject defaultDocument() const override;
    QList<ReviewSection> reviewSummary(const QJsonObject &document) const override;
    QString untitled() const override;
    void documentShown() override;
    void fieldEdited(int index) override;

private:
    void buildJobSection();
    void buildAlgorithmSection();
    void buildPermissionsSection();
    void buildChannelsSection();
    void buildOutputSection();
    void buildResourcesSection();
    void buildNetworkSection();
    void buildStoppingSection();
    void buildSpotSection();
    void buildTablesSections();
    void updateAlgorithmSource();
    void updateSpot();
    bool usesAlgorithmName() const;

    QComboBox *m_algorithmSource = nullptr;
    QComboBox *m_trainingImage = nullptr;
    QLineEdit *m_algorithmName = nullptr;
    QComboBox *m_inputMode = nullptr;
    MetricDefinitionsEditor *m_metrics = nullptr;
    QComboBox *m_role = nullptr;
    ChannelBuilder *m_channels = nullptr;
    QLineEdit *m_outputPath = nullptr;
    QLineEdit *m_outputKms = nullptr;
    InstanceTypePicker *m_instanceType = nullptr;
    QSpinBox *m_instanceCount = nullptr;
    QSpinBox *m_volumeSize = nullptr;
    QLineEdit *m_volumeKms = nullptr;
    FormSection *m_resources = nullptr;
    QWidget *m_costSlot = nullptr;
    QWidget *m_costEstimate = nullptr;
    VpcEditor *m_vpc = nullptr;
    QCheckBox *m_isolation = nullptr;
    QCheckBox *m_encryption = nullptr;
    DurationEdit *m_maxRuntime = nullptr;
    QCheckBox *m_spot = nullptr;
    DurationEdit *m_maxWait = nullptr;
    QLineEdit *m_checkpointUri = nullptr;
    QLineEdit *m_checkpointPath = nullptr;
    KeyValueTable *m_hyperParameters = nullptr;
    KeyValueTable *m_environment = nullptr;
    KeyValueTable *m_tags = nullptr;

    int m_imageField = -1;
    int m_algorithmNameField = -1;
    int m_inputModeField = -1;
    int m_spotField = -1;
    int m_maxWaitField = -1;
};
