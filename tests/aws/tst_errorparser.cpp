#include "core/aws/awserrorparser.h"
#include "core/aws/httpdate.h"

#include <QTest>

using namespace Qt::StringLiterals;

// Proves that every error body the transport can meet becomes a readable AwsError with the right code,
// message and request id, and that nothing in it crashes the parser.
class TestErrorParser : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void neverEmpty_data();
    void neverEmpty();
    void httpDate_data();
    void httpDate();
};

namespace {

// "Name: value" lines, one per header.
AwsErrorParser::Headers headersFrom(const QByteArray &lines)
{
    AwsErrorParser::Headers headers;
    for (const QByteArray &line : lines.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            headers.append({ line.left(colon).trimmed(), line.mid(colon + 1).trimmed() });
    }
    return headers;
}

} // namespace

void TestErrorParser::parse_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messageContains");
    QTest::addColumn<QString>("requestId");

    QTest::newRow("json type with namespace, lower-case message, id from x-amzn-RequestId")
        << 400 << QByteArray("x-amzn-RequestId: abc-123")
        << QByteArray(
               R"({"__type":"com.amazonaws.sagemaker#ValidationException","message":"1 validation error"})")
        << u"ValidationException"_s << u"1 validation error"_s << u"abc-123"_s;
    QTest::newRow("json type without namespace, capitalised Message")
        << 400 << QByteArray("x-amzn-RequestId: r2")
        << QByteArray(R"({"__type":"ResourceNotFound","Message":"Could not find job"})")
        << u"ResourceNotFound"_s << u"Could not find job"_s << u"r2"_s;
    QTest::newRow("json type with coral suffix")
        << 400 << QByteArray()
        << QByteArray(
               R"({"__type":"aws.x#ThrottlingException:http://internal.amazon.com/coral/","message":"Rate exceeded"})")
        << u"ThrottlingException"_s << u"Rate exceeded"_s << QString();
    QTest::newRow("x-amzn-ErrorType header wins over the body")
        << 400
        << QByteArray(
               "x-amzn-ErrorType: ExpiredTokenException:http://internal.amazon.com/\nx-amzn-RequestId: h")
        << QByteArray(
               R"({"__type":"Other","message":"The security token included in the request is expired"})")
        << u"ExpiredTokenException"_s << u"expired"_s << u"h"_s;
    QTest::newRow("request id from x-amz-request-id, header name case ignored")
        << 503 << QByteArray("X-AMZ-REQUEST-ID: s3style")
        << QByteArray(R"({"__type":"ServiceUnavailable","message":"try later"})") << u"ServiceUnavailable"_s
        << u"try later"_s << u"s3style"_s;
    QTest::newRow("json without a type takes the code from the status")
        << 500 << QByteArray() << QByteArray(R"({"message":"boom"})") << u"InternalServerError"_s << u"boom"_s
        << QString();
    QTest::newRow("json without a message gets the status text")
        << 429 << QByteArray() << QByteArray(R"({"__type":"TooManyRequestsException"})")
        << u"TooManyRequestsException"_s << u"HTTP 429 Too Many Requests"_s << QString();
    QTest::newRow("truncated json keeps the type and message that arrived")
        << 400 << QByteArray("x-amzn-RequestId: t1")
        << QByteArray(R"({"__type":"com.amazonaws.sagemaker#ResourceInUse","message":"Job name in use","ext)")
        << u"ResourceInUse"_s << u"Job name in use"_s << u"t1"_s;
    QTest::newRow("truncated json before the type")
        << 502 << QByteArray() << QByteArray(R"({"__ty)") << u"BadGateway"_s << u"unreadable or incomplete"_s
        << QString();
    QTest::newRow("html page from a proxy or moto")
        << 500 << QByteArray("Content-Type: text/html")
        << QByteArray(
               "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n"
               "<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable "
               "to complete your request.</p>\n")
        << u"InternalServerError"_s << u"HTML page instead of an AWS response: 500 Internal Server Error"_s
        << QString();
    QTest::newRow("empty body") << 503 << QByteArray() << QByteArray() << u"ServiceUnavailable"_s
                                << u"HTTP 503 Service Unavailable with an empty"_s << QString();
    QTest::newRow("whitespace body, unknown status")
        << 418 << QByteArray() << QByteArray("  \r\n") << u"Http418"_s << u"HTTP 418 with an empty"_s
        << QString();
    QTest::newRow("plain text body") << 502 << QByteArray()
                                     << QByteArray("upstream connect error\nor disconnect") << u"BadGateway"_s
                                     << u"HTTP 502 Bad Gateway: upstream connect error or disconnect"_s
                                     << QString();
    QTest::newRow("ec2 query xml error, request id from the body")
        << 400 << QByteArray()
        << QByteArray("<?xml version=\"1.0\" "
                      "encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>InvalidParameterValue"
                      "</Code><Message>Value (x) for parameter y is invalid</Message></Error></Errors>"
                      "<RequestID>ec2-req-9</RequestID></Response>")
        << u"InvalidParameterValue"_s << u"Value (x) for parameter y is invalid"_s << u"ec2-req-9"_s;
    QTest::newRow("ec2 throttling xml, header request id preferred")
        << 503 << QByteArray("x-amzn-RequestId: hdr")
        << QByteArray(
               "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded."
               "</Message></Error></Errors><RequestID>body</RequestID></Response>")
        << u"RequestLimitExceeded"_s << u"Request limit exceeded."_s << u"hdr"_s;
    QTest::newRow("query ErrorResponse xml")
        << 403 << QByteArray()
        << QByteArray("<ErrorResponse><Error><Type>Sender</Type><Code>ExpiredToken</Code><Message>The "
                      "security token "
                      "included in the request is "
                      "expired</Message></Error><RequestId>q-1</RequestId></ErrorResponse>")
        << u"ExpiredToken"_s << u"security token"_s << u"q-1"_s;
    QTest::newRow("truncated xml keeps what arrived")
        << 400 << QByteArray()
        << QByteArray("<Response><Errors><Error><Code>AuthFailure</Code><Message>AWS was not ab")
        << u"AuthFailure"_s << QString() << QString();
    QTest::newRow("xml without a code")
        << 500 << QByteArray() << QByteArray("<Response><Whatever/></Response>") << u"InternalServerError"_s
        << u"unreadable or incomplete"_s << QString();
}

void TestErrorParser::parse()
{
    QFETCH(int, status);
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, messageContains);
    QFETCH(QString, requestId);

    const AwsError error = AwsErrorParser::parse(status, headersFrom(headers), body);
    QCOMPARE(error.code, code);
    QVERIFY2(error.message.contains(messageContains), qPrintable(error.message));
    QCOMPARE(error.requestId, requestId);
    QCOMPARE(error.httpStatus, status);
    QVERIFY(!error.retryable); // RetryPolicy decides
    QVERIFY(!error.isNull());
}

void TestErrorParser::neverEmpty_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe{<", 5);
    QTest::newRow("lone brace") << QByteArray("{");
    QTest::newRow("lone angle") << QByteArray("<");
    QTest::newRow("json array") << QByteArray("[1,2]");
    QTest::newRow("json with non-string type") << QByteArray(R"({"__type":5,"message":7})");
    QTest::newRow("huge text") << QByteArray(100000, 'x');
}

// Whatever arrives, the error has a code and a one-line message of bounded length.
void TestErrorParser::neverEmpty()
{
    QFETCH(QByteArray, body);
    const AwsError error = AwsErrorParser::parse(500, {}, body);
    QVERIFY(!error.code.isEmpty());
    QVERIFY(!error.message.isEmpty());
    QVERIFY(!error.message.contains(u'\n'));
    QVERIFY2(error.message.size() < 400, qPrintable(error.message));
}

void TestErrorParser::httpDate_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime t(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);
    QTest::newRow("imf-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << t;
    QTest::newRow("rfc850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << t;
    QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994") << t;
    QTest::newRow("garbage") << QByteArray("yesterday") << QDateTime();
}

void TestErrorParser::httpDate()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = HttpDate::parse(text);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(parsed, expected);
        QCOMPARE(HttpDate::parse(HttpDate::format(parsed)), expected);
    }
}

QTEST_GUILESS_MAIN(TestErrorParser)
#include "tst_errorparser.moc"
