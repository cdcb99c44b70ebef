#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimer;
class TrainingJobFilterProxy;

// The dashboard's filters above the table: status, name contains, created in the last N days, and how many
// jobs they leave. Applies them to the proxy (typing is applied a moment after the last key).
class JobFilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit JobFilterBar(TrainingJobFilterProxy *proxy, QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    // Every filter off (a job to select was filtered out).
    void reset();
    // "120 of 10,000 jobs · 50 in progress".
    void updateCount();

private:
    void apply();

    TrainingJobFilterProxy *m_proxy;
    QComboBox *m_status;
    QLineEdit *m_name;
    QSpinBox *m_days;
    QLabel *m_count;
    QTimer *m_typing;
};
