#include "ui/forms/formpages.h"

#include "core/ec2/vpcpreflight.h"
#include "core/session/connectionservices.h"
#include "core/session/session.h"
#include "core/store/localstore.h"
#include "ui/forms/costestimatecontroller.h"
#include "ui/forms/createformcontroller.h"
#include "ui/forms/modelform.h"
#include "ui/forms/trainingjobform.h"
#include "ui/mainwindow.h"
#include "ui/network/vpcaccountpicker.h"
#include "ui/network/vpcpickercontroller.h"
#include "ui/widgets/costestimatewidget.h"
#include "ui/widgets/vpceditor.h"

#include <QAction>
#include <QCoreApplication>

FormPages::FormPages(
    MainWindow *window, Session *session, LocalStore *store, PriceService *prices, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_session(session)
    , m_trainingJob(new TrainingJobForm)
    , m_model(new ModelForm)
    , m_controller(new CreateFormController(this))
{
    window->setPageWidget(MainWindow::Page::NewTrainingJob, m_trainingJob);
    window->setPageWidget(MainWindow::Page::NewModel, m_model);

    if (prices) {
        auto *estimate = new CostEstimateWidget;
        estimate->setObjectName(QStringLiteral("costEstimate"));
        m_trainingJob->setCostEstimateWidget(estimate);
        new CostEstimateController(m_trainingJob, estimate, prices, m_trainingJob);
    }

    LocalStore *usable = store && store->isOpen() ? store : nullptr;
    for (CreateForm *form :
        { static_cast<CreateForm *>(m_trainingJob), static_cast<CreateForm *>(m_model) }) {
        m_controller->attach(form);
        form->setStore(usable);
        if (store && !store->recoveryMessage().isEmpty())
            form->showMessage(store->recoveryMessage().toHtmlEscaped(), true);
        connect(form, &CreateForm::openOnDashboardRequested, this,
            [this, form](const QString &arn, const QString &name) {
                emit openOnDashboardRequested(form->kind(), arn, name);
            });
        connect(form, &CreateForm::otherKindImported, this,
            [this](SpecKind kind, const QJsonObject &request, const QString &) {
                showForm(kind);
                this->form(kind)->setDocument(request);
            });
        // A normal quit saves the last second of typing too.
        connect(qApp, &QCoreApplication::aboutToQuit, form, &CreateForm::flushDraft);
    }

    for (VpcEditor *editor : { m_trainingJob->vpcEditor(), m_model->vpcEditor() }) {
        auto *picker = new VpcAccountPicker(editor);
        m_pickers << picker;
        // Without EC2 nobody else answers: say why, and typing IDs still works.
        const auto unanswered = [this, picker](VpcAccountPicker::Lookup what) {
            ConnectionServices *services = m_session->services();
            if (!services || !services->ec2())
                picker->showLookupError(what,
                    services ? services->ec2Unavailable()
                             : tr("Not connected: choose a connection (Connection > Connect…) to list the "
                                  "account's subnets and security groups."));
        };
        connect(picker, &VpcAccountPicker::vpcsWanted, this,
            [unanswered] { unanswered(VpcAccountPicker::Lookup::Vpcs); });
        connect(picker, &VpcAccountPicker::subnetsWanted, this,
            [unanswered] { unanswered(VpcAccountPicker::Lookup::Subnets); });
        connect(picker, &VpcAccountPicker::securityGroupsWanted, this,
            [unanswered] { unanswered(VpcAccountPicker::Lookup::SecurityGroups); });
    }
    connect(session, &Session::connectionChanged, this, &FormPages::useServices);
    useServices();

    connect(window->importJsonAction(), &QAction::triggered, this, [this] {
        if (CreateForm *form = currentForm())
            form->importJson();
    });
    connect(window->exportJsonAction(), &QAction::triggered, this, [this] {
        if (CreateForm *form = currentForm())
            form->exportJson();
    });
    // Other pages switch the same actions on for their own documents, and off when they are left. Ours go
    // off before theirs go on (a direct connection, made first) and on after theirs went off (queued).
    connect(window, &MainWindow::currentPageChanged, this, [this] {
        if (!currentForm())
            updateFileActions();
    });
    connect(
        window, &MainWindow::currentPageChanged, this,
        [this] {
            if (currentForm())
                updateFileActions();
        },
        Qt::QueuedConnection);
    updateFileActions();
}

void FormPages::useServices()
{
    // What is made here for a connection is a child of its services, so it goes with them.
    ConnectionServices *services = m_session->services();
    m_controller->setClient(services ? services->sageMaker() : nullptr);
    if (services && services->ec2()) {
        m_controller->setPreflight(new VpcPreflight(services->ec2(), services));
        for (VpcAccountPicker *picker : std::as_const(m_pickers)) {
            new VpcPickerController(picker, services->ec2(), services);
            if (picker->isVisible())
                picker->refresh();
        }
    } else {
        m_controller->setPreflight(nullptr,
            services ? services->ec2Unavailable() : tr("there is no connection (Connection > Connect…)."));
    }
}

CreateForm *FormPages::form(SpecKind kind) const
{
    return kind == SpecKind::Model ? static_cast<CreateForm *>(m_model) : m_trainingJob;
}

CreateForm *FormPages::currentForm() const
{
    switch (m_window->currentPage()) {
    case MainWindow::Page::NewTrainingJob:
        return m_trainingJob;
    case MainWindow::Page::NewModel:
        return m_model;
    default:
        return nullptr;
    }
}

void FormPages::showForm(SpecKind kind)
{
    m_window->setCurrentPage(
        kind == SpecKind::Model ? MainWindow::Page::NewModel : MainWindow::Page::NewTrainingJob);
}

void FormPages::cloneTrainingJob(const QJsonObject &describe, const QJsonObject &listTags)
{
    showForm(SpecKind::TrainingJob);
    m_trainingJob->cloneFrom(describe, listTags);
}

void FormPages::cloneModel(const QJsonObject &describe, const QJsonObject &listTags)
{
    showForm(SpecKind::Model);
    m_model->cloneFrom(describe, listTags);
}

void FormPages::updateFileActions()
{
    // Other pages may use the same actions for their own documents: only switch off what we switched on.
    const bool ours = currentForm() != nullptr;
    if (ours || m_fileActionsOurs) {
        m_window->importJsonAction()->setEnabled(ours);
        m_window->exportJsonAction()->setEnabled(ours);
    }
    m_fileActionsOurs = ours;
}
