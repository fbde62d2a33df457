// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "net/transport.h"

#include <QAbstractSocket>
#include <QList>
#include <QSslError>

class QWebSocket;

namespace ringchat::net {

// Engine.IO over one QWebSocket: a text frame is a packet (type digit + data), a binary
// frame a binary message. Qt does the WebSocket protocol (handshake, framing, masking,
// UTF-8 checks, close codes, TLS, proxies); this class only maps packets and failures.
class WebSocketTransport final : public Transport
{
    Q_OBJECT
public:
    // maxMessageBytes: the session's limit (maxIncomingBytes); Qt refuses larger frames and
    // messages itself (close code 1009, a "parse error").
    explicit WebSocketTransport(qint64 maxMessageBytes, QObject *parent = nullptr);
    ~WebSocketTransport() override;

    QString name() const override { return QStringLiteral("websocket"); }
    void open(const QUrl &url) override;
    void send(const QList<eio::Packet> &packets) override;
    void stop() override;
    void shutdown() override;

private:
    void onText(const QString &message);
    void onBinary(const QByteArray &message);
    void onError(QAbstractSocket::SocketError error);
    QString handshakeFailure() const;
    void onDisconnected();
    void fail(const QString &reason, const QString &sentence = {});
    // Gives the socket up: a graceful one finishes its close handshake on its own.
    void release(bool graceful);

    // Not a child: it may be mid-signal when we go, and a graceful close outlives us.
    QWebSocket *m_socket = nullptr;
    qint64 m_maxMessageBytes;
    QUrl m_url;
    QList<QSslError> m_sslErrors;
    bool m_requestSent = false; // the TCP (and TLS) connection took our handshake request
    bool m_open = false;
    bool m_done = false;
};

} // namespace ringchat::net
