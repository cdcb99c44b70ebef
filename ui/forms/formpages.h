#pragma once

#include "core/api/speckind.h"

#include <QJsonObject>
#include <QObject>

class LocalStore;
class MainWindow;
class ModelForm;
class Session;
class SessionClients;
class CreateForm;
class CreateFormController;
class TrainingJobForm;

// Puts the two create forms into the main window (New training job, New model) and wires them: the
// controller with the session's clients, File > Import/Export JSON while a form page is current, an
// imported file of the other kind to the other form, and the store's drafts, templates and recent values.
// The store (may be null) must outlive the window.
class FormPages : public QObject
{
    Q_OBJECT

public:
    FormPages(MainWindow *window, Session *session, LocalStore *store, QObject *parent = nullptr);

    TrainingJobForm *trainingJobForm() const { return m_trainingJob; }
    ModelForm *modelForm() const { return m_model; }
    CreateForm *form(SpecKind kind) const;
    CreateFormController *controller() const { return m_controller; }

public slots:
    // The dashboard's "Clone": shows the form filled from a describe response and its ListTags response.
    void cloneTrainingJob(const QJsonObject &describe, const QJsonObject &listTags = QJsonObject());
    void cloneModel(const QJsonObject &describe, const QJsonObject &listTags = QJsonObject());

signals:
    // "Open on dashboard" after a create: the dashboard shows the job or model.
    void openOnDashboardRequested(SpecKind kind, const QString &arn, const QString &name);

private:
    CreateForm *currentForm() const;
    void showForm(SpecKind kind);
    void updateFileActions();

    MainWindow *m_window;
    TrainingJobForm *m_trainingJob;
    ModelForm *m_model;
    SessionClients *m_clients;
    CreateFormController *m_controller;
    bool m_fileActionsOurs = false;
};
