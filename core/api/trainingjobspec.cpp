#include "core/api/trainingjobspec.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

QList<MetricDefinition> TrainingJobSpec::metricDefinitions() const
{
    QList<MetricDefinition> out;
    const QJsonArray a = valueAt(u"AlgorithmSpecification.MetricDefinitions").toArray();
    for (const QJsonValue &v : a)
        out.append({ v.toObject().value("Name"_L1).toString(), v.toObject().value("Regex"_L1).toString() });
    return out;
}

void TrainingJobSpec::setMetricDefinitions(const QList<MetricDefinition> &v)
{
    QJsonArray a;
    for (const MetricDefinition &m : v)
        a.append(QJsonObject { { u"Name"_s, m.name }, { u"Regex"_s, m.regex } });
    setValueAt(u"AlgorithmSpecification.MetricDefinitions", a);
}

QList<TrainingChannel> TrainingJobSpec::channels() const
{
    QList<TrainingChannel> out;
    const QJsonArray a = valueAt(u"InputDataConfig").toArray();
    for (const QJsonValue &v : a)
        out.append(TrainingChannel(v.toObject()));
    return out;
}

void TrainingJobSpec::setChannels(const QList<TrainingChannel> &v)
{
    QJsonArray a;
    for (const TrainingChannel &c : v)
        a.append(c.json());
    setValueAt(u"InputDataConfig", a);
}
