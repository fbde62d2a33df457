// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The small interface both Engine.IO transports implement. A transport moves Engine.IO
// packets; it knows nothing about heartbeats, upgrades or Socket.IO.

#include "net/engineiopacket.h"

#include <QObject>
#include <QUrl>

namespace ringchat::net {

class Transport : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~Transport() override = default;

    virtual QString name() const = 0;
    // `url` is the full Engine.IO URL (http(s) for polling, ws(s) for WebSocket).
    virtual void open(const QUrl &url) = 0;
    virtual void send(const QList<eio::Packet> &packets) = 0;
    // Stops at once, emits nothing more. Best effort to tell the server (close frame).
    virtual void stop() = 0;
    // Ends the transport for good, emits nothing more. Unlike stop(), packets already
    // given to send() still reach the server (the DISCONNECT and close packets). The
    // transport deletes itself; the caller must drop its pointer.
    virtual void shutdown()
    {
        stop();
        deleteLater();
    }
    // Engine.IO session id, known once the open packet arrived (polling adds it to its URLs).
    virtual void setSid(const QString &sid) { Q_UNUSED(sid) }
    virtual void setMaxPayload(qint64 bytes) { Q_UNUSED(bytes) }
    // Polling only: finish the in-flight requests and start no new ones, then emit paused().
    virtual void pause() { emit paused(); }

signals:
    void opened();
    void packetReceived(const ringchat::net::eio::Packet &packet);
    // reason: "transport close", "transport error" or "parse error". `beforeOpen` is true when
    // the transport never opened (handshake failure), so the next transport may be tried.
    // `sentence` says what went wrong for the user (TLS, proxy, refused...), or is empty.
    void failed(const QString &reason, bool beforeOpen, const QString &sentence);
    void paused();
};

} // namespace ringchat::net
