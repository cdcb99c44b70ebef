#include "ui/connection/connectionstatuswidget.h"

#include "core/session/session.h"
#include "ui/badgelabel.h"

#include <QHBoxLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace {

const QColor sandboxColour(0x6a, 0x1b, 0x9a);
const QColor resolvedColour(0x2e, 0x7d, 0x32);
const QColor pendingColour(0xf9, 0xa8, 0x25);
const QColor failedColour(0xc6, 0x28, 0x28);

QLabel *field(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? u"—"_s : text;
}

} // namespace

ConnectionStatusWidget::ConnectionStatusWidget(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_sandboxBadge(new BadgeLabel(tr("Local sandbox"), sandboxColour))
    , m_profile(field(u"connectionProfile"_s))
    , m_region(field(u"connectionRegion"_s))
    , m_endpoint(field(u"connectionEndpoint"_s))
    , m_credentials(new BadgeLabel)
{
    setObjectName(u"connectionStatus"_s);
    m_sandboxBadge->setObjectName(u"sandboxBadge"_s);
    m_sandboxBadge->setToolTip(tr("Connected to moto_server on this computer, not to AWS: nothing you create "
                                  "here exists in an AWS account."));
    m_credentials->setObjectName(u"connectionCredentials"_s);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(m_sandboxBadge);
    layout->addWidget(m_profile);
    layout->addWidget(m_region);
    layout->addWidget(m_endpoint);
    layout->addWidget(m_credentials);

    connect(session, &Session::connectionChanged, this, &ConnectionStatusWidget::refresh);
    refresh();
}

QString ConnectionStatusWidget::credentialsText() const
{
    return m_credentials->text();
}

void ConnectionStatusWidget::refresh()
{
    const ResolvedConnection connection = m_session->connection();
    const bool sandbox = m_session->isSandbox();
    m_sandboxBadge->setVisible(sandbox);
    m_profile->setVisible(!sandbox);
    m_profile->setText(tr("Profile: %1").arg(orDash(connection.profile)));
    m_region->setText(tr("Region: %1").arg(orDash(connection.region)));
    m_endpoint->setText(tr("Endpoint: %1").arg(orDash(connection.endpoint.toString())));
    m_endpoint->setToolTip(connection.endpointSource.isEmpty()
            ? QString()
            : tr("Endpoint from %1").arg(connection.endpointSource));

    QString tooltip;
    switch (m_session->state()) {
    case Session::State::Disconnected:
        m_credentials->setText(tr("Not connected"));
        m_credentials->setBackground(pendingColour);
        tooltip = tr("Choose a connection with Connection > Connect…");
        break;
    case Session::State::StartingSandbox:
        m_credentials->setText(tr("Starting…"));
        m_credentials->setBackground(pendingColour);
        tooltip = tr("Waiting for moto_server to answer");
        break;
    case Session::State::ResolvingCredentials:
        m_credentials->setText(tr("Resolving credentials…"));
        m_credentials->setBackground(pendingColour);
        tooltip = tr("Waiting for the credentials of %1").arg(connection.credentialSource);
        break;
    case Session::State::Connected:
        m_credentials->setText(tr("Credentials resolved"));
        m_credentials->setBackground(resolvedColour);
        tooltip = tr("Credentials from %1").arg(connection.credentialSource);
        break;
    case Session::State::Failed:
        m_credentials->setText(sandbox ? tr("Sandbox failed") : tr("Not resolved"));
        m_credentials->setBackground(failedColour);
        tooltip = connection.error;
        break;
    }
    m_credentials->setToolTip(tooltip);
    setToolTip(tooltip);
}
