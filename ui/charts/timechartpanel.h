#pragma once

#include "ui/charts/chartpanel.h"

#include <QDateTime>

class QChart;
class QChartView;
class QCategoryAxis;
class QLabel;
class QScrollArea;
class QStackedWidget;

// A ChartPanel around a QtCharts chart with a time axis at the bottom, a message in its place while there is
// nothing to draw, and scrolling when the chart is taller than its room. Series put times on x as
// milliseconds since the epoch. The axis spans exactly the range shown and labels round times (every 15
// minutes, every day...) as many as fit its width: a QCategoryAxis can, a QDateTimeAxis (ticks evenly from
// end to end) cannot.
class TimeChartPanel : public ChartPanel
{
    Q_OBJECT

public:
    QChart *chart() const { return m_chart; }
    QCategoryAxis *timeAxis() const { return m_timeAxis; }
    bool isEmpty() const;

    // Null while the message is shown.
    QImage toImage(qreal scale) const override;

protected:
    TimeChartPanel(const QString &title, QWidget *parent);

    QChartView *view() const { return m_view; }
    // Shows message in place of the chart; saving is off.
    void showMessage(const QString &message);
    // Shows the chart, at least minimumHeight tall, with the time axis from from to to.
    void showChart(const QDateTime &from, const QDateTime &to, int minimumHeight);
    QSize imageSize() const override;

private:
    void updateTimeAxis();

    QStackedWidget *m_pages;
    QLabel *m_message;
    QScrollArea *m_scroll;
    QChart *m_chart;
    QChartView *m_view;
    QCategoryAxis *m_timeAxis;
    QDateTime m_from;
    QDateTime m_to;
    qint64 m_tickStep = 0;
};
