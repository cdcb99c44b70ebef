#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

class ModelForm;
class QComboBox;
class QWidget;
class TrainingJobForm;

// Drives the create forms the way a user does (object names, keystrokes, clicks), for the form tests.
namespace FormDriver {

// Focuses the named line edit (or editable combo box, or the line edit inside a DurationEdit) below root,
// selects what it holds and types text; a failed lookup fails the calling test with QVERIFY.
void type(QWidget *root, const QString &objectName, const QString &text);
// Picks the entry of a combo box whose text starts with prefix, by typing it.
void pick(QComboBox *combo, const QString &prefix);
// Clicks the named button (push button, tool button, check box) below root.
void click(QWidget *root, const QString &objectName);

// Switches the VpcEditor on and types the IDs into its lists, each followed by Enter.
void fillVpc(QWidget *vpc, const QStringList &securityGroups, const QStringList &subnets);

struct TrainingJobInput
{
    QString name = QStringLiteral("forms-test-job");
    QStringList securityGroups { QStringLiteral("sg-0123abcd") };
    QStringList subnets { QStringLiteral("subnet-0123abcd"), QStringLiteral("subnet-4567abcd") };
};

// Fills every section: job name, image, a metric, role, two channels, output, resources, VPC, network
// flags, runtime, spot with checkpoints, two hyperparameters, an environment variable and two tags.
void fillTrainingJob(TrainingJobForm *form, const TrainingJobInput &input = {});
// The request fillTrainingJob() must produce, exactly.
QJsonObject expectedTrainingJob(const TrainingJobInput &input = {});

struct ModelInput
{
    QString name = QStringLiteral("forms-test-model");
    QStringList securityGroups { QStringLiteral("sg-0123abcd") };
    QStringList subnets { QStringLiteral("subnet-0123abcd") };
};
void fillModel(ModelForm *form, const ModelInput &input = {});
QJsonObject expectedModel(const ModelInput &input = {});

// A JSON object written with single quotes for readability.
QJsonObject json(const char *singleQuoted);

} // namespace FormDriver
