#include "tests/support/fixtureserver.h"

#include "core/aws/clock.h"
#include "core/aws/httpdate.h"
#include "tests/support/httprequestparser.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

// A child of its socket, so both go together however the connection ends.
struct FixtureServer::Connection : QObject
{
    explicit Connection(QTcpSocket *s)
        : QObject(s)
        , socket(s)
    { }
    QTcpSocket *socket;
    HttpRequestParser parser;
    int id = 0;
    // Stalled, or waiting for a delayed answer: later pipelined requests wait (HTTP/1.1 answers in order).
    bool busy = false;
    bool stalled = false;
    bool closing = false;
};

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

} // namespace

FixtureServer::FixtureServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_clock(Clock::system())
{
    connect(m_server, &QTcpServer::newConnection, this, &FixtureServer::onNewConnection);
}

FixtureServer::~FixtureServer()
{
    closeAllConnections();
}

bool FixtureServer::listen(quint16 port)
{
    m_started.start();
    return m_server->listen(QHostAddress::LocalHost, port);
}

quint16 FixtureServer::port() const
{
    return m_server->serverPort();
}

QUrl FixtureServer::url() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port());
    url.setPath(u"/"_s);
    return url;
}

void FixtureServer::setClock(Clock *clock)
{
    m_clock = clock ? clock : Clock::system();
}

void FixtureServer::enqueue(const FixtureAction &action)
{
    m_anyQueue.enqueue(action);
}

void FixtureServer::enqueue(const QString &operation, const FixtureAction &action)
{
    m_operationQueues[operation].enqueue(action);
}

qsizetype FixtureServer::queued() const
{
    qsizetype count = m_anyQueue.size();
    for (const auto &queue : m_operationQueues)
        count += queue.size();
    return count;
}

void FixtureServer::setHandler(const QString &operation, Handler handler)
{
    m_handlers.insert(operation, std::move(handler));
}

void FixtureServer::setDefaultHandler(Handler handler)
{
    m_defaultHandler = std::move(handler);
}

QList<FixtureRequest> FixtureServer::requests(const QString &operation) const
{
    QList<FixtureRequest> matching;
    for (const FixtureRequest &request : m_requests) {
        if (request.operation() == operation)
            matching.append(request);
    }
    return matching;
}

qsizetype FixtureServer::requestCount(const QString &operation) const
{
    return std::count_if(m_requests.cbegin(), m_requests.cend(),
        [&operation](const FixtureRequest &request) { return request.operation() == operation; });
}

int FixtureServer::openConnections() const
{
    return int(m_connections.size());
}

int FixtureServer::stalledConnections() const
{
    return int(std::count_if(m_connections.cbegin(), m_connections.cend(),
        [](const Connection *connection) { return connection->stalled; }));
}

void FixtureServer::closeAllConnections()
{
    const QList<Connection *> connections = m_connections.values();
    for (Connection *connection : connections)
        dropConnection(connection);
}

void FixtureServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new Connection(socket);
        connection->id = m_nextConnectionId++;
        m_connections.insert(socket, connection);
        connect(socket, &QTcpSocket::readyRead, this, [this, connection] { onReadyRead(connection); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            socket->deleteLater();
        });
    }
}

void FixtureServer::onReadyRead(Connection *connection)
{
    connection->parser.feed(connection->socket->readAll());
    processRequests(connection);
}

void FixtureServer::processRequests(Connection *connection)
{
    while (!connection->busy && !connection->closing) {
        FixtureRequest request;
        const auto result = connection->parser.next(&request);
        if (result == HttpRequestParser::Result::NeedMore)
            return;
        if (result == HttpRequestParser::Result::Error) {
            FixtureAction refusal = FixtureAction::raw(
                connection->parser.errorStatus(), "text/plain", connection->parser.errorString().toUtf8());
            writeResponse(connection, refusal, false);
            return;
        }
        request.arrivedAt = m_clock->now();
        request.arrivedAtMs = m_started.elapsed();
        request.connectionId = connection->id;
        request.sequence = int(m_requests.size());
        m_requests.append(request);
        emit requestReceived(request);
        perform(connection, request, actionFor(request));
    }
}

FixtureAction FixtureServer::actionFor(const FixtureRequest &request)
{
    const QString operation = request.operation();
    if (auto it = m_operationQueues.find(operation); it != m_operationQueues.end() && !it->isEmpty())
        return it->dequeue();
    if (!m_anyQueue.isEmpty())
        return m_anyQueue.dequeue();
    if (const auto it = m_handlers.constFind(operation); it != m_handlers.cend())
        return (*it)(request);
    if (m_defaultHandler)
        return m_defaultHandler(request);
    return FixtureAction::awsError(400, u"UnknownOperationException"_s,
        u"The fixture server has no answer scripted for operation '%1'"_s.arg(operation));
}

void FixtureServer::perform(
    Connection *connection, const FixtureRequest &request, const FixtureAction &action)
{
    switch (action.kind) {
    case FixtureAction::Kind::Stall:
        connection->busy = true;
        connection->stalled = true;
        return;
    case FixtureAction::Kind::DropAfterBody:
        dropConnection(connection);
        return;
    case FixtureAction::Kind::TruncateBody:
    case FixtureAction::Kind::Respond:
        break;
    }
    const bool keepAlive
        = request.keepAlive() && !action.closeAfter && action.kind == FixtureAction::Kind::Respond;
    if (action.delay.count() <= 0) {
        writeResponse(connection, action, keepAlive);
        return;
    }
    connection->busy = true;
    QTcpSocket *socket = connection->socket;
    QTimer::singleShot(action.delay, socket, [this, socket, action, keepAlive] {
        Connection *c = m_connections.value(socket);
        if (!c)
            return;
        c->busy = false;
        writeResponse(c, action, keepAlive);
        processRequests(c);
    });
}

QByteArray FixtureServer::responseHead(const FixtureAction &action, qsizetype contentLength, bool keepAlive)
{
    QByteArray head
        = "HTTP/1.1 " + QByteArray::number(action.status) + ' ' + reasonPhrase(action.status) + "\r\n";
    if (action.sendDate)
        head += "Date: " + HttpDate::format(m_clock->now().addSecs(action.dateOffsetSeconds)) + "\r\n";
    bool hasRequestId = false;
    for (const auto &[name, value] : action.headers)
        hasRequestId = hasRequestId || name.compare("x-amzn-RequestId", Qt::CaseInsensitive) == 0;
    if (!hasRequestId)
        head += "x-amzn-RequestId: fixture-" + QByteArray::number(m_nextResponseId++) + "\r\n";
    if (!action.contentType.isEmpty())
        head += "Content-Type: " + action.contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    head += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    for (const auto &[name, value] : action.headers)
        head += name + ": " + value + "\r\n";
    return head + "\r\n";
}

void FixtureServer::writeResponse(Connection *connection, const FixtureAction &action, bool keepAlive)
{
    const bool truncated = action.kind == FixtureAction::Kind::TruncateBody;
    const qsizetype declared = truncated ? action.declaredLength : action.body.size();
    connection->socket->write(responseHead(action, declared, keepAlive) + action.body);
    if (!keepAlive || truncated) {
        connection->closing = true;
        connection->socket->disconnectFromHost(); // after the written bytes are flushed
    }
}

void FixtureServer::dropConnection(Connection *connection)
{
    connection->closing = true;
    QTcpSocket *socket = connection->socket;
    socket->abort(); // emits disconnected() when it was connected
    if (m_connections.remove(socket))
        socket->deleteLater();
}
