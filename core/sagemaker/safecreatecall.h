#pragma once

#include "core/api/speckind.h"
#include "core/sagemaker/sagemakercall.h"

// CreateTrainingJob / CreateModel made safe to retry. Neither is idempotent, but a name is unique, so the
// transport's automatic retry after an unknown outcome (the connection broke after the request was sent,
// no answer in time, a 5xx) can never make a second resource: at worst the retry is refused because the
// name now exists — possibly because the lost first attempt created it. Such a refusal is checked, not
// reported:
//
//   create ── ok ─────────────────────────────────────────────────────────────► success
//     ├── name taken (ResourceInUse; ValidationException "already exist[s]") after an attempt with an
//     │   unknown outcome ─┐
//     ├── failed, last attempt's outcome unknown ─┤
//     │                                         describe (+ ListTags when tags were sent)
//     │                                           ├── matches what was sent ──► success, confirmedByDescribe
//     │                                           ├── differs ─────────────────► name clash error
//     │                                           ├── not found ───────────────► the create's error; known
//     │                                           │                              not created
//     │                                           └── describe failed ─────────► the create's error,
//     │                                                                          outcomeUnknown
//     └── anything else (a name taken before this call included) ──────────────► the create's error
//
// "Matches" is DescribeMatcher's: sent members equal, service-added members ignored, tags through ListTags.
class SafeCreateCall : public SageMakerCall
{
    Q_OBJECT

public:
    SafeCreateCall(AwsTransport *transport, SpecKind kind, const QJsonObject &request, QObject *parent);

    // The refusals of a create because the name is taken: AWS answers CreateTrainingJob with ResourceInUse
    // ("... a training job with this name already exists") and CreateModel with ValidationException
    // ("Cannot create already existing model ..."). (moto replaces the resource instead.)
    static bool isNameTaken(const AwsError &error);

protected:
    void start() override;

private:
    void onCreated(const AwsResult &result);
    void check();
    void onDescribed(const AwsResult &result);
    void onTagsListed(const SageMakerResult &result, const QJsonObject &description);
    void confirm(const QJsonObject &description, const QString &requestId);
    void clash(const QStringList &differences);
    void giveUp(const QString &why, bool outcomeUnknown);

    QString name() const;
    QString arnMember() const;

    SpecKind m_kind;
    SageMakerResult m_createResult;
};
