#pragma once

#include <QObject>
#include <QString>

class AwsTransport;
class Ec2Client;
class SageMakerClient;
class Session;
class VpcPreflight;

// The service clients the create forms need, built from the session's current connection and rebuilt
// whenever it changes: SageMaker for the creates, EC2 (same profile, region and endpoint override) for the
// VPC pre-flight check. While the session is not connected there are none, and unavailableReason() says
// why in a sentence.
class SessionClients : public QObject
{
    Q_OBJECT

public:
    explicit SessionClients(Session *session, QObject *parent = nullptr);
    ~SessionClients() override;

    SageMakerClient *sageMaker() const { return m_sageMaker; }
    VpcPreflight *preflight() const { return m_preflight; }
    QString unavailableReason() const { return m_reason; }

signals:
    // The clients were rebuilt (or dropped): read them again.
    void changed();

private:
    void rebuild();
    void clear();

    Session *m_session;
    AwsTransport *m_sageMakerTransport = nullptr;
    SageMakerClient *m_sageMaker = nullptr;
    AwsTransport *m_ec2Transport = nullptr;
    Ec2Client *m_ec2 = nullptr;
    VpcPreflight *m_preflight = nullptr;
    QString m_reason;
};
