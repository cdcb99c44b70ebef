#pragma once

#include <QHostAddress>
#include <QTcpServer>
#include <QUrl>

// http://127.0.0.1:PORT/ where PORT was free a moment ago and nobody listens now: a connection to it is
// refused at once. Safer than a fixed port (9, 1), which a CI machine may happen to serve.
inline QUrl closedLoopbackUrl()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        qFatal("no free port on 127.0.0.1");
    const quint16 port = server.serverPort();
    server.close();
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
}
