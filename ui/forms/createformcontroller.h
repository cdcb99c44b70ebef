#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

class SageMakerCall;
class SageMakerClient;
class CreateForm;
class VpcPreflight;
class VpcPreflightRun;

// Carries out what the create forms ask for (forms never call a service themselves): a submit becomes
// CreateTrainingJob or CreateModel on the SageMaker client, a review with a VpcConfig runs the VPC
// pre-flight check, Cancel aborts the call. Answers go back through the form's slots. One call and one
// check per form at a time; a new one replaces what is still running.
class CreateFormController : public QObject
{
    Q_OBJECT

public:
    explicit CreateFormController(QObject *parent = nullptr);
    ~CreateFormController() override;

    // The clients to use from now on (not owned; nullptr: none, and reason says why in a sentence that
    // completes "Not checked: ..."). Calls already running go on with the clients they started with.
    void setClient(SageMakerClient *client);
    void setPreflight(VpcPreflight *preflight, const QString &reason = QString());

    void attach(CreateForm *form);

private:
    void submit(CreateForm *form, const QJsonObject &spec);
    void cancel(CreateForm *form);
    void preflight(CreateForm *form, const QJsonObject &spec);

    QPointer<SageMakerClient> m_client;
    QPointer<VpcPreflight> m_preflight;
    QString m_preflightReason;
    QHash<CreateForm *, QPointer<SageMakerCall>> m_calls;
    QHash<CreateForm *, QPointer<VpcPreflightRun>> m_runs;
};
