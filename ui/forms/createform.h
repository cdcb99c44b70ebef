#pragma once

#include "core/api/diagnostic.h"
#include "core/api/speckind.h"
#include "core/aws/awserror.h"
#include "ui/forms/fieldbindings.h"
#include "ui/forms/formtaborder.h"
#include "ui/forms/recentvaluecombos.h"
#include "ui/forms/reviewpage.h"

#include <QJsonObject>
#include <QSet>
#include <QTimer>
#include <QWidget>
#include <optional>

class Clock;
class DiagnosticsList;
class DraftAutosaver;
class DraftsBar;
class FormActions;
class FormDrafts;
class FormEditPage;
class FormSection;
class FormSubmitFlow;
class FormTemplates;
class JsonPreview;
class LocalStore;
class MessageBar;
class QComboBox;
class QLineEdit;
class QStackedWidget;
class SectionNavigator;
struct Draft;

// What both create forms share. A form owns one spec document in wire shape; its fields (FieldBindings)
// write their values into it as the user edits. Every edit schedules, within validateDelayMs, the core
// validator (diagnostics mark their fields, fill the summary list and keep Review disabled while errors
// remain; warnings never block), the live JSON tab and an autosave of the draft. Review shows what will be
// sent (and for a clone what changed, and the VPC pre-flight findings), Submit emits submitRequested() and
// waits for submitSucceeded() or submitFailed(): the form never calls a service itself (CreateFormController
// does), so it works and is tested without a network.
//
// The layout: message bars on top, then the editing page (FormEditPage: the sections and the JSON tab, the
// section navigator and the problem list, Review and the template buttons). The review page replaces the
// editing page until the user goes back. The review and submit flow is FormSubmitFlow's, the templates are
// FormTemplates', the autosave is DraftAutosaver's and the files are CreateFormFiles'.
//
// Actions (object names, window shortcuts while the form is visible): "reviewOrSubmit" Ctrl+Return,
// "backToForm" Esc, "nextProblem" F8, "previousProblem" Shift+F8, "toggleJson" Ctrl+J, "goToSections"
// Ctrl+G, "saveAsTemplate" Ctrl+Shift+S, "newFromTemplate" Ctrl+Shift+N, "manageTemplates" Ctrl+Shift+M
// (ManageTemplatesDialog), "startOver" Ctrl+Shift+Backspace.
// Children: "formTabs", "formScroll", "jsonPreview", "review", "reviewPage", "problems", "formStatus",
// "messageBar", "submitBanner", "draftsBar".
class CreateForm : public QWidget
{
    Q_OBJECT

public:
    static constexpr int validateDelayMs = 100;

    ~CreateForm() override;

    SpecKind kind() const { return m_kind; }
    // The document as it stands, every edit applied.
    const QJsonObject &document() const { return m_document; }
    // The name member's value ("TrainingJobName" / "ModelName").
    QString name() const;
    // Validates first when an edit is still waiting for it.
    Diagnostics diagnostics();
    bool hasErrors();
    // The request a clone started from, for the review's list of changes.
    std::optional<QJsonObject> original() const { return m_original; }

    bool isReviewing() const;
    bool isSubmitting() const;
    QString draftId() const;
    QString lastArn() const;

    // Drafts, templates and recently used values live there; nullptr turns them off. The store must outlive
    // the form. Lists unsent drafts of this kind in the drafts bar.
    void setStore(LocalStore *store);
    LocalStore *store() const { return m_store; }
    // For the unique-name button's time; the system clock by default. Must outlive the form.
    void setClock(Clock *clock);
    Clock *clock() const { return m_clock; }

    // Shown above the form until dismissed (the store's recovery message, say).
    void showMessage(const QString &text, bool warning = false);

    ReviewPage *reviewPage() const { return m_review; }
    DiagnosticsList *problems() const;
    JsonPreview *jsonPreview() const;
    MessageBar *messageBar() const { return m_messageBar; }
    MessageBar *submitBanner() const { return m_banner; }
    DraftsBar *draftsBar() const { return m_draftsBar; }
    SectionNavigator *sectionNavigator() const;

public slots:
    // Replaces the form's content with document as a new draft (the previous one stays in the store).
    void setDocument(const QJsonObject &document);
    // Fills the form from a describe response (and a ListTags response) of an existing job or model,
    // converted to its create request; the name is made unique, and the review lists what differs from the
    // original.
    void cloneFrom(const QJsonObject &describe, const QJsonObject &listTags = QJsonObject());
    // An empty form with the defaults, as a new draft.
    void startOver();

    void validateNow();
    // Shows and focuses the field a diagnostic path names (the JSON tab when no field shows it).
    void focusPath(const QString &path);

    // To the review page, if no error remains (else to the first error).
    void review();
    void backToForm();
    // Sends the reviewed document (emits submitRequested()).
    void submit();
    void cancelSubmit();
    // The controller's answers.
    void submitSucceeded(const QString &arn);
    void submitFailed(const AwsError &error, bool outcomeUnknown = false);
    void setPreflightFindings(const Diagnostics &findings);
    void setPreflightUnavailable(const QString &reason);

    // File > Import JSON…: a create request or describe output. A parse error is shown with its line and
    // column and the form keeps what it had. A document of the other kind is handed on (otherKindImported).
    bool importFile(const QString &fileName);
    // File > Export JSON…: the request as the AWS CLI's --cli-input-json reads it, written atomically.
    bool exportFile(const QString &fileName);
    // The same with a file dialog.
    void importJson();
    void exportJson();

    // Templates keep everything but the name. False (with the reason shown) when the store refuses, e.g. a
    // template of that name exists and replace is false.
    bool saveAsTemplate(const QString &templateName, bool replace = false);
    bool newFromTemplate(const QString &templateName);
    QStringList templateNames() const;
    void saveAsTemplateDialog();
    void newFromTemplateDialog();

    // Lists the unsent drafts of this kind (other than the form's own) in the drafts bar.
    void offerDrafts();
    bool restoreDraft(const QString &draftId);
    // Saves the pending autosave now (before the window closes).
    void flushDraft();

signals:
    // The user edited the document.
    void documentChanged();
    void validated(const Diagnostics &diagnostics);
    void submitRequested(const QJsonObject &spec);
    void submitCancelRequested();
    // Entering review with a VpcConfig: answer with setPreflightFindings() or setPreflightUnavailable().
    void preflightRequested(const QJsonObject &spec);
    void submitted(const QString &arn, const QString &name);
    // "Open on dashboard" after a successful submit.
    void openOnDashboardRequested(const QString &arn, const QString &name);
    // An imported file holds the other kind of spec; request is its create request.
    void otherKindImported(SpecKind kind, const QJsonObject &request, const QString &fileName);

protected:
    CreateForm(SpecKind kind, QWidget *parent = nullptr);

    // Building, in reading order: a section, then its fields.
    FormSection *addSection(const QString &title, const QString &description);
    // Registers field in the current section, watches its edits, puts its widget next in the Tab order.
    int bind(FormField field);
    // The name row of section: a field for the name member (objectName) and a "Unique name" button
    // (buttonName) that appends the time (UniqueName; fallback starts an empty name). Returns the field.
    QLineEdit *addNameRow(FormSection *section, const QString &objectName, const QString &buttonName,
        const QString &placeholder, const QString &fallback);
    // A widget that is not a field (a button) next in the Tab order.
    void addToTabOrder(QWidget *widget);
    // Call at the end of the subclass constructor: shows defaultDocument().
    void finishSetup();
    // Writes field index's widget value into the document, as if the user had edited it.
    void storeField(int index);
    const FieldBindings &fields() const { return m_fields; }

    virtual QJsonObject defaultDocument() const = 0;
    virtual QList<ReviewSection> reviewSummary(const QJsonObject &document) const = 0;
    // "Untitled training job".
    virtual QString untitled() const = 0;
    // After a document was shown in the fields: update widgets that depend on several values.
    virtual void documentShown() { }
    // After the user's edit of field index went into the document.
    virtual void fieldEdited(int index) { Q_UNUSED(index) }
    // A drop-down of recently used values: filled from the store's list key, and the document's value at path
    // is put first in that list after each successful submit.
    void addRecentValues(QComboBox *combo, const QString &key, const QString &path);

    bool focusNextPrevChild(bool next) override;

private:
    enum class Origin { NewDraft, ContinueDraft };
    void load(const QJsonObject &document, Origin origin, const QString &draftId = QString());
    void onFieldEdited(int index);
    void onFocusChanged(QWidget *old, QWidget *now);
    void scheduleUpdate();
    void updateActions();
    void setReviewing(bool reviewing);

    SpecKind m_kind;
    QJsonObject m_document;
    std::optional<QJsonObject> m_original;
    QString m_originalName;
    FieldBindings m_fields;
    Diagnostics m_diagnostics;
    QTimer m_validateTimer;
    LocalStore *m_store = nullptr;
    Clock *m_clock;
    // A form does not shout about what is still missing: "required" and the like mark a field once the user
    // edited it and moved on, or everywhere once they ask to review or look at the problems. What is wrong
    // with a value is marked as it is typed. The problem list always has everything.
    QSet<int> m_touched;
    QSet<int> m_left;
    bool m_markEverything = false;

    MessageBar *m_messageBar;
    DraftsBar *m_draftsBar;
    MessageBar *m_banner;
    FormDrafts *m_drafts;
    DraftAutosaver *m_autosaver;
    QStackedWidget *m_pages;
    FormEditPage *m_edit;
    ReviewPage *m_review;
    FormSubmitFlow *m_submitFlow;
    FormTemplates *m_templates;
    FormActions *m_actions = nullptr;
    RecentValueCombos m_recent;
    FormTabOrder m_tabOrder;
};
