#include "core/session/connectionservices.h"

#include "core/aws/awstransport.h"
#include "core/aws/tokenbucket.h"
#include "core/ec2/ec2client.h"
#include "core/pricing/pricelistclient.h"
#include "core/sagemaker/jobmonitor.h"
#include "core/sagemaker/sagemakerclient.h"

ConnectionServices::ConnectionServices(const ResolvedConnection &sageMaker, const ResolvedConnection &ec2,
    const ResolvedConnection &pricing, LocalStore *store, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_connectionKey(JobMonitor::connectionKey(sageMaker))
    , m_region(sageMaker.region)
    , m_budget(new TokenBucket(TokenBucket::Settings(), clock, this))
    , m_sageMakerTransport(new AwsTransport(sageMaker, clock, this))
    , m_sageMaker(new SageMakerClient(m_sageMakerTransport, m_sageMakerTransport))
{
    Q_ASSERT(sageMaker.isValid());
    // Before the monitor: it takes the transport's budget as the connection's (and makes its own without).
    m_sageMakerTransport->setBudget(m_budget);
    m_monitor = new JobMonitor(m_sageMaker, store, m_connectionKey, clock, this);

    if (ec2.isValid())
        m_ec2 = new Ec2Client(new AwsTransport(ec2, clock, this), this);
    else
        m_ec2Unavailable = ec2.error;

    if (pricing.isValid())
        m_priceList = new PriceListClient(new AwsTransport(pricing, clock, this), this);
    else
        m_pricingUnavailable = pricing.error;
}

// The monitor and the clients go before the transports they use (children die in reverse order of creation
// otherwise, and a monitor stopping its calls must still find its client).
ConnectionServices::~ConnectionServices()
{
    delete m_monitor;
    delete m_ec2;
    delete m_priceList;
}
