#pragma once

#include "tests/support/fixtureaction.h"
#include "tests/support/fixturerequest.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QQueue>
#include <QUrl>
#include <functional>

class Clock;
class QTcpServer;
class QTcpSocket;

// A scriptable AWS look-alike on 127.0.0.1 for tests: plain HTTP/1.1 over QTcpServer, so it can also stall,
// drop a connection after the request body or cut a response short, which an HTTP server library cannot.
//
// Each request is recorded, then answered by the first of:
//   1. the queue for its operation (enqueue("ListTrainingJobs", action)),
//   2. the queue for any operation (enqueue(action)),
//   3. the handler for its operation (setHandler),
//   4. the default handler (setDefaultHandler): a simulation of a whole service plugs in here, and faults
//      queued in 1 and 2 still take precedence over it,
//   5. 400 UnknownOperationException.
// The operation is the part of X-Amz-Target after the dot, or the Action of a form-encoded Query request.
class FixtureServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<FixtureAction(const FixtureRequest &request)>;

    explicit FixtureServer(QObject *parent = nullptr);
    ~FixtureServer() override;

    // Listens on 127.0.0.1, on a free port unless one is given.
    bool listen(quint16 port = 0);
    quint16 port() const;
    // "http://127.0.0.1:<port>/"
    QUrl url() const;

    // The clock for the Date header and FixtureRequest::arrivedAt; the system clock unless set.
    void setClock(Clock *clock);

    void enqueue(const FixtureAction &action);
    void enqueue(const QString &operation, const FixtureAction &action);
    qsizetype queued() const;
    void setHandler(const QString &operation, Handler handler);
    void setDefaultHandler(Handler handler);

    QList<FixtureRequest> requests() const { return m_requests; }
    QList<FixtureRequest> requests(const QString &operation) const;
    qsizetype requestCount() const { return m_requests.size(); }
    qsizetype requestCount(const QString &operation) const;
    void clearRequests() { m_requests.clear(); }

    // Connections open now (stalled ones included).
    int openConnections() const;
    // Connections holding a stalled request: they end only when the client gives up or closeAllConnections().
    int stalledConnections() const;
    // Closes every connection, stalled ones included.
    void closeAllConnections();

signals:
    // After the request is recorded, before it is answered.
    void requestReceived(const FixtureRequest &request);

private:
    struct Connection;

    void onNewConnection();
    void onReadyRead(Connection *connection);
    void processRequests(Connection *connection);
    FixtureAction actionFor(const FixtureRequest &request);
    void perform(Connection *connection, const FixtureRequest &request, const FixtureAction &action);
    void writeResponse(Connection *connection, const FixtureAction &action, bool keepAlive);
    QByteArray responseHead(const FixtureAction &action, qsizetype contentLength, bool keepAlive);
    void dropConnection(Connection *connection);

    QTcpServer *m_server;
    Clock *m_clock;
    QElapsedTimer m_started;
    QHash<QTcpSocket *, Connection *> m_connections;
    int m_nextConnectionId = 1;
    int m_nextResponseId = 1;
    QQueue<FixtureAction> m_anyQueue;
    QHash<QString, QQueue<FixtureAction>> m_operationQueues;
    QHash<QString, Handler> m_handlers;
    Handler m_defaultHandler;
    QList<FixtureRequest> m_requests;
};
