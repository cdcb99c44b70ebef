#pragma once

#include "ui/widgets/specfieldeditor.h"

#include <QList>

class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;
class QVBoxLayout;

// AlgorithmSpecification.MetricDefinitions: the metrics SageMaker reads from the training log, one row of
// name and regular expression each (at most 40). Rows left blank are not sent; a regular expression that
// does not compile, or has no capture group for the value, is marked as the user types.
//
// Children, per row n (from 0): "metricName_n", "metricRegex_n", "removeMetric_n"; and "addMetric",
// "metricProblems".
class MetricDefinitionsEditor : public SpecFieldEditor
{
    Q_OBJECT

public:
    static constexpr int maxMetrics = 40;

    explicit MetricDefinitionsEditor(
        const QString &pathPrefix = QStringLiteral("AlgorithmSpecification.MetricDefinitions"),
        QWidget *parent = nullptr);

    int rowCount() const { return int(m_rows.size()); }
    // Appends a row; does not emit changed().
    void appendRow(const QString &name, const QString &regex);

    QJsonValue toJson() const override;
    void setJson(const QJsonValue &value) override;
    void showDiagnostics(const Diagnostics &diagnostics) override;
    bool focusPath(const QString &path) override;
    Diagnostics inputDiagnostics() const override;

public slots:
    // Adds an empty row and focuses its name.
    void addRow();
    void removeRow(int row);

private:
    struct Row
    {
        QWidget *container = nullptr;
        QLineEdit *name = nullptr;
        QLineEdit *regex = nullptr;
        QToolButton *remove = nullptr;
    };

    bool isBlank(int row) const;
    // The row of each entry toJson() writes, so paths like MetricDefinitions[2] find their row.
    QList<int> entryRows() const;
    void renumber();
    void refresh();

    QList<Row> m_rows;
    QVBoxLayout *m_rowsLayout;
    QWidget *m_header;
    QLabel *m_empty;
    QPushButton *m_add;
    QLabel *m_problems;
    Diagnostics m_diagnostics; // paths relative to pathPrefix()
};
