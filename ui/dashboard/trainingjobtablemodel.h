#pragma once

#include "core/pricing/pricequote.h"
#include "core/sagemaker/trainingjobrecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>
#include <algorithm>
#include <vector>

class Clock;
class PriceService;
struct JobMonitorRound;

// The dashboard's table of training jobs: one row per TrainingJobRecord the JobMonitor knows, in the
// order they arrived (a QSortFilterProxyModel on top sorts and filters). Built for tens of thousands of
// rows: applyRound() turns a monitor batch into dataChanged for contiguous runs of changed rows and one
// insert for the new ones, or a reset when most rows changed; data() computes only what a view asks for
// (visible rows), and the live columns (Duration, Cost) are read from the Clock at paint time, so a view
// repaints them without any signal.
//
// For the charts: every row's record (record(), RecordRole), and roles with the raw values a chart needs
// (NameRole, StatusRole, SecondaryStatusRole, CreationTimeRole, EndTimeRole).
class TrainingJobTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Status, SecondaryStatus, Instance, Created, Duration, Cost, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // a value that sorts (times as ms since epoch, seconds, amounts)
        RecordRole, // QVariant::fromValue(TrainingJobRecord)
        NameRole,
        StatusRole, // TrainingJobStatus as the API spells it
        SecondaryStatusRole,
        CreationTimeRole, // QDateTime (UTC)
        EndTimeRole, // QDateTime: TrainingEndTime, else LastModifiedTime of an ended job; invalid while
                     // active
    };

    // A row's estimated cost so far, as the Cost column shows it.
    struct CostCell
    {
        QString text; // "≈ $1.23", "—" when there is no figure
        QString toolTip; // the working and the price's source and date, or why there is no figure
        QString note; // without a figure: why, in one short sentence (the tooltip adds the details)
        double amount = -1; // -1 when there is no figure
    };

    // clock must outlive the model.
    explicit TrainingJobTableModel(Clock *clock, QObject *parent = nullptr);

    // Prices for the Cost column (nullptr: "no price"). Follows its pricesChanged().
    void setPriceService(PriceService *prices);

    // Replaces every row (a reset).
    void setJobs(const QList<TrainingJobRecord> &jobs);
    // A JobMonitor batch: round 0 (the store's cache) and the first batch into an empty table reset; later
    // ones update in place (see changeThreshold()).
    void applyRound(const JobMonitorRound &round);
    // Updates known rows and appends new ones: dataChanged per contiguous run of changed rows and one
    // rowsInserted, or one reset when more than changeThreshold() of the rows changed.
    void applyChanges(const QList<TrainingJobRecord> &changed);
    void clear();
    // The share of rows (0..1) above which a batch resets the model instead of signalling row by row.
    static constexpr double changeThreshold() { return 0.5; }

    const TrainingJobRecord *record(int row) const;
    const TrainingJobRecord *record(const QString &name) const;
    int rowOf(const QString &name) const;
    // Rows whose job is InProgress or Stopping: their Duration and Cost move with the clock.
    int activeCount() const { return m_activeCount; }
    CostCell cost(const TrainingJobRecord &job) const;
    // Seconds from creation to the end (or to now, while active).
    qint64 durationSeconds(const TrainingJobRecord &job) const;
    // Sort keys without QDateTime arithmetic, for a proxy comparing 10,000 rows: creation in ms since the
    // epoch, and the duration in ms at nowMs.
    qint64 createdMs(int row) const { return m_keys[size_t(row)].createdMs; }
    qint64 durationMs(int row, qint64 nowMs) const
    {
        const Keys &k = m_keys[size_t(row)];
        return k.createdMs < 0 ? 0 : std::max<qint64>(0, (k.endMs < 0 ? nowMs : k.endMs) - k.createdMs);
    }
    // "3:07:45", "2d 03:07:45".
    static QString durationText(qint64 seconds);
    // "ml.g5.2xlarge × 2"; empty until the job has been described.
    static QString instanceText(const TrainingJobRecord &job);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Keys
    {
        qint64 createdMs = -1; // -1: unknown
        qint64 endMs = -1; // -1: still running (or unknown)
    };
    static Keys keysOf(const TrainingJobRecord &job);

    void rebuildIndex();
    void recountActive();
    PriceQuote quote(const QString &instanceType) const;

    Clock *m_clock;
    QPointer<PriceService> m_prices;
    QList<TrainingJobRecord> m_rows;
    std::vector<Keys> m_keys; // by row, beside m_rows
    QHash<QString, int> m_index;
    int m_activeCount = 0;
    mutable QHash<QString, PriceQuote> m_quotes; // by instance type, until prices change
};
