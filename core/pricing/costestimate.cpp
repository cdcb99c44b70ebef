#include "core/pricing/costestimate.h"

#include "core/store/pricecache.h"

#include <QLocale>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

CostFigure figureFor(const PriceRecord &price, int instanceCount, double hours, CostFigure::Basis basis)
{
    CostFigure figure;
    figure.currency = price.currency;
    figure.pricePerHour = price.pricePerHour;
    figure.instanceCount = std::max(instanceCount, 0);
    figure.hours = std::max(hours, 0.0);
    figure.basis = basis;
    figure.amount = figure.pricePerHour * figure.instanceCount * figure.hours;
    return figure;
}

// Fixed, not the user's locale: the figures sit next to "$" and must read the same in every test.
const QLocale &numberLocale()
{
    static const QLocale locale(QLocale::English, QLocale::UnitedStates);
    return locale;
}

QString withCurrency(const QString &number, const QString &currency)
{
    if (currency == "USD"_L1)
        return u'$' + number;
    return currency + u' ' + number;
}

// Up to maxDecimals, trailing zeros dropped down to minDecimals.
QString trimmedNumber(double value, int minDecimals, int maxDecimals)
{
    QString text = numberLocale().toString(value, 'f', maxDecimals);
    const qsizetype point = text.indexOf(u'.');
    if (point < 0)
        return text;
    qsizetype keep = text.size();
    while (keep > point + 1 + minDecimals && text.at(keep - 1) == u'0')
        --keep;
    if (keep == point + 1)
        --keep;
    return text.left(keep);
}

} // namespace

CostFigure CostEstimate::worstCase(
    const PriceRecord &price, int instanceCount, qint64 maxRuntimeSeconds, bool managedSpot)
{
    CostFigure figure
        = figureFor(price, instanceCount, double(maxRuntimeSeconds) / 3600.0, CostFigure::Basis::MaxRuntime);
    figure.upperBound = managedSpot;
    return figure;
}

CostFigure CostEstimate::soFar(const PriceRecord &price, const JobCostFacts &job, const QDateTime &now)
{
    CostFigure figure;
    if (job.trainingEndTime.isValid() || job.billableSeconds) {
        const double seconds = job.billableSeconds ? double(*job.billableSeconds)
            : job.trainingStartTime.isValid()      ? double(job.trainingStartTime.secsTo(job.trainingEndTime))
                                                   : 0.0;
        figure = figureFor(price, job.instanceCount, seconds / 3600.0, CostFigure::Basis::BillableTime);
    } else if (job.trainingStartTime.isValid()) {
        figure = figureFor(price, job.instanceCount, double(job.trainingStartTime.secsTo(now)) / 3600.0,
            CostFigure::Basis::Elapsed);
    } else {
        figure = figureFor(price, job.instanceCount, 0, CostFigure::Basis::NotStarted);
    }
    figure.upperBound = job.managedSpot;
    return figure;
}

QString CostEstimate::formatAmount(double amount, const QString &currency)
{
    return withCurrency(numberLocale().toString(amount, 'f', 2), currency);
}

QString CostEstimate::formatRate(double pricePerHour, const QString &currency)
{
    // A word joiner after the slash: Qt would otherwise wrap "$25.25/" and "h" onto two lines.
    return withCurrency(trimmedNumber(pricePerHour, 2, 4), currency) + u"/\u2060h"_s;
}

QString CostEstimate::formatHours(double hours)
{
    return tr("%1\u00a0h").arg(trimmedNumber(hours, 0, 2));
}

QString CostEstimate::priceDate(const PriceRecord &price)
{
    const QDate date = price.fetchedAt.isValid() ? price.fetchedAt.toUTC().date() : price.effectiveDate;
    return date.isValid() ? date.toString(Qt::ISODate) : tr("date unknown");
}

QString CostEstimate::priceOrigin(const PriceRecord &price)
{
    const QString source = PriceCache::sourceLabel(price.source);
    return price.source == PriceRecord::Source::EnteredByUser
        ? tr("price %1, %2").arg(source, priceDate(price))
        : tr("price from %1, %2").arg(source, priceDate(price));
}

QString CostEstimate::describePrice(const PriceRecord &price)
{
    return tr("%1 %2 (%3)")
        .arg(price.instanceType, formatRate(price.pricePerHour, price.currency), priceOrigin(price));
}

QString CostEstimate::shortText(const CostFigure &figure)
{
    const QString amount = formatAmount(figure.amount, figure.currency);
    if (figure.basis == CostFigure::Basis::NotStarted)
        return amount;
    return figure.upperBound ? tr("≤ %1").arg(amount) : tr("≈ %1").arg(amount);
}

QString CostEstimate::describe(const CostFigure &figure, const PriceRecord &price)
{
    const QString rate = formatRate(price.pricePerHour, price.currency);
    const QString working = tr("%1 %2\u00a0×\u00a0%3\u00a0×\u00a0%4")
                                .arg(price.instanceType, rate)
                                .arg(figure.instanceCount)
                                .arg(formatHours(figure.hours));
    QString what;
    QString detail;
    switch (figure.basis) {
    case CostFigure::Basis::MaxRuntime:
        what = tr("worst case");
        detail = working;
        break;
    case CostFigure::Basis::Elapsed:
        what = tr("so far");
        detail = tr("%1 running").arg(working);
        break;
    case CostFigure::Basis::BillableTime:
        what = tr("in total");
        detail = tr("%1 billable").arg(working);
        break;
    case CostFigure::Basis::NotStarted:
        what = tr("so far");
        detail = tr("no instance started yet; %1 %2").arg(price.instanceType, rate);
        break;
    }
    if (figure.upperBound)
        detail += tr("; managed spot: an upper bound at the on-demand rate");
    return tr("%1 %2 (%3; %4)").arg(shortText(figure), what, detail, priceOrigin(price));
}
