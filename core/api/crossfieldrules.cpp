#include "core/api/crossfieldrules.h"

#include "core/api/jsonpath.h"
#include "core/api/shapemodel.h"
#include "core/api/shapewalker.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("CrossFieldRules", text);
}

constexpr qint64 defaultMaxRuntimeSeconds = 24 * 3600;
constexpr qint64 fiveDaysSeconds = 5 * 24 * 3600;
constexpr qint64 twentyEightDaysSeconds = 28 * 24 * 3600;

Diagnostic error(const QString &path, const QString &code, const QString &message)
{
    return { path, Diagnostic::Severity::Error, code, message };
}

Diagnostic warning(const QString &path, const QString &code, const QString &message)
{
    return { path, Diagnostic::Severity::Warning, code, message };
}

// The input mode a channel reads with: its own InputMode, else the algorithm's TrainingInputMode.
QString effectiveInputMode(const QJsonObject &spec, const QJsonObject &channel)
{
    const QString own = channel.value("InputMode"_L1).toString();
    if (!own.isEmpty())
        return own;
    return spec.value("AlgorithmSpecification"_L1).toObject().value("TrainingInputMode"_L1).toString();
}

// Reports channels whose member `field` equals `value` while the channel does not read in Pipe mode.
Diagnostics pipeOnly(const QJsonObject &spec, QLatin1StringView field, QLatin1StringView value,
    const QString &code, const QString &message)
{
    Diagnostics out;
    const QJsonArray channels = spec.value("InputDataConfig"_L1).toArray();
    for (qsizetype i = 0; i < channels.size(); ++i) {
        const QJsonObject channel = channels.at(i).toObject();
        if (channel.value(field).toString() != value)
            continue;
        const QString mode = effectiveInputMode(spec, channel);
        if (!mode.isEmpty() && mode != "Pipe"_L1)
            out.append(error(
                JsonPath::member(JsonPath::index(u"InputDataConfig"_s, i), field), code, message.arg(mode)));
    }
    return out;
}

Diagnostics duplicates(
    const QJsonArray &values, const QString &listPath, const QString &code, const QString &message)
{
    Diagnostics out;
    QSet<QString> seen;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QString v = values.at(i).toString();
        if (v.isEmpty())
            continue;
        if (seen.contains(v))
            out.append(error(JsonPath::index(listPath, i), code, message.arg(v)));
        seen.insert(v);
    }
    return out;
}

std::optional<qint64> integerAt(const QJsonObject &object, QLatin1StringView member)
{
    const QJsonValue v = object.value(member);
    if (!v.isDouble())
        return std::nullopt;
    return qint64(v.toDouble());
}

bool isS3UriShape(const Shape &shape)
{
    return shape.type == Shape::Type::String && shape.pattern.startsWith("(https|s3)://"_L1);
}

bool hasEmptyBucket(const QString &uri)
{
    for (QLatin1StringView scheme : { "s3://"_L1, "https://"_L1 }) {
        if (uri.startsWith(scheme, Qt::CaseInsensitive)) {
            const QStringView rest = QStringView(uri).mid(scheme.size());
            return rest.isEmpty() || rest.startsWith(u'/');
        }
    }
    return false;
}
} // namespace

const QList<CrossFieldRules::Rule> &CrossFieldRules::all()
{
    static const QList<Rule> rules = {
        { "vpcNeedsBothLists", &vpcNeedsBothLists },
        { "duplicateVpcIds", &duplicateVpcIds },
        { "duplicateChannelNames", &duplicateChannelNames },
        { "pipeOnlyCompression", &pipeOnlyCompression },
        { "pipeOnlyRecordWrapper", &pipeOnlyRecordWrapper },
        { "shardedWithOneInstance", &shardedWithOneInstance },
        { "spotNeedsMaxWait", &spotNeedsMaxWait },
        { "maxRuntimeLimits", &maxRuntimeLimits },
        { "imageXorAlgorithmName", &imageXorAlgorithmName },
        { "modelDataUrlTarGz", &modelDataUrlTarGz },
        { "s3BucketNotEmpty", &s3BucketNotEmpty },
    };
    return rules;
}

Diagnostics CrossFieldRules::apply(SpecKind kind, const QJsonObject &spec)
{
    Diagnostics out;
    for (const Rule &rule : all())
        out.append(rule.check(kind, spec));
    return out;
}

Diagnostics CrossFieldRules::vpcNeedsBothLists(SpecKind, const QJsonObject &spec)
{
    const QJsonValue vpc = spec.value("VpcConfig"_L1);
    if (!vpc.isObject())
        return {};
    const bool hasSubnets = !vpc.toObject().value("Subnets"_L1).toArray().isEmpty();
    const bool hasGroups = !vpc.toObject().value("SecurityGroupIds"_L1).toArray().isEmpty();
    if (hasSubnets && hasGroups)
        return {};
    return { error(u"VpcConfig"_s, u"vpcNeedsBothLists"_s,
        tr("a VPC configuration needs at least one subnet and at least one security group")) };
}

Diagnostics CrossFieldRules::duplicateVpcIds(SpecKind, const QJsonObject &spec)
{
    const QJsonObject vpc = spec.value("VpcConfig"_L1).toObject();
    Diagnostics out = duplicates(vpc.value("Subnets"_L1).toArray(), u"VpcConfig.Subnets"_s,
        u"duplicateSubnet"_s, tr("subnet %1 is listed twice"));
    out.append(duplicates(vpc.value("SecurityGroupIds"_L1).toArray(), u"VpcConfig.SecurityGroupIds"_s,
        u"duplicateSecurityGroup"_s, tr("security group %1 is listed twice")));
    return out;
}

Diagnostics CrossFieldRules::duplicateChannelNames(SpecKind kind, const QJsonObject &spec)
{
    if (kind != SpecKind::TrainingJob)
        return {};
    Diagnostics out;
    QSet<QString> seen;
    const QJsonArray channels = spec.value("InputDataConfig"_L1).toArray();
    for (qsizetype i = 0; i < channels.size(); ++i) {
        const QString name = channels.at(i).toObject().value("ChannelName"_L1).toString();
        if (name.isEmpty())
            continue;
        if (seen.contains(name))
            out.append(error(JsonPath::member(JsonPath::index(u"InputDataConfig"_s, i), u"ChannelName"_s),
                u"duplicateChannelName"_s, tr("another channel is already named %1").arg(name)));
        seen.insert(name);
    }
    return out;
}

Diagnostics CrossFieldRules::pipeOnlyCompression(SpecKind kind, const QJsonObject &spec)
{
    if (kind != SpecKind::TrainingJob)
        return {};
    return pipeOnly(spec, "CompressionType"_L1, "Gzip"_L1, u"pipeOnlyCompression"_s,
        tr("Gzip compression needs Pipe input mode; this channel reads in %1 mode"));
}

Diagnostics CrossFieldRules::pipeOnlyRecordWrapper(SpecKind kind, const QJsonObject &spec)
{
    if (kind != SpecKind::TrainingJob)
        return {};
    return pipeOnly(spec, "RecordWrapperType"_L1, "RecordIO"_L1, u"pipeOnlyRecordWrapper"_s,
        tr("RecordIO wrapping needs Pipe input mode; this channel reads in %1 mode"));
}

Diagnostics CrossFieldRules::shardedWithOneInstance(SpecKind kind, const QJsonObject &spec)
{
    if (kind != SpecKind::TrainingJob)
        return {};
    const QJsonObject resources = spec.value("ResourceConfig"_L1).toObject();
    std::optional<qint64> instances = integerAt(resources, "InstanceCount"_L1);
    if (!instances && resources.value("InstanceGroups"_L1).isArray()) {
        qint64 total = 0;
        const QJsonArray groups = resources.value("InstanceGroups"_L1).toArray();
        for (const QJsonValue &g : groups)
            total += integerAt(g.toObject(), "InstanceCount"_L1).value_or(0);
        instances = total;
    }
    if (instances != 1)
        return {};
    Diagnostics out;
    const QJsonArray channels = spec.value("InputDataConfig"_L1).toArray();
    for (qsizetype i = 0; i < channels.size(); ++i) {
        const QJsonObject s3
            = channels.at(i).toObject().value("DataSource"_L1).toObject().value("S3DataSource"_L1).toObject();
        if (s3.value("S3DataDistributionType"_L1).toString() == "ShardedByS3Key"_L1)
            out.append(warning(JsonPath::index(u"InputDataConfig"_s, i)
                    + u".DataSource.S3DataSource.S3DataDistributionType"_s,
                u"shardedSingleInstance"_s,
                tr("ShardedByS3Key with a single instance: the one instance gets all the data, "
                   "as with FullyReplicated")));
    }
    return out;
}

Diagnostics CrossFieldRules::spotNeedsMaxWait(SpecKind kind, const QJsonObject &spec)
{
    if (kind != SpecKind::TrainingJob)
        return {};
    const QJsonObject stopping = spec.value("StoppingCondition"_L1).toObject();
    const QString path = u"StoppingCondition.MaxWaitTimeInSeconds"_s;
    const std::optional<qint64> maxWait = integerAt(stopping, "MaxWaitTimeInSeconds"_L1);
    if (!spec.value("EnableManagedSpotTraining"_L1).toBool()) {
        // The service refuses it: "Invalid MaxWaitTimeInSeconds. It is only supported when
        // EnableManagedSpotTraining is set to true".
        if (stopping.contains("MaxWaitTimeInSeconds"_L1))
            return { error(path, u"maxWaitWithoutSpot"_s,
                tr("is refused without managed spot training: turn spot training on, or remove the maximum wait")) };
        return {};
    }
    if (!maxWait)
        return { error(path, u"spotNeedsMaxWait"_s,
            tr("managed spot training needs MaxWaitTimeInSeconds (how long to wait for spot capacity "
               "plus the training time)")) };
    const std::optional<qint64> maxRuntime = integerAt(stopping, "MaxRuntimeInSeconds"_L1);
    const qint64 runtime = maxRuntime.value_or(defaultMaxRuntimeSeconds);
    if (*maxWait < runtime)
        return { error(path, u"maxWaitBelowMaxRuntime"_s,
            (maxRuntime ? tr("must be at least MaxRuntimeInSeconds (%1)")
                        : tr("must be at least MaxRuntimeInSeconds, which defaults to %1 (one day)"))
                .arg(runtime)) };
    return {};
}

Diagnostics CrossFieldRules::maxRuntimeLimits(SpecKind kind, const QJsonObject &spec)
{
    if (kind != SpecKind::TrainingJob)
        return {};
    const std::optional<qint64> runtime
        = integerAt(spec.value("StoppingCondition"_L1).toObject(), "MaxRuntimeInSeconds"_L1);
    const QString path = u"StoppingCondition.MaxRuntimeInSeconds"_s;
    if (runtime && *runtime > twentyEightDaysSeconds)
        return { error(path, u"maxRuntimeAbove28Days"_s,
            tr("%1 seconds is more than 28 days (%2 seconds), the longest a training job can run")
                .arg(*runtime)
                .arg(twentyEightDaysSeconds)) };
    if (runtime && *runtime > fiveDaysSeconds)
        return { warning(path, u"maxRuntimeAbove5Days"_s,
            tr("%1 seconds is more than 5 days (%2 seconds); accounts without a raised quota are "
               "limited to 5 days")
                .arg(*runtime)
                .arg(fiveDaysSeconds)) };
    return {};
}

Diagnostics CrossFieldRules::imageXorAlgorithmName(SpecKind kind, const QJsonObject &spec)
{
    if (kind != SpecKind::TrainingJob)
        return {};
    const QJsonValue algorithm = spec.value("AlgorithmSpecification"_L1);
    if (algorithm.isUndefined() && spec.contains("ServerlessJobConfig"_L1))
        return {}; // a serverless job names its base model instead
    if (!algorithm.isUndefined() && !algorithm.isObject())
        return {}; // a type error the walker reports
    const bool hasImage = !algorithm.toObject().value("TrainingImage"_L1).toString().isEmpty();
    const bool hasName = !algorithm.toObject().value("AlgorithmName"_L1).toString().isEmpty();
    if (hasImage != hasName)
        return {};
    return { error(u"AlgorithmSpecification"_s, u"imageXorAlgorithmName"_s,
        hasImage ? tr("give either TrainingImage or AlgorithmName, not both")
                 : tr("needs a TrainingImage or an AlgorithmName")) };
}

Diagnostics CrossFieldRules::modelDataUrlTarGz(SpecKind kind, const QJsonObject &spec)
{
    if (kind != SpecKind::Model)
        return {};
    Diagnostics out;
    const auto check = [&out](const QJsonObject &container, const QString &containerPath) {
        const QString url = container.value("ModelDataUrl"_L1).toString();
        if (!url.isEmpty() && !url.endsWith(".tar.gz"_L1))
            out.append(warning(JsonPath::member(containerPath, u"ModelDataUrl"_s), u"modelDataUrlNotTarGz"_s,
                tr("SageMaker expects the model artifacts as a .tar.gz archive")));
    };
    check(spec.value("PrimaryContainer"_L1).toObject(), u"PrimaryContainer"_s);
    const QJsonArray containers = spec.value("Containers"_L1).toArray();
    for (qsizetype i = 0; i < containers.size(); ++i)
        check(containers.at(i).toObject(), JsonPath::index(u"Containers"_s, i));
    return out;
}

Diagnostics CrossFieldRules::s3BucketNotEmpty(SpecKind kind, const QJsonObject &spec)
{
    const ShapeModel &model = ShapeModel::instance();
    const Shape *root = model.operationInput(SpecKinds::createOperation(kind));
    if (!root)
        return {};
    Diagnostics out;
    ShapeWalker(model).walk(
        *root, spec, QString(), [&out](const Shape &shape, const QJsonValue &value, const QString &path) {
            if (isS3UriShape(shape) && value.isString() && hasEmptyBucket(value.toString()))
                out.append(error(path, u"s3BucketEmpty"_s, tr("the S3 URI has no bucket name")));
        });
    return out;
}
