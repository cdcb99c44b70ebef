#pragma once

#include "core/api/diagnostic.h"

#include <QWidget>

class QLabel;
class QListWidget;

// The VPC pre-flight check's findings for a review page: one row per finding with its severity icon and
// explanation (errors first, as VpcPreflightCheck orders them), the code as tooltip, and a line above that
// says what is going on ("Checking…", "No problems found", how many of each).
//
//     list->setChecking();
//     connect(run, &VpcPreflightRun::finished, list, &VpcFindingsList::setFindings);
//
// Children: "vpcFindingsSummary" (the line), "vpcFindings" (the list).
class VpcFindingsList : public QWidget
{
    Q_OBJECT

public:
    explicit VpcFindingsList(QWidget *parent = nullptr);

    // The check is running: the list empties and the line says so.
    void setChecking();
    void setFindings(const Diagnostics &findings);
    const Diagnostics &findings() const { return m_findings; }

signals:
    // A row was double-clicked or activated with Enter: the form can focus finding.path.
    void findingActivated(const Diagnostic &finding);

private:
    QLabel *m_summary;
    QListWidget *m_list;
    Diagnostics m_findings;
};
