#include "net/websockettransport.h"

#include "net/logging.h"
#include "net/websocketconnection.h"

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
    m_connection = new WebSocketConnection(this);
    m_connection->setMaxMessageSize(kMaxMessageSize);
    connect(m_connection, &WebSocketConnection::opened, this, [this] {
        m_open = true;
        emit opened();
    });
    connect(m_connection, &WebSocketConnection::messageReceived, this, &WebSocketTransport::onMessage);
    connect(m_connection, &WebSocketConnection::failed, this,
            [this](WebSocketConnection::Failure failure, const QString &, bool) {
                switch (failure) {
                case WebSocketConnection::Failure::Network:
                    fail(QStringLiteral("transport error"));
                    break;
                case WebSocketConnection::Failure::PeerClosed:
                    fail(QStringLiteral("transport close"));
                    break;
                case WebSocketConnection::Failure::Protocol:
                    fail(QStringLiteral("parse error"));
                    break;
                }
            });
    m_connection->open(url);
}

void WebSocketTransport::send(const QList<eio::Packet> &packets)
{
    if (!m_connection || m_done || !m_connection->isOpen())
        return;
    // All frames of one call in one buffer, one write().
    qsizetype size = 0;
    for (const eio::Packet &packet : packets)
        size += packet.data.size() + 15;
    QByteArray frames;
    frames.reserve(size);
    for (const eio::Packet &packet : packets) {
        if (packet.binary) {
            ws::appendFrame(frames, ws::Opcode::Binary, { packet.data }, WebSocketConnection::maskKey());
        } else {
            const char type = char(packet.type);
            ws::appendFrame(frames, ws::Opcode::Text, { QByteArrayView(&type, 1), packet.data },
                            WebSocketConnection::maskKey());
        }
    }
    m_connection->write(frames);
}

void WebSocketTransport::stop()
{
    m_done = true;
    if (!m_connection)
        return;
    m_connection->disconnect(this);
    m_connection->abort();
    m_connection->deleteLater();
    m_connection = nullptr;
}

void WebSocketTransport::shutdown()
{
    // Unlike stop(), what send() wrote (DISCONNECT, close packet) still reaches the server.
    m_done = true;
    if (m_connection) {
        m_connection->disconnect(this);
        m_connection->close();
    }
    deleteLater();
}

void WebSocketTransport::onMessage(QByteArrayView payload, bool binary)
{
    if (binary) {
        emit packetReceived(eio::decodeBinary(payload.toByteArray()));
        return;
    }
    auto packet = eio::decodeText(payload);   // the one copy: the data after the type digit
    if (!packet) {
        qCWarning(lcNet) << "undecodable Engine.IO text frame of" << payload.size() << "bytes";
        fail(QStringLiteral("parse error"));
        return;
    }
    emit packetReceived(*packet);
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
