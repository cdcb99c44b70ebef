#pragma once

#include <QWidget>

class BadgeLabel;
class QLabel;

// The status bar's request budget: how many requests per second the connection's monitor uses out of its
// budget, and a "Throttled" badge while it backs off. Hidden until the first setBudget(); the dashboard's
// monitor feeds it (MainWindow::requestBudgetIndicator()).
class RequestBudgetIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit RequestBudgetIndicator(QWidget *parent = nullptr);

    // inUse and budget in requests per second.
    void setBudget(double inUse, double budget);
    void setThrottled(bool throttled);
    bool isThrottled() const;

private:
    QLabel *m_text;
    BadgeLabel *m_throttled;
};
