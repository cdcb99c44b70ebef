#include "ui/forms/reviewpage.h"

#include "ui/network/vpcfindingslist.h"
#include "ui/widgets/fieldmark.h"
#include "ui/widgets/keyvaluetext.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int maxFindingsHeight = 160;

QString cell(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\n', u"<br>"_s);
}

QString changesHtml(const QList<SpecDiff::Change> &changes, const QString &originalName)
{
    QString html = u"<h3>%1</h3>"_s.arg(
        ReviewPage::tr("Changes from %1")
            .arg(originalName.isEmpty() ? ReviewPage::tr("the original") : originalName)
            .toHtmlEscaped());
    if (changes.isEmpty())
        return html
            + u"<p>%1</p>"_s.arg(ReviewPage::tr("None: the request is the original's.").toHtmlEscaped());
    html += u"<table cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><tr><th align=\"left\">%1</th>"
            "<th align=\"left\">%2</th><th align=\"left\">%3</th></tr>"_s.arg(
                ReviewPage::tr("Field"), ReviewPage::tr("Original"), ReviewPage::tr("Now"));
    for (const SpecDiff::Change &change : changes) {
        const QString before = change.kind == SpecDiff::Change::Kind::Added
            ? u"<i>%1</i>"_s.arg(ReviewPage::tr("not set"))
            : cell(KeyValueText::jsonText(change.before));
        const QString after = change.kind == SpecDiff::Change::Kind::Removed
            ? u"<i>%1</i>"_s.arg(ReviewPage::tr("removed"))
            : u"<b>%1</b>"_s.arg(cell(KeyValueText::jsonText(change.after)));
        html
            += u"<tr><td><tt>%1</tt></td><td>%2</td><td>%3</td></tr>"_s.arg(cell(change.path), before, after);
    }
    return html + u"</table>"_s;
}

} // namespace

ReviewPage::ReviewPage(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_summary(new QTextBrowser(this))
    , m_json(new QPlainTextEdit(this))
    , m_preflightPanel(new QWidget(this))
    , m_preflightStatus(new QLabel(m_preflightPanel))
    , m_findings(new VpcFindingsList(m_preflightPanel))
    , m_back(new QPushButton(tr("&Back to form"), this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_submit(new QPushButton(tr("&Submit"), this))
{
    m_title->setObjectName(u"reviewTitle"_s);
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    m_title->setFont(font);
    m_title->setWordWrap(true);

    m_summary->setObjectName(u"reviewSummary"_s);
    m_summary->setOpenLinks(false);
    m_summary->setAccessibleName(tr("Summary of the request"));
    m_json->setObjectName(u"reviewJson"_s);
    m_json->setReadOnly(true);
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setAccessibleName(tr("Request JSON"));
    m_json->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);

    m_preflightPanel->setObjectName(u"preflightPanel"_s);
    auto *preflightHeading = new QLabel(tr("<b>VPC pre-flight check</b>"), m_preflightPanel);
    m_preflightStatus->setObjectName(u"preflightStatus"_s);
    m_preflightStatus->setWordWrap(true);
    m_findings->setObjectName(u"preflightFindings"_s);
    m_findings->setMaximumHeight(maxFindingsHeight);
    auto *preflightLayout = new QVBoxLayout(m_preflightPanel);
    preflightLayout->setContentsMargins(0, 0, 0, 0);
    preflightLayout->addWidget(preflightHeading);
    preflightLayout->addWidget(m_preflightStatus);
    preflightLayout->addWidget(m_findings);

    m_back->setObjectName(u"backToForm"_s);
    m_back->setToolTip(tr("Go back and change the form (Esc)"));
    m_progress->setObjectName(u"submitProgress"_s);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_cancel->setObjectName(u"cancelSubmit"_s);
    m_cancel->setToolTip(tr("Stop waiting for the answer (Esc)"));
    m_cancel->hide();
    m_submit->setObjectName(u"submit"_s);
    m_submit->setDefault(true);
    m_submit->setToolTip(tr("Send the request to SageMaker (Ctrl+Return)"));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_summary);
    splitter->addWidget(m_json);
    splitter->setStretchFactor(0, 11);
    splitter->setStretchFactor(1, 9);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addStretch(1);
    buttons->addWidget(m_progress);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_submit);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(m_title);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_preflightPanel);
    layout->addLayout(buttons);

    setTabOrder(m_summary, m_json);
    setTabOrder(m_json, m_findings);
    setTabOrder(m_findings, m_back);
    setTabOrder(m_back, m_cancel);
    setTabOrder(m_cancel, m_submit);

    connect(m_back, &QPushButton::clicked, this, &ReviewPage::backRequested);
    connect(m_submit, &QPushButton::clicked, this, &ReviewPage::submitRequested);
    connect(m_cancel, &QPushButton::clicked, this, &ReviewPage::cancelRequested);
    connect(m_findings, &VpcFindingsList::findingActivated, this,
        [this](const Diagnostic &finding) { emit findingActivated(finding.path); });
    setPreflight(Preflight::NotNeeded);
}

void ReviewPage::setContent(const QString &title, const QList<ReviewSection> &summary, const QByteArray &json,
    const std::optional<QList<SpecDiff::Change>> &changes, const QString &originalName)
{
    m_title->setText(title);
    QString html;
    if (changes)
        html += changesHtml(*changes, originalName);
    // One table for all sections, so the values line up down the page.
    html += u"<table cellspacing=\"0\" cellpadding=\"2\">"_s;
    for (const ReviewSection &section : summary) {
        if (section.rows.isEmpty())
            continue;
        html += u"<tr><td colspan=\"2\" style=\"padding-top:10px\"><b><big>%1</big></b></td></tr>"_s.arg(
            section.title.toHtmlEscaped());
        for (const auto &[label, value] : section.rows)
            html
                += u"<tr><td valign=\"top\" style=\"color:#666; padding-right:14px\">%1</td><td>%2</td></tr>"_s
                       .arg(cell(label), cell(value));
    }
    html += u"</table>"_s;
    m_summary->setHtml(html);
    m_json->setPlainText(QString::fromUtf8(json));
}

void ReviewPage::setPreflight(Preflight state, const Diagnostics &findings, const QString &text)
{
    m_preflight = state;
    m_preflightPanel->setVisible(state != Preflight::NotNeeded);
    m_preflightStatus->setVisible(state == Preflight::Unavailable);
    m_findings->setVisible(state == Preflight::Running || state == Preflight::Done);
    m_findingsNeedAttention = false;
    switch (state) {
    case Preflight::NotNeeded:
        break;
    case Preflight::Running:
        m_findings->setChecking();
        break;
    case Preflight::Unavailable:
        m_preflightStatus->setText(tr(
            "Not checked: %1 You can submit anyway; SageMaker checks the network itself when the job starts.")
                                       .arg(text));
        break;
    case Preflight::Done:
        m_findings->setFindings(findings);
        m_findingsNeedAttention = std::any_of(findings.cbegin(), findings.cend(),
            [](const Diagnostic &d) { return d.severity != Diagnostic::Severity::Info; });
        break;
    }
    updateSubmitText();
}

void ReviewPage::setSubmitting(bool submitting)
{
    m_submitting = submitting;
    m_progress->setVisible(submitting);
    m_cancel->setVisible(submitting);
    m_back->setEnabled(!submitting);
    m_submit->setEnabled(!submitting);
    if (submitting)
        m_cancel->setFocus(Qt::OtherFocusReason);
}

QString ReviewPage::summaryText() const
{
    return m_summary->toPlainText();
}

QString ReviewPage::jsonText() const
{
    return m_json->toPlainText();
}

QStringList ReviewPage::preflightLines() const
{
    if (m_preflight == Preflight::Unavailable)
        return { m_preflightStatus->text() };
    QStringList lines;
    if (const auto *summary = m_findings->findChild<QLabel *>(u"vpcFindingsSummary"_s))
        lines << summary->text();
    for (const Diagnostic &d : m_findings->findings())
        lines << d.message;
    return lines;
}

void ReviewPage::updateSubmitText()
{
    m_submit->setText(m_findingsNeedAttention ? tr("&Submit anyway") : tr("&Submit"));
}
