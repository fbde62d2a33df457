// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/websockettransport.h"

#include "core/networkerror.h"
#include "net/logging.h"

#include <QNetworkRequest>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QTimer>
#include <QWebSocket>

namespace ringchat::net {

namespace {
// How long a graceful close may wait for the server's close frame before the socket goes.
constexpr int kCloseGraceMs = 2000;
// More than a WebSocket frame header (at most 14 bytes), in a socket read's usual size.
constexpr qint64 kFrameHeaderRoom = 64 * 1024;
} // namespace

WebSocketTransport::WebSocketTransport(qint64 maxMessageBytes, QObject *parent)
    : Transport(parent)
    , m_maxMessageBytes(maxMessageBytes)
{
}

WebSocketTransport::~WebSocketTransport()
{
    stop();
}

void WebSocketTransport::open(const QUrl &url)
{
    m_url = url;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest);
    m_socket->setMaxAllowedIncomingMessageSize(quint64(m_maxMessageBytes));
    m_socket->setMaxAllowedIncomingFrameSize(quint64(m_maxMessageBytes));
    // Qt 6.4 reads a frame only once all of it is buffered, so the read buffer must hold
    // the largest allowed frame and its header; bounded, a flood that outruns us waits in
    // the kernel (TCP flow control) instead of in our memory.
    m_socket->setReadBufferSize(m_maxMessageBytes + kFrameHeaderRoom);
    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_open = true;
        emit opened();
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &WebSocketTransport::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &WebSocketTransport::onBinary);
    // Bytes written before `connected` can only be our handshake request: the connection
    // (and TLS) stood, so a failure after that is the server refusing the upgrade.
    connect(m_socket, &QWebSocket::bytesWritten, this, [this] { m_requestSent = true; });
    connect(m_socket, &QWebSocket::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    connect(m_socket, &QWebSocket::errorOccurred, this, &WebSocketTransport::onError);
#else
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &WebSocketTransport::onError);
#endif
    connect(m_socket, &QWebSocket::disconnected, this, &WebSocketTransport::onDisconnected);
    m_socket->open(QNetworkRequest(url));
}

void WebSocketTransport::send(const QList<eio::Packet> &packets)
{
    if (!m_socket || m_done || !m_open)
        return;
    for (const eio::Packet &packet : packets) {
        if (packet.binary) {
            m_socket->sendBinaryMessage(packet.data);
        } else {
            // Type digit and data decoded into one string (QWebSocket takes text as UTF-16).
            QStringDecoder decoder(QStringDecoder::Utf8);
            QString text(1 + decoder.requiredSpace(packet.data.size()), Qt::Uninitialized);
            QChar *out = text.data();
            *out++ = QLatin1Char(char(packet.type));
            out = decoder.appendToBuffer(out, packet.data);
            text.truncate(out - text.constData());
            m_socket->sendTextMessage(text);
        }
    }
    // Hand the frames to the kernel now rather than on the next event-loop pass: an ack
    // should not wait behind whatever else this pass does.
    m_socket->flush();
}

void WebSocketTransport::stop()
{
    m_done = true;
    release(false);
}

void WebSocketTransport::shutdown()
{
    // Unlike stop(), what send() wrote (DISCONNECT, close packet) still reaches the server.
    m_done = true;
    release(true);
    deleteLater();
}

void WebSocketTransport::release(bool graceful)
{
    if (!m_socket)
        return;
    QWebSocket *socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    if (graceful && socket->state() == QAbstractSocket::ConnectedState) {
        // The close frame goes out behind what was sent; the socket lives on until the
        // server answers it or the grace period ends, whichever comes first.
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(kCloseGraceMs, socket, &QObject::deleteLater);
        socket->close(QWebSocketProtocol::CloseCodeNormal);
        socket->flush();
        return;
    }
    socket->abort();
    socket->deleteLater();
}

void WebSocketTransport::onText(const QString &message)
{
    // The one conversion of the UTF-16 round trip: straight into the UTF-8 bytes the
    // packet keeps (and the JSON parser reads); decodeOwnedText drops the type digit in place.
    auto packet = eio::decodeOwnedText(message.toUtf8());
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
    if (!m_socket)
        return;
    // The peer closing an open connection is a close, not an error: disconnected() follows.
    if (error == QAbstractSocket::RemoteHostClosedError && m_open)
        return;
    // QWebSocket reports a refused upgrade as ConnectionRefusedError after our request went
    // out; anything else (TLS, a proxy, the network) is the socket's own failure.
    const bool refusedUpgrade = !m_open && m_requestSent && m_sslErrors.isEmpty()
        && error == QAbstractSocket::ConnectionRefusedError;
    const QString sentence = refusedUpgrade
        ? handshakeFailure()
        : describeSocketFailure(error, m_socket->errorString(), m_sslErrors, m_url);
    qCInfo(lcNet) << "WebSocket error" << error << m_socket->errorString();
    fail(QStringLiteral("transport error"), sentence);
}

QString WebSocketTransport::handshakeFailure() const
{
    // Qt says the HTTP status in its own words: "...Unhandled http status code: 403
    // (Forbidden)." for most, and "Unknown error condition" for 400 alone.
    static const QRegularExpression status(QStringLiteral("status code: (\\d+)"));
    const QString text = m_socket->errorString();
    const QRegularExpressionMatch match = status.match(text);
    const QString code = match.hasMatch()                         ? match.captured(1)
        : text.contains(QLatin1String("Unknown error condition")) ? QStringLiteral("400")
                                                                  : QString();
    const QString host
        = m_url.port() > 0 ? QStringLiteral("%1:%2").arg(m_url.host()).arg(m_url.port()) : m_url.host();
    return code.isEmpty()
        ? QStringLiteral("%1 did not accept the WebSocket connection (%2).").arg(host, text)
        : QStringLiteral("%1 did not accept the WebSocket connection (HTTP %2).").arg(host, code);
}

void WebSocketTransport::onDisconnected()
{
    if (!m_socket)
        return;
    if (!m_open) {
        // Before open, Qt 6.4 may say disconnected() before error() (a proxy refusing, the
        // server down behind it): let error() come first, it says why.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_socket && !m_done)
                    onError(m_socket->error());
            },
            Qt::QueuedConnection);
        return;
    }
    using Code = QWebSocketProtocol::CloseCode;
    const Code code = m_socket->closeCode();
    switch (code) {
    case Code::CloseCodeNormal:
    case Code::CloseCodeGoingAway:
    case Code::CloseCodeAbnormalDisconnection: // no close frame: the link just ended
        fail(QStringLiteral("transport close"));
        return;
    default:
        break;
    }
    const QString reason = m_socket->closeReason();
    const QString sentence = QStringLiteral("The WebSocket connection to %1 was closed with code %2%3.")
                                 .arg(m_url.host())
                                 .arg(int(code))
                                 .arg(reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(reason));
    // Frames RFC 6455 forbids, invalid UTF-8 and messages over the size limit (Qt closes
    // the connection itself for those) are the peer's bad data, as with a bad packet.
    const bool badData = code == Code::CloseCodeProtocolError || code == Code::CloseCodeDatatypeNotSupported
        || code == Code::CloseCodeWrongDatatype || code == Code::CloseCodeTooMuchData;
    if (badData)
        qCWarning(lcNet) << "WebSocket closed for bad data, code" << int(code) << reason;
    else
        qCInfo(lcNet) << "WebSocket closed with code" << int(code) << reason;
    fail(badData ? QStringLiteral("parse error") : QStringLiteral("transport close"), sentence);
}

void WebSocketTransport::fail(const QString &reason, const QString &sentence)
{
    if (m_done)
        return;
    const bool beforeOpen = !m_open;
    stop();
    emit failed(reason, beforeOpen, sentence);
}

} // namespace ringchat::net
