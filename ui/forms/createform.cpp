#include "ui/forms/createform.h"

#include "core/api/describeconverter.h"
#include "core/api/specjson.h"
#include "core/aws/clock.h"
#include "ui/forms/createformfiles.h"
#include "ui/forms/diagnosticslist.h"
#include "ui/forms/draftautosaver.h"
#include "ui/forms/draftsbar.h"
#include "ui/forms/formactions.h"
#include "ui/forms/formdiagnostics.h"
#include "ui/forms/formdrafts.h"
#include "ui/forms/formeditpage.h"
#include "ui/forms/formfields.h"
#include "ui/forms/formsection.h"
#include "ui/forms/formsubmitflow.h"
#include "ui/forms/formtemplates.h"
#include "ui/forms/formwidgets.h"
#include "ui/forms/jsonpreview.h"
#include "ui/forms/messagebar.h"
#include "ui/forms/sectionnavigator.h"
#include "ui/forms/uniquename.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMetaMethod>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTime>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

CreateForm::CreateForm(SpecKind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_clock(Clock::system())
    , m_messageBar(new MessageBar(this))
    , m_draftsBar(new DraftsBar(this))
    , m_banner(new MessageBar(this))
    , m_drafts(new FormDrafts(kind, m_draftsBar, m_messageBar, this))
    , m_autosaver(m_drafts->autosaver())
    , m_pages(new QStackedWidget(this))
    , m_edit(new FormEditPage(kind, [this](const QString &path) { return m_fields.describe(path); }))
    , m_review(new ReviewPage)
    , m_submitFlow(new FormSubmitFlow(kind, m_review, m_banner, this))
    , m_templates(new FormTemplates(this))
    , m_tabOrder(this)
{
    m_messageBar->setObjectName(u"messageBar"_s);
    m_banner->setObjectName(u"submitBanner"_s);
    m_validateTimer.setSingleShot(true);
    m_validateTimer.setInterval(validateDelayMs);
    connect(&m_validateTimer, &QTimer::timeout, this, &CreateForm::validateNow);
    connect(qApp, &QApplication::focusChanged, this, &CreateForm::onFocusChanged);

    m_pages->addWidget(m_edit);
    m_review->setObjectName(u"reviewPage"_s);
    m_pages->addWidget(m_review);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    // Flush with the page's edges, like the main window's own offer bar.
    layout->addWidget(m_messageBar);
    layout->addWidget(m_draftsBar);
    layout->addWidget(m_banner);
    layout->addWidget(m_pages, 1);

    m_actions = new FormActions(this, m_edit, m_templates);
    m_tabOrder.append({ m_messageBar, m_draftsBar, m_banner, m_edit->tabs()->tabBar() });
    connect(m_review, &ReviewPage::backRequested, this, &CreateForm::backToForm);
    connect(m_review, &ReviewPage::submitRequested, this, &CreateForm::submit);
    connect(m_review, &ReviewPage::cancelRequested, this, &CreateForm::cancelSubmit);
    connect(m_review, &ReviewPage::findingActivated, this, &CreateForm::focusPath);
    connect(m_edit->problems(), &DiagnosticsList::pathActivated, this, &CreateForm::focusPath);
    connect(
        m_submitFlow, &FormSubmitFlow::openOnDashboardRequested, this, &CreateForm::openOnDashboardRequested);
    connect(m_drafts, &FormDrafts::restoreRequested, this, &CreateForm::restoreDraft);
    connect(m_autosaver, &DraftAutosaver::saved, this, [this] {
        m_edit->status()->setToolTip(tr("Draft saved at %1").arg(QLocale().toString(QTime::currentTime())));
    });
}

CreateForm::~CreateForm()
{
    // Deleting the children moves the focus; the fields that would be looked at are gone by then.
    disconnect(qApp, &QApplication::focusChanged, this, nullptr);
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

bool CreateForm::isSubmitting() const
{
    return m_submitFlow->isSubmitting();
}

QString CreateForm::lastArn() const
{
    return m_submitFlow->lastArn();
}

DiagnosticsList *CreateForm::problems() const
{
    return m_edit->problems();
}

JsonPreview *CreateForm::jsonPreview() const
{
    return m_edit->json();
}

SectionNavigator *CreateForm::sectionNavigator() const
{
    return m_edit->navigator();
}

QString CreateForm::draftId() const
{
    return m_autosaver->draftId();
}

void CreateForm::setStore(LocalStore *store)
{
    m_store = store;
    m_drafts->setStore(store);
    m_actions->setTemplatesEnabled(store != nullptr);
    m_recent.load(m_store);
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
    return m_edit->addSection(title, description);
}

int CreateForm::bind(FormField field)
{
    field.setSection(int(m_edit->sections().size()) - 1);
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
    m_recent.add(combo, key, path);
}

void CreateForm::addToTabOrder(QWidget *widget)
{
    m_tabOrder.append(widget);
}

void CreateForm::finishSetup()
{
    m_tabOrder.append({ m_edit->json(), m_edit->navigator(), m_edit->problems(), m_edit->saveTemplateButton(),
        m_edit->fromTemplateButton(), m_edit->manageTemplatesButton(), m_edit->startOverButton(),
        m_edit->reviewButton(), m_review });
    m_edit->finish([this](int section) -> QWidget * {
        for (const FormField &field : m_fields.fields())
            if (field.section() == section)
                return field.widget();
        return nullptr;
    });
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
    m_autosaver->setOriginal(m_original, m_originalName);
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
    m_edit->problems()->setDiagnostics(m_diagnostics);
    QList<Diagnostics> perSection(m_edit->sections().size());
    for (const Diagnostic &d : std::as_const(m_diagnostics)) {
        const int owner = m_fields.owner(d.path);
        const int section = owner < 0 ? -1 : m_fields.at(owner).section();
        if (section >= 0)
            perSection[section] << d;
    }
    m_edit->navigator()->setProblems(perSection);
    m_edit->json()->setJson(SpecJson::write(m_document, m_kind));
    updateActions();
    emit validated(m_diagnostics);
}

void CreateForm::updateActions()
{
    const bool errors = ::hasErrors(m_diagnostics);
    m_actions->update(errors, !m_diagnostics.isEmpty(), isReviewing(), isSubmitting());
    const DiagnosticsList *problems = m_edit->problems();
    m_edit->status()->setText(errors
            ? tr("%1 — to fix before the review (F8 shows the next)")
                  .arg(DiagnosticsList::countText(problems->errorCount(), problems->warningCount()))
            : m_diagnostics.isEmpty()
            ? tr("Ready to review")
            : tr("Ready to review (%1)").arg(DiagnosticsList::countText(0, problems->warningCount())));
}

void CreateForm::focusPath(const QString &path)
{
    if (isSubmitting())
        return;
    if (isReviewing())
        setReviewing(false);
    if (!m_markEverything) {
        m_markEverything = true;
        validateNow();
    }
    m_edit->showForm();
    if (!m_fields.focus(path)) {
        m_edit->showJson();
        return;
    }
    m_edit->ensureVisible(window()->focusWidget(), 40, 80);
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
    text += CreateFormFiles::notesHtml(converted.notes);
    m_messageBar->showMessage(MessageBar::Kind::Information, text);
}

void CreateForm::startOver()
{
    if (isSubmitting())
        return;
    m_original.reset();
    m_banner->hide();
    m_messageBar->hide();
    load(defaultDocument(), Origin::NewDraft);
}

void CreateForm::review()
{
    if (isSubmitting())
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
    const bool preflight = m_submitFlow->prepareReview(m_document, reviewSummary(m_document), m_original,
        m_originalName, isSignalConnected(QMetaMethod::fromSignal(&CreateForm::preflightRequested)));
    setReviewing(true);
    if (preflight)
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
    if (isSubmitting() || !isReviewing())
        return;
    setReviewing(false);
    m_edit->reviewButton()->setFocus(Qt::OtherFocusReason);
}

void CreateForm::submit()
{
    if (!isReviewing() || isSubmitting())
        return;
    m_submitFlow->start();
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
    if (!isSubmitting())
        return;
    if (isSignalConnected(QMetaMethod::fromSignal(&CreateForm::submitCancelRequested)))
        emit submitCancelRequested();
    else
        submitFailed(AwsError { u"Aborted"_s, tr("Cancelled."), {}, 0, false });
}

void CreateForm::submitSucceeded(const QString &arn)
{
    if (!m_submitFlow->end())
        return;
    const QString submittedName = name();
    m_autosaver->markSubmitted();
    m_original.reset();
    m_autosaver->startNewDraft();
    m_recent.remember(m_store, m_document);
    setReviewing(false);
    m_submitFlow->showCreated(arn, submittedName);
    emit submitted(arn, submittedName);
}

void CreateForm::submitFailed(const AwsError &error, bool outcomeUnknown)
{
    if (!m_submitFlow->end())
        return;
    m_submitFlow->showFailed(error, outcomeUnknown, name());
    setReviewing(false);
}

void CreateForm::setPreflightFindings(const Diagnostics &findings)
{
    m_submitFlow->setPreflightFindings(findings);
}

void CreateForm::setPreflightUnavailable(const QString &reason)
{
    m_submitFlow->setPreflightUnavailable(reason);
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
        = CreateFormFiles::exportFile(fileName, m_document, m_kind, m_edit->problems()->errorCount());
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
    return m_templates->save(templateName, replace);
}

bool CreateForm::newFromTemplate(const QString &templateName)
{
    return m_templates->startFrom(templateName);
}

QStringList CreateForm::templateNames() const
{
    return m_templates->names();
}

void CreateForm::saveAsTemplateDialog()
{
    m_templates->saveDialog();
}

void CreateForm::newFromTemplateDialog()
{
    m_templates->startFromDialog();
}

void CreateForm::offerDrafts()
{
    m_drafts->offer(untitled());
}

bool CreateForm::restoreDraft(const QString &draftId)
{
    const std::optional<CreateFormFiles::LoadedDraft> draft = m_drafts->load(draftId);
    if (!draft)
        return false;
    m_original = draft->original;
    m_originalName = draft->originalName;
    m_banner->hide();
    load(draft->document, Origin::ContinueDraft, draftId);
    m_draftsBar->removeDraft(draftId);
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
    m_edit->ensureVisible(target, 20, 60);
    return true;
}
