#pragma once

#include <QMainWindow>
#include <array>

class ConnectionController;
class ConnectionStatusWidget;
class QActionGroup;
class QListWidget;
class QStackedWidget;
class RequestBudgetIndicator;
class SandboxOfferBar;
class Session;

// The main window: side navigation over the pages, menus, toolbar and a status bar that always shows the
// connection. Pages start as placeholders; the real ones are plugged in with setPageWidget().
//
// Geometry, toolbar state and the last page are saved in QSettings (group "mainWindow") on close and
// restored by the next window.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // In navigation order; View > Ctrl+1..4 follow it.
    enum class Page { TrainingJobs, Models, NewTrainingJob, NewModel };
    Q_ENUM(Page)
    static constexpr int pageCount = 4;

    explicit MainWindow(Session *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Puts widget in page's place (the window takes ownership; the placeholder or the previous widget is
    // deleted). The window title and navigation follow by themselves.
    void setPageWidget(Page page, QWidget *widget);
    QWidget *pageWidget(Page page) const;

    Page currentPage() const;
    void setCurrentPage(Page page);
    static QString pageName(Page page);

    // File > Import JSON… / Export JSON…: disabled until a page that handles them connects to triggered()
    // and enables them.
    QAction *importJsonAction() const { return m_importJson; }
    QAction *exportJsonAction() const { return m_exportJson; }

    // The status bar's request budget and "throttled" badge, for the dashboard's monitor.
    RequestBudgetIndicator *requestBudgetIndicator() const { return m_budget; }
    ConnectionStatusWidget *connectionStatus() const { return m_connectionStatus; }

    // The info bar that offers the local sandbox (no AWS credentials configured, moto_server installed).
    void showSandboxOffer();
    bool isSandboxOfferVisible() const;

signals:
    void currentPageChanged(MainWindow::Page page);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    QWidget *createCentralArea();
    void createStatusBar();
    void onPageChanged(int index);
    void updateTitle();
    void onConnectionChanged();
    void restoreSettings();
    void saveSettings() const;
    QAction *addAction(const QString &objectName, const QString &text, const QKeySequence &shortcut);

    Session *m_session;
    ConnectionController *m_connection;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    SandboxOfferBar *m_sandboxOffer = nullptr;
    ConnectionStatusWidget *m_connectionStatus = nullptr;
    RequestBudgetIndicator *m_budget = nullptr;
    QToolBar *m_toolBar = nullptr;

    QAction *m_importJson = nullptr;
    QAction *m_exportJson = nullptr;
    QAction *m_quit = nullptr;
    std::array<QAction *, pageCount> m_pageActions {};
    QActionGroup *m_pageGroup = nullptr;
    QAction *m_connect = nullptr;
    QAction *m_sandbox = nullptr;
    QAction *m_about = nullptr;
};
