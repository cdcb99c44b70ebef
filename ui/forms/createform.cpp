#include "ui/forms/createform.h"

#include "core/api/describeconverter.h"
#include "core/api/jsontreeedit.h"
#include "core/api/specjson.h"
#include "core/aws/clock.h"
#include "core/store/recentvalues.h"
#include "ui/forms/createformfiles.h"
#include "ui/forms/diagnosticslist.h"
#include "ui/forms/draftautosaver.h"
#include "ui/forms/draftsbar.h"
#include "ui/forms/formdiagnostics.h"
#include "ui/forms/formfields.h"
#include "ui/forms/formsection.h"
#include "ui/forms/formwidgets.h"
#include "ui/forms/jsonpreview.h"
#include "ui/forms/messagebar.h"
#include "ui/forms/sectionnavigator.h"
#include "ui/forms/submitmessages.h"
#include "ui/forms/uniquename.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMetaMethod>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTime>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int sideColumnWidth = 260;
constexpr int contentMaxWidth = 880;

DocumentKind documentKind(SpecKind kind)
{
    return kind == SpecKind::Model ? DocumentKind::Model : DocumentKind::TrainingJob;
}

} // namespace

CreateForm::CreateForm(SpecKind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_autosaver(new DraftAutosaver(documentKind(kind), this))
    , m_clock(Clock::system())
    , m_messageBar(new MessageBar(this))
    , m_drafts(new DraftsBar(this))
    , m_banner(new MessageBar(this))
    , m_pages(new QStackedWidget(this))
    , m_tabs(new QTabWidget)
    , m_scroll(new QScrollArea)
    , m_content(new QWidget)
    , m_navigator(new SectionNavigator(m_scroll))
    , m_problems(new DiagnosticsList([this](const QString &path) { return m_fields.describe(path); }))
    , m_json(new JsonPreview)
    , m_review(new ReviewPage)
    , m_status(new QLabel)
    , m_reviewButton(new QPushButton(tr("&Review and submit…")))
    , m_saveTemplateButton(new QPushButton(tr("Save as &template…")))
    , m_fromTemplateButton(new QPushButton(tr("New from te&mplate…")))
    , m_startOverButton(new QPushButton(tr("St&art over")))
    , m_tabOrder(this)
{
    m_messageBar->setObjectName(u"messageBar"_s);
    m_banner->setObjectName(u"submitBanner"_s);
    m_validateTimer.setSingleShot(true);
    m_validateTimer.setInterval(validateDelayMs);
    connect(&m_validateTimer, &QTimer::timeout, this, &CreateForm::validateNow);
    connect(qApp, &QApplication::focusChanged, this, &CreateForm::onFocusChanged);

    m_pages->addWidget(createEditPage());
    m_review->setObjectName(u"reviewPage"_s);
    m_pages->addWidget(m_review);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    // Flush with the page's edges, like the main window's own offer bar.
    layout->addWidget(m_messageBar);
    layout->addWidget(m_drafts);
    layout->addWidget(m_banner);
    layout->addWidget(m_pages, 1);

    createActions();
    m_tabOrder.append({ m_messageBar, m_drafts, m_banner, m_tabs->tabBar() });
    connect(m_review, &ReviewPage::backRequested, this, &CreateForm::backToForm);
    connect(m_review, &ReviewPage::submitRequested, this, &CreateForm::submit);
    connect(m_review, &ReviewPage::cancelRequested, this, &CreateForm::cancelSubmit);
    connect(m_review, &ReviewPage::findingActivated, this, &CreateForm::focusPath);
    connect(m_problems, &DiagnosticsList::pathActivated, this, &CreateForm::focusPath);
    connect(
        m_drafts, &DraftsBar::restoreRequested, this, [this](const Draft &draft) { restoreDraft(draft.id); });
    connect(m_drafts, &DraftsBar::discardRequested, this, [this](const QString &id) {
        CreateFormFiles::discardDraft(m_store, id);
        m_drafts->removeDraft(id);
    });
    connect(m_autosaver, &DraftAutosaver::saved, this, [this] {
        m_status->setToolTip(tr("Draft saved at %1").arg(QLocale().toString(QTime::currentTime())));
    });
    connect(m_autosaver, &DraftAutosaver::saveFailed, this, [this](const QString &message) {
        m_messageBar->showMessage(
            MessageBar::Kind::Warning, tr("The draft could not be saved: %1").arg(message.toHtmlEscaped()));
    });
}

CreateForm::~CreateForm()
{
    // Deleting the children moves the focus; the fields that would be looked at are gone by then.
    disconnect(qApp, &QApplication::focusChanged, this, nullptr);
}

QWidget *CreateForm::createEditPage()
{
    auto *page = new QWidget;

    m_content->setObjectName(u"formContent"_s);
    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(24, 18, 24, 24);
    contentLayout->setSpacing(30);
    m_content->setMaximumWidth(contentMaxWidth);
    auto *centering = new QWidget;
    auto *centeringLayout = new QHBoxLayout(centering);
    centeringLayout->setContentsMargins(0, 0, 0, 0);
    centeringLayout->addWidget(m_content, 1);
    centeringLayout->addStretch(0);
    m_scroll->setObjectName(u"formScroll"_s);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(centering);

    m_json->setObjectName(u"jsonPreview"_s);
    m_json->setNote(tr("The exact request. Export JSON (Ctrl+E) saves it for "
                       "<tt>aws sagemaker %1 --cli-input-json file://…</tt>")
                        .arg(m_kind == SpecKind::Model ? u"create-model"_s : u"create-training-job"_s));
    m_tabs->setObjectName(u"formTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_scroll, tr("Form"));
    m_tabs->addTab(m_json, tr("JSON"));

    auto *sectionsLabel = new QLabel(tr("<b>Sections</b>"));
    sectionsLabel->setBuddy(m_navigator);
    m_problems->setObjectName(u"problems"_s);
    auto *side = new QWidget;
    side->setFixedWidth(sideColumnWidth);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(12, 10, 12, 0);
    sideLayout->addWidget(sectionsLabel);
    sideLayout->addWidget(m_navigator, 0);
    sideLayout->addSpacing(10);
    sideLayout->addWidget(m_problems, 1);

    auto *line = new QFrame;
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    auto *body = new QHBoxLayout;
    body->setSpacing(0);
    body->addWidget(m_tabs, 1);
    body->addWidget(line);
    body->addWidget(side);

    m_status->setObjectName(u"formStatus"_s);
    m_reviewButton->setObjectName(u"review"_s);
    m_reviewButton->setDefault(false);
    m_saveTemplateButton->setObjectName(u"saveAsTemplateButton"_s);
    m_fromTemplateButton->setObjectName(u"newFromTemplateButton"_s);
    m_startOverButton->setObjectName(u"startOverButton"_s);
    auto *footer = new QHBoxLayout;
    footer->setContentsMargins(12, 8, 12, 10);
    footer->addWidget(m_saveTemplateButton);
    footer->addWidget(m_fromTemplateButton);
    footer->addWidget(m_startOverButton);
    footer->addStretch(1);
    footer->addWidget(m_status);
    footer->addSpacing(8);
    footer->addWidget(m_reviewButton);

    auto *separator = new QFrame;
    separator->setFrameShape(QFrame::HLine);
    separator->setFrameShadow(QFrame::Sunken);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(body, 1);
    layout->addWidget(separator);
    layout->addLayout(footer);
    return page;
}

void CreateForm::createActions()
{
    const auto make = [this](const char *name, const QString &text, const QList<QKeySequence> &keys) {
        auto *action = new QAction(text, this);
        action->setObjectName(QLatin1String(name));
        action->setShortcuts(keys);
        // Window-wide, but only while this form is visible: the other form's actions stay silent.
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
        return action;
    };
    m_reviewOrSubmit = make("reviewOrSubmit", tr("Review and submit"),
        { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) });
    connect(m_reviewOrSubmit, &QAction::triggered, this, [this] { isReviewing() ? submit() : review(); });
    m_back = make("backToForm", tr("Back to the form"), { QKeySequence(Qt::Key_Escape) });
    connect(m_back, &QAction::triggered, this, [this] { m_submitting ? cancelSubmit() : backToForm(); });
    m_nextProblem = make("nextProblem", tr("Next problem"), { QKeySequence(Qt::Key_F8) });
    connect(m_nextProblem, &QAction::triggered, this, [this] { m_problems->activateNext(true); });
    m_previousProblem
        = make("previousProblem", tr("Previous problem"), { QKeySequence(Qt::SHIFT | Qt::Key_F8) });
    connect(m_previousProblem, &QAction::triggered, this, [this] { m_problems->activateNext(false); });
    m_toggleJson = make("toggleJson", tr("Show the JSON"), { QKeySequence(Qt::CTRL | Qt::Key_J) });
    connect(m_toggleJson, &QAction::triggered, this, [this] {
        m_tabs->setCurrentIndex(m_tabs->currentIndex() == 0 ? 1 : 0);
        m_tabs->currentWidget()->setFocus(Qt::ShortcutFocusReason);
    });
    m_goToSections = make("goToSections", tr("Go to a section"), { QKeySequence(Qt::CTRL | Qt::Key_G) });
    connect(m_goToSections, &QAction::triggered, this,
        [this] { m_navigator->setFocus(Qt::ShortcutFocusReason); });
    m_saveAsTemplate
        = make("saveAsTemplate", tr("Save as template…"), { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S) });
    connect(m_saveAsTemplate, &QAction::triggered, this, &CreateForm::saveAsTemplateDialog);
    m_newFromTemplate = make(
        "newFromTemplate", tr("New from template…"), { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N) });
    connect(m_newFromTemplate, &QAction::triggered, this, &CreateForm::newFromTemplateDialog);
    m_startOver
        = make("startOver", tr("Start over"), { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backspace) });
    connect(m_startOver, &QAction::triggered, this, &CreateForm::startOver);

    m_openOnDashboard = new QAction(tr("&Open on dashboard"), this);
    m_openOnDashboard->setObjectName(u"openOnDashboard"_s);
    connect(m_openOnDashboard, &QAction::triggered, this,
        [this] { emit openOnDashboardRequested(m_lastArn, m_lastName); });
    m_copyArn = new QAction(tr("Copy AR&N"), this);
    m_copyArn->setObjectName(u"copyArn"_s);
    connect(m_copyArn, &QAction::triggered, this, [this] { QApplication::clipboard()->setText(m_lastArn); });

    const auto tip = [](QPushButton *button, QAction *action, const QString &text) {
        button->setToolTip(u"%1 (%2)"_s.arg(text, action->shortcut().toString(QKeySequence::NativeText)));
        QObject::connect(button, &QPushButton::clicked, action, &QAction::trigger);
    };
    tip(m_reviewButton, m_reviewOrSubmit, tr("Check the request, then send it"));
    tip(m_saveTemplateButton, m_saveAsTemplate, tr("Keep this form, without its name, to start others from"));
    tip(m_fromTemplateButton, m_newFromTemplate, tr("Start a new form from a saved template"));
    tip(m_startOverButton, m_startOver, tr("An empty form; what you typed stays in the drafts"));
}

QString CreateForm::name() const
{
    return m_document.value(SpecKinds::nameMember(m_kind)).toString();
}

Diagnostics CreateForm::diagnostics()
{
    if (m_validateTimer.isActive())
        validateNow();
    return m_diagnostics;
}

bool CreateForm::hasErrors()
{
    return ::hasErrors(diagnostics());
}

bool CreateForm::isReviewing() const
{
    return m_pages->currentWidget() == m_review;
}

QString CreateForm::draftId() const
{
    return m_autosaver->draftId();
}

void CreateForm::setStore(LocalStore *store)
{
    m_store = store;
    m_autosaver->setStore(store);
    for (QAction *action : { m_saveAsTemplate, m_newFromTemplate })
        action->setEnabled(store != nullptr);
    m_saveTemplateButton->setEnabled(store != nullptr);
    m_fromTemplateButton->setEnabled(store != nullptr);
    loadRecentValues();
    offerDrafts();
}

void CreateForm::setClock(Clock *clock)
{
    m_clock = clock;
}

void CreateForm::showMessage(const QString &text, bool warning)
{
    m_messageBar->showMessage(warning ? MessageBar::Kind::Warning : MessageBar::Kind::Information, text);
}

FormSection *CreateForm::addSection(const QString &title, const QString &description)
{
    auto *section = new FormSection(title, description, m_content);
    section->setObjectName(u"section_%1"_s.arg(m_sections.size()));
    m_sections << section;
    static_cast<QVBoxLayout *>(m_content->layout())->addWidget(section);
    return section;
}

int CreateForm::bind(FormField field)
{
    field.setSection(int(m_sections.size()) - 1);
    QWidget *widget = field.widget();
    const int index = m_fields.add(std::move(field));
    m_fields.at(index).hooks().watch(this, [this, index] { onFieldEdited(index); });
    m_tabOrder.append(widget);
    return index;
}

QLineEdit *CreateForm::addNameRow(FormSection *section, const QString &objectName, const QString &buttonName,
    const QString &placeholder, const QString &fallback)
{
    QLineEdit *name = FormWidgets::lineEdit(objectName, placeholder);
    name->setMaxLength(63);
    auto *unique = new QPushButton(tr("&Unique name"));
    unique->setObjectName(buttonName);
    unique->setToolTip(tr("Append the date and time, e.g. -20261127-153000, so the name is new"));
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(name, 1);
    layout->addWidget(unique);
    QLabel *message = section->addRow(tr("Name:"), row, tr("Letters, digits and hyphens; at most 63."), name);
    const int field = bind(FormFields::lineEdit(SpecKinds::nameMember(m_kind), tr("Name"), name, message)
                               .withPatternHint(FormFields::namePatternHint()));
    addToTabOrder(unique);
    connect(unique, &QPushButton::clicked, this, [this, name, field, fallback] {
        name->setText(UniqueName::withTimestamp(name->text(), m_clock->now(), fallback));
        storeField(field);
    });
    return name;
}

void CreateForm::addRecentValues(QComboBox *combo, const QString &key, const QString &path)
{
    m_recent.append({ combo, key, path });
}

void CreateForm::loadRecentValues()
{
    if (!m_store)
        return;
    RecentValues recent(*m_store);
    for (const Recent &r : std::as_const(m_recent))
        FormWidgets::fillRecent(r.combo, recent.values(r.key).valueOr({}));
}

void CreateForm::rememberRecentValues()
{
    if (!m_store)
        return;
    RecentValues recent(*m_store);
    for (const Recent &r : std::as_const(m_recent))
        (void)recent.use(r.key, JsonTreeEdit::valueAt(m_document, r.path).toString());
    loadRecentValues();
}

void CreateForm::addToTabOrder(QWidget *widget)
{
    m_tabOrder.append(widget);
}

void CreateForm::finishSetup()
{
    static_cast<QVBoxLayout *>(m_content->layout())->addStretch(1);
    m_tabOrder.append({ m_json, m_navigator, m_problems, m_saveTemplateButton, m_fromTemplateButton,
        m_startOverButton, m_reviewButton, m_review });
    int labelWidth = 0;
    for (const FormSection *section : std::as_const(m_sections))
        for (const QLabel *label : section->rowLabels())
            labelWidth = qMax(labelWidth, label->sizeHint().width());
    for (const FormSection *section : std::as_const(m_sections))
        for (QLabel *label : section->rowLabels())
            label->setMinimumWidth(labelWidth);
    for (int s = 0; s < m_sections.size(); ++s) {
        QWidget *first = nullptr;
        for (const FormField &field : m_fields.fields())
            if (field.section() == s && !first)
                first = field.widget();
        m_navigator->addSection(m_sections.at(s)->title(), m_sections.at(s), first);
    }
    m_navigator->setFixedHeight(m_navigator->sizeHintForRow(0) * m_navigator->count() + 4);
    load(defaultDocument(), Origin::NewDraft);
}

void CreateForm::storeField(int index)
{
    onFieldEdited(index);
}

void CreateForm::load(const QJsonObject &document, Origin origin, const QString &draftId)
{
    if (origin == Origin::ContinueDraft)
        m_autosaver->continueDraft(draftId);
    else
        m_autosaver->startNewDraft();
    m_document = document;
    m_touched.clear();
    m_left.clear();
    m_markEverything = document != defaultDocument();
    m_fields.load(m_document);
    documentShown();
    if (isReviewing())
        setReviewing(false);
    validateNow();
}

void CreateForm::onFocusChanged(QWidget *old, QWidget *now)
{
    if (!old || !isAncestorOf(old))
        return;
    for (int i = 0; i < m_fields.size(); ++i) {
        QWidget *field = m_fields.at(i).widget();
        if (old != field && !field->isAncestorOf(old))
            continue;
        const bool stillInside = now && (now == field || field->isAncestorOf(now));
        if (!stillInside && m_touched.contains(i) && !m_left.contains(i)) {
            m_left.insert(i);
            scheduleUpdate();
        }
        return;
    }
}

void CreateForm::onFieldEdited(int index)
{
    m_touched.insert(index);
    m_fields.store(index, m_document);
    fieldEdited(index);
    scheduleUpdate();
    m_autosaver->schedule(m_document, name());
    emit documentChanged();
}

void CreateForm::scheduleUpdate()
{
    // Not restarted by each keystroke, so marks follow typing within validateDelayMs.
    if (!m_validateTimer.isActive())
        m_validateTimer.start();
}

void CreateForm::validateNow()
{
    m_validateTimer.stop();
    m_diagnostics = FormDiagnostics::collect(m_kind, m_document, m_fields);
    m_fields.show(FormDiagnostics::marks(m_diagnostics, m_fields, m_left, m_markEverything));
    m_problems->setDiagnostics(m_diagnostics);
    QList<Diagnostics> perSection(m_sections.size());
    for (const Diagnostic &d : std::as_const(m_diagnostics)) {
        const int owner = m_fields.owner(d.path);
        const int section = owner < 0 ? -1 : m_fields.at(owner).section();
        if (section >= 0)
            perSection[section] << d;
    }
    m_navigator->setProblems(perSection);
    m_json->setJson(SpecJson::write(m_document, m_kind));
    updateActions();
    emit validated(m_diagnostics);
}

void CreateForm::updateActions()
{
    const bool errors = ::hasErrors(m_diagnostics);
    const bool reviewing = isReviewing();
    m_reviewButton->setEnabled(!errors && !m_submitting);
    m_reviewOrSubmit->setEnabled(reviewing ? !m_submitting : !errors);
    m_back->setEnabled(reviewing || m_submitting);
    m_nextProblem->setEnabled(!reviewing && !m_diagnostics.isEmpty());
    m_previousProblem->setEnabled(!reviewing && !m_diagnostics.isEmpty());
    const int errorCount = m_problems->errorCount();
    m_status->setText(errors ? tr("%1 — fix them to review (F8 shows the next)")
                                   .arg(DiagnosticsList::countText(errorCount, m_problems->warningCount()))
            : m_diagnostics.isEmpty()
            ? tr("Ready to review")
            : tr("Ready to review (%1)").arg(DiagnosticsList::countText(0, m_problems->warningCount())));
    m_reviewButton->setToolTip(errors ? tr("Fix the errors first: the problem list shows where (F8)")
                                      : tr("Check the request, then send it (Ctrl+Return)"));
}

void CreateForm::focusPath(const QString &path)
{
    if (m_submitting)
        return;
    if (isReviewing())
        setReviewing(false);
    if (!m_markEverything) {
        m_markEverything = true;
        validateNow();
    }
    m_tabs->setCurrentIndex(0);
    if (!m_fields.focus(path)) {
        m_tabs->setCurrentWidget(m_json);
        m_json->setFocus(Qt::OtherFocusReason);
        return;
    }
    QWidget *focused = window()->focusWidget();
    if (focused && m_scroll->widget()->isAncestorOf(focused))
        m_scroll->ensureWidgetVisible(focused, 40, 80);
}

void CreateForm::setDocument(const QJsonObject &document)
{
    m_original.reset();
    load(document, Origin::NewDraft);
}

void CreateForm::cloneFrom(const QJsonObject &describe, const QJsonObject &listTags)
{
    const DescribeConverter::Result converted
        = DescribeConverter::toCreateRequest(m_kind, describe, listTags);
    const QString nameMember = SpecKinds::nameMember(m_kind);
    const QString originalName = converted.request.value(nameMember).toString();
    QJsonObject request = converted.request;
    request.insert(nameMember,
        UniqueName::withTimestamp(
            originalName, m_clock->now(), m_kind == SpecKind::Model ? u"model"_s : u"job"_s));
    m_original = converted.request;
    m_originalName = originalName;
    m_banner->hide();
    load(request, Origin::NewDraft);
    m_autosaver->schedule(m_document, name());
    QString text = tr("<b>Cloned from %1.</b> The name was made unique; the review lists what you change.")
                       .arg(originalName.toHtmlEscaped());
    for (const Diagnostic &note : converted.notes)
        text += u"<br>"_s + note.message.toHtmlEscaped();
    m_messageBar->showMessage(MessageBar::Kind::Information, text);
}

void CreateForm::startOver()
{
    if (m_submitting)
        return;
    m_original.reset();
    m_banner->hide();
    m_messageBar->hide();
    load(defaultDocument(), Origin::NewDraft);
}

void CreateForm::review()
{
    if (m_submitting)
        return;
    m_markEverything = true;
    validateNow();
    if (::hasErrors(m_diagnostics)) {
        for (const Diagnostic &d : std::as_const(m_diagnostics)) {
            if (d.isError()) {
                focusPath(d.path);
                break;
            }
        }
        return;
    }
    m_autosaver->flush();
    std::optional<QList<SpecDiff::Change>> changes;
    if (m_original)
        changes = SpecDiff::compare(*m_original, m_document);
    m_review->setContent(tr("Review: create the %1 %2").arg(SpecKinds::displayName(m_kind), name()),
        reviewSummary(m_document), SpecJson::write(m_document, m_kind), changes, m_originalName);
    const bool wantsPreflight = m_document.contains(u"VpcConfig"_s);
    const bool canPreflight = isSignalConnected(QMetaMethod::fromSignal(&CreateForm::preflightRequested));
    if (!wantsPreflight)
        m_review->setPreflight(ReviewPage::Preflight::NotNeeded);
    else if (!canPreflight)
        m_review->setPreflight(
            ReviewPage::Preflight::Unavailable, {}, tr("there is no connection to check with."));
    else
        m_review->setPreflight(ReviewPage::Preflight::Running);
    setReviewing(true);
    if (wantsPreflight && canPreflight)
        emit preflightRequested(m_document);
}

void CreateForm::setReviewing(bool reviewing)
{
    m_pages->setCurrentIndex(reviewing ? 1 : 0);
    updateActions();
    if (reviewing)
        m_review->findChild<QPushButton *>(u"submit"_s)->setFocus(Qt::OtherFocusReason);
}

void CreateForm::backToForm()
{
    if (m_submitting || !isReviewing())
        return;
    setReviewing(false);
    m_reviewButton->setFocus(Qt::OtherFocusReason);
}

void CreateForm::submit()
{
    if (!isReviewing() || m_submitting)
        return;
    m_submitting = true;
    m_review->setSubmitting(true);
    m_banner->hide();
    updateActions();
    if (!isSignalConnected(QMetaMethod::fromSignal(&CreateForm::submitRequested))) {
        submitFailed(
            AwsError { u"NotConnected"_s, tr("No connection to SageMaker is set up."), {}, 0, false });
        return;
    }
    emit submitRequested(m_document);
}

void CreateForm::cancelSubmit()
{
    if (!m_submitting)
        return;
    if (isSignalConnected(QMetaMethod::fromSignal(&CreateForm::submitCancelRequested)))
        emit submitCancelRequested();
    else
        submitFailed(AwsError { u"Aborted"_s, tr("Cancelled."), {}, 0, false });
}

void CreateForm::submitSucceeded(const QString &arn)
{
    if (!m_submitting)
        return;
    m_submitting = false;
    m_review->setSubmitting(false);
    m_lastArn = arn;
    m_lastName = name();
    m_autosaver->markSubmitted();
    m_autosaver->startNewDraft();
    rememberRecentValues();
    m_original.reset();
    setReviewing(false);
    showSubmitResult(arn);
    emit submitted(arn, m_lastName);
}

void CreateForm::showSubmitResult(const QString &arn)
{
    m_banner->showMessage(MessageBar::Kind::Success, SubmitMessages::created(m_kind, m_lastName, arn),
        { m_openOnDashboard, m_copyArn });
}

void CreateForm::submitFailed(const AwsError &error, bool outcomeUnknown)
{
    if (!m_submitting)
        return;
    m_submitting = false;
    m_review->setSubmitting(false);
    if (error.code == u"Aborted"_s)
        m_banner->showMessage(MessageBar::Kind::Warning, SubmitMessages::cancelled(m_kind, name()));
    else
        m_banner->showMessage(outcomeUnknown ? MessageBar::Kind::Warning : MessageBar::Kind::Error,
            SubmitMessages::failed(m_kind, name(), error, outcomeUnknown));
    setReviewing(false);
}

void CreateForm::setPreflightFindings(const Diagnostics &findings)
{
    m_review->setPreflight(ReviewPage::Preflight::Done, findings);
}

void CreateForm::setPreflightUnavailable(const QString &reason)
{
    m_review->setPreflight(ReviewPage::Preflight::Unavailable, {}, reason);
}

bool CreateForm::importFile(const QString &fileName)
{
    const CreateFormFiles::Imported imported = CreateFormFiles::importFile(fileName, m_kind);
    if (!imported.ok) {
        m_messageBar->showMessage(MessageBar::Kind::Error, imported.message);
        return false;
    }
    if (imported.kind != m_kind) {
        if (isSignalConnected(QMetaMethod::fromSignal(&CreateForm::otherKindImported))) {
            emit otherKindImported(imported.kind, imported.request, fileName);
            return true;
        }
        m_messageBar->showMessage(MessageBar::Kind::Error,
            tr("This file holds a %1 spec, not a %2 spec.")
                .arg(SpecKinds::displayName(imported.kind), SpecKinds::displayName(m_kind)));
        return false;
    }
    m_original.reset();
    m_banner->hide();
    load(imported.request, Origin::NewDraft);
    m_autosaver->schedule(m_document, name());
    m_messageBar->showMessage(MessageBar::Kind::Information, imported.message);
    return true;
}

bool CreateForm::exportFile(const QString &fileName)
{
    validateNow();
    const CreateFormFiles::Outcome outcome
        = CreateFormFiles::exportFile(fileName, m_document, m_kind, m_problems->errorCount());
    m_messageBar->showMessage(
        outcome.ok ? MessageBar::Kind::Information : MessageBar::Kind::Error, outcome.message);
    return outcome.ok;
}

void CreateForm::importJson()
{
    const QString fileName = CreateFormFiles::askImportFile(this);
    if (!fileName.isEmpty())
        importFile(fileName);
}

void CreateForm::exportJson()
{
    const QString fileName = CreateFormFiles::askExportFile(this, name(), m_kind);
    if (!fileName.isEmpty())
        exportFile(fileName);
}

bool CreateForm::saveAsTemplate(const QString &templateName, bool replace)
{
    QJsonObject document = m_document;
    document.remove(SpecKinds::nameMember(m_kind));
    const CreateFormFiles::Outcome outcome
        = CreateFormFiles::saveTemplate(m_store, m_kind, templateName, document, replace);
    m_messageBar->showMessage(
        outcome.ok ? MessageBar::Kind::Information : MessageBar::Kind::Error, outcome.message);
    return outcome.ok;
}

bool CreateForm::newFromTemplate(const QString &templateName)
{
    const std::optional<QJsonObject> document = CreateFormFiles::loadTemplate(m_store, m_kind, templateName);
    if (!document) {
        m_messageBar->showMessage(
            MessageBar::Kind::Error, tr("There is no template named %1.").arg(templateName.toHtmlEscaped()));
        return false;
    }
    m_banner->hide();
    setDocument(*document);
    m_messageBar->showMessage(MessageBar::Kind::Information,
        tr("Started from the template %1. Give the %2 a name.")
            .arg(templateName.toHtmlEscaped(), SpecKinds::displayName(m_kind)));
    return true;
}

QStringList CreateForm::templateNames() const
{
    return CreateFormFiles::templateNames(m_store, m_kind);
}

void CreateForm::saveAsTemplateDialog()
{
    if (!m_store)
        return;
    const std::optional<std::pair<QString, bool>> choice
        = CreateFormFiles::askTemplateName(this, m_store, m_kind);
    if (choice)
        saveAsTemplate(choice->first, choice->second);
}

void CreateForm::newFromTemplateDialog()
{
    if (!m_store)
        return;
    const QStringList names = templateNames();
    if (names.isEmpty()) {
        m_messageBar->showMessage(MessageBar::Kind::Information,
            tr("No templates yet. Fill in the parts your jobs share (role, network, tags) and use Save as "
               "template."));
        return;
    }
    const QString chosen = CreateFormFiles::askTemplate(this, names);
    if (!chosen.isEmpty())
        newFromTemplate(chosen);
}

void CreateForm::offerDrafts()
{
    QString error;
    QList<Draft> drafts = CreateFormFiles::unsentDrafts(m_store, m_kind, &error);
    if (!error.isEmpty())
        m_messageBar->showMessage(MessageBar::Kind::Warning, error.toHtmlEscaped());
    drafts.removeIf([this](const Draft &d) { return d.id == m_autosaver->draftId(); });
    m_drafts->setDrafts(drafts, untitled());
}

bool CreateForm::restoreDraft(const QString &draftId)
{
    QString error;
    const std::optional<QJsonObject> document = CreateFormFiles::loadDraft(m_store, draftId, &error);
    if (!document) {
        m_messageBar->showMessage(MessageBar::Kind::Error, error.toHtmlEscaped());
        return false;
    }
    m_original.reset();
    m_banner->hide();
    load(*document, Origin::ContinueDraft, draftId);
    m_drafts->removeDraft(draftId);
    return true;
}

void CreateForm::flushDraft()
{
    m_autosaver->flush();
}

bool CreateForm::focusNextPrevChild(bool next)
{
    QWidget *target = m_tabOrder.next(window()->focusWidget(), next);
    if (!target)
        return QWidget::focusNextPrevChild(next);
    target->setFocus(next ? Qt::TabFocusReason : Qt::BacktabFocusReason);
    if (m_scroll->widget()->isAncestorOf(target))
        m_scroll->ensureWidgetVisible(target, 20, 60);
    return true;
}
