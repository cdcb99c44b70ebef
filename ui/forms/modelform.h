#pragma once

#include "ui/forms/createform.h"

class KeyValueTable;
class QCheckBox;
class QComboBox;
class QLineEdit;
class VpcEditor;

// The create-model form: name, the primary container (image, model data, hostname, environment), the
// execution role, network (VPC, isolation) and tags. A model of several Containers is kept as imported and
// edited in JSON.
//
// Field object names: "modelName", "uniqueModelName", "image", "modelDataUrl", "containerHostname",
// "containerEnvironment", "executionRoleArn", "vpcConfig", "enableNetworkIsolation", "tags".
class ModelForm : public CreateForm
{
    Q_OBJECT

public:
    explicit ModelForm(QWidget *parent = nullptr);

    VpcEditor *vpcEditor() const { return m_vpc; }

protected:
    QJsonObject defaultDocument() const override;
    QList<ReviewSection> reviewSummary(const QJsonObject &document) const override;
    QString untitled() const override;

private:
    QComboBox *m_image;
    QLineEdit *m_modelDataUrl;
    QLineEdit *m_hostname;
    KeyValueTable *m_environment;
    QComboBox *m_role;
    VpcEditor *m_vpc;
    QCheckBox *m_isolation;
    KeyValueTable *m_tags;
};
