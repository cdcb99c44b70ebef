#pragma once

#include "core/api/speckind.h"

#include <QJsonObject>
#include <QObject>

class DashboardPage;
class LocalStore;
class MainWindow;
class ModelBrowser;
class ModelsPage;
class PriceService;
class Session;

// Puts the Training jobs dashboard and the Models page into the main window and keeps them on the
// session's current connection: the connection's JobMonitor and SageMaker client for the dashboard (and
// the status bar's request budget), the client for the Models page, the store's job history for the
// timeline chart. The prices are the shared PriceService's (main() keeps it on the connection).
// File > Export JSON exports the selected job or model while one of these pages is current (and is off
// while nothing is selected there). Clone asks for
// a form (cloneTrainingJobRequested / cloneModelRequested: connect them to the forms' cloneFrom()).
class DashboardPages : public QObject
{
    Q_OBJECT

public:
    // store and prices may be nullptr (no local store): the timeline then has only what descriptions say,
    // costs say there is no price. window, session, store and prices must outlive this object.
    DashboardPages(MainWindow *window, Session *session, LocalStore *store, PriceService *prices,
        QObject *parent = nullptr);
    ~DashboardPages() override;

    DashboardPage *dashboard() const { return m_dashboard; }
    ModelsPage *models() const { return m_models; }
    ModelBrowser *modelBrowser() const { return m_browser; }

public slots:
    // "Open on dashboard" (a form's submit, a notification): shows the job or model's page and selects it,
    // as soon as the next listing has it when it is new.
    void open(SpecKind kind, const QString &name);

signals:
    void cloneTrainingJobRequested(const QJsonObject &describe, const QJsonObject &listTags);
    void cloneModelRequested(const QJsonObject &describe, const QJsonObject &listTags);

private:
    void onConnectionChanged();
    void updateExportAction();

    MainWindow *m_window;
    Session *m_session;
    DashboardPage *m_dashboard;
    ModelBrowser *m_browser;
    ModelsPage *m_models;
    bool m_exportOurs = false;
};
