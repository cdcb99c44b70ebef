#include "ui/dashboard/trainingjobtablemodel.h"

#include "core/aws/clock.h"
#include "core/pricing/costestimate.h"
#include "core/pricing/priceservice.h"
#include "core/sagemaker/jobmonitorround.h"
#include "ui/dashboard/jobstatusstyle.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

JobCostFacts costFacts(const TrainingJobRecord &job)
{
    JobCostFacts facts;
    facts.instanceType = job.instanceType;
    facts.instanceCount = job.instanceCount;
    facts.trainingStartTime = job.trainingStartTime;
    facts.trainingEndTime = job.trainingEndTime;
    facts.billableSeconds = job.billableSeconds;
    return facts;
}

QDateTime endTime(const TrainingJobRecord &job)
{
    if (job.isActive())
        return {};
    return job.trainingEndTime.isValid() ? job.trainingEndTime : job.lastModifiedTime;
}

} // namespace

TrainingJobTableModel::TrainingJobTableModel(Clock *clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(clock)
{
    qRegisterMetaType<TrainingJobRecord>();
}

void TrainingJobTableModel::setPriceService(PriceService *prices)
{
    if (m_prices)
        disconnect(m_prices, nullptr, this, nullptr);
    m_prices = prices;
    m_quotes.clear();
    if (prices) {
        connect(prices, &PriceService::pricesChanged, this, [this] {
            m_quotes.clear();
            if (!m_rows.isEmpty())
                emit dataChanged(index(0, Cost), index(int(m_rows.size()) - 1, Cost));
        });
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Cost), index(int(m_rows.size()) - 1, Cost));
}

void TrainingJobTableModel::setJobs(const QList<TrainingJobRecord> &jobs)
{
    beginResetModel();
    m_rows = jobs;
    rebuildIndex();
    recountActive();
    endResetModel();
}

void TrainingJobTableModel::clear()
{
    setJobs({});
}

void TrainingJobTableModel::applyRound(const JobMonitorRound &round)
{
    if (round.fromCache || m_rows.isEmpty())
        setJobs(round.changed);
    else
        applyChanges(round.changed);
}

void TrainingJobTableModel::applyChanges(const QList<TrainingJobRecord> &changed)
{
    if (changed.isEmpty())
        return;
    QList<int> updated;
    QList<TrainingJobRecord> added;
    updated.reserve(changed.size());
    for (const TrainingJobRecord &job : changed) {
        const auto it = m_index.constFind(job.name);
        if (it != m_index.cend())
            updated.append(*it);
        else
            added.append(job);
    }

    const qsizetype touched = updated.size() + added.size();
    if (double(touched) > changeThreshold() * double(m_rows.size())) {
        beginResetModel();
        for (const TrainingJobRecord &job : changed) {
            const auto it = m_index.constFind(job.name);
            if (it != m_index.cend()) {
                m_rows[*it] = job;
            } else {
                m_index.insert(job.name, int(m_rows.size()));
                m_rows.append(job);
            }
        }
        rebuildIndex();
        recountActive();
        endResetModel();
        return;
    }

    for (const TrainingJobRecord &job : changed) {
        const auto it = m_index.constFind(job.name);
        if (it != m_index.cend()) {
            m_rows[*it] = job;
            m_keys[size_t(*it)] = keysOf(job);
        }
    }
    std::sort(updated.begin(), updated.end());
    updated.erase(std::unique(updated.begin(), updated.end()), updated.end());
    for (qsizetype i = 0; i < updated.size();) {
        qsizetype j = i;
        while (j + 1 < updated.size() && updated.at(j + 1) == updated.at(j) + 1)
            ++j;
        emit dataChanged(index(updated.at(i), 0), index(updated.at(j), ColumnCount - 1));
        i = j + 1;
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const TrainingJobRecord &job : std::as_const(added)) {
            m_index.insert(job.name, int(m_rows.size()));
            m_rows.append(job);
            m_keys.push_back(keysOf(job));
        }
        endInsertRows();
    }
    recountActive();
}

TrainingJobTableModel::Keys TrainingJobTableModel::keysOf(const TrainingJobRecord &job)
{
    Keys keys;
    if (job.creationTime.isValid())
        keys.createdMs = job.creationTime.toMSecsSinceEpoch();
    const QDateTime end = endTime(job);
    if (end.isValid())
        keys.endMs = end.toMSecsSinceEpoch();
    return keys;
}

void TrainingJobTableModel::rebuildIndex()
{
    m_index.clear();
    m_index.reserve(m_rows.size());
    m_keys.clear();
    m_keys.reserve(size_t(m_rows.size()));
    for (int row = 0; row < m_rows.size(); ++row) {
        m_index.insert(m_rows.at(row).name, row);
        m_keys.push_back(keysOf(m_rows.at(row)));
    }
}

void TrainingJobTableModel::recountActive()
{
    m_activeCount = int(std::count_if(
        m_rows.cbegin(), m_rows.cend(), [](const TrainingJobRecord &job) { return job.isActive(); }));
}

const TrainingJobRecord *TrainingJobTableModel::record(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

const TrainingJobRecord *TrainingJobTableModel::record(const QString &name) const
{
    return record(rowOf(name));
}

int TrainingJobTableModel::rowOf(const QString &name) const
{
    return m_index.value(name, -1);
}

PriceQuote TrainingJobTableModel::quote(const QString &instanceType) const
{
    const auto cached = m_quotes.constFind(instanceType);
    if (cached != m_quotes.cend())
        return *cached;
    PriceQuote quote;
    quote.instanceType = instanceType;
    quote.missing = PriceQuote::Missing::NoConnection;
    if (m_prices)
        quote = m_prices->quote(instanceType);
    m_quotes.insert(instanceType, quote);
    return quote;
}

TrainingJobTableModel::CostCell TrainingJobTableModel::cost(const TrainingJobRecord &job) const
{
    CostCell cell;
    cell.text = u"—"_s;
    if (job.instanceType.isEmpty() || job.instanceCount <= 0) {
        cell.note = tr("The instance type is known once the job has been described.");
        cell.toolTip = cell.note;
        return cell;
    }
    const PriceQuote quote = this->quote(job.instanceType);
    if (!quote.isPriced()) {
        cell.note = tr("No price for %1 (%2).").arg(job.instanceType, quote.missingReason());
        cell.toolTip = quote.detail.isEmpty() ? cell.note : cell.note + u' ' + quote.detail;
        return cell;
    }
    const CostFigure figure = CostEstimate::soFar(*quote.price, costFacts(job), m_clock->now());
    cell.text = CostEstimate::shortText(figure);
    cell.toolTip = CostEstimate::describe(figure, *quote.price);
    cell.amount = figure.amount;
    return cell;
}

qint64 TrainingJobTableModel::durationSeconds(const TrainingJobRecord &job) const
{
    if (!job.creationTime.isValid())
        return 0;
    const QDateTime end = job.isActive() ? m_clock->now() : endTime(job);
    return end.isValid() ? std::max<qint64>(0, job.creationTime.secsTo(end)) : 0;
}

QString TrainingJobTableModel::durationText(qint64 seconds)
{
    const qint64 days = seconds / 86400;
    const QString clock = u"%1:%2:%3"_s.arg((seconds % 86400) / 3600)
                              .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'))
                              .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return days > 0 ? tr("%1d %2").arg(days).arg(clock.rightJustified(8, QLatin1Char('0'))) : clock;
}

QString TrainingJobTableModel::instanceText(const TrainingJobRecord &job)
{
    if (job.instanceType.isEmpty())
        return {};
    return job.instanceCount > 1 ? tr("%1 × %2").arg(job.instanceType).arg(job.instanceCount)
                                 : job.instanceType;
}

int TrainingJobTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TrainingJobTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrainingJobTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const TrainingJobRecord &job = m_rows.at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Name:
            return job.name;
        case Status:
            return JobStatusStyle::statusText(job.status);
        case SecondaryStatus:
            return job.secondaryStatus;
        case Instance:
            return instanceText(job);
        case Created:
            return job.creationTime.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
        case Duration:
            return durationText(durationSeconds(job));
        case Cost:
            return cost(job).text;
        case ColumnCount:
            break;
        }
        break;
    case SortRole:
        switch (column) {
        case Created:
            return job.creationTime.toMSecsSinceEpoch();
        case Duration:
            return durationSeconds(job);
        case Cost:
            return cost(job).amount;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        switch (column) {
        case Name:
            return job.arn.isEmpty() ? job.name : job.arn;
        case Status:
            return job.failureReason.isEmpty() ? QVariant() : job.failureReason;
        case SecondaryStatus:
            return job.secondaryStatus;
        case Created:
            return job.creationTime.toUTC().toString(Qt::ISODate);
        case Cost:
            return cost(job).toolTip;
        default:
            break;
        }
        break;
    case Qt::TextAlignmentRole:
        if (column == Duration || column == Cost)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case RecordRole:
        return QVariant::fromValue(job);
    case NameRole:
        return job.name;
    case StatusRole:
        return job.status;
    case SecondaryStatusRole:
        return job.secondaryStatus;
    case CreationTimeRole:
        return job.creationTime;
    case EndTimeRole:
        return endTime(job);
    default:
        break;
    }
    return {};
}

QVariant TrainingJobTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole && (section == Duration || section == Cost))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Status:
        return tr("Status");
    case SecondaryStatus:
        return tr("Secondary status");
    case Instance:
        return tr("Instances");
    case Created:
        return tr("Created");
    case Duration:
        return tr("Duration");
    case Cost:
        return tr("Cost so far");
    case ColumnCount:
        break;
    }
    return {};
}
