#include "ui/charts/fleetganttview.h"

#include "ui/charts/hovertext.h"
#include "ui/charts/statusnames.h"
#include "ui/charts/timeticks.h"
#include "ui/dashboard/jobstatusstyle.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int padding = 6;
constexpr int swatchSize = 10;
constexpr int minimumBarWidth = 3;

} // namespace

double FleetGanttView::Geometry::xOf(const QDateTime &time, const QDateTime &from, const QDateTime &to) const
{
    const double span = std::max<qint64>(1, from.msecsTo(to));
    return plotLeft + (plotRight - plotLeft) * (from.msecsTo(time) / span);
}

FleetGanttView::FleetGanttView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setObjectName(u"fleetGantt"_s);
    setAccessibleName(tr("Fleet timeline"));
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    viewport()->setMouseTracking(true);
    viewport()->setBackgroundRole(QPalette::Base);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, viewport(), qOverload<>(&QWidget::update));
}

void FleetGanttView::setBars(const QList<FleetBar> &bars, const QDateTime &from, const QDateTime &to)
{
    const QString current = currentJob();
    m_bars = bars;
    m_from = from;
    m_to = to > from ? to : from.addSecs(1);
    m_currentRow = rowOf(current);
    m_hoverRow = -1;
    measure();
    updateScrollBar();
    viewport()->update();
}

void FleetGanttView::measure()
{
    m_widestName = 0;
    QStringList statuses;
    for (const FleetBar &bar : std::as_const(m_bars)) {
        m_widestName = std::max(m_widestName, fontMetrics().horizontalAdvance(bar.jobName));
        if (!statuses.contains(bar.status))
            statuses << bar.status;
    }
    m_legendStatuses = StatusNames::sorted(statuses);
}

void FleetGanttView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        measure();
    QAbstractScrollArea::changeEvent(event);
}

void FleetGanttView::setCurrentJob(const QString &name)
{
    m_currentRow = rowOf(name);
    scrollToRow(m_currentRow);
    viewport()->update();
}

int FleetGanttView::rowOf(const QString &name) const
{
    if (name.isEmpty())
        return -1;
    const auto it = std::find_if(
        m_bars.cbegin(), m_bars.cend(), [&name](const FleetBar &bar) { return bar.jobName == name; });
    return it == m_bars.cend() ? -1 : int(it - m_bars.cbegin());
}

QString FleetGanttView::currentJob() const
{
    return m_currentRow >= 0 ? m_bars[m_currentRow].jobName : QString();
}

int FleetGanttView::rowHeight() const
{
    return fontMetrics().height() + padding;
}

int FleetGanttView::headerHeight() const
{
    return 2 * fontMetrics().height() + 3 * padding;
}

int FleetGanttView::rowAt(const QPoint &viewportPos) const
{
    if (viewportPos.y() < headerHeight())
        return -1;
    const int row = (viewportPos.y() - headerHeight() + verticalScrollBar()->value()) / rowHeight();
    return row < m_bars.size() ? row : -1;
}

QRect FleetGanttView::barRect(int row) const
{
    if (row < 0 || row >= m_bars.size())
        return {};
    const int top = headerHeight() + row * rowHeight() - verticalScrollBar()->value();
    return barRectAt(geometryFor(viewport()->width()), row, top);
}

QString FleetGanttView::toolTipFor(int row) const
{
    if (row < 0 || row >= m_bars.size())
        return {};
    const FleetBar &bar = m_bars[row];
    QString text = u"<b>%1</b><br>"_s.arg(bar.jobName.toHtmlEscaped());
    text += tr("Status: %1").arg(StatusNames::display(bar.status)) + u"<br>"_s;
    text += tr("Created: %1").arg(HoverText::time(bar.start)) + u"<br>"_s;
    text
        += (bar.running ? tr("Running, now: %1") : tr("Ended: %1")).arg(HoverText::time(bar.end)) + u"<br>"_s;
    text += tr("Duration: %1").arg(HoverText::duration(bar.seconds()));
    return text;
}

QSize FleetGanttView::fullSize() const
{
    return QSize(viewport()->width(), headerHeight() + std::max<int>(1, int(m_bars.size())) * rowHeight());
}

QImage FleetGanttView::toImage(qreal scale) const
{
    const QSize size = fullSize();
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.fill(palette().color(QPalette::Base));
    QPainter painter(&image);
    painter.setFont(font());
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(scale, scale);
    paint(painter, size.width(), size.height(), 0);
    return image;
}

QSize FleetGanttView::sizeHint() const
{
    return QSize(800, headerHeight() + 12 * rowHeight());
}

FleetGanttView::Geometry FleetGanttView::geometryFor(int width) const
{
    const int nameWidth
        = std::clamp(m_widestName + 3 * padding, 8 * fontMetrics().averageCharWidth(), width * 3 / 10);
    // Room on the right for half a time label.
    const int rightMargin = fontMetrics().horizontalAdvance(u"Sep 30 23:59"_s) / 2 + padding;
    return Geometry { width, nameWidth, nameWidth + padding,
        std::max(nameWidth + 2 * padding, width - rightMargin) };
}

void FleetGanttView::paint(QPainter &painter, int width, int height, int scroll) const
{
    const Geometry geometry = geometryFor(width);
    const int header = headerHeight();
    if (m_bars.isEmpty()) {
        painter.setPen(palette().color(QPalette::Disabled, QPalette::Text));
        painter.drawText(QRect(0, header, width, std::max(height - header, rowHeight())), Qt::AlignCenter,
            tr("No jobs in this time range."));
        paintHeader(painter, geometry);
        return;
    }

    painter.save();
    painter.setClipRect(QRect(0, header, width, height - header));
    const TimeTicks ticks
        = TimeTicks::fit(m_from, m_to, geometry.plotRight - geometry.plotLeft, fontMetrics());
    const int firstRow = scroll / rowHeight();
    const int lastRow = std::min<int>(int(m_bars.size()) - 1, (scroll + height - header) / rowHeight());
    for (int row = firstRow; row <= lastRow; ++row)
        paintRow(painter, geometry, row, header + row * rowHeight() - scroll);

    QColor grid = palette().color(QPalette::Text);
    grid.setAlphaF(0.12f);
    painter.setPen(QPen(grid, 1));
    const int rowsBottom = std::min(height, header + int(m_bars.size()) * rowHeight() - scroll);
    for (const QDateTime &tick : ticks.ticksWithin(m_from, m_to)) {
        const double x = geometry.xOf(tick, m_from, m_to);
        painter.drawLine(QPointF(x, header), QPointF(x, rowsBottom));
    }
    painter.restore();
    paintHeader(painter, geometry);
}

void FleetGanttView::paintHeader(QPainter &painter, const Geometry &geometry) const
{
    const QFontMetrics metrics = fontMetrics();
    const int header = headerHeight();
    painter.fillRect(QRect(0, 0, geometry.width, header), palette().color(QPalette::Base));

    // The legend, on the first line.
    int x = geometry.plotLeft;
    const int legendTop = padding;
    painter.setPen(palette().color(QPalette::Text));
    for (const QString &status : legendStatuses()) {
        const QString name = StatusNames::display(status);
        const QRectF swatch(x, legendTop + (metrics.height() - swatchSize) / 2.0, swatchSize, swatchSize);
        painter.setBrush(JobStatusStyle::statusColor(status));
        painter.setPen(Qt::NoPen);
        painter.drawRoundedRect(swatch, 2, 2);
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QPoint(x + swatchSize + padding / 2, legendTop + metrics.ascent()), name);
        x += swatchSize + padding / 2 + metrics.horizontalAdvance(name) + 3 * padding;
    }

    // The time labels, on the second line.
    const TimeTicks ticks = TimeTicks::fit(m_from, m_to, geometry.plotRight - geometry.plotLeft, metrics);
    const int labelTop = legendTop + metrics.height() + padding;
    QColor muted = palette().color(QPalette::Text);
    muted.setAlphaF(0.7f);
    painter.setPen(muted);
    for (const QDateTime &tick : ticks.ticksWithin(m_from, m_to)) {
        const QString label = ticks.label(tick);
        const int labelWidth = metrics.horizontalAdvance(label);
        const double centre = geometry.xOf(tick, m_from, m_to);
        const int left = std::clamp(int(centre - labelWidth / 2.0), 0, geometry.width - labelWidth);
        painter.drawText(QPoint(left, labelTop + metrics.ascent()), label);
    }
    painter.drawText(QRect(padding, labelTop, geometry.nameWidth - padding, metrics.height()),
        Qt::AlignLeft | Qt::AlignVCenter,
        m_bars.size() == 1 ? tr("1 job") : tr("%1 jobs").arg(m_bars.size()));

    QColor line = palette().color(QPalette::Text);
    line.setAlphaF(0.3f);
    painter.setPen(QPen(line, 1));
    painter.drawLine(QPointF(0, header - 0.5), QPointF(geometry.width, header - 0.5));
}

QRect FleetGanttView::barRectAt(const Geometry &geometry, int row, int top) const
{
    const FleetBar &bar = m_bars[row];
    const int left = int(std::max<double>(geometry.plotLeft, geometry.xOf(bar.start, m_from, m_to)));
    const int right = int(std::min<double>(geometry.plotRight, geometry.xOf(bar.end, m_from, m_to)));
    const int inset = std::max(2, rowHeight() / 5);
    return QRect(QPoint(left, top + inset),
        QPoint(std::max(right, left + minimumBarWidth), top + rowHeight() - inset));
}

void FleetGanttView::paintRow(QPainter &painter, const Geometry &geometry, int row, int top) const
{
    const QRect rowRect(0, top, geometry.width, rowHeight());
    if (row == m_currentRow) {
        painter.fillRect(rowRect, palette().color(QPalette::Highlight));
    } else {
        QColor background = palette().color(row % 2 ? QPalette::AlternateBase : QPalette::Base);
        if (row == m_hoverRow)
            background = background.darker(108);
        painter.fillRect(rowRect, background);
    }

    const FleetBar &bar = m_bars[row];
    painter.setPen(palette().color(row == m_currentRow ? QPalette::HighlightedText : QPalette::Text));
    const QString name
        = fontMetrics().elidedText(bar.jobName, Qt::ElideMiddle, geometry.nameWidth - 2 * padding);
    painter.drawText(QRect(padding, top, geometry.nameWidth - padding, rowHeight()),
        Qt::AlignLeft | Qt::AlignVCenter, name);

    const QColor colour = JobStatusStyle::statusColor(bar.status);
    const QRect rect = barRectAt(geometry, row, top);
    if (row == m_currentRow) {
        // Around the bar, not on it: a bar of a few pixels keeps its colour.
        painter.setPen(QPen(palette().color(QPalette::HighlightedText), 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(QRectF(rect).adjusted(-1.5, -1.5, 1.5, 1.5), 3, 3);
    }
    painter.setPen(QPen(colour.darker(130), 1));
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 2, 2);
}

void FleetGanttView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    paint(painter, viewport()->width(), viewport()->height(), verticalScrollBar()->value());
}

void FleetGanttView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBar();
    if (m_revealPending)
        scrollToRow(m_currentRow);
}

void FleetGanttView::updateScrollBar()
{
    const int visible = std::max(0, viewport()->height() - headerHeight());
    verticalScrollBar()->setSingleStep(rowHeight());
    verticalScrollBar()->setPageStep(visible);
    verticalScrollBar()->setRange(0, std::max(0, int(m_bars.size()) * rowHeight() - visible));
}

void FleetGanttView::scrollToRow(int row)
{
    const int visible = viewport()->height() - headerHeight();
    // Before the view is laid out its height means nothing; scroll once it is.
    m_revealPending = row >= 0 && (!isVisible() || visible < rowHeight());
    if (row < 0 || m_revealPending)
        return;
    const int top = row * rowHeight();
    QScrollBar *bar = verticalScrollBar();
    if (top < bar->value())
        bar->setValue(top);
    else if (top + rowHeight() > bar->value() + visible)
        bar->setValue(top + rowHeight() - visible);
}

void FleetGanttView::activateRow(int row)
{
    if (row < 0 || row >= m_bars.size())
        return;
    m_currentRow = row;
    scrollToRow(row);
    viewport()->update();
    emit jobActivated(m_bars[row].jobName);
}

void FleetGanttView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        activateRow(rowAt(event->position().toPoint()));
        event->accept();
        return;
    }
    QAbstractScrollArea::mousePressEvent(event);
}

void FleetGanttView::mouseMoveEvent(QMouseEvent *event)
{
    const int row = rowAt(event->position().toPoint());
    if (row != m_hoverRow) {
        m_hoverRow = row;
        viewport()->update();
    }
    QAbstractScrollArea::mouseMoveEvent(event);
}

void FleetGanttView::leaveEvent(QEvent *event)
{
    m_hoverRow = -1;
    viewport()->update();
    QAbstractScrollArea::leaveEvent(event);
}

void FleetGanttView::keyPressEvent(QKeyEvent *event)
{
    const int last = int(m_bars.size()) - 1;
    switch (event->key()) {
    case Qt::Key_Up:
        activateRow(std::max(0, m_currentRow - 1));
        return;
    case Qt::Key_Down:
        activateRow(std::min(last, m_currentRow + 1));
        return;
    case Qt::Key_Home:
        activateRow(0);
        return;
    case Qt::Key_End:
        activateRow(last);
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

bool FleetGanttView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos());
        if (row >= 0) {
            const int top = headerHeight() + row * rowHeight() - verticalScrollBar()->value();
            QToolTip::showText(help->globalPos(), toolTipFor(row), viewport(),
                QRect(0, top, viewport()->width(), rowHeight()));
        } else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}
