#include "ui/forms/formsubmitflow.h"

#include "core/api/specjson.h"
#include "ui/forms/messagebar.h"
#include "ui/forms/submitmessages.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>

using namespace Qt::StringLiterals;

FormSubmitFlow::FormSubmitFlow(SpecKind kind, ReviewPage *review, MessageBar *banner, QObject *parent)
    : QObject(parent)
    , m_kind(kind)
    , m_review(review)
    , m_banner(banner)
    , m_openOnDashboard(new QAction(tr("&Open on dashboard"), this))
    , m_copyArn(new QAction(tr("Copy AR&N"), this))
{
    m_openOnDashboard->setObjectName(u"openOnDashboard"_s);
    connect(m_openOnDashboard, &QAction::triggered, this,
        [this] { emit openOnDashboardRequested(m_lastArn, m_lastName); });
    m_copyArn->setObjectName(u"copyArn"_s);
    connect(m_copyArn, &QAction::triggered, this, [this] { QApplication::clipboard()->setText(m_lastArn); });
}

bool FormSubmitFlow::prepareReview(const QJsonObject &document, const QList<ReviewSection> &summary,
    const std::optional<QJsonObject> &original, const QString &originalName, bool canPreflight)
{
    std::optional<QList<SpecDiff::Change>> changes;
    if (original)
        changes = SpecDiff::compare(*original, document);
    const QString name = document.value(SpecKinds::nameMember(m_kind)).toString();
    m_review->setContent(tr("Review: create the %1 %2").arg(SpecKinds::displayName(m_kind), name), summary,
        SpecJson::write(document, m_kind), changes, originalName);
    const bool wantsPreflight = document.contains(u"VpcConfig"_s);
    if (!wantsPreflight)
        m_review->setPreflight(ReviewPage::Preflight::NotNeeded);
    else if (!canPreflight)
        m_review->setPreflight(
            ReviewPage::Preflight::Unavailable, {}, tr("there is no connection to check with."));
    else
        m_review->setPreflight(ReviewPage::Preflight::Running);
    return wantsPreflight && canPreflight;
}

void FormSubmitFlow::setPreflightFindings(const Diagnostics &findings)
{
    m_review->setPreflight(ReviewPage::Preflight::Done, findings);
}

void FormSubmitFlow::setPreflightUnavailable(const QString &reason)
{
    m_review->setPreflight(ReviewPage::Preflight::Unavailable, {}, reason);
}

void FormSubmitFlow::start()
{
    m_submitting = true;
    m_review->setSubmitting(true);
    m_banner->hide();
}

bool FormSubmitFlow::end()
{
    if (!m_submitting)
        return false;
    m_submitting = false;
    m_review->setSubmitting(false);
    return true;
}

void FormSubmitFlow::showCreated(const QString &arn, const QString &name)
{
    m_lastArn = arn;
    m_lastName = name;
    m_banner->showMessage(MessageBar::Kind::Success, SubmitMessages::created(m_kind, m_lastName, arn),
        { m_openOnDashboard, m_copyArn });
}

void FormSubmitFlow::showFailed(const AwsError &error, bool outcomeUnknown, const QString &name)
{
    if (error.code == u"Aborted"_s)
        m_banner->showMessage(MessageBar::Kind::Warning, SubmitMessages::cancelled(m_kind, name));
    else
        m_banner->showMessage(outcomeUnknown ? MessageBar::Kind::Warning : MessageBar::Kind::Error,
            SubmitMessages::failed(m_kind, name, error, outcomeUnknown));
}
