#pragma once
#include "net/transport.h"

#include <QAbstractSocket>
#include <QPointer>

class QWebSocket;

namespace ringchat::net {

class WebSocketTransport final : public Transport {
    Q_OBJECT
public:
    explicit WebSocketTransport(QObject *parent = nullptr);
    ~WebSocketTransport() override;

    QString name() const override { return QStringLiteral("websocket"); }
    void open(const QUrl &url) override;
    void send(const QList<eio::Packet> &packets) override;
    void stop() override;

private:
    void onText(const QString &message);
    void onBinary(const QByteArray &message);
    void onError(QAbstractSocket::SocketError error);
    void onDisconnected();
    void fail(const QString &reason);

    // Not a child: the socket may be mid-signal when we go away, so it is deleteLater()'d.
    QWebSocket *m_socket = nullptr;
    bool m_open = false;
    bool m_done = false;
};

} // namespace ringchat::net
