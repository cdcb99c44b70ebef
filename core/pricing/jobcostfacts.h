#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

// What the cost of a training job so far depends on, as DescribeTrainingJob tells it.
struct JobCostFacts
{
    QString instanceType; // ResourceConfig.InstanceType
    int instanceCount = 1; // ResourceConfig.InstanceCount
    QDateTime trainingStartTime; // invalid until the instances run: billing starts here
    QDateTime trainingEndTime; // invalid while the job runs
    std::optional<qint64> billableSeconds; // BillableTimeInSeconds, per instance, once the job has ended
    bool managedSpot = false; // EnableManagedSpotTraining

    // From a DescribeTrainingJob answer (or a job summary with the same members); missing members stay at
    // their defaults.
    static JobCostFacts fromDescribe(const QJsonObject &describe);
};
