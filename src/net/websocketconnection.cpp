#include "net/websocketconnection.h"

#include "net/logging.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

namespace ringchat::net {

namespace {
// How long a closing socket may take to flush before it is dropped anyway.
constexpr int kCloseGraceMs = 5000;
// Qt's socket buffer reads everything the kernel holds (megabytes during a flood) and we
// copy it once more; bounding it keeps the rest in the kernel, where TCP flow control
// slows the sender instead of our heap growing.
constexpr qint64 kReadBufferSize = 64 * 1024;
} // namespace

WebSocketConnection::WebSocketConnection(QObject *parent)
    : QObject(parent)
{
}

WebSocketConnection::~WebSocketConnection()
{
    release(false);
}

quint32 WebSocketConnection::maskKey()
{
    return QRandomGenerator::global()->generate();
}

void WebSocketConnection::open(const QUrl &url)
{
    if (m_state != State::Idle)
        return;
    m_state = State::Connecting;
    m_secure = url.scheme().compare(QLatin1StringView("wss"), Qt::CaseInsensitive) == 0;
    m_key = ws::makeKey();
    const QByteArray request = ws::handshakeRequest(url, m_key);
    // A QSslSocket is created only for wss://: constructing one loads the TLS backend.
    if (m_secure) {
        auto *ssl = new QSslSocket;
        m_socket = ssl;
        // Certificate errors are not ignored: the handshake fails and errorOccurred follows.
        connect(ssl, &QSslSocket::encrypted, this, [this, request] {
            m_state = State::Handshaking;
            m_socket->write(request);
        });
        connect(ssl, &QSslSocket::sslErrors, this, [](const QList<QSslError> &errors) {
            for (const QSslError &error : errors)
                qCInfo(lcNet) << "TLS:" << error.errorString();
        });
    } else {
        m_socket = new QTcpSocket;
        connect(m_socket, &QTcpSocket::connected, this, [this, request] {
            m_state = State::Handshaking;
            m_socket->write(request);
        });
    }
    m_socket->setReadBufferSize(kReadBufferSize);
    connect(m_socket, &QTcpSocket::connected, this, &WebSocketConnection::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &WebSocketConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &WebSocketConnection::onError);
    connect(m_socket, &QTcpSocket::disconnected, this, &WebSocketConnection::onDisconnected);
    const quint16 port = quint16(url.port(m_secure ? 443 : 80));
    if (m_secure)
        static_cast<QSslSocket *>(m_socket)->connectToHostEncrypted(url.host(), port);
    else
        m_socket->connectToHost(url.host(), port);
}

void WebSocketConnection::onConnected()
{
    // Small frames (acks, pongs) must not wait for Nagle.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
}

void WebSocketConnection::onReadyRead()
{
    if (m_state == State::Handshaking)
        readHandshake();
    if (m_state == State::Open)
        readFrames();
}

void WebSocketConnection::readHandshake()
{
    // Read no further than the bound, so a endless header cannot grow the buffer.
    const qint64 room = ws::kMaxHandshakeReply - m_handshake.size();
    m_handshake += m_socket->read(room);
    const ws::HandshakeReply reply = ws::parseHandshakeReply(m_handshake, m_key);
    switch (reply.status) {
    case ws::HandshakeReply::NeedMore:
        return;
    case ws::HandshakeReply::Rejected:
        fail(Failure::Network, reply.error);
        return;
    case ws::HandshakeReply::Accepted:
        break;
    }
    // Bytes after the header are the first frames.
    m_decoder.append(QByteArrayView(m_handshake).sliced(reply.headerSize));
    m_handshake = QByteArray();
    m_state = State::Open;
    QPointer<WebSocketConnection> self(this);
    emit opened();
    if (self && m_state == State::Open)
        readFrames();
}

void WebSocketConnection::readFrames()
{
    // Straight from the socket's buffer into the decoder's: one copy.
    const qint64 available = m_socket->bytesAvailable();
    if (available > 0) {
        const qint64 got = m_socket->read(m_decoder.reserve(available), available);
        m_decoder.commit(qMax<qint64>(got, 0));
    }
    QPointer<WebSocketConnection> self(this);
    while (m_state == State::Open) {
        const ws::Event event = m_decoder.next();
        switch (event.kind) {
        case ws::Event::NeedMore:
            return;
        case ws::Event::Text:
        case ws::Event::Binary:
            emit messageReceived(event.payload, event.kind == ws::Event::Binary);
            if (!self)
                return;
            break;
        case ws::Event::Ping:
            sendControl(ws::Opcode::Pong, event.payload);
            break;
        case ws::Event::Pong:
            break;
        case ws::Event::Close: {
            // Echo the code, as RFC 6455 5.5.1 asks, then let the server end TCP.
            qCInfo(lcNet) << "WebSocket closed by the server, code" << event.closeCode
                          << QString::fromUtf8(event.payload);
            const QString detail = QStringLiteral("close frame %1").arg(event.closeCode);
            if (event.closeCode == 1005)   // none given: answer with none
                sendControl(ws::Opcode::Close, {});
            close(event.closeCode);
            emit failed(Failure::PeerClosed, detail, false);
            return;
        }
        case ws::Event::Error:
            qCWarning(lcNet) << "WebSocket protocol error:" << event.error;
            close(event.closeCode);
            emit failed(Failure::Protocol, event.error, false);
            return;
        }
    }
}

void WebSocketConnection::onError(QAbstractSocket::SocketError error)
{
    // The peer ending an open connection is a close, not an error: disconnected() follows.
    if (error == QAbstractSocket::RemoteHostClosedError && m_state == State::Open)
        return;
    fail(Failure::Network, m_socket ? m_socket->errorString() : QString());
}

void WebSocketConnection::onDisconnected()
{
    if (m_state == State::Open)
        fail(Failure::PeerClosed, QStringLiteral("connection closed"));
    else
        fail(Failure::Network, QStringLiteral("connection closed during the handshake"));
}

void WebSocketConnection::fail(Failure failure, const QString &detail)
{
    if (m_state == State::Done)
        return;
    const bool beforeOpen = m_state != State::Open;
    qCInfo(lcNet) << "WebSocket failed:" << failure << detail;
    m_state = State::Done;
    release(false);
    emit failed(failure, detail, beforeOpen);
}

void WebSocketConnection::write(const QByteArray &frames)
{
    if (m_state != State::Open)
        return;
    m_socket->write(frames);
    // QTcpSocket would wait for the next event-loop pass to write; an ack should not.
    m_socket->flush();
}

void WebSocketConnection::sendControl(ws::Opcode opcode, QByteArrayView payload)
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    QByteArray frame;
    ws::appendFrame(frame, opcode, { payload.first(qMin<qsizetype>(payload.size(), 125)) }, maskKey());
    m_socket->write(frame);
    // Now, not at the next event-loop pass: a closing app may never get there (the close
    // frame and what preceded it must still leave).
    m_socket->flush();
}

void WebSocketConnection::close(quint16 code)
{
    if (m_state == State::Open && code != 1005) {
        char payload[2];
        qToBigEndian(code, payload);
        sendControl(ws::Opcode::Close, QByteArrayView(payload, 2));
    }
    m_state = State::Done;
    release(true);
}

void WebSocketConnection::abort()
{
    if (m_state == State::Open) {
        char payload[2];
        qToBigEndian(quint16(ws::CloseNormal), payload);
        sendControl(ws::Opcode::Close, QByteArrayView(payload, 2));
    }
    m_state = State::Done;
    release(false);
}

void WebSocketConnection::release(bool graceful)
{
    QTcpSocket *socket = std::exchange(m_socket, nullptr);
    if (!socket)
        return;
    socket->disconnect(this);
    if (graceful && socket->state() == QAbstractSocket::ConnectedState) {
        // disconnectFromHost() closes once the write buffer is flushed.
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(kCloseGraceMs, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
        socket->disconnectFromHost();
        return;
    }
    socket->abort();
    socket->deleteLater();
}

} // namespace ringchat::net
