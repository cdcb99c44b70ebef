#include "ui/dashboard/trainingjobfilterproxy.h"

#include "core/aws/clock.h"
#include "ui/dashboard/trainingjobtablemodel.h"

TrainingJobFilterProxy::TrainingJobFilterProxy(Clock *clock, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_clock(clock)
{
    setSortRole(TrainingJobTableModel::SortRole);
}

void TrainingJobFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_jobs = qobject_cast<TrainingJobTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void TrainingJobFilterProxy::setStatusFilter(const QString &status)
{
    if (status == m_status)
        return;
    m_status = status;
    refilter();
}

void TrainingJobFilterProxy::setNameFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_name)
        return;
    m_name = trimmed;
    refilter();
}

void TrainingJobFilterProxy::setCreatedWithinDays(int days)
{
    m_days = std::max(0, days);
    m_createdAfter = m_days > 0 ? m_clock->now().addDays(-m_days) : QDateTime();
    refilter();
}

void TrainingJobFilterProxy::refilter()
{
    invalidateRowsFilter();
    emit filterChanged();
}

QString TrainingJobFilterProxy::jobName(int row) const
{
    return index(row, 0).data(TrainingJobTableModel::NameRole).toString();
}

bool TrainingJobFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_jobs)
        return false;
    const TrainingJobRecord *job = m_jobs->record(sourceRow);
    if (!job)
        return false;
    if (!m_status.isEmpty() && job->status != m_status)
        return false;
    if (!m_name.isEmpty() && !job->name.contains(m_name, Qt::CaseInsensitive))
        return false;
    return !m_createdAfter.isValid() || job->creationTime >= m_createdAfter;
}

void TrainingJobFilterProxy::sort(int column, Qt::SortOrder order)
{
    m_sortNowMs = m_clock->now().toMSecsSinceEpoch();
    QSortFilterProxyModel::sort(column, order);
}

bool TrainingJobFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int l = left.row();
    const int r = right.row();
    const TrainingJobRecord *a = m_jobs ? m_jobs->record(l) : nullptr;
    const TrainingJobRecord *b = m_jobs ? m_jobs->record(r) : nullptr;
    if (!a || !b)
        return QSortFilterProxyModel::lessThan(left, right);
    // Keys, not QDateTime arithmetic: a sort of 10,000 rows makes some 140,000 comparisons. Ties (same
    // status, same instance type) fall back to creation time, so a sort is stable across rounds.
    const auto byCreation = [&] {
        const qint64 ca = m_jobs->createdMs(l);
        const qint64 cb = m_jobs->createdMs(r);
        return ca != cb ? ca < cb : a->name < b->name;
    };
    switch (TrainingJobTableModel::Column(left.column())) {
    case TrainingJobTableModel::Name:
        return a->name < b->name;
    case TrainingJobTableModel::Created:
        return byCreation();
    case TrainingJobTableModel::Status:
        return a->status != b->status ? a->status < b->status : byCreation();
    case TrainingJobTableModel::SecondaryStatus:
        return a->secondaryStatus != b->secondaryStatus ? a->secondaryStatus < b->secondaryStatus
                                                        : byCreation();
    case TrainingJobTableModel::Instance:
        return a->instanceType != b->instanceType  ? a->instanceType < b->instanceType
            : a->instanceCount != b->instanceCount ? a->instanceCount < b->instanceCount
                                                   : byCreation();
    case TrainingJobTableModel::Duration: {
        // Running jobs' durations move with the clock: ordered as of the last sort (rows re-sorted by a
        // round compare against that moment too, which keeps them in order among themselves).
        if (m_sortNowMs == 0)
            m_sortNowMs = m_clock->now().toMSecsSinceEpoch();
        const qint64 da = m_jobs->durationMs(l, m_sortNowMs);
        const qint64 db = m_jobs->durationMs(r, m_sortNowMs);
        return da != db ? da < db : byCreation();
    }
    case TrainingJobTableModel::Cost:
    case TrainingJobTableModel::ColumnCount:
        break;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}
