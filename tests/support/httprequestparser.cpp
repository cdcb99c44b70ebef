#include "tests/support/httprequestparser.h"

using namespace Qt::StringLiterals;

namespace {

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

HttpRequestParser::Result HttpRequestParser::fail(int status, const QString &message)
{
    m_errorStatus = status;
    m_errorString = message;
    return Result::Error;
}

HttpRequestParser::Result HttpRequestParser::next(FixtureRequest *request)
{
    if (m_errorStatus != 0)
        return Result::Error;

    // Empty lines before a request line are allowed (RFC 9112 2.2).
    qsizetype start = 0;
    while (start < m_buffer.size() && (m_buffer[start] == '\r' || m_buffer[start] == '\n'))
        ++start;
    if (start > 0)
        m_buffer.remove(0, start);

    qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    qsizetype separator = 4;
    if (const qsizetype bare = m_buffer.indexOf("\n\n"); bare >= 0 && (headEnd < 0 || bare < headEnd)) {
        headEnd = bare;
        separator = 2;
    }
    if (headEnd < 0) {
        if (m_buffer.size() > maxHeadBytes)
            return fail(431, u"request head larger than %1 bytes"_s.arg(maxHeadBytes));
        return Result::NeedMore;
    }
    if (headEnd > maxHeadBytes)
        return fail(431, u"request head larger than %1 bytes"_s.arg(maxHeadBytes));

    const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    const auto stripCr = [](QByteArray line) {
        if (line.endsWith('\r'))
            line.chop(1);
        return line;
    };

    const QList<QByteArray> requestLine = stripCr(lines.first()).split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine[0]) || requestLine[1].isEmpty()
        || !requestLine[2].startsWith("HTTP/1."))
        return fail(400, u"malformed request line"_s);

    FixtureRequest parsed;
    parsed.method = requestLine[0];
    parsed.path = requestLine[1];
    parsed.httpVersion = requestLine[2];

    qint64 contentLength = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = stripCr(lines[i]);
        if (line.startsWith(' ') || line.startsWith('\t'))
            return fail(400, u"obsolete header line folding"_s);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(QByteArrayView(line).first(colon)))
            return fail(400, u"malformed header line"_s);
        const QByteArray name = line.left(colon);
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0)
            return fail(501, u"chunked request bodies are not supported"_s);
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            if (!ok || length < 0 || (contentLength >= 0 && contentLength != length))
                return fail(400, u"invalid Content-Length"_s);
            if (length > maxBodyBytes)
                return fail(413, u"request body larger than %1 bytes"_s.arg(maxBodyBytes));
            contentLength = length;
        }
        parsed.headers.append({ name, value });
    }

    const qsizetype bodyStart = headEnd + separator;
    const qsizetype bodyLength = qsizetype(std::max<qint64>(contentLength, 0));
    if (m_buffer.size() - bodyStart < bodyLength)
        return Result::NeedMore;
    parsed.body = m_buffer.mid(bodyStart, bodyLength);
    m_buffer.remove(0, bodyStart + bodyLength);
    *request = std::move(parsed);
    return Result::Request;
}
