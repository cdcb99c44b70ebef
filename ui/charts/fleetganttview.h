#pragma once

#include "ui/charts/fleetbar.h"

#include <QAbstractScrollArea>
#include <QImage>

class QPainter;

// The fleet as a Gantt chart: one row per job (name on the left, a bar coloured by status on a time axis),
// the legend and the time axis fixed on top while the rows scroll. Only the visible rows are painted, so
// thousands of jobs stay smooth. Clicking a row, or moving to it with the arrow keys, activates its job.
class FleetGanttView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit FleetGanttView(QWidget *parent = nullptr);

    // bars in row order; the time axis runs from from to to.
    void setBars(const QList<FleetBar> &bars, const QDateTime &from, const QDateTime &to);
    const QList<FleetBar> &bars() const { return m_bars; }
    QDateTime from() const { return m_from; }
    QDateTime to() const { return m_to; }

    // Highlights the row of name (none when no row has it) and scrolls it into view; does not emit.
    void setCurrentJob(const QString &name);
    QString currentJob() const;

    int rowHeight() const;
    int headerHeight() const;
    // The row under a point of the viewport, -1 for the header or below the last row.
    int rowAt(const QPoint &viewportPos) const;
    // Where row's bar is drawn in the viewport now.
    QRect barRect(int row) const;
    // What hovering row shows: name, status, start, end, duration in words.
    QString toolTipFor(int row) const;
    // The status colours that appear, in legend order.
    QStringList legendStatuses() const { return m_legendStatuses; }

    // All rows, the header on top, as wide as the viewport, drawn at scale.
    QSize fullSize() const;
    QImage toImage(qreal scale) const;

    QSize sizeHint() const override;

signals:
    void jobActivated(const QString &name);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    struct Geometry
    {
        int width;
        int nameWidth;
        int plotLeft;
        int plotRight;
        double xOf(const QDateTime &time, const QDateTime &from, const QDateTime &to) const;
    };
    Geometry geometryFor(int width) const;
    int rowOf(const QString &name) const;
    // Paints the header and rows firstRow..lastRow, row r at header + r * rowHeight - scroll.
    void paint(QPainter &painter, int width, int height, int scroll) const;
    void paintHeader(QPainter &painter, const Geometry &geometry) const;
    void paintRow(QPainter &painter, const Geometry &geometry, int row, int top) const;
    QRect barRectAt(const Geometry &geometry, int row, int top) const;
    void updateScrollBar();
    // Finds the widest name and the statuses of the legend: paints need them often, among thousands of jobs,
    // and they change only with the jobs or the font.
    void measure();
    void activateRow(int row);
    void scrollToRow(int row);

    QList<FleetBar> m_bars;
    QDateTime m_from;
    QDateTime m_to;
    int m_currentRow = -1;
    int m_hoverRow = -1;
    int m_widestName = 0;
    QStringList m_legendStatuses;
    bool m_revealPending = false; // the current row is to be scrolled into view once the view has its size
};
