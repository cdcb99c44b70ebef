#pragma once

#include "core/pricing/costfigure.h"
#include "core/pricing/jobcostfacts.h"
#include "core/store/pricerecord.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

// The cost arithmetic and its wording, as pure functions: the form's worst case and the dashboard's cost so
// far. Every text that shows a price also shows where the price came from and its date.
class CostEstimate
{
    Q_DECLARE_TR_FUNCTIONS(CostEstimate)

public:
    // price × count × maxRuntime. Managed spot makes it an upper bound (spot is billed below on-demand).
    static CostFigure worstCase(
        const PriceRecord &price, int instanceCount, qint64 maxRuntimeSeconds, bool managedSpot = false);
    // price × count × hours billed so far: BillableTimeInSeconds once the job has ended (else its start to
    // end), now − TrainingStartTime while it runs, nothing before its instances start. Managed spot makes it
    // an upper bound.
    static CostFigure soFar(const PriceRecord &price, const JobCostFacts &job, const QDateTime &now);

    // "$1,234.56"; other currencies by code: "CNY 12.00".
    static QString formatAmount(double amount, const QString &currency);
    // "$25.251/h", "$0.115/h", "$3.00/h": two to four decimals.
    static QString formatRate(double pricePerHour, const QString &currency);
    // "24 h", "1.5 h", "0.25 h", with a no-break space so a wrapped line keeps number and unit together (the
    // working "$25.25/h × 2 × 24 h" in describe() does the same around its "×").
    static QString formatHours(double hours);
    // "2026-11-27": the day the price was fetched or entered (UTC).
    static QString priceDate(const PriceRecord &price);
    // "price from AWS Price List API, 2026-11-27", "price entered by you, 2026-11-27".
    static QString priceOrigin(const PriceRecord &price);
    // "ml.p4d.24xlarge $25.251/h (price from AWS Price List API, 2026-11-27)".
    static QString describePrice(const PriceRecord &price);

    // The figure in one line with its working and the price's origin:
    // "≈ $50.50 worst case (ml.p4d.24xlarge $25.25/h × 2 × 24 h; price from AWS Price List API, 2026-11-27)".
    static QString describe(const CostFigure &figure, const PriceRecord &price);
    // "≈ $50.50", "≤ $50.50" for an upper bound, "$0.00" before any instance started: for a table cell, with
    // describe() as its tooltip.
    static QString shortText(const CostFigure &figure);
};
