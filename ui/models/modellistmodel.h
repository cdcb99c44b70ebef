#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QJsonArray>
#include <QList>

// The Models page's table: one row per ListModels summary (name, creation time, ARN).
class ModelListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Created, Arn, ColumnCount };
    enum Role { NameRole = Qt::UserRole + 1, SortRole };

    explicit ModelListModel(QObject *parent = nullptr);

    // ModelSummary entries (ModelName, ModelArn, CreationTime), in the order to show.
    void setModels(const QJsonArray &models);
    void removeModel(const QString &name);
    int rowOf(const QString &name) const;
    QString nameAt(int row) const;
    QString arnAt(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString name;
        QString arn;
        QDateTime created;
    };
    QList<Row> m_rows;
};
