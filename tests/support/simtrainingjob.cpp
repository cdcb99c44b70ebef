#include "tests/support/simtrainingjob.h"

#include <QJsonArray>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QString InProgress = u"InProgress"_s;

bool isTerminal(const SimTrainingJob::Segment &segment)
{
    return segment.status != InProgress && segment.status != u"Stopping"_s;
}

// The JSON 1.1 API's timestamps: epoch seconds, fractional.
QJsonValue epoch(qint64 ms)
{
    return double(ms) / 1000.0;
}

qint64 ceilSeconds(qint64 ms)
{
    return std::max<qint64>(1, (ms + 999) / 1000);
}

} // namespace

QList<SimTrainingJob::Phase> SimTrainingJob::standardPhases(std::chrono::milliseconds starting,
    std::chrono::milliseconds downloading, std::chrono::milliseconds training,
    std::chrono::milliseconds uploading)
{
    return {
        { u"Starting"_s, starting, u"Preparing the instances for training"_s },
        { u"Downloading"_s, downloading, u"Downloading input data"_s },
        { u"Training"_s, training, u"Training image download completed. Training in progress."_s },
        { u"Uploading"_s, uploading, u"Uploading generated training model"_s },
    };
}

SimTrainingJob::SimTrainingJob(Script script)
    : m_script(std::move(script))
    , m_creationMs(m_script.creationTime.toMSecsSinceEpoch())
{
    if (m_script.phases.isEmpty())
        m_script.phases = standardPhases(std::chrono::seconds(60), std::chrono::seconds(60),
            std::chrono::seconds(300), std::chrono::seconds(60));
    buildTimeline();
}

void SimTrainingJob::buildTimeline()
{
    m_timeline.clear();
    qint64 t = m_creationMs;
    qint64 &trainingStart = m_trainingStartMs;
    trainingStart = -1;
    const qint64 maxRuntimeMs = qint64(m_script.maxRuntime.count()) * 1000;
    for (qsizetype i = 0; i < m_script.phases.size(); ++i) {
        const Phase &phase = m_script.phases.at(i);
        // The instances are billed from the end of Starting: that is TrainingStartTime.
        if (i == 1 || m_script.phases.size() == 1)
            trainingStart = t;
        Segment segment { InProgress, phase.secondaryStatus, t, t + phase.duration.count(), phase.message };
        if (m_script.outcome == Outcome::MaxRuntimeExceeded && trainingStart >= 0
            && segment.endMs > trainingStart + maxRuntimeMs) {
            segment.endMs = std::max(segment.startMs, trainingStart + maxRuntimeMs);
            m_timeline.append(segment);
            t = segment.endMs;
            m_timeline.append({ u"Stopped"_s, u"MaxRuntimeExceeded"_s, t, t,
                u"Training job stopped: it ran longer than MaxRuntimeInSeconds"_s });
            return;
        }
        if (m_script.outcome == Outcome::Running && i == m_script.phases.size() - 1) {
            segment.endMs = -1;
            m_timeline.append(segment);
            return;
        }
        m_timeline.append(segment);
        t = segment.endMs;
    }
    if (m_script.outcome == Outcome::Failed)
        m_timeline.append({ u"Failed"_s, u"Failed"_s, t, t, m_script.failureReason });
    else
        m_timeline.append({ u"Completed"_s, u"Completed"_s, t, t, u"Training job completed"_s });
}

SimTrainingJob::State SimTrainingJob::stateAt(qint64 nowMs) const
{
    State state;
    const qsizetype current = segmentAt(nowMs);
    for (qsizetype i = 0; i <= current; ++i) {
        Segment segment = m_timeline.at(i);
        if (segment.endMs > nowMs)
            segment.endMs = -1;
        state.status = segment.status;
        state.secondaryStatus = segment.secondaryStatus;
        state.lastModifiedMs = segment.startMs;
        if (isTerminal(segment)) {
            state.trainingEndMs = segment.startMs;
            if (segment.status == u"Failed"_s)
                state.failureReason = segment.message;
        }
        state.transitions.append(segment);
    }
    if (m_trainingStartMs >= 0 && m_trainingStartMs <= nowMs)
        state.trainingStartMs = m_trainingStartMs;
    return state;
}

qsizetype SimTrainingJob::segmentAt(qint64 nowMs) const
{
    const auto after = std::upper_bound(m_timeline.cbegin(), m_timeline.cend(), nowMs,
        [](qint64 now, const Segment &segment) { return now < segment.startMs; });
    return std::max<qsizetype>(0, (after - m_timeline.cbegin()) - 1);
}

SimTrainingJob::Brief SimTrainingJob::briefAt(qint64 nowMs) const
{
    const Segment &segment = m_timeline.at(segmentAt(nowMs));
    return { segment.status, segment.secondaryStatus, segment.startMs,
        isTerminal(segment) ? segment.startMs : -1 };
}

bool SimTrainingJob::isInProgressAt(qint64 nowMs) const
{
    return m_timeline.at(segmentAt(nowMs)).status == InProgress;
}

bool SimTrainingJob::stop(qint64 nowMs, std::chrono::milliseconds stopping)
{
    if (!isInProgressAt(nowMs))
        return false;
    QList<Segment> kept = m_timeline.first(segmentAt(nowMs) + 1);
    kept.last().endMs = nowMs;
    if (m_trainingStartMs > nowMs)
        m_trainingStartMs = -1;
    const qint64 stoppedAt = nowMs + stopping.count();
    kept.append({ u"Stopping"_s, u"Stopping"_s, nowMs, stoppedAt, u"Stopping the training job"_s });
    kept.append({ u"Stopped"_s, u"Stopped"_s, stoppedAt, stoppedAt, u"Training job stopped"_s });
    m_timeline = kept;
    return true;
}

QJsonObject SimTrainingJob::summaryAt(qint64 nowMs, const QString &arnPrefix) const
{
    const State state = stateAt(nowMs);
    QJsonObject summary {
        { u"TrainingJobName"_s, m_script.name },
        { u"TrainingJobArn"_s, QString(arnPrefix + m_script.name) },
        { u"CreationTime"_s, epoch(m_creationMs) },
        { u"LastModifiedTime"_s, epoch(state.lastModifiedMs) },
        { u"TrainingJobStatus"_s, state.status },
        { u"SecondaryStatus"_s, state.secondaryStatus },
    };
    if (state.trainingEndMs >= 0)
        summary.insert(u"TrainingEndTime"_s, epoch(state.trainingEndMs));
    return summary;
}

QJsonObject SimTrainingJob::descriptionAt(qint64 nowMs, const QString &arnPrefix) const
{
    const State state = stateAt(nowMs);
    QJsonObject d = m_script.request;
    d.remove(u"Tags"_s); // a description never carries them (ListTags does)
    const auto setDefault = [&d](const QString &key, const QJsonValue &value) {
        if (!d.contains(key))
            d.insert(key, value);
    };
    setDefault(u"AlgorithmSpecification"_s,
        QJsonObject {
            { u"TrainingImage"_s, u"683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"_s },
            { u"TrainingInputMode"_s, u"File"_s }, { u"EnableSageMakerMetricsTimeSeries"_s, false } });
    setDefault(u"RoleArn"_s, u"arn:aws:iam::123456789012:role/SageMakerExecutionRole"_s);
    setDefault(u"InputDataConfig"_s,
        QJsonArray { QJsonObject { { u"ChannelName"_s, u"train"_s },
            { u"DataSource"_s,
                QJsonObject { { u"S3DataSource"_s,
                    QJsonObject { { u"S3DataType"_s, u"S3Prefix"_s },
                        { u"S3Uri"_s, u"s3://sagedesk-sim/data/train/"_s },
                        { u"S3DataDistributionType"_s, u"FullyReplicated"_s } } } } },
            { u"CompressionType"_s, u"None"_s }, { u"RecordWrapperType"_s, u"None"_s } } });
    setDefault(u"OutputDataConfig"_s, QJsonObject { { u"S3OutputPath"_s, u"s3://sagedesk-sim/output/"_s } });
    setDefault(u"ResourceConfig"_s,
        QJsonObject { { u"InstanceType"_s, m_script.instanceType },
            { u"InstanceCount"_s, m_script.instanceCount }, { u"VolumeSizeInGB"_s, 30 } });
    setDefault(u"StoppingCondition"_s,
        QJsonObject { { u"MaxRuntimeInSeconds"_s, qint64(m_script.maxRuntime.count()) } });
    setDefault(u"EnableNetworkIsolation"_s, false);
    setDefault(u"EnableInterContainerTrafficEncryption"_s, false);
    setDefault(u"EnableManagedSpotTraining"_s, false);

    QString output = d.value(u"OutputDataConfig"_s).toObject().value(u"S3OutputPath"_s).toString();
    if (!output.endsWith(u'/'))
        output += u'/';
    d.insert(u"TrainingJobName"_s, m_script.name);
    d.insert(u"TrainingJobArn"_s, QString(arnPrefix + m_script.name));
    d.insert(u"ModelArtifacts"_s,
        QJsonObject {
            { u"S3ModelArtifacts"_s, QString(output + m_script.name + u"/output/model.tar.gz"_s) } });
    d.insert(u"TrainingJobStatus"_s, state.status);
    d.insert(u"SecondaryStatus"_s, state.secondaryStatus);
    if (!state.failureReason.isEmpty())
        d.insert(u"FailureReason"_s, state.failureReason);
    d.insert(u"CreationTime"_s, epoch(m_creationMs));
    d.insert(u"LastModifiedTime"_s, epoch(state.lastModifiedMs));
    if (state.trainingStartMs >= 0)
        d.insert(u"TrainingStartTime"_s, epoch(state.trainingStartMs));
    if (state.trainingEndMs >= 0) {
        d.insert(u"TrainingEndTime"_s, epoch(state.trainingEndMs));
        if (state.trainingStartMs >= 0) {
            const qint64 seconds = ceilSeconds(state.trainingEndMs - state.trainingStartMs);
            d.insert(u"TrainingTimeInSeconds"_s, seconds);
            d.insert(u"BillableTimeInSeconds"_s, seconds);
        }
    }
    QJsonArray transitions;
    for (const Segment &segment : state.transitions) {
        QJsonObject t { { u"Status"_s, segment.secondaryStatus }, { u"StartTime"_s, epoch(segment.startMs) },
            { u"StatusMessage"_s, segment.message } };
        if (segment.endMs >= 0)
            t.insert(u"EndTime"_s, epoch(segment.endMs));
        transitions.append(t);
    }
    d.insert(u"SecondaryStatusTransitions"_s, transitions);
    if (state.status == u"Completed"_s) {
        // A stable, job-specific number, so repeated describes agree.
        const double loss = double(qHash(m_script.name, 7) % 1000) / 10000.0 + 0.05;
        d.insert(u"FinalMetricDataList"_s,
            QJsonArray { QJsonObject { { u"MetricName"_s, u"validation:logloss"_s }, { u"Value"_s, loss },
                { u"Timestamp"_s, epoch(state.trainingEndMs) } } });
    }
    return d;
}
