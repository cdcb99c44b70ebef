#include "ui/forms/reviewtext.h"

#include "core/api/modelspec.h"
#include "core/api/trainingjobspec.h"
#include "core/pricing/instancecatalog.h"
#include "ui/widgets/durationedit.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>
#include <algorithm>
#include <climits>

using namespace Qt::StringLiterals;

namespace ReviewText {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ReviewText", text);
}

using Rows = QList<std::pair<QString, QString>>;

void addIf(Rows &rows, const QString &label, const QString &value)
{
    if (!value.isEmpty())
        rows.append({ label, value });
}

QString onOff(bool on)
{
    return on ? tr("On") : tr("Off");
}

QString duration(std::optional<qint64> seconds)
{
    if (!seconds)
        return {};
    return DurationEdit::toWords(int(std::clamp<qint64>(*seconds, 0, INT_MAX)));
}

QString instanceType(const QString &name)
{
    const InstanceType *type = InstanceCatalog::builtIn().find(name);
    if (!type)
        return name;
    QString specs = tr("%1 vCPUs, %2 GiB").arg(type->vcpus).arg(QLocale().toString(type->memoryGib));
    if (type->accelerators > 0)
        specs += u", %1 × %2"_s.arg(type->accelerators).arg(type->acceleratorType);
    return u"%1 (%2)"_s.arg(name, specs);
}

ReviewSection map(const QString &title, const QMap<QString, QString> &entries)
{
    ReviewSection section { title, {} };
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        section.rows.append({ it.key(), it.value() });
    return section;
}

ReviewSection tags(const QList<SpecTag> &tags)
{
    ReviewSection section { tr("Tags"), {} };
    for (const SpecTag &tag : tags)
        section.rows.append({ tag.key, tag.value });
    return section;
}

void addNetwork(Rows &rows, const SpecDocument &spec)
{
    if (spec.json().contains(u"VpcConfig"_s)) {
        rows.append({ tr("Security groups"), spec.securityGroupIds().join(u", "_s) });
        rows.append({ tr("Subnets"), spec.subnets().join(u", "_s) });
    } else {
        rows.append({ tr("VPC"), tr("None: SageMaker's own network") });
    }
    rows.append({ tr("Network isolation"), onOff(spec.enableNetworkIsolation()) });
}

// Members no field of the form shows, sent as they are.
ReviewSection others(const QJsonObject &request, const QSet<QString> &shown)
{
    QStringList names;
    for (auto it = request.begin(); it != request.end(); ++it)
        if (!shown.contains(it.key()))
            names << it.key();
    ReviewSection section { tr("Also sent, as imported"), {} };
    if (!names.isEmpty())
        section.rows.append({ tr("Members"), names.join(u", "_s) });
    return section;
}

QString channelText(const TrainingChannel &channel)
{
    QStringList details;
    for (const QString &part :
        { channel.s3DataType(), channel.s3DataDistributionType(), channel.contentType(), channel.inputMode(),
            channel.compressionType(), channel.recordWrapperType() })
        if (!part.isEmpty())
            details << part;
    QString text = channel.s3Uri().isEmpty() ? tr("(not from S3)") : channel.s3Uri();
    if (!details.isEmpty())
        text += u"\n"_s + details.join(u" · "_s);
    return text;
}

} // namespace

QList<ReviewSection> trainingJob(const QJsonObject &request)
{
    const TrainingJobSpec spec(request);
    QList<ReviewSection> sections;

    sections.append({ tr("Job"), { { tr("Name"), spec.name() } } });

    Rows algorithm;
    addIf(algorithm, tr("Training image"), spec.trainingImage());
    addIf(algorithm, tr("Algorithm"), spec.algorithmName());
    addIf(algorithm, tr("Input mode"), spec.trainingInputMode());
    for (const MetricDefinition &metric : spec.metricDefinitions())
        algorithm.append({ tr("Metric %1").arg(metric.name), metric.regex });
    sections.append({ tr("Algorithm"), algorithm });

    sections.append({ tr("Permissions"), { { tr("IAM role"), spec.roleArn() } } });

    ReviewSection channels { tr("Input channels"), {} };
    for (const TrainingChannel &channel : spec.channels())
        channels.rows.append({ channel.name(), channelText(channel) });
    sections.append(channels);

    Rows output;
    addIf(output, tr("S3 output path"), spec.s3OutputPath());
    addIf(output, tr("KMS key"), spec.outputKmsKeyId());
    sections.append({ tr("Output"), output });

    Rows resources;
    addIf(resources, tr("Instance type"), instanceType(spec.instanceType()));
    if (spec.instanceCount())
        resources.append({ tr("Instance count"), QString::number(*spec.instanceCount()) });
    if (spec.volumeSizeInGB())
        resources.append({ tr("Volume size"), tr("%1 GB").arg(*spec.volumeSizeInGB()) });
    addIf(resources, tr("Volume KMS key"), spec.volumeKmsKeyId());
    sections.append({ tr("Resources"), resources });

    Rows network;
    addNetwork(network, spec);
    network.append({ tr("Traffic encryption"), onOff(spec.enableInterContainerTrafficEncryption()) });
    sections.append({ tr("Network"), network });

    Rows stopping;
    addIf(stopping, tr("Maximum runtime"), duration(spec.maxRuntimeInSeconds()));
    sections.append({ tr("Stopping condition"), stopping });

    Rows spot { { tr("Managed spot training"), onOff(spec.enableManagedSpotTraining()) } };
    addIf(spot, tr("Maximum wait"), duration(spec.maxWaitTimeInSeconds()));
    addIf(spot, tr("Checkpoints in S3"), spec.checkpointS3Uri());
    addIf(spot, tr("Local checkpoint path"), spec.checkpointLocalPath());
    sections.append({ tr("Spot and checkpoints"), spot });

    sections.append(map(tr("Hyperparameters"), spec.hyperParameters()));
    sections.append(map(tr("Environment"), spec.environment()));
    sections.append(tags(spec.tags()));
    sections.append(others(request,
        { u"TrainingJobName"_s, u"AlgorithmSpecification"_s, u"RoleArn"_s, u"InputDataConfig"_s,
            u"OutputDataConfig"_s, u"ResourceConfig"_s, u"VpcConfig"_s, u"EnableNetworkIsolation"_s,
            u"EnableInterContainerTrafficEncryption"_s, u"StoppingCondition"_s,
            u"EnableManagedSpotTraining"_s, u"CheckpointConfig"_s, u"HyperParameters"_s, u"Environment"_s,
            u"Tags"_s }));
    return sections;
}

QList<ReviewSection> model(const QJsonObject &request)
{
    const ModelSpec spec(request);
    QList<ReviewSection> sections;
    sections.append({ tr("Model"), { { tr("Name"), spec.name() } } });

    Rows container;
    addIf(container, tr("Image"), spec.image());
    addIf(container, tr("Model data"), spec.modelDataUrl());
    addIf(container, tr("Hostname"), spec.containerHostname());
    sections.append({ tr("Primary container"), container });
    sections.append(map(tr("Container environment"), spec.containerEnvironment()));

    sections.append({ tr("Permissions"), { { tr("Execution role"), spec.executionRoleArn() } } });

    Rows network;
    addNetwork(network, spec);
    sections.append({ tr("Network"), network });
    sections.append(tags(spec.tags()));
    sections.append(others(request,
        { u"ModelName"_s, u"PrimaryContainer"_s, u"ExecutionRoleArn"_s, u"VpcConfig"_s,
            u"EnableNetworkIsolation"_s, u"Tags"_s }));
    return sections;
}

} // namespace ReviewText
