// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QWebSocket>

namespace ringchat::test {

FakeServer::FakeServer(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_ws(QStringLiteral("fake"), QWebSocketServer::NonSecureMode)
{
    connect(&m_tcp, &QTcpServer::newConnection, this, &FakeServer::onNewTcpConnection);
    connect(&m_ws, &QWebSocketServer::newConnection, this, &FakeServer::onWebSocket);
}

FakeServer::~FakeServer()
{
    // Sockets die with m_tcp; keep their signals away from a half-destroyed server.
    for (QTcpSocket *socket : m_tcp.findChildren<QTcpSocket *>())
        socket->disconnect(this);
    for (QWebSocket *socket : findChildren<QWebSocket *>())
        socket->disconnect();
    qDeleteAll(m_sessions);
    m_sessions.clear();
}

bool FakeServer::listen()
{
    return m_tcp.listen(QHostAddress::LocalHost, 0);
}

QUrl FakeServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_tcp.serverPort()));
}

void FakeServer::onNewTcpConnection()
{
    while (QTcpSocket *socket = m_tcp.nextPendingConnection()) {
        ++m_tcpConnections;
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onTcpData(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
        emit tcpConnected();
    }
}

void FakeServer::onTcpData(QTcpSocket *socket)
{
    if (m_buffers.value(socket).isEmpty()) {
        // Peek, so a WebSocket upgrade can be handed over with its bytes still unread.
        const QByteArray head = socket->peek(socket->bytesAvailable());
        const int end = head.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        if (head.left(end).toLower().contains("upgrade: websocket")) {
            if (!m_options.allowWebSocket) {
                socket->readAll();
                respond(socket, 400, R"({"code":3,"message":"Bad request"})");
                socket->disconnectFromHost();
                return;
            }
            socket->disconnect(this);
            m_buffers.remove(socket);
            m_ws.handleConnection(socket);
            return;
        }
    }
    QByteArray buffer = m_buffers.take(socket) + socket->readAll();
    QPointer<QTcpSocket> alive(socket);
    for (;;) {
        const int end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            break;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        qsizetype length = 0;
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            break;
        const QByteArray body = buffer.mid(end + 4, length);
        buffer.remove(0, end + 4 + length);
        const QUrl url(QString::fromLatin1(requestLine.value(1)));
        handleHttp(socket, requestLine.value(0), url, body);
        if (!alive)
            return;
    }
    if (alive && socket->state() == QAbstractSocket::ConnectedState)
        m_buffers.insert(socket, buffer);
}

void FakeServer::respond(QTcpSocket *socket, int status, const QByteArray &body)
{
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + (status == 200 ? " OK" : " Bad Request")
        + "\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: keep-alive\r\n\r\n" + body;
    socket->write(response);
}

void FakeServer::handleHttp(QTcpSocket *socket, const QByteArray &method, const QUrl &url,
                            const QByteArray &body)
{
    m_requestUrls.append(url);
    const QUrlQuery query(url);
    if (!m_options.allowPolling
        || query.queryItemValue(QStringLiteral("transport")) != QLatin1StringView("polling")) {
        respond(socket, 400, R"({"code":0,"message":"Transport unknown"})");
        return;
    }
    const QString sid = query.queryItemValue(QStringLiteral("sid"));
    if (sid.isEmpty()) {
        if (method != "GET") {
            respond(socket, 400, R"({"code":3,"message":"Bad request"})");
            return;
        }
        FakeSession *session = newSession(QStringLiteral("polling"));
        session->m_heldGet = socket;
        if (m_options.sendOpen)
            session->flushPoll();
        emit sessionOpened(session);
        return;
    }
    FakeSession *session = nullptr;
    for (FakeSession *s : std::as_const(m_sessions)) {
        if (s->sid == sid)
            session = s;
    }
    if (!session || session->transport != QLatin1StringView("polling")) {
        respond(socket, 400, R"({"code":1,"message":"Session ID unknown"})");
        return;
    }
    if (method == "GET") {
        if (session->m_heldGet) {
            respond(socket, 400, R"({"code":3,"message":"Bad request"})");
            return;
        }
        session->m_heldGet = socket;
        // Like engine.io's upgrade check: while a probe is under way, a long-poll is ended
        // with a noop at once so the client can pause polling.
        if (session->m_probe && session->m_outbox.isEmpty())
            session->m_outbox.append(Frame { "6", false });
        session->flushPoll();
        return;
    }
    respond(socket, 200, "ok");
    for (const QByteArray &part : body.split('\x1e')) {
        if (part.startsWith('b'))
            session->onFrame(Frame { QByteArray::fromBase64(part.mid(1)), true });
        else
            session->onFrame(Frame { part, false });
    }
}

void FakeServer::onWebSocket()
{
    while (QWebSocket *socket = m_ws.nextPendingConnection()) {
        socket->setParent(this);
        m_requestUrls.append(socket->requestUrl());
        const QString sid = QUrlQuery(socket->requestUrl()).queryItemValue(QStringLiteral("sid"));
        if (!sid.isEmpty()) {
            FakeSession *session = nullptr;
            for (FakeSession *s : std::as_const(m_sessions)) {
                if (s->sid == sid)
                    session = s;
            }
            if (!session) {
                socket->close();
                continue;
            }
            session->attachWebSocket(socket, true);
            continue;
        }
        FakeSession *session = newSession(QStringLiteral("websocket"));
        session->attachWebSocket(socket, false);
        if (m_options.sendOpen)
            session->flushPoll();
        emit sessionOpened(session);
    }
}

FakeSession *FakeServer::newSession(const QString &transport)
{
    auto *session = new FakeSession(this, QStringLiteral("S%1").arg(m_nextId++), transport);
    m_sessions.append(session);
    if (m_options.sendOpen) {
        QJsonObject open {
            { QStringLiteral("sid"), session->sid },
            { QStringLiteral("upgrades"), QJsonArray::fromStringList(m_options.upgrades) },
            { QStringLiteral("pingInterval"), m_options.pingInterval },
            { QStringLiteral("pingTimeout"), m_options.pingTimeout },
            { QStringLiteral("maxPayload"), double(m_options.maxPayload) },
        };
        session->m_outbox.append(Frame { "0" + QJsonDocument(open).toJson(QJsonDocument::Compact), false });
    }
    return session;
}

FakeSession::FakeSession(FakeServer *server, QString sid, QString transport)
    : QObject(server)
    , sid(std::move(sid))
    , transport(std::move(transport))
    , m_server(server)
{
}

void FakeSession::attachWebSocket(QWebSocket *socket, bool probe)
{
    if (probe)
        m_probe = socket;
    else
        m_socket = socket;
    connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &text) {
        const QByteArray data = text.toUtf8();
        if (socket == m_probe && data == "2probe") {
            socket->sendTextMessage(QStringLiteral("3probe"));
            // Like engine.io: end the pending long-poll so the client can pause.
            m_outbox.append(Frame { "6", false });
            flushPoll();
        }
        onFrame(Frame { data, false });
    });
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &data) {
        onFrame(Frame { data, true });
    });
}

void FakeSession::onFrame(const Frame &frame)
{
    received.append(frame);
    if (!frame.binary && frame.data == "5" && m_probe) {
        transport = QStringLiteral("websocket");
        upgraded = true;
        m_socket = m_probe;
        m_probe = nullptr;
        if (m_heldGet) {
            FakeServer::respond(m_heldGet, 200, "6");
            m_heldGet = nullptr;
        }
        flushPoll();
    }
    if (!frame.binary && frame.data.startsWith("40") && m_server->m_options.autoConnect) {
        QJsonObject reply { { QStringLiteral("sid"), sid + QStringLiteral("-io") } };
        if (!m_server->m_options.pid.isEmpty())
            reply.insert(QStringLiteral("pid"), m_server->m_options.pid);
        send("40" + QJsonDocument(reply).toJson(QJsonDocument::Compact));
    }
    emit frameReceived(frame);
}

void FakeSession::send(const QByteArray &packet)
{
    m_outbox.append(Frame { packet, false });
    flushPoll();
}

void FakeSession::sendBinary(const QByteArray &data)
{
    m_outbox.append(Frame { data, true });
    flushPoll();
}

void FakeSession::flushPoll()
{
    if (m_outbox.isEmpty())
        return;
    if (transport == QLatin1StringView("websocket")) {
        if (!m_socket)
            return;
        for (const Frame &frame : std::as_const(m_outbox)) {
            if (frame.binary)
                m_socket->sendBinaryMessage(frame.data);
            else
                m_socket->sendTextMessage(QString::fromUtf8(frame.data));
        }
        m_outbox.clear();
        return;
    }
    if (!m_heldGet)
        return;
    QByteArray body;
    for (const Frame &frame : std::as_const(m_outbox)) {
        if (!body.isEmpty())
            body.append('\x1e');
        body.append(frame.binary ? "b" + frame.data.toBase64() : frame.data);
    }
    m_outbox.clear();
    FakeServer::respond(m_heldGet, 200, body);
    m_heldGet = nullptr;
}

void FakeSession::drop()
{
    transport = QStringLiteral("dead");
    if (m_socket)
        m_socket->abort();
    if (m_heldGet)
        m_heldGet->abort();
}

QList<QByteArray> FakeSession::texts(const QByteArray &prefix) const
{
    QList<QByteArray> out;
    for (const Frame &frame : received) {
        if (!frame.binary && frame.data.startsWith(prefix))
            out.append(frame.data);
    }
    return out;
}

QList<QByteArray> FakeSession::binaries() const
{
    QList<QByteArray> out;
    for (const Frame &frame : received) {
        if (frame.binary)
            out.append(frame.data);
    }
    return out;
}

} // namespace ringchat::test
