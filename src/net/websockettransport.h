#pragma once
#include "net/transport.h"

namespace ringchat::net {

class WebSocketConnection;

// Engine.IO over one WebSocket connection: a text frame is a packet (type digit + data),
// a binary frame a binary message.
class WebSocketTransport final : public Transport {
    Q_OBJECT
public:
    explicit WebSocketTransport(QObject *parent = nullptr);
    ~WebSocketTransport() override;

    QString name() const override { return QStringLiteral("websocket"); }
    void open(const QUrl &url) override;
    void send(const QList<eio::Packet> &packets) override;
    void stop() override;
    void shutdown() override;

    // A backstop against memory abuse; the exact limit (maxIncomingBytes) is the session's.
    static constexpr qint64 kMaxMessageSize = qint64(256) * 1024 * 1024;

private:
    void onMessage(QByteArrayView payload, bool binary);
    void fail(const QString &reason);

    WebSocketConnection *m_connection = nullptr;
    bool m_open = false;
    bool m_done = false;
};

} // namespace ringchat::net
