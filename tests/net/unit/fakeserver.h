// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An in-process Engine.IO / Socket.IO server for the wire-level unit tests. It speaks the
// protocol byte by byte: WebSocket frames through QWebSocketServer, HTTP long-polling
// through a tiny HTTP/1.1 server on QTcpServer (same port; WebSocket upgrades are handed
// to the QWebSocketServer). Tests drive it explicitly; only the handshake is automatic.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTcpServer>
#include <QUrl>
#include <QWebSocketServer>

class QTcpSocket;
class QWebSocket;

namespace ringchat::test {

struct Frame
{
    QByteArray data; // Engine.IO packet: type digit + data, or raw binary
    bool binary = false;
};

class FakeSession;

struct FakeServerOptions
{
    bool allowWebSocket = true;
    bool allowPolling = true;
    QStringList upgrades; // offered in the open packet
    int pingInterval = 25000;
    int pingTimeout = 20000;
    qint64 maxPayload = 1000000;
    bool sendOpen = true;    // send the open packet automatically
    bool autoConnect = true; // answer "40..." with 40{"sid":..}
    QString pid;             // added to the CONNECT reply when set
};

class FakeServer : public QObject
{
    Q_OBJECT
public:
    using Options = FakeServerOptions;

    explicit FakeServer(Options options = {}, QObject *parent = nullptr);
    ~FakeServer() override;

    bool listen();
    QUrl url() const; // http://127.0.0.1:<port>
    Options &options() { return m_options; }

    QList<FakeSession *> sessions() const { return m_sessions; }
    FakeSession *last() const { return m_sessions.isEmpty() ? nullptr : m_sessions.last(); }
    int tcpConnections() const { return m_tcpConnections; }
    QList<QUrl> requestUrls() const { return m_requestUrls; }

signals:
    void sessionOpened(ringchat::test::FakeSession *session);
    void tcpConnected();

private:
    friend class FakeSession;
    void onNewTcpConnection();
    void onTcpData(QTcpSocket *socket);
    void handleHttp(QTcpSocket *socket, const QByteArray &method, const QUrl &url, const QByteArray &body);
    void onWebSocket();
    FakeSession *newSession(const QString &transport);
    static void respond(QTcpSocket *socket, int status, const QByteArray &body);

    Options m_options;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QUrl> m_requestUrls;
    QList<FakeSession *> m_sessions;
    QTcpServer m_tcp;
    QWebSocketServer m_ws;
    int m_tcpConnections = 0;
    int m_nextId = 1;
};

class FakeSession : public QObject
{
    Q_OBJECT
public:
    QString sid;
    QString transport;     // "websocket" or "polling"
    QList<Frame> received; // every Engine.IO packet the client sent
    bool upgraded = false;

    // Sends one Engine.IO packet (e.g. "42[\"ev\",{}]", "2", "1").
    void send(const QByteArray &packet);
    void sendBinary(const QByteArray &data);
    // Drops the connection without a close packet.
    void drop();
    // Received text packets starting with `prefix` (e.g. "42").
    QList<QByteArray> texts(const QByteArray &prefix = {}) const;
    QList<QByteArray> binaries() const;

signals:
    void frameReceived(const ringchat::test::Frame &frame);

private:
    friend class FakeServer;
    FakeSession(FakeServer *server, QString sid, QString transport);
    void onFrame(const Frame &frame);
    void flushPoll();
    void attachWebSocket(QWebSocket *socket, bool probe);

    FakeServer *m_server;
    QPointer<QWebSocket> m_socket;
    QPointer<QWebSocket> m_probe;
    QPointer<QTcpSocket> m_heldGet;
    QList<Frame> m_outbox;
};

} // namespace ringchat::test
