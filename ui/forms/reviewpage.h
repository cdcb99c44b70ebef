#pragma once

#include "core/api/diagnostic.h"
#include "ui/forms/specdiff.h"

#include <QWidget>
#include <optional>
#include <utility>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class VpcFindingsList;

// One block of the readable summary: "Resources" with rows such as ("Instance type", "ml.m5.xlarge").
struct ReviewSection
{
    QString title;
    QList<std::pair<QString, QString>> rows;
};

// The last page before a create request is sent: what will be sent in words and as the exact JSON, for a
// clone what differs from the original, and for a request with a VpcConfig the VPC pre-flight findings.
// Submit is the page's default button; the findings never block it (the user decides).
//
// Children: "reviewTitle", "reviewSummary", "reviewJson", "preflightPanel", "preflightStatus" (why it was
// not checked), "preflightFindings" (a VpcFindingsList), "backToForm", "submitProgress", "cancelSubmit",
// "submit".
class ReviewPage : public QWidget
{
    Q_OBJECT

public:
    enum class Preflight {
        NotNeeded, // no VpcConfig: the panel is hidden
        Running,
        Done, // findings (maybe none) are shown
        Unavailable, // no EC2 access or no connection: says why, the user may go on
    };

    explicit ReviewPage(QWidget *parent = nullptr);

    // changes: for a clone, the differences from originalName's request; nothing for a new document.
    void setContent(const QString &title, const QList<ReviewSection> &summary, const QByteArray &json,
        const std::optional<QList<SpecDiff::Change>> &changes, const QString &originalName);
    // findings for Done (VpcPreflightCheck's), text for Unavailable (completes "Not checked: ...").
    void setPreflight(Preflight state, const Diagnostics &findings = {}, const QString &text = QString());
    Preflight preflight() const { return m_preflight; }

    // While submitting: a busy bar and Cancel instead of Back and Submit.
    void setSubmitting(bool submitting);
    bool isSubmitting() const { return m_submitting; }

    QString summaryText() const;
    QString jsonText() const;
    QStringList preflightLines() const;

signals:
    // A pre-flight finding was activated: show what its path names in the form.
    void findingActivated(const QString &path);
    void backRequested();
    void submitRequested();
    void cancelRequested();

private:
    void updateSubmitText();

    Preflight m_preflight = Preflight::NotNeeded;
    bool m_submitting = false;
    bool m_findingsNeedAttention = false;
    QLabel *m_title;
    QTextBrowser *m_summary;
    QPlainTextEdit *m_json;
    QWidget *m_preflightPanel;
    QLabel *m_preflightStatus;
    VpcFindingsList *m_findings;
    QPushButton *m_back;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QPushButton *m_submit;
};
