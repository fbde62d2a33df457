#include "net/websockettransport.h"

#include "net/logging.h"

#include <QNetworkRequest>
#include <QWebSocket>

namespace ringchat::net {

WebSocketTransport::WebSocketTransport(QObject *parent)
    : Transport(parent)
{
}

WebSocketTransport::~WebSocketTransport()
{
    stop();
}

void WebSocketTransport::open(const QUrl &url)
{
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest);
    // Qt's own limit is only a backstop against memory abuse; the exact limit
    // (maxIncomingBytes) is checked by the session.
    m_socket->setMaxAllowedIncomingMessageSize(quint64(256) * 1024 * 1024);
    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_open = true;
        emit opened();
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &WebSocketTransport::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &WebSocketTransport::onBinary);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, &WebSocketTransport::onError);
    connect(m_socket, &QWebSocket::disconnected, this, &WebSocketTransport::onDisconnected);
    m_socket->open(QNetworkRequest(url));
}

void WebSocketTransport::send(const QList<eio::Packet> &packets)
{
    if (!m_socket || m_done)
        return;
    for (const eio::Packet &packet : packets) {
        if (packet.binary)
            m_socket->sendBinaryMessage(packet.data);
        else
            m_socket->sendTextMessage(QString::fromUtf8(eio::encodeText(packet.type, packet.data)));
    }
}

void WebSocketTransport::stop()
{
    m_done = true;
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->close();
    else
        m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

void WebSocketTransport::onText(const QString &message)
{
    auto packet = eio::decodeText(message.toUtf8());
    if (!packet) {
        qCWarning(lcNet) << "undecodable Engine.IO text frame of" << message.size() << "chars";
        fail(QStringLiteral("parse error"));
        return;
    }
    emit packetReceived(*packet);
}

void WebSocketTransport::onBinary(const QByteArray &message)
{
    emit packetReceived(eio::decodeBinary(message));
}

void WebSocketTransport::onError(QAbstractSocket::SocketError error)
{
    // The peer closing the connection is a close, not an error: disconnected() follows.
    if (error == QAbstractSocket::RemoteHostClosedError && m_open)
        return;
    qCInfo(lcNet) << "WebSocket error" << error << (m_socket ? m_socket->errorString() : QString());
    fail(QStringLiteral("transport error"));
}

void WebSocketTransport::onDisconnected()
{
    fail(QStringLiteral("transport close"));
}

void WebSocketTransport::fail(const QString &reason)
{
    if (m_done)
        return;
    const bool beforeOpen = !m_open;
    stop();
    emit failed(reason, beforeOpen);
}

} // namespace ringchat::net
