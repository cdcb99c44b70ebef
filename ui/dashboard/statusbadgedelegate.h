#pragma once

#include <QStyledItemDelegate>

// Paints the dashboard's Status column as a coloured pill (JobStatusStyle), like the status bar's badges,
// with the status in words; the model's StatusRole picks the colour.
class StatusBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
