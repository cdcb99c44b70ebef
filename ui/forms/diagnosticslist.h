#pragma once

#include "core/api/diagnostic.h"

#include <QWidget>
#include <functional>

class QLabel;
class QListWidget;

// The summary of every diagnostic of a form's document: a count in the heading ("2 errors, 1 warning"), one
// line per diagnostic with its icon, where it is and what is wrong. Activating a line (Enter, double click)
// asks the form to show the field.
//
// Children: "problemList", "problemCount".
class DiagnosticsList : public QWidget
{
    Q_OBJECT

public:
    // describe: a readable place for a path ("Resources › Instance count").
    explicit DiagnosticsList(std::function<QString(const QString &path)> describe, QWidget *parent = nullptr);

    void setDiagnostics(const Diagnostics &diagnostics);
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    int errorCount() const;
    int warningCount() const;
    // "2 errors, 1 warning", "No problems".
    static QString countText(int errors, int warnings);

    // Selects and activates the next (or previous) line after the current one, wrapping around.
    void activateNext(bool forward = true);

signals:
    void pathActivated(const QString &path);

private:
    std::function<QString(const QString &)> m_describe;
    Diagnostics m_diagnostics;
    QLabel *m_count;
    QListWidget *m_list;
};
