#pragma once
// A WebSocket client connection (RFC 6455) on QTcpSocket, or QSslSocket for wss://: the
// opening handshake, then frames in and out through ws::FrameDecoder / ws::appendFrame.
// Unlike QWebSocket it hands text messages over as their UTF-8 bytes, and a ws:// URL
// never touches Qt's TLS backend (so OpenSSL is not loaded).

#include "net/websocketframe.h"

#include <QAbstractSocket>
#include <QObject>
#include <QUrl>

class QTcpSocket;

namespace ringchat::net {

class WebSocketConnection final : public QObject {
    Q_OBJECT
public:
    enum class Failure {
        Network,       // connect, TLS, handshake or socket error
        PeerClosed,    // close frame from the server, or the TCP connection ended
        Protocol,      // a frame or message RFC 6455 forbids (we send a close frame)
    };
    Q_ENUM(Failure)

    explicit WebSocketConnection(QObject *parent = nullptr);
    ~WebSocketConnection() override;

    // Larger incoming messages fail with Failure::Protocol before they are buffered.
    void setMaxMessageSize(qint64 bytes) { m_decoder.setMaxMessageSize(bytes); }
    void open(const QUrl &url);
    bool isOpen() const { return m_state == State::Open; }

    // A fresh masking key for each frame given to write().
    static quint32 maskKey();
    // Client frames built with ws::appendFrame, written in one go. Ignored unless open.
    void write(const QByteArray &frames);
    // Sends a close frame and lets what was written still reach the server, then ends the
    // TCP connection on its own. Emits nothing more.
    void close(quint16 code = ws::CloseNormal);
    // Best-effort close frame, then drops the connection at once. Emits nothing more.
    void abort();

signals:
    void opened();
    // `payload` points into our buffer: copy what you keep before returning.
    void messageReceived(QByteArrayView payload, bool binary);
    void failed(ringchat::net::WebSocketConnection::Failure failure, const QString &detail,
                bool beforeOpen);

private:
    enum class State { Idle, Connecting, Handshaking, Open, Done };

    void onConnected();
    void onReadyRead();
    void readHandshake();
    void readFrames();
    void onError(QAbstractSocket::SocketError error);
    void onDisconnected();
    void fail(Failure failure, const QString &detail);
    void sendControl(ws::Opcode opcode, QByteArrayView payload);
    // Gives up the socket: a graceful one finishes its writes and deletes itself.
    void release(bool graceful);

    // Not a child: it may be mid-signal when we go, and a graceful close outlives us.
    QTcpSocket *m_socket = nullptr;
    State m_state = State::Idle;
    bool m_secure = false;
    QByteArray m_key;
    QByteArray m_handshake;        // the server's reply header, until complete
    ws::FrameDecoder m_decoder { qint64(256) * 1024 * 1024 };
};

} // namespace ringchat::net
