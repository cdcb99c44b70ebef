#include "core/pricing/jobcostfacts.h"

#include "core/api/timestamp.h"

using namespace Qt::StringLiterals;

JobCostFacts JobCostFacts::fromDescribe(const QJsonObject &describe)
{
    JobCostFacts facts;
    const QJsonObject resources = describe.value("ResourceConfig"_L1).toObject();
    facts.instanceType = resources.value("InstanceType"_L1).toString();
    facts.instanceCount = resources.value("InstanceCount"_L1).toInt(1);
    facts.trainingStartTime = Timestamp::parse(describe.value("TrainingStartTime"_L1));
    facts.trainingEndTime = Timestamp::parse(describe.value("TrainingEndTime"_L1));
    const QJsonValue billable = describe.value("BillableTimeInSeconds"_L1);
    if (billable.isDouble())
        facts.billableSeconds = qint64(billable.toDouble());
    facts.managedSpot = describe.value("EnableManagedSpotTraining"_L1).toBool();
    return facts;
}
