#include "ui/forms/trainingjobform.h"

#include "core/api/trainingjobspec.h"
#include "ui/forms/formfields.h"
#include "ui/forms/formsection.h"
#include "ui/forms/formwidgets.h"
#include "ui/forms/metricdefinitionseditor.h"
#include "ui/forms/reviewtext.h"
#include "ui/widgets/channelbuilder.h"
#include "ui/widgets/durationedit.h"
#include "ui/widgets/instancetypepicker.h"
#include "ui/widgets/keyvaluetable.h"
#include "ui/widgets/vpceditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace FormWidgets;

namespace {

const QString trainingImageKey = u"training-image"_s;
const QString roleArnKey = u"role-arn"_s;
constexpr int maxInstanceCount = 500;
constexpr int maxVolumeSizeGb = 16384;
constexpr int defaultMaxRuntime = 86400;

} // namespace

TrainingJobForm::TrainingJobForm(QWidget *parent)
    : CreateForm(SpecKind::TrainingJob, parent)
{
    setObjectName(u"trainingJobForm"_s);
    buildJobSection();
    buildAlgorithmSection();
    buildPermissionsSection();
    buildChannelsSection();
    buildOutputSection();
    buildResourcesSection();
    buildNetworkSection();
    buildStoppingSection();
    buildSpotSection();
    buildTablesSections();
    finishSetup();
}

void TrainingJobForm::buildJobSection()
{
    FormSection *section
        = addSection(tr("Job"), tr("A name that is unique in your account and region, for good."));
    addNameRow(
        section, u"trainingJobName"_s, u"uniqueName"_s, tr("e.g. resnet50-imagenet"), u"training-job"_s);
}

void TrainingJobForm::buildAlgorithmSection()
{
    FormSection *section = addSection(
        tr("Algorithm"), tr("The container that trains, and how it reads its input and reports metrics."));
    m_algorithmSource = new QComboBox;
    m_algorithmSource->setObjectName(u"algorithmSource"_s);
    m_algorithmSource->addItem(tr("A container image of mine (ECR)"));
    m_algorithmSource->addItem(tr("An algorithm resource (AWS Marketplace or my own)"));
    section->addRow(tr("Train with:"), m_algorithmSource);
    addToTabOrder(m_algorithmSource);

    m_trainingImage
        = recentCombo(u"trainingImage"_s, tr("e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/train:1.0"));
    m_trainingImage->setToolTip(
        tr("The registry path of the training image; recently used images are in the list"));
    QLabel *imageMessage = section->addRow(tr("Training image:"), m_trainingImage);
    addRecentValues(m_trainingImage, trainingImageKey, u"AlgorithmSpecification.TrainingImage"_s);
    m_imageField = bind(FormFields::editableCombo(
        u"AlgorithmSpecification.TrainingImage"_s, tr("Training image"), m_trainingImage, imageMessage)
                            .withAliases({ u"AlgorithmSpecification"_s })
                            .onlyWhen([this] { return !usesAlgorithmName(); }));

    m_algorithmName = lineEdit(u"algorithmName"_s, tr("e.g. my-algorithm or its ARN"));
    QLabel *nameMessage = section->addRow(tr("Algorithm name:"), m_algorithmName);
    m_algorithmNameField = bind(FormFields::lineEdit(
        u"AlgorithmSpecification.AlgorithmName"_s, tr("Algorithm name"), m_algorithmName, nameMessage)
                                    .onlyWhen([this] { return usesAlgorithmName(); }));

    m_inputMode = new QComboBox;
    m_inputMode->setObjectName(u"trainingInputMode"_s);
    m_inputMode->addItem(tr("File — copy the data to the instance first"), u"File"_s);
    m_inputMode->addItem(tr("FastFile — stream from S3 as files are read"), u"FastFile"_s);
    m_inputMode->addItem(tr("Pipe — stream through a named pipe"), u"Pipe"_s);
    QLabel *modeMessage = section->addRow(tr("Input mode:"), m_inputMode);
    m_inputModeField = bind(FormFields::choiceCombo(
        u"AlgorithmSpecification.TrainingInputMode"_s, tr("Input mode"), m_inputMode, modeMessage));

    m_metrics = new MetricDefinitionsEditor;
    m_metrics->setObjectName(u"metricDefinitions"_s);
    section->addWideRow(m_metrics, tr("Metrics from the training log:"));
    bind(FormFields::editor(tr("Metrics"), m_metrics));

    connect(m_algorithmSource, &QComboBox::activated, this, [this] {
        updateAlgorithmSource();
        storeField(m_imageField);
        storeField(m_algorithmNameField);
    });
}

void TrainingJobForm::buildPermissionsSection()
{
    FormSection *section = addSection(tr("Permissions"),
        tr("The IAM role SageMaker assumes to read the data, write the model and pull the image."));
    m_role = recentCombo(u"roleArn"_s, tr("arn:aws:iam::123456789012:role/SageMakerTraining"));
    m_role->setToolTip(tr("The role's ARN; recently used roles are in the list"));
    QLabel *message = section->addRow(tr("IAM role:"), m_role);
    addRecentValues(m_role, roleArnKey, u"RoleArn"_s);
    bind(FormFields::editableCombo(u"RoleArn"_s, tr("IAM role"), m_role, message)
             .withPatternHint(FormFields::roleArnPatternHint()));
}

void TrainingJobForm::buildChannelsSection()
{
    FormSection *section = addSection(
        tr("Input channels"), tr("Where the training data is. Each channel is mounted under its name."));
    m_channels = new ChannelBuilder;
    m_channels->setObjectName(u"inputChannels"_s);
    section->addWideRow(m_channels);
    bind(FormFields::editor(tr("Input channels"), m_channels));
}

void TrainingJobForm::buildOutputSection()
{
    FormSection *section = addSection(tr("Output"), tr("Where the model artifacts are written."));
    m_outputPath = lineEdit(u"s3OutputPath"_s, tr("s3://bucket/prefix/"));
    QLabel *pathMessage = section->addRow(tr("S3 output path:"), m_outputPath);
    bind(FormFields::lineEdit(
        u"OutputDataConfig.S3OutputPath"_s, tr("S3 output path"), m_outputPath, pathMessage)
             .withAliases({ u"OutputDataConfig"_s })
             .withPatternHint(FormFields::s3UriPatternHint()));
    m_outputKms = lineEdit(u"outputKmsKeyId"_s, tr("optional: key ID, alias or ARN"));
    QLabel *kmsMessage = section->addRow(
        tr("KMS key:"), m_outputKms, tr("Encrypts the artifacts; S3's default when empty."));
    bind(FormFields::lineEdit(u"OutputDataConfig.KmsKeyId"_s, tr("Output KMS key"), m_outputKms, kmsMessage)
             .withPatternHint(FormFields::kmsKeyPatternHint()));
}

void TrainingJobForm::buildResourcesSection()
{
    FormSection *section
        = addSection(tr("Resources"), tr("The instances the job runs on, and their storage."));
    m_instanceType = new InstanceTypePicker;
    m_instanceType->setObjectName(u"instanceType"_s);
    QLabel *typeMessage = section->addRow(tr("Instance type:"), m_instanceType);
    typeMessage->setObjectName(u"instanceTypeMessage"_s);
    bind(FormFields::editor(tr("Instance type"), m_instanceType).withAliases({ u"ResourceConfig"_s }));

    m_instanceCount = new QSpinBox;
    m_instanceCount->setObjectName(u"instanceCount"_s);
    m_instanceCount->setRange(1, maxInstanceCount);
    m_instanceCount->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    m_instanceCount->setToolTip(tr("More than one instance trains distributed"));
    QLabel *countMessage = section->addRow(tr("Instance count:"), m_instanceCount);
    bind(FormFields::spinBox(
        u"ResourceConfig.InstanceCount"_s, tr("Instance count"), m_instanceCount, countMessage));

    m_volumeSize = new QSpinBox;
    m_volumeSize->setObjectName(u"volumeSizeInGB"_s);
    m_volumeSize->setRange(1, maxVolumeSizeGb);
    m_volumeSize->setSuffix(tr(" GB"));
    m_volumeSize->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    QLabel *volumeMessage = section->addRow(tr("Volume size:"), m_volumeSize,
        tr("Storage per instance for the data (in File mode) and checkpoints."));
    bind(FormFields::spinBox(
        u"ResourceConfig.VolumeSizeInGB"_s, tr("Volume size"), m_volumeSize, volumeMessage));

    m_volumeKms = lineEdit(u"volumeKmsKeyId"_s, tr("optional: key ID, alias or ARN"));
    QLabel *kmsMessage = section->addRow(tr("Volume KMS key:"), m_volumeKms);
    bind(FormFields::lineEdit(
        u"ResourceConfig.VolumeKmsKeyId"_s, tr("Volume KMS key"), m_volumeKms, kmsMessage)
             .withPatternHint(FormFields::kmsKeyPatternHint()));

    m_costSlot = new QWidget;
    m_costSlot->setObjectName(u"costEstimateSlot"_s);
    auto *costLayout = new QVBoxLayout(m_costSlot);
    costLayout->setContentsMargins(0, 0, 0, 0);
    section->addRow(tr("Cost:"), m_costSlot);
    section->setRowVisible(m_costSlot, false);
    addToTabOrder(m_costSlot);
    m_resources = section;
}

void TrainingJobForm::setCostEstimateWidget(QWidget *widget)
{
    delete m_costEstimate;
    m_costEstimate = widget;
    if (widget)
        m_costSlot->layout()->addWidget(widget);
    m_resources->setRowVisible(m_costSlot, widget != nullptr);
}

void TrainingJobForm::buildNetworkSection()
{
    FormSection *section = addSection(tr("Network"), tr("Where the containers' network traffic goes."));
    m_vpc = new VpcEditor;
    m_vpc->setObjectName(u"vpcConfig"_s);
    section->addWideRow(m_vpc);
    bind(FormFields::editor(tr("VPC"), m_vpc));
    m_isolation = checkBox(u"enableNetworkIsolation"_s, tr("Network isolation: no outbound network calls"),
        tr("The containers cannot reach the network, not even S3 or your VPC; only SageMaker moves the "
           "data"));
    QLabel *isolationMessage = section->addRow(QString(), m_isolation);
    bind(FormFields::checkBox(
        u"EnableNetworkIsolation"_s, tr("Network isolation"), m_isolation, isolationMessage));
    m_encryption = checkBox(u"enableInterContainerTrafficEncryption"_s,
        tr("Encrypt traffic between instances"), tr("Slower distributed training, encrypted in transit"));
    QLabel *encryptionMessage = section->addRow(QString(), m_encryption);
    bind(FormFields::checkBox(u"EnableInterContainerTrafficEncryption"_s, tr("Traffic encryption"),
        m_encryption, encryptionMessage));
}

void TrainingJobForm::buildStoppingSection()
{
    FormSection *section = addSection(tr("Stopping condition"),
        tr("SageMaker stops the job when it runs longer than this (at most 28 days)."));
    m_maxRuntime = new DurationEdit(u"StoppingCondition.MaxRuntimeInSeconds"_s);
    m_maxRuntime->setObjectName(u"maxRuntime"_s);
    section->addRow(tr("Maximum runtime:"), m_maxRuntime);
    bind(FormFields::editor(tr("Maximum runtime"), m_maxRuntime).withAliases({ u"StoppingCondition"_s }));
}

void TrainingJobForm::buildSpotSection()
{
    FormSection *section = addSection(tr("Spot and checkpoints"),
        tr("Spot capacity costs less but can be taken back; checkpoints let the job resume."));
    m_spot = checkBox(u"enableManagedSpotTraining"_s, tr("Use managed spot training"),
        tr("Train on spare capacity at a discount; the job may wait for capacity and be interrupted"));
    QLabel *spotMessage = section->addRow(QString(), m_spot);
    m_spotField = bind(FormFields::checkBox(
        u"EnableManagedSpotTraining"_s, tr("Managed spot training"), m_spot, spotMessage));

    m_maxWait = new DurationEdit(u"StoppingCondition.MaxWaitTimeInSeconds"_s);
    m_maxWait->setObjectName(u"maxWaitTime"_s);
    section->addRow(tr("Maximum wait:"), m_maxWait);
    m_maxWaitField = bind(
        FormFields::editor(tr("Maximum wait"), m_maxWait).onlyWhen([this] { return m_spot->isChecked(); }));

    m_checkpointUri = lineEdit(u"checkpointS3Uri"_s, tr("optional: s3://bucket/checkpoints/"));
    QLabel *uriMessage = section->addRow(tr("Checkpoints in S3:"), m_checkpointUri);
    bind(FormFields::lineEdit(
        u"CheckpointConfig.S3Uri"_s, tr("Checkpoint S3 URI"), m_checkpointUri, uriMessage)
             .withAliases({ u"CheckpointConfig"_s })
             .withPatternHint(FormFields::s3UriPatternHint()));
    m_checkpointPath = lineEdit(u"checkpointLocalPath"_s, tr("/opt/ml/checkpoints"));
    QLabel *pathMessage = section->addRow(tr("Local checkpoint path:"), m_checkpointPath);
    bind(FormFields::lineEdit(
        u"CheckpointConfig.LocalPath"_s, tr("Checkpoint local path"), m_checkpointPath, pathMessage));

    connect(m_spot, &QCheckBox::toggled, this, [this] {
        updateSpot();
        storeField(m_maxWaitField);
    });
}

void TrainingJobForm::buildTablesSections()
{
    FormSection *hyper = addSection(tr("Hyperparameters"),
        tr("Passed to the training code as strings; pick a type to have the value checked."));
    m_hyperParameters = new KeyValueTable(KeyValueTable::Config::hyperParameters(), u"HyperParameters"_s);
    m_hyperParameters->setObjectName(u"hyperParameters"_s);
    hyper->addWideRow(m_hyperParameters);
    bind(FormFields::editor(tr("Hyperparameters"), m_hyperParameters));

    FormSection *environment
        = addSection(tr("Environment"), tr("Environment variables set in the training container."));
    m_environment = new KeyValueTable(KeyValueTable::Config::trainingEnvironment(), u"Environment"_s);
    m_environment->setObjectName(u"environment"_s);
    environment->addWideRow(m_environment);
    bind(FormFields::editor(tr("Environment"), m_environment));

    FormSection *tags = addSection(tr("Tags"), tr("Labels for cost reports and access rules (at most 50)."));
    m_tags = new KeyValueTable(KeyValueTable::Config::tags(), u"Tags"_s);
    m_tags->setObjectName(u"tags"_s);
    tags->addWideRow(m_tags);
    bind(FormFields::editor(tr("Tags"), m_tags));
}

bool TrainingJobForm::usesAlgorithmName() const
{
    return m_algorithmSource->currentIndex() == 1;
}

void TrainingJobForm::updateAlgorithmSource()
{
    m_trainingImage->setEnabled(!usesAlgorithmName());
    m_algorithmName->setEnabled(usesAlgorithmName());
}

void TrainingJobForm::updateSpot()
{
    m_maxWait->setEnabled(m_spot->isChecked());
}

QJsonObject TrainingJobForm::defaultDocument() const
{
    TrainingJobSpec spec;
    spec.setTrainingInputMode(u"File"_s);
    spec.setInstanceType(u"ml.m5.xlarge"_s);
    spec.setInstanceCount(1);
    spec.setVolumeSizeInGB(30);
    spec.setMaxRuntimeInSeconds(defaultMaxRuntime);
    return spec.json();
}

QString TrainingJobForm::untitled() const
{
    return tr("Untitled training job");
}

void TrainingJobForm::documentShown()
{
    const TrainingJobSpec spec(document());
    {
        const QSignalBlocker blocker(m_algorithmSource);
        m_algorithmSource->setCurrentIndex(
            !spec.algorithmName().isEmpty() && spec.trainingImage().isEmpty() ? 1 : 0);
    }
    updateAlgorithmSource();
    updateSpot();
    m_channels->setAlgorithmInputMode(spec.trainingInputMode());
}

void TrainingJobForm::fieldEdited(int index)
{
    if (index == m_inputModeField)
        m_channels->setAlgorithmInputMode(TrainingJobSpec(document()).trainingInputMode());
}

QList<ReviewSection> TrainingJobForm::reviewSummary(const QJsonObject &document) const
{
    return ReviewText::trainingJob(document);
}
