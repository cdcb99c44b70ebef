#pragma once

#include "tests/support/fixturerequest.h"

#include <QByteArray>
#include <QString>

// An incremental HTTP/1.1 request parser for the fixture server: bytes go in as they arrive, whole requests
// come out, pipelined or kept alive. Bodies by Content-Length only (what QNetworkAccessManager sends);
// chunked bodies are refused with 501, oversized heads with 431 and bodies with 413.
class HttpRequestParser
{
public:
    enum class Result { NeedMore, Request, Error };

    static constexpr qsizetype maxHeadBytes = 64 * 1024;
    static constexpr qsizetype maxBodyBytes = 32 * 1024 * 1024;

    void feed(const QByteArray &data) { m_buffer += data; }

    // Takes the next complete request out of the buffer into *request (method, path, version, headers,
    // body). After Error the stream cannot be resynchronised: answer errorStatus() and close.
    Result next(FixtureRequest *request);

    int errorStatus() const { return m_errorStatus; }
    QString errorString() const { return m_errorString; }
    qsizetype buffered() const { return m_buffer.size(); }

private:
    Result fail(int status, const QString &message);

    QByteArray m_buffer;
    int m_errorStatus = 0;
    QString m_errorString;
};
