#pragma once

#include "core/api/speckind.h"

#include <QJsonObject>
#include <QList>
#include <QObject>

class CreateForm;
class CreateFormController;
class LocalStore;
class MainWindow;
class ModelForm;
class PriceService;
class Session;
class TrainingJobForm;
class VpcAccountPicker;

// Puts the two create forms into the main window (New training job, New model) and wires them: the
// controller with the session's services (SageMaker for submits, EC2 for the pre-flight check and the VPC
// pickers), the training form's cost estimate with the price service, File > Import/Export JSON while a
// form page is current, an imported file of the other kind to the other form, and the store's drafts,
// templates and recent values. store and prices may be null; both must outlive the window.
class FormPages : public QObject
{
    Q_OBJECT

public:
    FormPages(MainWindow *window, Session *session, LocalStore *store, PriceService *prices,
        QObject *parent = nullptr);

    TrainingJobForm *trainingJobForm() const { return m_trainingJob; }
    ModelForm *modelForm() const { return m_model; }
    CreateForm *form(SpecKind kind) const;
    CreateFormController *controller() const { return m_controller; }

public slots:
    // The dashboard's and the Models page's "Clone": shows the form filled from a describe response and
    // its ListTags response.
    void cloneTrainingJob(const QJsonObject &describe, const QJsonObject &listTags = QJsonObject());
    void cloneModel(const QJsonObject &describe, const QJsonObject &listTags = QJsonObject());

signals:
    // "Open on dashboard" after a create: the dashboard (or the Models page) shows the job or model.
    void openOnDashboardRequested(SpecKind kind, const QString &arn, const QString &name);

private:
    CreateForm *currentForm() const;
    void showForm(SpecKind kind);
    void updateFileActions();
    void useServices();

    MainWindow *m_window;
    Session *m_session;
    TrainingJobForm *m_trainingJob;
    ModelForm *m_model;
    CreateFormController *m_controller;
    QList<VpcAccountPicker *> m_pickers;
    bool m_fileActionsOurs = false;
};
