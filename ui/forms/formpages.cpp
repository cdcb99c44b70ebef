#include "ui/forms/formpages.h"

#include "core/store/localstore.h"
#include "ui/forms/createformcontroller.h"
#include "ui/forms/modelform.h"
#include "ui/forms/sessionclients.h"
#include "ui/forms/trainingjobform.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QCoreApplication>

FormPages::FormPages(MainWindow *window, Session *session, LocalStore *store, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_trainingJob(new TrainingJobForm)
    , m_model(new ModelForm)
    , m_clients(new SessionClients(session, this))
    , m_controller(new CreateFormController(this))
{
    window->setPageWidget(MainWindow::Page::NewTrainingJob, m_trainingJob);
    window->setPageWidget(MainWindow::Page::NewModel, m_model);

    const auto useClients = [this] {
        m_controller->setClient(m_clients->sageMaker());
        m_controller->setPreflight(m_clients->preflight(), m_clients->unavailableReason());
    };
    connect(m_clients, &SessionClients::changed, this, useClients);
    useClients();

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

    connect(window->importJsonAction(), &QAction::triggered, this, [this] {
        if (CreateForm *form = currentForm())
            form->importJson();
    });
    connect(window->exportJsonAction(), &QAction::triggered, this, [this] {
        if (CreateForm *form = currentForm())
            form->exportJson();
    });
    connect(window, &MainWindow::currentPageChanged, this, &FormPages::updateFileActions);
    updateFileActions();
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
