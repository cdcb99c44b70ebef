#include "core/sagemaker/safecreatecall.h"

#include "core/api/jsonpath.h"
#include "core/aws/awsresult.h"
#include "core/sagemaker/describematcher.h"
#include "core/sagemaker/paginatedcall.h"

using namespace Qt::StringLiterals;

namespace {

// A describe refused for a valid name means there is no such resource: AWS answers ValidationException
// "Requested resource not found." (training jobs) or "Could not find model ...", moto the same code.
bool isNotFound(const AwsError &error)
{
    return error.code == "ValidationException"_L1 || error.code == "ResourceNotFound"_L1;
}

} // namespace

SafeCreateCall::SafeCreateCall(
    AwsTransport *transport, SpecKind kind, const QJsonObject &request, QObject *parent)
    : SageMakerCall(transport, SpecKinds::createOperation(kind), request, parent)
    , m_kind(kind)
{ }

bool SafeCreateCall::isNameTaken(const AwsError &error)
{
    if (error.code == "ResourceInUse"_L1 || error.code == "ResourceInUseException"_L1)
        return true;
    return error.code == "ValidationException"_L1
        && (error.message.contains("already exist"_L1, Qt::CaseInsensitive)
            || error.message.contains("already existing"_L1, Qt::CaseInsensitive));
}

QString SafeCreateCall::name() const
{
    return input().value(SpecKinds::nameMember(m_kind)).toString();
}

QString SafeCreateCall::arnMember() const
{
    return m_kind == SpecKind::TrainingJob ? u"TrainingJobArn"_s : u"ModelArn"_s;
}

void SafeCreateCall::start()
{
    send(operation(), input(), [this](const AwsResult &result) { onCreated(result); });
}

void SafeCreateCall::onCreated(const AwsResult &result)
{
    m_createResult = fromAws(result);
    if (result.isOk()) {
        finish(m_createResult);
        return;
    }
    const bool ownAttemptMayHaveWon = isNameTaken(result.error) && result.earlierOutcomeUnknown;
    if (ownAttemptMayHaveWon || result.outcomeUnknown)
        check();
    else
        finish(m_createResult);
}

void SafeCreateCall::check()
{
    send(SpecKinds::describeOperation(m_kind), { { SpecKinds::nameMember(m_kind), name() } },
        [this](const AwsResult &result) { onDescribed(result); });
}

void SafeCreateCall::onDescribed(const AwsResult &result)
{
    if (!result.isOk()) {
        if (isNotFound(result.error))
            giveUp(tr("the %1 was not created").arg(SpecKinds::displayName(m_kind)), false);
        else
            giveUp(tr("whether the %1 was created is unknown: describing it failed with %2")
                       .arg(SpecKinds::displayName(m_kind), result.error.toString()),
                true);
        return;
    }
    const QJsonObject description = result.json;
    const QStringList differences = DescribeMatcher::differences(input(), description);
    if (!differences.isEmpty()) {
        clash(differences);
        return;
    }
    const QJsonArray sentTags = input().value("Tags"_L1).toArray();
    const QString arn = description.value(arnMember()).toString();
    if (sentTags.isEmpty() || arn.isEmpty()) {
        confirm(description, result.requestId);
        return;
    }
    run(new PaginatedCall(transport(), u"ListTags"_s, { { u"ResourceArn"_s, arn } }, 0, this),
        [this, description](const SageMakerResult &listed) { onTagsListed(listed, description); });
}

void SafeCreateCall::onTagsListed(const SageMakerResult &result, const QJsonObject &description)
{
    if (!result.isOk()) {
        // The resource is there and matches; only its tags could not be read. Not a failure of the create.
        confirm(description, result.requestId);
        return;
    }
    const QStringList missing = DescribeMatcher::missingTags(
        input().value("Tags"_L1).toArray(), result.json.value("Tags"_L1).toArray());
    if (!missing.isEmpty()) {
        QStringList paths;
        for (const QString &key : missing)
            paths.append(JsonPath::key(u"Tags"_s, key));
        clash(paths);
        return;
    }
    confirm(description, result.requestId);
}

void SafeCreateCall::confirm(const QJsonObject &description, const QString &requestId)
{
    SageMakerResult confirmed;
    confirmed.json.insert(arnMember(), description.value(arnMember()));
    confirmed.requestId = requestId;
    confirmed.httpStatus = 200;
    confirmed.confirmedByDescribe = true;
    finish(confirmed);
}

void SafeCreateCall::clash(const QStringList &differences)
{
    SageMakerResult failed = m_createResult;
    const bool refused = isNameTaken(failed.error);
    if (!refused)
        failed.error.code = m_kind == SpecKind::TrainingJob ? u"ResourceInUse"_s : u"ValidationException"_s;
    constexpr qsizetype shown = 5;
    QString list = differences.mid(0, shown).join(", "_L1);
    if (differences.size() > shown)
        list += tr(" and %n more", nullptr, int(differences.size() - shown));
    failed.error.message = tr("A %1 named \"%2\" already exists and is not the one this request describes "
                              "(it differs in %3)")
                               .arg(SpecKinds::displayName(m_kind), name(), list);
    failed.error.retryable = false;
    failed.outcomeUnknown = false;
    finish(failed);
}

void SafeCreateCall::giveUp(const QString &why, bool outcomeUnknown)
{
    SageMakerResult failed = m_createResult;
    failed.error.message = failed.error.message.isEmpty() ? why : failed.error.message + u"; "_s + why;
    failed.outcomeUnknown = outcomeUnknown;
    finish(failed);
}
