#pragma once

#include "core/api/diagnostic.h"
#include "core/api/speckind.h"
#include "core/aws/awserror.h"
#include "ui/forms/reviewpage.h"

#include <QJsonObject>
#include <QObject>
#include <optional>

class MessageBar;
class QAction;

// The way from a valid form to a sent request, as a create form shows it: the review page's content and its
// VPC pre-flight state, the submission (the form waits for the controller's answer; the review page shows
// progress and Cancel), and the outcome in the form's banner, with "Open on dashboard" and "Copy ARN" after
// a create. It knows no field and no service: the form says what to review and passes the answers on.
//
// Children: the actions "openOnDashboard" and "copyArn" (the banner's buttons).
class FormSubmitFlow : public QObject
{
    Q_OBJECT

public:
    FormSubmitFlow(SpecKind kind, ReviewPage *review, MessageBar *banner, QObject *parent = nullptr);

    // Fills the review page with document: in words (summary), as JSON, and for a clone (original, named
    // originalName) what differs. With a VpcConfig, the pre-flight shows as running when canPreflight, else
    // why it cannot run. True when the pre-flight should be requested now.
    bool prepareReview(const QJsonObject &document, const QList<ReviewSection> &summary,
        const std::optional<QJsonObject> &original, const QString &originalName, bool canPreflight);
    void setPreflightFindings(const Diagnostics &findings);
    void setPreflightUnavailable(const QString &reason);

    bool isSubmitting() const { return m_submitting; }
    // The request is on its way: progress on the review page, the previous outcome gone from the banner.
    void start();
    // The answer came: the review page leaves its progress state. False when nothing was being submitted.
    bool end();
    void showCreated(const QString &arn, const QString &name);
    void showFailed(const AwsError &error, bool outcomeUnknown, const QString &name);

    QString lastArn() const { return m_lastArn; }
    QString lastName() const { return m_lastName; }

signals:
    void openOnDashboardRequested(const QString &arn, const QString &name);

private:
    SpecKind m_kind;
    ReviewPage *m_review;
    MessageBar *m_banner;
    QAction *m_openOnDashboard;
    QAction *m_copyArn;
    bool m_submitting = false;
    QString m_lastArn;
    QString m_lastName;
};
