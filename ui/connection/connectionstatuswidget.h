#pragma once

#include <QWidget>

class BadgeLabel;
class QLabel;
class Session;

// The status bar's connection: profile, region, endpoint and whether credentials resolved, with a
// "Local sandbox" badge when the connection is the sandbox. Follows Session::connectionChanged(); the
// tooltip holds the full error when something did not resolve.
class ConnectionStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionStatusWidget(Session *session, QWidget *parent = nullptr);

    // The state words shown ("Credentials resolved", "No credentials", "Starting…"), for tests.
    QString credentialsText() const;

private:
    void refresh();

    Session *m_session;
    BadgeLabel *m_sandboxBadge;
    QLabel *m_profile;
    QLabel *m_region;
    QLabel *m_endpoint;
    BadgeLabel *m_credentials;
};
