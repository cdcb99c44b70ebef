#pragma once

#include <QString>

// An estimated cost: price per hour × instances × hours, and what the hours are.
struct CostFigure
{
    enum class Basis {
        MaxRuntime, // the worst case: the stopping condition's MaxRuntimeInSeconds
        Elapsed, // a running job: from TrainingStartTime until now
        BillableTime, // an ended job: BillableTimeInSeconds (or start to end when the API gave none)
        NotStarted, // no instance has started yet: nothing billed
    };

    double amount = 0;
    QString currency = QStringLiteral("USD");
    double pricePerHour = 0;
    int instanceCount = 0;
    double hours = 0;
    Basis basis = Basis::MaxRuntime;
    // The real cost is lower or equal, never higher: managed spot training is billed below the on-demand
    // rate the figure uses.
    bool upperBound = false;

    friend bool operator==(const CostFigure &, const CostFigure &) = default;
};
