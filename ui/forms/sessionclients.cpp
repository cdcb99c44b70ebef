#include "ui/forms/sessionclients.h"

#include "core/aws/awstransport.h"
#include "core/aws/clock.h"
#include "core/aws/connectionresolver.h"
#include "core/ec2/ec2client.h"
#include "core/ec2/vpcpreflight.h"
#include "core/sagemaker/sagemakerclient.h"
#include "core/session/session.h"

using namespace Qt::StringLiterals;

SessionClients::SessionClients(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(m_session, &Session::connectionChanged, this, &SessionClients::rebuild);
    rebuild();
}

SessionClients::~SessionClients()
{
    clear();
}

void SessionClients::clear()
{
    // Clients first: their calls still running are cancelled before the transports go.
    delete m_preflight;
    delete m_ec2;
    delete m_sageMaker;
    delete m_ec2Transport;
    delete m_sageMakerTransport;
    m_preflight = nullptr;
    m_ec2 = nullptr;
    m_sageMaker = nullptr;
    m_ec2Transport = nullptr;
    m_sageMakerTransport = nullptr;
}

void SessionClients::rebuild()
{
    clear();
    const ResolvedConnection connection = m_session->connection();
    if (m_session->state() != Session::State::Connected || !connection.isValid()) {
        m_reason = m_session->state() == Session::State::StartingSandbox
            ? tr("the local sandbox is still starting.")
            : tr("there is no connection to AWS (Connection > Connect…).");
        emit changed();
        return;
    }
    m_reason.clear();
    m_sageMakerTransport = new AwsTransport(connection, Clock::system(), this);
    m_sageMaker = new SageMakerClient(m_sageMakerTransport, this);

    // EC2 goes where SageMaker goes when that is the sandbox; otherwise it is resolved like SageMaker was,
    // so per-service endpoint settings apply.
    ResolvedConnection ec2;
    if (m_session->isSandbox()) {
        ec2 = connection;
        ec2.service = u"ec2"_s;
    } else {
        const ConnectionSettings settings = m_session->settings();
        ec2 = ConnectionResolver::fromSystem().resolve(
            ConnectionOptions {
                .profile = settings.profile, .region = settings.region, .endpointUrl = settings.endpointUrl },
            u"ec2"_s);
    }
    if (ec2.isValid()) {
        m_ec2Transport = new AwsTransport(ec2, Clock::system(), this);
        m_ec2 = new Ec2Client(m_ec2Transport, this);
        m_preflight = new VpcPreflight(m_ec2, this);
    } else {
        m_reason = ec2.error;
    }
    emit changed();
}
