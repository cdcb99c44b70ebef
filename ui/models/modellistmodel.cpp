#include "ui/models/modellistmodel.h"

#include "core/api/timestamp.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

ModelListModel::ModelListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ModelListModel::setModels(const QJsonArray &models)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(models.size());
    for (const QJsonValue &value : models) {
        const QJsonObject summary = value.toObject();
        m_rows.append({ summary.value("ModelName"_L1).toString(), summary.value("ModelArn"_L1).toString(),
            Timestamp::parse(summary.value("CreationTime"_L1)) });
    }
    endResetModel();
}

void ModelListModel::removeModel(const QString &name)
{
    const int row = rowOf(name);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

int ModelListModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).name == name)
            return row;
    return -1;
}

QString ModelListModel::nameAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).name : QString();
}

QString ModelListModel::arnAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).arn : QString();
}

int ModelListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ModelListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case NameRole:
        return row.name;
    case SortRole:
        if (index.column() == Created)
            return row.created;
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Name:
            return row.name;
        case Created:
            return row.created.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
        case Arn:
            return row.arn;
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Created)
            return row.created.toUTC().toString(Qt::ISODate);
        if (index.column() == Arn)
            return row.arn;
        break;
    default:
        break;
    }
    return {};
}

QVariant ModelListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Created:
        return tr("Created");
    case Arn:
        return tr("ARN");
    case ColumnCount:
        break;
    }
    return {};
}
