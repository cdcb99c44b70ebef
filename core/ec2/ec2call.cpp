#include "core/ec2/ec2call.h"

#include "core/aws/awscall.h"
#include "core/aws/awstransport.h"
#include "core/ec2/ec2client.h"
#include "core/ec2/ec2responsereader.h"
#include "core/ec2/ec2xmlelement.h"

using namespace Qt::StringLiterals;

Ec2Call::Ec2Call(AwsTransport *transport, QString action, Parameters parameters, PageReader reader)
    : QObject(transport)
    , m_transport(transport)
    , m_action(std::move(action))
    , m_parameters(std::move(parameters))
    , m_reader(reader)
{ }

Ec2Call::~Ec2Call()
{
    // A cancelled call: the page in flight goes with it, without a signal.
    delete m_current.data();
}

void Ec2Call::sendPage(const QString &nextToken)
{
    Parameters parameters = m_parameters;
    if (!nextToken.isEmpty())
        parameters.append({ u"NextToken"_s, nextToken });
    m_current
        = m_transport->send(AwsRequest::query(m_action, QLatin1String(Ec2Client::apiVersion), parameters));
    connect(m_current, &AwsCall::finished, this, &Ec2Call::onPage);
}

void Ec2Call::onPage(const AwsResult &page)
{
    m_current = nullptr;
    if (!page.isOk()) {
        fail(page.error);
        return;
    }
    QString parseError;
    const std::optional<Ec2XmlElement> response = Ec2XmlElement::parse(page.body, &parseError);
    const QString expectedRoot = m_action + u"Response"_s;
    if (!response || response->name() != expectedRoot) {
        AwsError error { u"InvalidResponse"_s,
            response ? tr("The answer to %1 is <%2>, not <%3>").arg(m_action, response->name(), expectedRoot)
                     : tr("The answer to %1 is not valid XML (%2)").arg(m_action, parseError),
            page.requestId, page.httpStatus };
        fail(error);
        return;
    }
    ++m_result.pages;
    m_reader(*response, m_result.resources);

    const QString token = Ec2ResponseReader::nextToken(*response);
    if (token.isEmpty()) {
        finish();
        return;
    }
    if (m_tokensSeen.contains(token)) {
        // Following it would never end.
        fail({ u"InvalidResponse"_s,
            tr("%1 answered the same page token twice; stopped after %2 pages")
                .arg(m_action)
                .arg(m_result.pages),
            page.requestId, page.httpStatus });
        return;
    }
    m_tokensSeen.insert(token);
    sendPage(token);
}

void Ec2Call::fail(const AwsError &error)
{
    m_result.error = error;
    finish();
}

void Ec2Call::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished(m_result);
    deleteLater();
}
