#include "ui/forms/createformcontroller.h"

#include "core/ec2/vpcpreflight.h"
#include "core/ec2/vpcpreflightinput.h"
#include "core/ec2/vpcpreflightrun.h"
#include "core/sagemaker/sagemakerclient.h"
#include "ui/forms/createform.h"

using namespace Qt::StringLiterals;

CreateFormController::CreateFormController(QObject *parent)
    : QObject(parent)
{ }

CreateFormController::~CreateFormController()
{
    // Nobody is left to hear the answers (cleared first, so the forms are not told).
    const QList<QPointer<SageMakerCall>> calls = m_calls.values();
    const QList<QPointer<VpcPreflightRun>> runs = m_runs.values();
    m_calls.clear();
    m_runs.clear();
    for (const QPointer<SageMakerCall> &call : calls)
        delete call.data();
    for (const QPointer<VpcPreflightRun> &run : runs)
        delete run.data();
}

void CreateFormController::setClient(SageMakerClient *client)
{
    m_client = client;
}

void CreateFormController::setPreflight(VpcPreflight *preflight, const QString &reason)
{
    m_preflight = preflight;
    m_preflightReason = reason;
}

void CreateFormController::attach(CreateForm *form)
{
    connect(form, &CreateForm::submitRequested, this,
        [this, form](const QJsonObject &spec) { submit(form, spec); });
    connect(form, &CreateForm::submitCancelRequested, this, [this, form] { cancel(form); });
    connect(form, &CreateForm::preflightRequested, this,
        [this, form](const QJsonObject &spec) { preflight(form, spec); });
    connect(form, &QObject::destroyed, this, [this, form] {
        delete m_calls.take(form).data();
        delete m_runs.take(form).data();
    });
}

void CreateFormController::submit(CreateForm *form, const QJsonObject &spec)
{
    if (!m_client) {
        form->submitFailed(AwsError { u"NotConnected"_s,
            tr("There is no connection to SageMaker. Choose one with Connection > Connect…"), {}, 0, false });
        return;
    }
    delete m_calls.take(form).data();
    const bool model = form->kind() == SpecKind::Model;
    SageMakerCall *call = model ? m_client->createModel(spec) : m_client->createTrainingJob(spec);
    m_calls.insert(form, call);
    connect(call, &SageMakerCall::finished, form, [this, form, model](const SageMakerResult &result) {
        m_calls.remove(form);
        if (result.isOk())
            form->submitSucceeded(result.json.value(model ? u"ModelArn"_s : u"TrainingJobArn"_s).toString());
        else
            form->submitFailed(result.error, result.outcomeUnknown);
    });
    // Gone without an answer: the connection changed and took its client (and this call) with it.
    // Answered calls leave the list first; one still listed (its pointer already null) went without.
    connect(call, &QObject::destroyed, form, [this, form] {
        if (!m_calls.contains(form) || m_calls.value(form))
            return;
        m_calls.remove(form);
        form->submitFailed(AwsError { u"ConnectionChanged"_s,
                               tr("The connection changed before SageMaker answered."), {}, 0, false },
            true);
    });
}

void CreateFormController::cancel(CreateForm *form)
{
    // abort() answers at once with the error "Aborted", which the form shows.
    if (SageMakerCall *call = m_calls.value(form))
        call->abort();
}

void CreateFormController::preflight(CreateForm *form, const QJsonObject &spec)
{
    delete m_runs.take(form).data();
    if (!m_preflight) {
        form->setPreflightUnavailable(
            m_preflightReason.isEmpty() ? tr("there is no connection to EC2.") : m_preflightReason);
        return;
    }
    VpcPreflightRun *run = m_preflight->run(VpcPreflightInput::fromSpec(spec));
    m_runs.insert(form, run);
    connect(run, &VpcPreflightRun::finished, form, [this, form](const Diagnostics &findings) {
        m_runs.remove(form);
        form->setPreflightFindings(findings);
    });
    connect(run, &QObject::destroyed, form, [this, form] {
        if (m_runs.contains(form) && !m_runs.value(form)) {
            m_runs.remove(form);
            form->setPreflightUnavailable(tr("the connection changed while it was checked."));
        }
    });
}
