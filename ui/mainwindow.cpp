#include "ui/mainwindow.h"

#include "core/aws/localsandbox.h"
#include "core/session/session.h"
#include "ui/aboutdialog.h"
#include "ui/connection/connectioncontroller.h"
#include "ui/connection/connectionstatuswidget.h"
#include "ui/connection/sandboxofferbar.h"
#include "ui/placeholderpage.h"
#include "ui/requestbudgetindicator.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QListWidget>
#include <QMenuBar>
#include <QMetaEnum>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr auto settingsGroup = "mainWindow"_L1;
constexpr auto geometryKey = "geometry"_L1;
constexpr auto stateKey = "state"_L1;
constexpr auto pageKey = "page"_L1;
constexpr int navigationWidth = 190;

struct PageInfo
{
    const char *objectName; // of the View action and the navigation item
    const char *menuText;
    const char *description;
    const char *iconName;
};

// Indexed by MainWindow::Page.
constexpr std::array<PageInfo, MainWindow::pageCount> pageInfo { {
    { "showTrainingJobs", QT_TRANSLATE_NOOP("MainWindow", "&Training jobs"),
        QT_TRANSLATE_NOOP("MainWindow",
            "The live dashboard of your training jobs will be here: status, timelines, cost so far and "
            "details."),
        "view-list-details" },
    { "showModels", QT_TRANSLATE_NOOP("MainWindow", "&Models"),
        QT_TRANSLATE_NOOP(
            "MainWindow", "Your SageMaker models will be listed here, to describe, clone, export or delete."),
        "view-list-tree" },
    { "showNewTrainingJob", QT_TRANSLATE_NOOP("MainWindow", "&New training job"),
        QT_TRANSLATE_NOOP("MainWindow",
            "The form to create a training job will be here, validated as you type, with a JSON preview."),
        "document-new" },
    { "showNewModel", QT_TRANSLATE_NOOP("MainWindow", "New m&odel"),
        QT_TRANSLATE_NOOP("MainWindow", "The form to create a model from a container image will be here."),
        "document-new" },
} };

QString withoutMnemonic(QString text)
{
    return text.remove(u'&');
}

// Edit menu entries act on whichever text field has focus, the way native menus do.
void forwardToFocus(const char *slot)
{
    QWidget *target = QApplication::focusWidget();
    if (target
        && target->metaObject()->indexOfMethod(QMetaObject::normalizedSignature(slot).constData()) >= 0) {
        const QByteArray name(slot, qsizetype(std::strchr(slot, '(') - slot));
        QMetaObject::invokeMethod(target, name.constData());
    }
}

} // namespace

MainWindow::MainWindow(Session *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_connection(new ConnectionController(session, this))
{
    setObjectName(u"mainWindow"_s);
    createActions();
    createToolBar();
    createMenus();
    setCentralWidget(createCentralArea());
    createStatusBar();

    connect(m_session, &Session::connectionChanged, this, &MainWindow::onConnectionChanged);
    onConnectionChanged();
    resize(1280, 800);
    restoreSettings();
    updateTitle();
}

MainWindow::~MainWindow() = default;

QString MainWindow::pageName(Page page)
{
    return withoutMnemonic(tr(pageInfo[size_t(page)].menuText));
}

QAction *MainWindow::addAction(const QString &objectName, const QString &text, const QKeySequence &shortcut)
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    if (!shortcut.isEmpty())
        action->setToolTip(
            u"%1 (%2)"_s.arg(withoutMnemonic(text), shortcut.toString(QKeySequence::NativeText)));
    return action;
}

void MainWindow::createActions()
{
    m_importJson = addAction(u"importJson"_s, tr("&Import JSON…"), QKeySequence::Open);
    m_importJson->setIcon(QIcon::fromTheme(u"document-open"_s));
    m_importJson->setStatusTip(tr("Open a create request or a describe output in a form"));
    m_importJson->setEnabled(false);
    m_exportJson = addAction(u"exportJson"_s, tr("&Export JSON…"), QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportJson->setIcon(QIcon::fromTheme(u"document-save-as"_s));
    m_exportJson->setStatusTip(tr("Save the current spec as JSON the AWS CLI accepts"));
    m_exportJson->setEnabled(false);
    m_quit = addAction(u"quit"_s, tr("&Quit"), QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_pageGroup = new QActionGroup(this);
    for (int i = 0; i < pageCount; ++i) {
        const PageInfo &info = pageInfo[size_t(i)];
        QAction *action = addAction(QLatin1String(info.objectName), tr(info.menuText),
            QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        action->setIcon(QIcon::fromTheme(QLatin1String(info.iconName)));
        action->setCheckable(true);
        m_pageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, i] { setCurrentPage(Page(i)); });
        m_pageActions[size_t(i)] = action;
    }

    m_connect = addAction(u"connect"_s, tr("&Connect…"), QKeySequence(Qt::CTRL | Qt::Key_K));
    m_connect->setIcon(QIcon::fromTheme(u"network-connect"_s));
    m_connect->setStatusTip(tr("Choose the AWS profile, region and endpoint, or the local sandbox"));
    connect(m_connect, &QAction::triggered, m_connection, &ConnectionController::openDialog);
    m_sandbox
        = addAction(u"localSandbox"_s, tr("&Local sandbox"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_sandbox->setCheckable(true);
    m_sandbox->setEnabled(LocalSandbox::isAvailable());
    m_sandbox->setStatusTip(LocalSandbox::isAvailable()
            ? tr("Work against moto_server on this computer instead of AWS")
            : tr("moto_server is not installed"));
    connect(m_sandbox, &QAction::triggered, m_connection, &ConnectionController::useSandbox);

    m_about = addAction(u"about"_s, tr("&About SageDesk"), QKeySequence());
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, [this] {
        auto *dialog = new AboutDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_importJson);
    file->addAction(m_exportJson);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    const struct
    {
        const char *objectName;
        const char *text;
        QKeySequence::StandardKey key;
        const char *slot;
    } editActions[] = {
        { "undo", QT_TR_NOOP("&Undo"), QKeySequence::Undo, "undo()" },
        { "redo", QT_TR_NOOP("&Redo"), QKeySequence::Redo, "redo()" },
        { "cut", QT_TR_NOOP("Cu&t"), QKeySequence::Cut, "cut()" },
        { "copy", QT_TR_NOOP("&Copy"), QKeySequence::Copy, "copy()" },
        { "paste", QT_TR_NOOP("&Paste"), QKeySequence::Paste, "paste()" },
        { "selectAll", QT_TR_NOOP("Select &All"), QKeySequence::SelectAll, "selectAll()" },
    };
    for (const auto &entry : editActions) {
        QAction *action = addAction(QLatin1String(entry.objectName), tr(entry.text), entry.key);
        // The focused widget handles its own shortcut; the menu entry is for mouse and Alt users.
        action->setShortcutContext(Qt::WidgetShortcut);
        const char *slot = entry.slot;
        connect(action, &QAction::triggered, this, [slot] { forwardToFocus(slot); });
        edit->addAction(action);
        if (qstrcmp(entry.objectName, "redo") == 0 || qstrcmp(entry.objectName, "paste") == 0)
            edit->addSeparator();
    }

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QAction *action : m_pageActions)
        view->addAction(action);
    view->addSeparator();
    QAction *toolBarToggle = m_toolBar->toggleViewAction();
    toolBarToggle->setObjectName(u"showToolBar"_s);
    toolBarToggle->setText(tr("Show tool&bar"));
    view->addAction(toolBarToggle);

    QMenu *connection = menuBar()->addMenu(tr("&Connection"));
    connection->addAction(m_connect);
    connection->addAction(m_sandbox);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_about);
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(tr("Main toolbar"));
    m_toolBar->setObjectName(u"mainToolBar"_s);
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_pageActions[size_t(Page::NewTrainingJob)]);
    m_toolBar->addAction(m_pageActions[size_t(Page::NewModel)]);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_importJson);
    m_toolBar->addAction(m_exportJson);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_connect);
    m_toolBar->addAction(m_sandbox);
}

QWidget *MainWindow::createCentralArea()
{
    m_navigation = new QListWidget;
    m_navigation->setObjectName(u"navigation"_s);
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setFixedWidth(navigationWidth);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setSpacing(2);
    m_navigation->setFocusPolicy(Qt::StrongFocus);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_pages = new QStackedWidget;
    m_pages->setObjectName(u"pages"_s);
    for (int i = 0; i < pageCount; ++i) {
        const Page page = Page(i);
        auto *item = new QListWidgetItem(m_pageActions[size_t(i)]->icon(), pageName(page), m_navigation);
        item->setToolTip(m_pageActions[size_t(i)]->toolTip());
        item->setSizeHint(QSize(0, m_navigation->fontMetrics().height() * 2));
        m_pages->addWidget(new PlaceholderPage(pageName(page), tr(pageInfo[size_t(i)].description)));
    }
    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::onPageChanged);

    m_sandboxOffer = new SandboxOfferBar;
    m_sandboxOffer->hide();
    connect(m_sandboxOffer, &SandboxOfferBar::startSandboxRequested, this, [this] {
        m_sandboxOffer->hide();
        m_connection->useSandbox(true);
    });
    connect(
        m_sandboxOffer, &SandboxOfferBar::connectRequested, m_connection, &ConnectionController::openDialog);
    connect(m_session, &Session::connectionChanged, this, [this] {
        if (m_session->state() == Session::State::Connected)
            m_sandboxOffer->hide();
    });

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    rightLayout->addWidget(m_sandboxOffer);
    rightLayout->addWidget(m_pages, 1);

    auto *central = new QWidget;
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    auto *line = new QFrame;
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    layout->addWidget(right, 1);
    setTabOrder(m_navigation, m_pages);

    m_navigation->setCurrentRow(0);
    return central;
}

void MainWindow::createStatusBar()
{
    m_budget = new RequestBudgetIndicator;
    m_budget->setObjectName(u"requestBudget"_s);
    m_connectionStatus = new ConnectionStatusWidget(m_session);
    // Permanent widgets: a temporary status message never hides the connection.
    statusBar()->addPermanentWidget(m_budget);
    statusBar()->addPermanentWidget(m_connectionStatus);
}

void MainWindow::setPageWidget(Page page, QWidget *widget)
{
    const int index = int(page);
    QWidget *old = m_pages->widget(index);
    const bool wasCurrent = m_pages->currentIndex() == index;
    m_pages->insertWidget(index, widget);
    m_pages->removeWidget(old);
    delete old;
    if (wasCurrent)
        m_pages->setCurrentIndex(index);
}

QWidget *MainWindow::pageWidget(Page page) const
{
    return m_pages->widget(int(page));
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void MainWindow::setCurrentPage(Page page)
{
    m_navigation->setCurrentRow(int(page));
}

void MainWindow::onPageChanged(int index)
{
    if (index < 0 || index >= pageCount)
        return;
    m_pages->setCurrentIndex(index);
    m_pageActions[size_t(index)]->setChecked(true);
    updateTitle();
    emit currentPageChanged(Page(index));
}

void MainWindow::updateTitle()
{
    setWindowTitle(u"SageDesk – %1"_s.arg(pageName(currentPage())));
}

void MainWindow::onConnectionChanged()
{
    m_sandbox->setChecked(m_session->isSandbox());
    // The why of a failure, in words, where there is room for them (the badge's tooltip has it too).
    if (m_session->state() == Session::State::Failed)
        statusBar()->showMessage(m_session->errorString());
    else
        statusBar()->clearMessage();
}

void MainWindow::showSandboxOffer()
{
    m_sandboxOffer->show();
}

bool MainWindow::isSandboxOfferVisible() const
{
    return !m_sandboxOffer->isHidden();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(settingsGroup);
    restoreGeometry(settings.value(geometryKey).toByteArray());
    restoreState(settings.value(stateKey).toByteArray());
    bool ok = false;
    const int page
        = QMetaEnum::fromType<Page>().keyToValue(settings.value(pageKey).toByteArray().constData(), &ok);
    if (ok)
        setCurrentPage(Page(page));
    settings.endGroup();
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(settingsGroup);
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState());
    settings.setValue(pageKey, QByteArray(QMetaEnum::fromType<Page>().valueToKey(int(currentPage()))));
    settings.endGroup();
}
