#include "ui/forms/modelform.h"

#include "core/api/modelspec.h"
#include "ui/forms/formfields.h"
#include "ui/forms/formsection.h"
#include "ui/forms/formwidgets.h"
#include "ui/forms/reviewtext.h"
#include "ui/widgets/keyvaluetable.h"
#include "ui/widgets/vpceditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>

using namespace Qt::StringLiterals;
using namespace FormWidgets;

namespace {

const QString modelImageKey = u"model-image"_s;
const QString roleArnKey = u"role-arn"_s;

} // namespace

ModelForm::ModelForm(QWidget *parent)
    : CreateForm(SpecKind::Model, parent)
    , m_image(recentCombo(u"image"_s, tr("e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:1.0")))
    , m_modelDataUrl(lineEdit(u"modelDataUrl"_s, tr("s3://bucket/training-job/output/model.tar.gz")))
    , m_hostname(lineEdit(u"containerHostname"_s, tr("optional")))
    , m_environment(
          new KeyValueTable(KeyValueTable::Config::containerEnvironment(), u"PrimaryContainer.Environment"_s))
    , m_role(recentCombo(u"executionRoleArn"_s, tr("arn:aws:iam::123456789012:role/SageMakerExecution")))
    , m_vpc(new VpcEditor)
    , m_isolation(checkBox(u"enableNetworkIsolation"_s, tr("Network isolation: no outbound network calls"),
          tr("The container cannot reach the network")))
    , m_tags(new KeyValueTable(KeyValueTable::Config::tags(), u"Tags"_s))
{
    setObjectName(u"modelForm"_s);

    FormSection *model = addSection(tr("Model"), tr("A name that is unique in your account and region."));
    addNameRow(model, u"modelName"_s, u"uniqueModelName"_s, tr("e.g. resnet50-v2"), u"model"_s);

    FormSection *container
        = addSection(tr("Primary container"), tr("The inference image and the model artifacts it loads."));
    m_image->setToolTip(tr("The registry path of the inference image; recently used images are in the list"));
    QLabel *imageMessage = container->addRow(tr("Image:"), m_image);
    addRecentValues(m_image, modelImageKey, u"PrimaryContainer.Image"_s);
    bind(FormFields::editableCombo(u"PrimaryContainer.Image"_s, tr("Image"), m_image, imageMessage)
             .withAliases({ u"PrimaryContainer"_s }));
    QLabel *dataMessage = container->addRow(
        tr("Model data:"), m_modelDataUrl, tr("The model.tar.gz a training job wrote, in S3."));
    bind(FormFields::lineEdit(
        u"PrimaryContainer.ModelDataUrl"_s, tr("Model data"), m_modelDataUrl, dataMessage)
             .withPatternHint(FormFields::s3UriPatternHint()));
    QLabel *hostMessage = container->addRow(
        tr("Hostname:"), m_hostname, tr("Only needed to tell containers of an inference pipeline apart."));
    bind(
        FormFields::lineEdit(u"PrimaryContainer.ContainerHostname"_s, tr("Hostname"), m_hostname, hostMessage)
            .withPatternHint(FormFields::namePatternHint()));
    m_environment->setObjectName(u"containerEnvironment"_s);
    container->addWideRow(m_environment, tr("Environment variables:"));
    bind(FormFields::editor(tr("Container environment"), m_environment));

    FormSection *permissions = addSection(
        tr("Permissions"), tr("The IAM role SageMaker assumes to pull the image and read the model data."));
    QLabel *roleMessage = permissions->addRow(tr("Execution role:"), m_role);
    addRecentValues(m_role, roleArnKey, u"ExecutionRoleArn"_s);
    bind(FormFields::editableCombo(u"ExecutionRoleArn"_s, tr("Execution role"), m_role, roleMessage)
             .withPatternHint(FormFields::roleArnPatternHint()));

    FormSection *network = addSection(tr("Network"), tr("Where the container's network traffic goes."));
    m_vpc->setObjectName(u"vpcConfig"_s);
    network->addWideRow(m_vpc);
    bind(FormFields::editor(tr("VPC"), m_vpc));
    QLabel *isolationMessage = network->addRow(QString(), m_isolation);
    bind(FormFields::checkBox(
        u"EnableNetworkIsolation"_s, tr("Network isolation"), m_isolation, isolationMessage));

    FormSection *tags = addSection(tr("Tags"), tr("Labels for cost reports and access rules (at most 50)."));
    m_tags->setObjectName(u"tags"_s);
    tags->addWideRow(m_tags);
    bind(FormFields::editor(tr("Tags"), m_tags));

    finishSetup();
}

QJsonObject ModelForm::defaultDocument() const
{
    return {};
}

QList<ReviewSection> ModelForm::reviewSummary(const QJsonObject &document) const
{
    return ReviewText::model(document);
}

QString ModelForm::untitled() const
{
    return tr("Untitled model");
}
