#include "tests/ui/formdriver.h"

#include "tests/support/testdata.h"
#include "ui/forms/modelform.h"
#include "ui/forms/trainingjobform.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QSpinBox>
#include <QTest>

using namespace Qt::StringLiterals;

namespace FormDriver {

namespace {

QWidget *find(QWidget *root, const QString &objectName)
{
    auto *widget = root->findChild<QWidget *>(objectName);
    if (!widget)
        qWarning("no widget %s", qPrintable(objectName));
    return widget;
}

} // namespace

void fillVpc(QWidget *vpc, const QStringList &securityGroups, const QStringList &subnets)
{
    QVERIFY(vpc);
    click(vpc, u"vpcEnabled"_s);
    for (const auto &[list, ids] :
        { std::pair { u"securityGroupInput"_s, securityGroups }, std::pair { u"subnetInput"_s, subnets } }) {
        for (const QString &id : ids) {
            type(vpc, list, id);
            QTest::keyClick(vpc->findChild<QLineEdit *>(list), Qt::Key_Return);
        }
    }
}

QJsonObject json(const char *singleQuoted)
{
    return TestData::jsonObject(QByteArray(singleQuoted).replace('\'', '"'));
}

void type(QWidget *root, const QString &objectName, const QString &text)
{
    QWidget *widget = find(root, objectName);
    QVERIFY(widget);
    QWidget *target = widget;
    if (auto *combo = qobject_cast<QComboBox *>(widget))
        target = combo;
    else if (auto *spin = qobject_cast<QSpinBox *>(widget))
        target = spin;
    else if (!qobject_cast<QLineEdit *>(widget))
        target = widget->findChild<QLineEdit *>();
    QVERIFY2(target, qPrintable(objectName));
    target->setFocus(Qt::TabFocusReason);
    QTest::keyClick(target, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(target, text);
}

void pick(QComboBox *combo, const QString &prefix)
{
    QVERIFY(combo);
    combo->setFocus(Qt::TabFocusReason);
    QTest::keyClicks(combo, prefix);
}

void click(QWidget *root, const QString &objectName)
{
    QWidget *widget = find(root, objectName);
    QVERIFY(widget);
    // Check boxes and group boxes the way a keyboard user toggles them (a click in the middle of a wide check
    // box would miss its label).
    if (qobject_cast<QGroupBox *>(widget) || qobject_cast<QCheckBox *>(widget)) {
        widget->setFocus(Qt::TabFocusReason);
        QTest::keyClick(widget, Qt::Key_Space);
        return;
    }
    QVERIFY2(qobject_cast<QAbstractButton *>(widget), qPrintable(objectName));
    QTest::mouseClick(widget, Qt::LeftButton);
}

void fillTrainingJob(TrainingJobForm *form, const TrainingJobInput &input)
{
    type(form, u"trainingJobName"_s, input.name);
    type(form, u"trainingImage"_s, u"123456789012.dkr.ecr.us-east-1.amazonaws.com/train:1.0"_s);
    pick(form->findChild<QComboBox *>(u"trainingInputMode"_s), u"Fast"_s);
    QWidget *metrics = find(form, u"metricDefinitions"_s);
    click(metrics, u"addMetric"_s);
    type(metrics, u"metricName_0"_s, u"validation:accuracy"_s);
    type(metrics, u"metricRegex_0"_s, u"val_acc=([0-9.]+)"_s);
    type(form, u"roleArn"_s, u"arn:aws:iam::123456789012:role/SageMakerTraining"_s);

    QWidget *channels = find(form, u"inputChannels"_s);
    click(channels, u"addChannel"_s);
    type(channels, u"s3Uri"_s, u"s3://forms-bucket/train/"_s);
    type(channels, u"contentType"_s, u"text/csv"_s);
    click(channels, u"addChannel"_s);
    type(channels, u"s3Uri"_s, u"s3://forms-bucket/validation/"_s);

    type(form, u"s3OutputPath"_s, u"s3://forms-bucket/output/"_s);
    type(form, u"instanceType"_s, u"ml.m5.2xlarge"_s);
    QTest::keyClick(form->findChild<QWidget *>(u"instanceType"_s)->findChild<QLineEdit *>(), Qt::Key_Escape);
    // The offscreen platform leaves the closed list the active window; a desktop gives the form back.
    if (form->isVisible()) {
        form->window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(form->window()));
    }
    type(form, u"instanceCount"_s, u"2"_s);
    type(form, u"volumeSizeInGB"_s, u"50"_s);

    fillVpc(find(form, u"vpcConfig"_s), input.securityGroups, input.subnets);
    click(form, u"enableInterContainerTrafficEncryption"_s);

    type(form, u"maxRuntime"_s, u"6h"_s);
    click(form, u"enableManagedSpotTraining"_s);
    type(form, u"maxWaitTime"_s, u"8h"_s);
    type(form, u"checkpointS3Uri"_s, u"s3://forms-bucket/checkpoints/"_s);

    QWidget *hyper = find(form, u"hyperParameters"_s);
    click(hyper, u"addEntry"_s);
    type(hyper, u"key_0"_s, u"epochs"_s);
    pick(hyper->findChild<QComboBox *>(u"type_0"_s), u"I"_s);
    type(hyper, u"value_0"_s, u"10"_s);
    click(hyper, u"addEntry"_s);
    type(hyper, u"key_1"_s, u"learning_rate"_s);
    pick(hyper->findChild<QComboBox *>(u"type_1"_s), u"F"_s);
    type(hyper, u"value_1"_s, u"0.01"_s);

    QWidget *environment = find(form, u"environment"_s);
    click(environment, u"addEntry"_s);
    type(environment, u"key_0"_s, u"NCCL_DEBUG"_s);
    type(environment, u"value_0"_s, u"INFO"_s);

    QWidget *tags = find(form, u"tags"_s);
    click(tags, u"addEntry"_s);
    type(tags, u"key_0"_s, u"team"_s);
    type(tags, u"value_0"_s, u"vision"_s);
    click(tags, u"addEntry"_s);
    type(tags, u"key_1"_s, u"project"_s);
    type(tags, u"value_1"_s, u"forms test"_s);
}

QJsonObject expectedTrainingJob(const TrainingJobInput &input)
{
    QJsonObject expected = json(R"({
        'AlgorithmSpecification': {
            'TrainingImage': '123456789012.dkr.ecr.us-east-1.amazonaws.com/train:1.0',
            'TrainingInputMode': 'FastFile',
            'MetricDefinitions': [{'Name': 'validation:accuracy', 'Regex': 'val_acc=([0-9.]+)'}]},
        'RoleArn': 'arn:aws:iam::123456789012:role/SageMakerTraining',
        'InputDataConfig': [
            {'ChannelName': 'train', 'ContentType': 'text/csv', 'DataSource': {'S3DataSource': {
                'S3DataType': 'S3Prefix', 'S3Uri': 's3://forms-bucket/train/', 'S3DataDistributionType': 'FullyReplicated'}}},
            {'ChannelName': 'validation', 'DataSource': {'S3DataSource': {
                'S3DataType': 'S3Prefix', 'S3Uri': 's3://forms-bucket/validation/', 'S3DataDistributionType': 'FullyReplicated'}}}],
        'OutputDataConfig': {'S3OutputPath': 's3://forms-bucket/output/'},
        'ResourceConfig': {'InstanceType': 'ml.m5.2xlarge', 'InstanceCount': 2, 'VolumeSizeInGB': 50},
        'EnableInterContainerTrafficEncryption': true,
        'StoppingCondition': {'MaxRuntimeInSeconds': 21600, 'MaxWaitTimeInSeconds': 28800},
        'EnableManagedSpotTraining': true,
        'CheckpointConfig': {'S3Uri': 's3://forms-bucket/checkpoints/'},
        'HyperParameters': {'epochs': '10', 'learning_rate': '0.01'},
        'Environment': {'NCCL_DEBUG': 'INFO'},
        'Tags': [{'Key': 'team', 'Value': 'vision'}, {'Key': 'project', 'Value': 'forms test'}]
    })");
    expected.insert(u"TrainingJobName"_s, input.name);
    expected.insert(u"VpcConfig"_s,
        QJsonObject { { u"SecurityGroupIds"_s, QJsonArray::fromStringList(input.securityGroups) },
            { u"Subnets"_s, QJsonArray::fromStringList(input.subnets) } });
    return expected;
}

void fillModel(ModelForm *form, const ModelInput &input)
{
    type(form, u"modelName"_s, input.name);
    type(form, u"image"_s, u"123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:1.0"_s);
    type(form, u"modelDataUrl"_s, u"s3://forms-bucket/output/model.tar.gz"_s);
    type(form, u"containerHostname"_s, u"primary"_s);
    QWidget *environment = find(form, u"containerEnvironment"_s);
    click(environment, u"addEntry"_s);
    type(environment, u"key_0"_s, u"SAGEMAKER_PROGRAM"_s);
    type(environment, u"value_0"_s, u"inference.py"_s);
    type(form, u"executionRoleArn"_s, u"arn:aws:iam::123456789012:role/SageMakerExecution"_s);
    fillVpc(find(form, u"vpcConfig"_s), input.securityGroups, input.subnets);
    click(form, u"enableNetworkIsolation"_s);
    QWidget *tags = find(form, u"tags"_s);
    click(tags, u"addEntry"_s);
    type(tags, u"key_0"_s, u"team"_s);
    type(tags, u"value_0"_s, u"vision"_s);
}

QJsonObject expectedModel(const ModelInput &input)
{
    QJsonObject expected = json(R"({
        'PrimaryContainer': {
            'ContainerHostname': 'primary',
            'Image': '123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:1.0',
            'ModelDataUrl': 's3://forms-bucket/output/model.tar.gz',
            'Environment': {'SAGEMAKER_PROGRAM': 'inference.py'}},
        'ExecutionRoleArn': 'arn:aws:iam::123456789012:role/SageMakerExecution',
        'EnableNetworkIsolation': true,
        'Tags': [{'Key': 'team', 'Value': 'vision'}]
    })");
    expected.insert(u"ModelName"_s, input.name);
    expected.insert(u"VpcConfig"_s,
        QJsonObject { { u"SecurityGroupIds"_s, QJsonArray::fromStringList(input.securityGroups) },
            { u"Subnets"_s, QJsonArray::fromStringList(input.subnets) } });
    return expected;
}

} // namespace FormDriver
