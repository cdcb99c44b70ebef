#pragma once

#include "core/api/specdocument.h"

// A CreateModel request, form-ready (see TrainingJobSpec). The container accessors address
// PrimaryContainer; a model made of several Containers is edited as JSON.
class ModelSpec : public SpecDocument
{
public:
    using SpecDocument::SpecDocument;

    QString name() const { return string(u"ModelName"); }
    void setName(const QString &v) { setString(u"ModelName", v); }

    // PrimaryContainer
    QString containerHostname() const { return string(u"PrimaryContainer.ContainerHostname"); }
    void setContainerHostname(const QString &v) { setString(u"PrimaryContainer.ContainerHostname", v); }
    QString image() const { return string(u"PrimaryContainer.Image"); }
    void setImage(const QString &v) { setString(u"PrimaryContainer.Image", v); }
    QString modelDataUrl() const { return string(u"PrimaryContainer.ModelDataUrl"); }
    void setModelDataUrl(const QString &v) { setString(u"PrimaryContainer.ModelDataUrl", v); }
    QMap<QString, QString> containerEnvironment() const { return stringMap(u"PrimaryContainer.Environment"); }
    void setContainerEnvironment(const QMap<QString, QString> &v)
    {
        setStringMap(u"PrimaryContainer.Environment", v);
    }

    QString executionRoleArn() const { return string(u"ExecutionRoleArn"); }
    void setExecutionRoleArn(const QString &v) { setString(u"ExecutionRoleArn", v); }
};
