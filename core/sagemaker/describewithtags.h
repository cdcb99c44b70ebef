#pragma once

#include "core/api/speckind.h"
#include "core/aws/awserror.h"

#include <QJsonObject>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>

class SageMakerCall;
class SageMakerClient;

// What a clone or an export of a training job or model starts from: its DescribeTrainingJob /
// DescribeModel answer and its tags (ListTags, every page), fetched one after the other. A request/handle
// pair like SageMakerCall: the handle emits finished() once, from the event loop, then deletes itself;
// deleting it earlier cancels what is still on the wire.
//
// Tags are a nice-to-have for a clone: when only ListTags fails (no sagemaker:ListTags permission, say),
// the result still carries the description, with tagsError saying why the tags are missing.
class DescribeWithTags : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        QString name;
        QJsonObject description;
        QJsonObject tags; // {"Tags": [...]}, as DescribeConverter takes it
        AwsError error; // the describe failed: nothing to clone
        AwsError tagsError; // only ListTags failed

        bool isOk() const { return error.isNull(); }
    };

    // Describes name, then lists its tags. client must outlive the handle (or destroy it first).
    static DescribeWithTags *start(
        SageMakerClient *client, SpecKind kind, const QString &name, QObject *parent = nullptr);
    // Starts from a description already at hand: only the tags are fetched.
    static DescribeWithTags *start(
        SageMakerClient *client, SpecKind kind, const QJsonObject &description, QObject *parent = nullptr);
    ~DescribeWithTags() override;

    SpecKind kind() const { return m_kind; }
    QString name() const { return m_result.name; }

signals:
    void finished(const DescribeWithTags::Result &result);

private:
    DescribeWithTags(SageMakerClient *client, SpecKind kind, QString name, QObject *parent);

    void describe();
    void listTags();
    void finish();

    QPointer<SageMakerClient> m_client;
    SpecKind m_kind;
    Result m_result;
    QPointer<SageMakerCall> m_call;
};

Q_DECLARE_METATYPE(DescribeWithTags::Result)
