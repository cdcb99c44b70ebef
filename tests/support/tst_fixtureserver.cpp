#include "core/aws/httpdate.h"
#include "tests/support/fixtureserver.h"
#include "tests/support/httprequestparser.h"
#include "tests/support/manualclock.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// Proves the fixture server itself: its request parser, the order in which it picks answers, and that each
// fault really happens on the wire (a test of the transport is only as good as the faults it meets).
class TestFixtureServer : public QObject
{
    Q_OBJECT

private slots:
    void parser_data();
    void parser();
    void parserByteByByte();
    void answerOrder();
    void keepAliveAndPipelining();
    void stallKeepsConnectionSilent();
    void dropClosesWithoutAnswer();
    void truncatedBodyDeclaresMoreThanItSends();
    void dateFollowsClockAndOffset();
    void queryOperationFromForm();
    void malformedRequestGets400AndClose();
};

namespace {

QByteArray jsonRequest(
    const QByteArray &operation, const QByteArray &body = "{}", const QByteArray &extra = {})
{
    return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: "
           "SageMaker."
        + operation + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" + extra + "\r\n"
        + body;
}

struct Client
{
    explicit Client(const FixtureServer &server) { socket.connectToHost(u"127.0.0.1"_s, server.port()); }
    // Sends, then waits (running the event loop, which the server needs) until `count` whole responses
    // arrived or the server closed the connection.
    QByteArray send(const QByteArray &bytes, int count = 1)
    {
        socket.write(bytes);
        const bool done = QTest::qWaitFor(
            [&] {
                received += socket.readAll();
                return completeResponses() >= count || socket.state() == QAbstractSocket::UnconnectedState;
            },
            5000);
        if (!done)
            qWarning("no complete answer within 5 s");
        received += socket.readAll();
        return received;
    }
    int completeResponses() const
    {
        int complete = 0;
        qsizetype at = 0;
        while (true) {
            const qsizetype headEnd = received.indexOf("\r\n\r\n", at);
            if (headEnd < 0)
                return complete;
            const QByteArray head = received.mid(at, headEnd - at).toLower();
            const qsizetype field = head.indexOf("content-length: ");
            const qsizetype length
                = field < 0 ? 0 : head.mid(field + 16, head.indexOf('\r', field) - field - 16).toLongLong();
            if (received.size() < headEnd + 4 + length)
                return complete;
            ++complete;
            at = headEnd + 4 + length;
        }
    }
    QTcpSocket socket;
    QByteArray received;
};

int statusOf(const QByteArray &response)
{
    return response.mid(9, 3).toInt();
}

} // namespace

void TestFixtureServer::parser_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("requests");
    QTest::addColumn<int>("errorStatus");
    QTest::addColumn<QByteArray>("lastBody");

    QTest::newRow("one request") << jsonRequest("A", "{\"x\":1}") << 1 << 0 << QByteArray("{\"x\":1}");
    QTest::newRow("two pipelined") << jsonRequest("A", "{}") + jsonRequest("B", "[2]") << 2 << 0
                                   << QByteArray("[2]");
    QTest::newRow("incomplete body waits")
        << jsonRequest("A", "{\"long\":true}").chopped(3) << 0 << 0 << QByteArray();
    QTest::newRow("no body, no Content-Length")
        << QByteArray("GET /x HTTP/1.1\r\nHost: h\r\n\r\n") << 1 << 0 << QByteArray();
    QTest::newRow("bare LF line ends")
        << QByteArray("POST / HTTP/1.1\nHost: h\nContent-Length: 2\n\nok") << 1 << 0 << QByteArray("ok");
    QTest::newRow("leading empty lines") << "\r\n\r\n" + jsonRequest("A") << 1 << 0 << QByteArray("{}");
    QTest::newRow("chunked refused") << QByteArray(
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                                     << 0 << 501 << QByteArray();
    QTest::newRow("bad request line") << QByteArray("POST /\r\n\r\n") << 0 << 400 << QByteArray();
    QTest::newRow("not http") << QByteArray("HELLO / SMTP/1.0\r\n\r\n") << 0 << 400 << QByteArray();
    QTest::newRow("bad content length")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 0 << 400 << QByteArray();
    QTest::newRow("conflicting content lengths")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab") << 0 << 400
        << QByteArray();
    QTest::newRow("header without colon")
        << QByteArray("POST / HTTP/1.1\r\nHost h\r\n\r\n") << 0 << 400 << QByteArray();
    QTest::newRow("folded header") << QByteArray("POST / HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << 0 << 400
                                   << QByteArray();
    QTest::newRow("huge head") << "POST / HTTP/1.1\r\nX: " + QByteArray(70000, 'a') << 0 << 431
                               << QByteArray();
    QTest::newRow("huge body declared")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 999999999999\r\n\r\n") << 0 << 413 << QByteArray();
}

void TestFixtureServer::parser()
{
    QFETCH(QByteArray, input);
    QFETCH(int, requests);
    QFETCH(int, errorStatus);
    QFETCH(QByteArray, lastBody);

    HttpRequestParser parser;
    parser.feed(input);
    FixtureRequest request;
    int parsed = 0;
    HttpRequestParser::Result result;
    while ((result = parser.next(&request)) == HttpRequestParser::Result::Request)
        ++parsed;
    QCOMPARE(parsed, requests);
    QCOMPARE(parser.errorStatus(), errorStatus);
    QCOMPARE(result == HttpRequestParser::Result::Error, errorStatus != 0);
    if (requests > 0)
        QCOMPARE(request.body, lastBody);
}

void TestFixtureServer::parserByteByByte()
{
    const QByteArray input = jsonRequest("ListTrainingJobs", "{\"MaxResults\":5}") + jsonRequest("B", "{}");
    HttpRequestParser parser;
    QList<FixtureRequest> requests;
    for (const char c : input) {
        parser.feed(QByteArray(1, c));
        FixtureRequest request;
        while (parser.next(&request) == HttpRequestParser::Result::Request)
            requests.append(request);
    }
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests[0].operation(), u"ListTrainingJobs"_s);
    QCOMPARE(requests[0].json().value(u"MaxResults"_s).toInt(), 5);
    QCOMPARE(requests[0].header("x-amz-target"), QByteArray("SageMaker.ListTrainingJobs"));
    QCOMPARE(requests[1].operation(), u"B"_s);
    QCOMPARE(parser.buffered(), 0);
}

void TestFixtureServer::answerOrder()
{
    FixtureServer server;
    QVERIFY(server.listen());
    server.setDefaultHandler([](const FixtureRequest &) {
        return FixtureAction::json({ { u"from"_s, u"default"_s } });
    });
    server.setHandler(u"Describe"_s, [](const FixtureRequest &r) {
        return FixtureAction::json({ { u"from"_s, u"handler"_s }, { u"echo"_s, r.json().value(u"Name"_s) } });
    });
    server.enqueue(FixtureAction::json({ { u"from"_s, u"any queue"_s } }));
    server.enqueue(u"Describe"_s, FixtureAction::awsError(400, u"First"_s, u"m"_s));

    Client client(server);
    const auto answer = [&](const QByteArray &operation, const QByteArray &body = "{}") {
        client.received.clear();
        const QByteArray response = client.send(jsonRequest(operation, body));
        return QJsonDocument::fromJson(response.mid(response.indexOf("\r\n\r\n") + 4)).object();
    };
    QCOMPARE(answer("Describe").value(u"__type"_s).toString(),
        u"com.amazonaws.sagemaker#First"_s); // operation queue
    QCOMPARE(answer("Describe").value(u"from"_s).toString(), u"any queue"_s);
    const QJsonObject handled = answer("Describe", "{\"Name\":\"j1\"}");
    QCOMPARE(handled.value(u"from"_s).toString(), u"handler"_s);
    QCOMPARE(handled.value(u"echo"_s).toString(), u"j1"_s);
    QCOMPARE(answer("List").value(u"from"_s).toString(), u"default"_s);

    server.setDefaultHandler({});
    QCOMPARE(
        answer("List").value(u"__type"_s).toString(), u"com.amazonaws.sagemaker#UnknownOperationException"_s);
    QCOMPARE(server.requestCount(), 5);
    QCOMPARE(server.requestCount(u"Describe"_s), 3);
    QCOMPARE(server.requests(u"List"_s).size(), 2);
    QCOMPARE(server.queued(), 0);
}

void TestFixtureServer::keepAliveAndPipelining()
{
    FixtureServer server;
    QVERIFY(server.listen());
    server.setDefaultHandler([](const FixtureRequest &r) {
        return FixtureAction::json({ { u"op"_s, r.operation() } });
    });
    server.enqueue(u"Slow"_s, FixtureAction::json({ { u"op"_s, u"Slow"_s } }).withDelay(100ms));
    Client client(server);
    const QByteArray responses = client.send(jsonRequest("Slow") + jsonRequest("Fast"), 2);
    QCOMPARE(responses.count("HTTP/1.1 200 OK"), 2);
    // In order, although the first answer was delayed.
    QVERIFY(responses.indexOf("\"Slow\"") < responses.indexOf("\"Fast\""));
    QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
    const auto requests = server.requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests[0].connectionId, requests[1].connectionId);
    QCOMPARE(requests[1].sequence, 1);
    QVERIFY(responses.contains("x-amzn-RequestId: fixture-"));

    client.received.clear();
    const QByteArray closing = client.send(jsonRequest("Last", "{}", "Connection: close\r\n"));
    QVERIFY(closing.contains("Connection: close"));
    QTRY_COMPARE(client.socket.state(), QAbstractSocket::UnconnectedState);
}

void TestFixtureServer::stallKeepsConnectionSilent()
{
    FixtureServer server;
    QVERIFY(server.listen());
    server.enqueue(FixtureAction::stall());
    server.setDefaultHandler([](const FixtureRequest &) { return FixtureAction::json({}); });
    Client client(server);
    client.socket.write(jsonRequest("Hang") + jsonRequest("Behind"));
    QTRY_COMPARE(server.requestCount(), 1); // the pipelined one waits behind the stalled answer
    QTest::qWait(200);
    QCOMPARE(client.socket.bytesAvailable(), 0);
    QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(server.openConnections(), 1);
    server.closeAllConnections();
    QTRY_COMPARE(client.socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(client.socket.readAll(), QByteArray());
}

void TestFixtureServer::dropClosesWithoutAnswer()
{
    FixtureServer server;
    QVERIFY(server.listen());
    server.enqueue(FixtureAction::dropAfterBody());
    Client client(server);
    const QByteArray response = client.send(jsonRequest("Create", "{\"Name\":\"x\"}"));
    QCOMPARE(response, QByteArray());
    QCOMPARE(client.socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(server.requests().first().json().value(u"Name"_s).toString(), u"x"_s); // the body did arrive
    QTRY_COMPARE(server.openConnections(), 0);
}

void TestFixtureServer::truncatedBodyDeclaresMoreThanItSends()
{
    FixtureServer server;
    QVERIFY(server.listen());
    server.enqueue(FixtureAction::truncated(200, "{\"TrainingJobArn\":\"arn:aw", 500));
    Client client(server);
    const QByteArray response = client.send(jsonRequest("Create"));
    QTRY_COMPARE(client.socket.state(), QAbstractSocket::UnconnectedState);
    client.received += client.socket.readAll();
    QVERIFY(client.received.contains("Content-Length: 500\r\n"));
    QVERIFY(client.received.endsWith("\r\n\r\n{\"TrainingJobArn\":\"arn:aw"));
}

void TestFixtureServer::dateFollowsClockAndOffset()
{
    ManualClock clock;
    FixtureServer server;
    server.setClock(&clock);
    QVERIFY(server.listen());
    server.enqueue(FixtureAction::json({}));
    server.enqueue(FixtureAction::json({}).withDateOffset(-900));
    server.enqueue(FixtureAction::json({}).withoutDate());
    Client client(server);
    QVERIFY(client.send(jsonRequest("A"))
                .contains(QByteArray("Date: " + HttpDate::format(clock.now()) + "\r\n")));
    QCOMPARE(server.requests().first().arrivedAt, clock.now());
    client.received.clear();
    QVERIFY(client.send(jsonRequest("A"))
                .contains(QByteArray("Date: " + HttpDate::format(clock.now().addSecs(-900)) + "\r\n")));
    client.received.clear();
    QVERIFY(!client.send(jsonRequest("A")).contains("Date: "));
}

void TestFixtureServer::queryOperationFromForm()
{
    FixtureServer server;
    QVERIFY(server.listen());
    server.setHandler(u"DescribeSpotPriceHistory"_s, [](const FixtureRequest &) {
        return FixtureAction::xmlError(400, u"InvalidParameterValue"_s, u"bad <value>"_s);
    });
    Client client(server);
    const QByteArray body = "Action=DescribeSpotPriceHistory&Version=2016-11-15";
    const QByteArray response
        = client.send("POST / HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-www-form-urlencoded; "
                      "charset=utf-8\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QCOMPARE(statusOf(response), 400);
    QVERIFY(response.contains("<Code>InvalidParameterValue</Code><Message>bad &lt;value&gt;</Message>"));
}

void TestFixtureServer::malformedRequestGets400AndClose()
{
    FixtureServer server;
    QVERIFY(server.listen());
    Client client(server);
    const QByteArray response = client.send("NONSENSE\r\n\r\n");
    QCOMPARE(statusOf(response), 400);
    QTRY_COMPARE(client.socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(server.requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestFixtureServer)
#include "tst_fixtureserver.moc"
