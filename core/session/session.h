#pragma once

#include "core/aws/connectionresolver.h"
#include "core/aws/connectionsettings.h"
#include "core/aws/resolvedconnection.h"

#include <QObject>
#include <QProcessEnvironment>

class ConnectionServices;
class LocalSandbox;
class LocalStore;

// The program's one live connection: the choice the user made, what it resolved to, and the local sandbox
// process while the choice is the sandbox. Everything that talks to AWS asks the session for the current
// connection and follows connectionChanged().
//
// While connected, the session also owns the connection's services (ConnectionServices: the SageMaker
// client with the connection's request budget, its JobMonitor, the EC2 and Price List clients), rebuilt
// whenever the connection changes.
class Session : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Disconnected, // nothing chosen yet
        StartingSandbox, // waiting for moto_server to answer
        ResolvingCredentials, // waiting for the profile's credential_process (the event loop goes on)
        Connected, // connection() is valid and its credentials resolved
        Failed, // errorString() says why: resolution, credentials or the sandbox
    };
    Q_ENUM(State)

    // Resolves with this environment and home directory (tests pass their own).
    Session(QProcessEnvironment environment, QString homeDir, QObject *parent = nullptr);
    // The process environment and the user's home directory.
    static Session *fromSystem(QObject *parent = nullptr);
    ~Session() override;

    // Makes choice the current connection: resolves it at once, or starts the sandbox first and resolves
    // when it answers. A profile's credential_process runs without blocking: the state is
    // ResolvingCredentials until it answers. Leaving the sandbox stops its process. Emits
    // connectionChanged() (twice for the sandbox and for a credential_process that does not answer at once:
    // starting or resolving, then connected or failed). A later choice supersedes one still resolving.
    void connectTo(const ConnectionSettings &choice);
    // Resolves the current choice again (files or environment changed, credentials expired).
    void reconnect();

    ConnectionSettings settings() const { return m_settings; }
    State state() const { return m_state; }
    // The current connection; only valid (isValid()) in state Connected. Its profile is filled as far as
    // resolution got, for display.
    ResolvedConnection connection() const { return m_connection; }
    bool isSandbox() const { return m_settings.sandbox; }
    QString errorString() const { return m_connection.error; }

    // What choice would resolve to, without making it current (the connection dialog's "Test connection").
    // The sandbox resolves only while it runs. A credential_process is not run here (it could take a
    // minute): the first request runs it, without blocking, and reports its failure.
    ResolvedConnection resolve(const ConnectionSettings &choice) const;
    // The profiles of the AWS config and credentials files (names and kinds, never keys).
    QList<ProfileSummary> profiles(QString *error = nullptr) const { return m_resolver.profiles(error); }
    // True when anything could supply credentials: keys in the environment, AWS_PROFILE, or a profile in
    // the config or credentials files. When false and moto_server is installed, the app offers the sandbox.
    bool credentialsConfigured() const;

    // The services of the current connection; nullptr unless state() is Connected. Replaced (the old ones
    // deleted) before connectionChanged() is emitted: never keep the pointer across that signal.
    ConnectionServices *services() const { return m_services; }
    // The store the connection's monitor keeps history, summaries and the watch list in (not owned; may be
    // nullptr). Takes effect from the next connection.
    void setStore(LocalStore *store) { m_store = store; }

    // The sandbox process (stopped unless the sandbox is the choice, or was started for a test).
    LocalSandbox *sandbox() const { return m_sandbox; }
    // Starts the sandbox without making it current (the dialog tests it before the user chooses it).
    void ensureSandboxStarted();

signals:
    // The current connection or its state changed: read settings(), state(), connection().
    void connectionChanged();

private:
    void apply();
    // Runs the connection's credential provider (asynchronously when it has to run a command), then makes
    // the connection current, connected or failed.
    void resolveCredentials(ResolvedConnection connection);
    void setConnection(State state, ResolvedConnection connection);
    ResolvedConnection sandboxConnection() const;

    QProcessEnvironment m_environment;
    ConnectionResolver m_resolver;
    ConnectionSettings m_settings;
    ResolvedConnection m_connection;
    State m_state = State::Disconnected;
    LocalSandbox *m_sandbox;
    LocalStore *m_store = nullptr;
    ConnectionServices *m_services = nullptr;
    // The connection whose credentials are being resolved, and which choice it was for: an answer for an
    // earlier choice is dropped.
    ResolvedConnection m_resolving;
    quint64 m_generation = 0;
};
