#include "ui/dashboard/statusbadgedelegate.h"

#include "ui/dashboard/jobstatusstyle.h"
#include "ui/dashboard/trainingjobtablemodel.h"

#include <QApplication>
#include <QPainter>

namespace {

constexpr int horizontalPadding = 8;
constexpr int verticalMargin = 3;

} // namespace

void StatusBadgeDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    const QString text = background.text;
    background.text.clear();
    // Selection and focus as any cell, then the pill on top.
    QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);
    if (text.isEmpty())
        return;

    const QColor fill = JobStatusStyle::statusColor(index.data(TrainingJobTableModel::StatusRole).toString());
    const QFontMetrics metrics(option.font);
    const int width
        = std::min(metrics.horizontalAdvance(text) + 2 * horizontalPadding, option.rect.width() - 4);
    const int height = std::min(metrics.height() + 4, option.rect.height() - 2 * verticalMargin);
    const QRect pill(option.rect.left() + 4, option.rect.center().y() - height / 2 + 1, width, height);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(pill, height / 2.0, height / 2.0);
    painter->setPen(JobStatusStyle::textColorOn(fill));
    QFont font = option.font;
    font.setBold(true);
    painter->setFont(font);
    painter->drawText(
        pill, Qt::AlignCenter, QFontMetrics(font).elidedText(text, Qt::ElideRight, pill.width() - 4));
    painter->restore();
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += 2 * horizontalPadding + 8;
    return size;
}
