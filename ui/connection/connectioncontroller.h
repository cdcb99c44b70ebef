#pragma once

#include <QObject>
#include <QPointer>

class ConnectionDialog;
class QWidget;
class Session;
struct ConnectionSettings;

// Wires the connection dialog and the Local sandbox action to the session: opens the dialog, runs its
// "Test connection" (ConnectionTest) and answers it, applies and saves the user's choice. The window's
// connection menu and the sandbox offer call it; it holds no state of its own beyond the open dialog.
class ConnectionController : public QObject
{
    Q_OBJECT

public:
    ConnectionController(Session *session, QWidget *window);

    // Connection > Connect…: window-modal, returns at once.
    void openDialog();
    ConnectionDialog *dialog() const;
    // Connection > Local sandbox: switches to the sandbox, or back to the AWS choice, and saves it.
    void useSandbox(bool sandbox);

private:
    void runTest(const ConnectionSettings &choice);
    void apply(const ConnectionSettings &choice);

    Session *m_session;
    QWidget *m_window;
    QPointer<ConnectionDialog> m_dialog;
};
