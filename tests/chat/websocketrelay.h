// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A loopback TCP relay between a client and the reference server that reads the
// client's WebSocket frames (unmasked, never changed), so a test can stop one chosen
// client event on its way and decide what happens to the answer: hold the frame
// until the test has paused or killed the server, or let it through and drop
// everything the server says from then on (the answer is lost, the change is made).
// HTTP that is not a WebSocket upgrade (REST) passes through untouched.

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <memory>

class WebSocketRelay
{
public:
    explicit WebSocketRelay(quint16 upstreamPort)
        : m_upstreamPort(upstreamPort)
    {
        m_server.listen(QHostAddress::LocalHost);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] { accept(); });
    }
    ~WebSocketRelay()
    {
        for (const auto &pipe : m_pipes) {
            delete pipe->client.data();
            delete pipe->server.data();
        }
    }
    WebSocketRelay(const WebSocketRelay &) = delete;
    WebSocketRelay &operator=(const WebSocketRelay &) = delete;

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    bool isListening() const { return m_server.isListening(); }

    // The next client text frame containing `marker` (e.g. "\"edit_message\"") stops,
    // with everything that client sends after it, until release().
    void holdFrameContaining(const QByteArray &marker)
    {
        m_marker = marker;
        m_holding = false;
    }
    bool holding() const { return m_holding; }
    // Sends on what was held, and passes everything again.
    void release()
    {
        m_marker.clear();
        m_holding = false;
        for (const auto &pipe : m_pipes)
            if (pipe->server && pipe->server->state() == QAbstractSocket::ConnectedState) {
                pipe->server->write(pipe->held);
                pipe->held.clear();
            }
        for (const auto &pipe : m_pipes)
            pump(*pipe);
    }
    // From now on nothing the server sends reaches a client (until passReplies()).
    void dropReplies() { m_dropReplies = true; }
    void passReplies() { m_dropReplies = false; }

private:
    struct Pipe
    {
        QPointer<QTcpSocket> client, server;
        QByteArray fromClient; // read, not yet forwarded or held
        QByteArray held;       // the held frame and what followed it
        enum class Mode { Header, WebSocket, Raw } mode = Mode::Header;
    };

    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            auto pipe = std::make_shared<Pipe>();
            pipe->client = client;
            pipe->server = new QTcpSocket;
            Pipe *p = pipe.get();
            m_pipes.append(pipe);
            QObject::connect(client, &QTcpSocket::readyRead, client, [this, p] {
                p->fromClient += p->client->readAll();
                pump(*p);
            });
            QObject::connect(p->server, &QTcpSocket::connected, p->server, [this, p] { pump(*p); });
            QObject::connect(p->server, &QTcpSocket::readyRead, p->server, [this, p] {
                const QByteArray bytes = p->server->readAll();
                if (!m_dropReplies && p->client)
                    p->client->write(bytes);
            });
            // One side gone (a killed server, an exited client): the other goes too.
            QObject::connect(client, &QTcpSocket::disconnected, client, [p] {
                if (p->server)
                    p->server->disconnectFromHost();
            });
            QObject::connect(p->server, &QTcpSocket::disconnected, p->server, [p] {
                if (p->client)
                    p->client->disconnectFromHost();
            });
            QObject::connect(p->server, &QTcpSocket::errorOccurred, p->server, [p] {
                if (p->client)
                    p->client->disconnectFromHost();
            });
            p->server->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
        }
    }

    // Forwards what the client sent, frame by frame once the connection is a WebSocket.
    void pump(Pipe &p)
    {
        if (!p.server || p.server->state() != QAbstractSocket::ConnectedState)
            return;
        if (!p.held.isEmpty()) { // held: everything after the frame waits behind it
            p.held += std::exchange(p.fromClient, {});
            return;
        }
        if (p.mode == Pipe::Mode::Header) {
            const qsizetype end = p.fromClient.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray header = p.fromClient.left(end + 4);
            p.mode
                = header.toLower().contains("upgrade: websocket") ? Pipe::Mode::WebSocket : Pipe::Mode::Raw;
            p.server->write(header);
            p.fromClient.remove(0, header.size());
        }
        if (p.mode == Pipe::Mode::Raw) {
            p.server->write(std::exchange(p.fromClient, {}));
            return;
        }
        while (true) {
            const qsizetype size = frameSize(p.fromClient);
            if (size < 0)
                return;
            const QByteArray frame = p.fromClient.left(size);
            if (!m_marker.isEmpty() && !m_holding && textOf(frame).contains(m_marker)) {
                m_holding = true;
                p.held = std::exchange(p.fromClient, {});
                return;
            }
            p.server->write(frame);
            p.fromClient.remove(0, size);
        }
    }

    // The size of the first whole frame in `b` (RFC 6455 5.2), -1 while incomplete.
    static qsizetype frameSize(const QByteArray &b)
    {
        if (b.size() < 2)
            return -1;
        const auto byte = [&](qsizetype i) { return quint8(b.at(i)); };
        qsizetype header = 2;
        quint64 length = byte(1) & 0x7f;
        if (length == 126) {
            header = 4;
            if (b.size() < header)
                return -1;
            length = (quint64(byte(2)) << 8) | byte(3);
        } else if (length == 127) {
            header = 10;
            if (b.size() < header)
                return -1;
            length = 0;
            for (int i = 2; i < 10; ++i)
                length = (length << 8) | byte(i);
        }
        if (byte(1) & 0x80)
            header += 4; // the mask key
        const qsizetype total = header + qsizetype(length);
        return b.size() < total ? -1 : total;
    }

    // A whole frame's payload, unmasked.
    static QByteArray textOf(const QByteArray &frame)
    {
        const auto byte = [&](qsizetype i) { return quint8(frame.at(i)); };
        qsizetype at = 2;
        const quint8 length = byte(1) & 0x7f;
        at += length == 126 ? 2 : length == 127 ? 8 : 0;
        const bool masked = byte(1) & 0x80;
        const QByteArray mask = masked ? frame.mid(at, 4) : QByteArray();
        at += masked ? 4 : 0;
        QByteArray payload = frame.mid(at);
        for (qsizetype i = 0; masked && i < payload.size(); ++i)
            payload[i] = char(payload.at(i) ^ mask.at(i % 4));
        return payload;
    }

    quint16 m_upstreamPort;
    QTcpServer m_server;
    QList<std::shared_ptr<Pipe>> m_pipes;
    QByteArray m_marker;
    bool m_holding = false;
    bool m_dropReplies = false;
};
