#include "ui/network/vpcfindingslist.h"

#include "ui/widgets/fieldmark.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

VpcFindingsList::VpcFindingsList(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_list(new QListWidget(this))
{
    m_summary->setObjectName(u"vpcFindingsSummary"_s);
    m_summary->setWordWrap(true);
    m_list->setObjectName(u"vpcFindings"_s);
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setIconSize(QSize(16, 16));
    m_list->setVisible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const int row = m_list->row(item);
        if (row >= 0 && row < m_findings.size())
            emit findingActivated(m_findings.at(row));
    });
}

void VpcFindingsList::setChecking()
{
    m_findings.clear();
    m_list->clear();
    m_list->setVisible(false);
    m_summary->setText(tr("Checking the VPC settings with EC2…"));
}

void VpcFindingsList::setFindings(const Diagnostics &findings)
{
    m_findings = findings;
    m_list->clear();
    int errors = 0;
    int warnings = 0;
    for (const Diagnostic &d : findings) {
        auto *item = new QListWidgetItem(FieldMark::icon(d.severity), d.message, m_list);
        item->setToolTip(d.code);
        item->setData(Qt::UserRole, d.code);
        errors += d.severity == Diagnostic::Severity::Error;
        warnings += d.severity == Diagnostic::Severity::Warning;
    }
    m_list->setVisible(!findings.isEmpty());
    // Whole sentences for one and for several: English has no translation file to pick plural forms.
    const QString warningsText = warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings);
    if (findings.isEmpty())
        m_summary->setText(tr("No problems found with the VPC settings."));
    else if (errors > 0)
        m_summary->setText((errors == 1 ? tr("1 error: the job would fail in this network.")
                                        : tr("%1 errors: the job would fail in this network.").arg(errors))
            + (warnings > 0 ? u' ' + tr("Also %1.").arg(warningsText) : QString()));
    else if (warnings > 0)
        m_summary->setText(tr("%1 about the VPC settings; you can still submit the job.").arg(warningsText));
    else
        m_summary->setText(tr("Notes about the VPC settings; nothing stands in the way."));
}
