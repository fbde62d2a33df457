// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A tiny HTTP/1.1 server on 127.0.0.1 for unit tests of the auth layer: each
// request goes to a handler that returns the answer (or none, to test timeouts).
// Integration tests use the real reference server instead.

#include <QHash>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <optional>

struct StubRequest
{
    QByteArray method;
    QByteArray path;
    QByteArray query;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;

    QString formValue(const QString &key) const
    {
        QUrlQuery form(QString::fromUtf8(body).replace(QLatin1Char('+'), QLatin1Char(' ')));
        return form.queryItemValue(key, QUrl::FullyDecoded);
    }
};

struct StubResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
};

class StubHttpServer : public QObject
{
public:
    // nullopt = never answer (the client must time out).
    using Handler = std::function<std::optional<StubResponse>(const StubRequest &)>;

    explicit StubHttpServer(Handler handler, QObject *parent = nullptr)
        : QObject(parent)
        , m_handler(std::move(handler))
    {
        if (!m_server.listen(QHostAddress::LocalHost, 0))
            qFatal("StubHttpServer: cannot listen on 127.0.0.1: %s", qPrintable(m_server.errorString()));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onRead(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    QList<StubRequest> requests;

private:
    void onRead(QTcpSocket *s)
    {
        QByteArray &buf = m_buffers[s];
        buf += s->readAll();
        const qsizetype headEnd = buf.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QList<QByteArray> lines = buf.left(headEnd).split('\n');
        StubRequest r;
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        r.method = first.value(0);
        const QByteArray target = first.value(1);
        const qsizetype q = target.indexOf('?');
        r.path = q < 0 ? target : target.left(q);
        r.query = q < 0 ? QByteArray() : target.mid(q + 1);
        for (int i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                r.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const int length = r.headers.value("content-length").toInt();
        if (buf.size() < headEnd + 4 + length)
            return;
        r.body = buf.mid(headEnd + 4, length);
        buf.clear();
        requests << r;
        const std::optional<StubResponse> answer = m_handler(r);
        if (!answer)
            return;
        s->write("HTTP/1.1 " + QByteArray::number(answer->status) + " X\r\nContent-Type: "
                 + answer->contentType + "\r\nContent-Length: " + QByteArray::number(answer->body.size())
                 + "\r\nConnection: close\r\n\r\n" + answer->body);
        s->disconnectFromHost();
    }

    Handler m_handler;
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
