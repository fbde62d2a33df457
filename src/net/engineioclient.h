// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One Engine.IO v4 session: picks a transport (WebSocket first, polling as fallback),
// reads the open packet, answers pings, detects a dead link, and upgrades polling to
// WebSocket. Emits closed() exactly once; after that it is inert and may be deleted.

#include "net/engineiopacket.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

class QTimer;

namespace ringchat::net {

class Transport;

class EngineIoClient : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QUrl serverUrl; // http(s)://host[:port][/]
        QStringList transports { QStringLiteral("websocket"), QStringLiteral("polling") };
        bool upgrade = true;
        int probeTimeoutMs = 10000;
        // Larger incoming packets are a parse error. Not the server's maxPayload: that
        // bounds what the server accepts, and socket.io does send bigger packets.
        qint64 maxIncomingBytes = qint64(16) * 1024 * 1024;
    };

    explicit EngineIoClient(Options options, QObject *parent = nullptr);
    ~EngineIoClient() override;

    // The Engine.IO endpoint for a transport: http(s) -> ws(s) for "websocket",
    // path /socket.io/, EIO=4, transport=<name>.
    // Tests replace the wall clock to simulate a suspend (nullptr = the system clock).
    using WallClock = qint64 (*)();
    static void setWallClockForTesting(WallClock clock);

    static QUrl endpointUrl(const QUrl &serverUrl, const QString &transport, const QString &sid = {});

    void open();
    // Sends one Engine.IO message (text or binary). False when it exceeds maxPayload
    // or the session is not open.
    bool sendMessage(const QByteArray &data, bool binary = false);
    bool sendMessages(const QList<eio::Packet> &packets);
    // Ends the session without emitting closed(); best effort close packet to the server.
    void close();

    bool isOpen() const { return m_state == State::Open; }
    QString transportName() const;
    const eio::OpenInfo &openInfo() const { return m_info; }
    qint64 maxPayload() const { return m_info.maxPayload; }

signals:
    void opened();
    void messageReceived(const ringchat::net::eio::Packet &packet);
    // "transport close", "transport error", "ping timeout", "parse error"
    // `sentence`: what went wrong, for the user, when the transport knew (else empty).
    void closed(const QString &reason, const QString &sentence);
    void upgraded(const QString &transport);

private:
    enum class State { Idle, Opening, Open, Closed };

    void startTransport();
    Transport *createTransport(const QString &name);
    void attach(Transport *transport);
    void onPacket(const eio::Packet &packet);
    void onTransportFailed(const QString &reason, bool beforeOpen, const QString &sentence);
    void onOpenPacket(const QByteArray &json);
    void resetPingDeadline();
    void checkPingDeadline();
    void startProbe();
    void onProbePacket(const eio::Packet &packet);
    void onPaused();
    void abandonProbe(const char *why);
    void fail(const QString &reason, const QString &sentence = {});
    void flushBuffer();
    void discard(Transport *&transport);

    Options m_options;
    State m_state = State::Idle;
    int m_transportIndex = 0;
    Transport *m_transport = nullptr;
    Transport *m_probe = nullptr;
    bool m_probeAnswered = false;
    bool m_upgrading = false; // polling paused: writes wait in m_buffer
    QList<eio::Packet> m_buffer;
    eio::OpenInfo m_info;
    qint64 m_pingDeadlineWall = 0; // wall-clock ms (QDateTime), survives suspend
    QTimer *m_pingTimer = nullptr; // fires at the monotonic deadline
    QTimer *m_wallClockTimer = nullptr;
    QTimer *m_probeTimer = nullptr;
};

} // namespace ringchat::net
