#include "core/session/session.h"

#include "core/aws/clock.h"
#include "core/aws/credentialsprovider.h"
#include "core/aws/localsandbox.h"
#include "core/sagemaker/jobmonitor.h"
#include "core/session/companionconnection.h"
#include "core/session/connectionservices.h"

#include <QDir>

using namespace Qt::StringLiterals;

Session::Session(QProcessEnvironment environment, QString homeDir, QObject *parent)
    : QObject(parent)
    , m_environment(environment)
    , m_resolver(std::move(environment), std::move(homeDir))
    , m_sandbox(new LocalSandbox(this))
{
    connect(m_sandbox, &LocalSandbox::ready, this, [this] {
        if (m_settings.sandbox)
            setConnection(State::Connected, sandboxConnection());
    });
    connect(m_sandbox, &LocalSandbox::failed, this, [this](const QString &message) {
        if (!m_settings.sandbox)
            return;
        ResolvedConnection failed = sandboxConnection();
        failed.error = message;
        failed.credentials.reset();
        setConnection(State::Failed, failed);
    });
}

Session::~Session() = default;

Session *Session::fromSystem(QObject *parent)
{
    return new Session(QProcessEnvironment::systemEnvironment(), QDir::homePath(), parent);
}

void Session::connectTo(const ConnectionSettings &choice)
{
    m_settings = choice;
    apply();
}

void Session::reconnect()
{
    apply();
}

void Session::apply()
{
    ++m_generation;
    m_resolving = {};
    if (!m_settings.sandbox) {
        m_sandbox->stop();
        ResolvedConnection connection = resolve(m_settings);
        if (connection.isValid())
            resolveCredentials(std::move(connection));
        else
            setConnection(State::Failed, std::move(connection));
        return;
    }
    if (m_sandbox->state() == LocalSandbox::State::Running) {
        setConnection(State::Connected, sandboxConnection());
        return;
    }
    ResolvedConnection starting = sandboxConnection();
    starting.credentials.reset();
    setConnection(State::StartingSandbox, starting);
    m_sandbox->start(); // ready or failed follows, possibly at once
}

void Session::ensureSandboxStarted()
{
    if (m_sandbox->state() != LocalSandbox::State::Running)
        m_sandbox->start();
}

ResolvedConnection Session::resolve(const ConnectionSettings &choice) const
{
    if (choice.sandbox) {
        ResolvedConnection connection = sandboxConnection();
        if (m_sandbox->state() != LocalSandbox::State::Running) {
            connection.credentials.reset();
            connection.error = m_sandbox->state() == LocalSandbox::State::Failed
                ? m_sandbox->errorString()
                : tr("The local sandbox is not running.");
        }
        return connection;
    }
    ResolvedConnection connection = m_resolver.resolve(ConnectionOptions {
        .profile = choice.profile, .region = choice.region, .endpointUrl = choice.endpointUrl });
    return connection;
}

void Session::resolveCredentials(ResolvedConnection connection)
{
    const quint64 generation = m_generation;
    // Kept alive here: an answer at once replaces m_resolving while refresh() is still on the stack.
    const std::shared_ptr<CredentialsProvider> provider = connection.credentials;
    m_resolving = std::move(connection);
    // A credential_process may still fail: run it now, so the status bar tells the truth before the first
    // request does.
    provider->refresh(
        this, false, [this, generation](const AwsCredentials &credentials, const QString &error) {
            if (generation != m_generation)
                return;
            ResolvedConnection resolved = std::exchange(m_resolving, {});
            if (credentials.isValid()) {
                setConnection(State::Connected, std::move(resolved));
                return;
            }
            resolved.error = error.isEmpty()
                ? tr("The credentials of %1 did not resolve.").arg(resolved.credentialSource)
                : error;
            resolved.credentials.reset();
            setConnection(State::Failed, std::move(resolved));
        });
    if (generation != m_generation || !m_resolving.credentials)
        return; // answered at once
    ResolvedConnection waiting = m_resolving;
    waiting.credentials.reset();
    setConnection(State::ResolvingCredentials, std::move(waiting));
}

bool Session::credentialsConfigured() const
{
    if (!m_environment.value(u"AWS_ACCESS_KEY_ID"_s).isEmpty()
        || !m_environment.value(u"AWS_PROFILE"_s).isEmpty())
        return true;
    QString error;
    const QList<ProfileSummary> profiles = m_resolver.profiles(&error);
    // A malformed file is configured, just broken: the connection's error says how to fix it.
    return !error.isEmpty() || !profiles.isEmpty();
}

ResolvedConnection Session::sandboxConnection() const
{
    ResolvedConnection connection;
    connection.region = QLatin1String(LocalSandbox::region);
    connection.endpoint = m_sandbox->endpoint();
    connection.service = u"sagemaker"_s;
    connection.credentials = LocalSandbox::credentialsProvider();
    connection.credentialSource = connection.credentials->sourceDescription();
    connection.endpointSource = tr("local sandbox");
    return connection;
}

void Session::setConnection(State state, ResolvedConnection connection)
{
    m_state = state;
    m_connection = std::move(connection);
    if (m_services) {
        // Later, not now: this may run inside a handler of one of the services' own signals.
        m_services->monitor()->stop();
        m_services->deleteLater();
        m_services = nullptr;
    }
    if (m_state == State::Connected) {
        const ResolvedConnection ec2
            = CompanionConnection::resolve(m_resolver, m_settings, m_connection, u"ec2"_s);
        ResolvedConnection pricing;
        if (m_settings.sandbox)
            pricing.error = tr("The local sandbox has no AWS Price List API.");
        else
            pricing = CompanionConnection::resolve(m_resolver, m_settings, m_connection, u"pricing"_s);
        m_services = new ConnectionServices(m_connection, ec2, pricing, m_store, Clock::system(), this);
    }
    emit connectionChanged();
}
