// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/engineioclient.h"

#include "net/logging.h"
#include "net/pollingtransport.h"
#include "net/websockettransport.h"

#include <QDateTime>
#include <QTimer>
#include <QUrlQuery>

namespace ringchat::net {

namespace {
const QString kWebSocket = QStringLiteral("websocket");
const QString kPolling = QStringLiteral("polling");

EngineIoClient::WallClock g_wallClock = nullptr;

qint64 wallNow()
{
    return g_wallClock ? g_wallClock() : QDateTime::currentMSecsSinceEpoch();
}
} // namespace

void EngineIoClient::setWallClockForTesting(WallClock clock)
{
    g_wallClock = clock;
}

EngineIoClient::EngineIoClient(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_pingTimer(new QTimer(this))
    , m_wallClockTimer(new QTimer(this))
    , m_probeTimer(new QTimer(this))
{
    m_pingTimer->setSingleShot(true);
    m_pingTimer->setTimerType(Qt::PreciseTimer);
    m_probeTimer->setSingleShot(true);
    connect(m_pingTimer, &QTimer::timeout, this, [this] { fail(QStringLiteral("ping timeout")); });
    connect(m_wallClockTimer, &QTimer::timeout, this, &EngineIoClient::checkPingDeadline);
    connect(m_probeTimer, &QTimer::timeout, this, [this] { abandonProbe("probe timed out"); });
}

EngineIoClient::~EngineIoClient()
{
    discard(m_probe);
    discard(m_transport);
}

QUrl EngineIoClient::endpointUrl(const QUrl &serverUrl, const QString &transport, const QString &sid)
{
    QUrl url = serverUrl;
    const QString scheme = url.scheme().toLower();
    const bool secure = scheme == QLatin1StringView("https") || scheme == QLatin1StringView("wss");
    if (transport == kWebSocket)
        url.setScheme(secure ? QStringLiteral("wss") : QStringLiteral("ws"));
    else
        url.setScheme(secure ? QStringLiteral("https") : QStringLiteral("http"));
    url.setPath(QStringLiteral("/socket.io/"));
    url.setFragment(QString());
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("EIO"), QStringLiteral("4"));
    query.addQueryItem(QStringLiteral("transport"), transport);
    if (!sid.isEmpty())
        query.addQueryItem(QStringLiteral("sid"), sid);
    url.setQuery(query);
    return url;
}

void EngineIoClient::open()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Opening;
    m_transportIndex = 0;
    startTransport();
}

Transport *EngineIoClient::createTransport(const QString &name)
{
    if (name == kWebSocket)
        return new WebSocketTransport(m_options.maxIncomingBytes, this);
    if (name == kPolling)
        return new PollingTransport(this);
    return nullptr;
}

void EngineIoClient::startTransport()
{
    while (m_transportIndex < m_options.transports.size()) {
        const QString name = m_options.transports.at(m_transportIndex);
        Transport *transport = createTransport(name);
        if (!transport) {
            qCWarning(lcNet) << "unknown transport" << name;
            ++m_transportIndex;
            continue;
        }
        m_transport = transport;
        attach(transport);
        qCDebug(lcNet) << "opening" << name << "transport";
        transport->open(endpointUrl(m_options.serverUrl, name));
        return;
    }
    // Never emit from inside open(): the caller may not expect re-entrancy.
    QMetaObject::invokeMethod(
        this, [this] { fail(QStringLiteral("transport error")); }, Qt::QueuedConnection);
}

void EngineIoClient::attach(Transport *transport)
{
    connect(transport, &Transport::packetReceived, this, &EngineIoClient::onPacket);
    connect(transport, &Transport::failed, this, &EngineIoClient::onTransportFailed);
}

void EngineIoClient::onTransportFailed(const QString &reason, bool beforeOpen, const QString &sentence)
{
    Q_UNUSED(beforeOpen)
    if (m_state == State::Opening && m_transportIndex + 1 < m_options.transports.size()) {
        // The handshake failed (a proxy refusing the upgrade, a polling-only server...):
        // try the next transport in the list.
        qCInfo(lcNet) << m_transport->name() << "handshake failed (" << reason << sentence << "), trying"
                      << m_options.transports.at(m_transportIndex + 1);
        discard(m_transport);
        ++m_transportIndex;
        startTransport();
        return;
    }
    fail(reason, sentence);
}

void EngineIoClient::onPacket(const eio::Packet &packet)
{
    if (m_state == State::Closed)
        return;
    const qint64 size = packet.data.size() + (packet.binary ? 0 : 1);
    if (size > m_options.maxIncomingBytes) {
        qCWarning(lcNet) << "incoming packet of" << size << "bytes exceeds the limit of"
                         << m_options.maxIncomingBytes;
        fail(QStringLiteral("parse error"));
        return;
    }
    if (m_state == State::Opening) {
        if (packet.type != eio::PacketType::Open || packet.binary) {
            qCWarning(lcNet) << "expected the Engine.IO open packet, got type" << char(packet.type);
            fail(QStringLiteral("parse error"));
            return;
        }
        onOpenPacket(packet.data);
        return;
    }
    switch (packet.type) {
    case eio::PacketType::Ping:
        resetPingDeadline();
        m_upgrading ? m_buffer.append({ eio::PacketType::Pong, packet.data, false })
                    : m_transport->send({ { eio::PacketType::Pong, packet.data, false } });
        break;
    case eio::PacketType::Message:
        emit messageReceived(packet);
        break;
    case eio::PacketType::Close:
        fail(QStringLiteral("transport close"));
        break;
    case eio::PacketType::Open:
    case eio::PacketType::Pong:
    case eio::PacketType::Upgrade:
    case eio::PacketType::Noop:
        break;
    }
}

void EngineIoClient::onOpenPacket(const QByteArray &json)
{
    auto info = eio::parseOpen(json);
    if (!info) {
        qCWarning(lcNet) << "malformed Engine.IO open packet:" << json.left(200);
        fail(QStringLiteral("parse error"));
        return;
    }
    m_info = *info;
    m_state = State::Open;
    m_transport->setSid(m_info.sid);
    m_transport->setMaxPayload(m_info.maxPayload);
    resetPingDeadline();
    const int total = m_info.pingInterval + m_info.pingTimeout;
    m_wallClockTimer->start(qBound(20, total / 4, 1000));
    qCDebug(lcNet) << "Engine.IO open, sid" << m_info.sid << "on" << m_transport->name();

    QPointer<EngineIoClient> self(this);
    emit opened();
    if (!self || m_state != State::Open)
        return;
    if (m_options.upgrade && m_transport->name() == kPolling && m_info.upgrades.contains(kWebSocket)
        && m_options.transports.contains(kWebSocket)) {
        startProbe();
    }
}

void EngineIoClient::resetPingDeadline()
{
    const qint64 total = qint64(m_info.pingInterval) + m_info.pingTimeout;
    m_pingDeadlineWall = wallNow() + total;
    m_pingTimer->start(int(qMin<qint64>(total, std::numeric_limits<int>::max())));
}

void EngineIoClient::checkPingDeadline()
{
    // Monotonic timers stand still while the machine sleeps; wall-clock time does not,
    // so a laptop waking from suspend notices the dead link at once.
    if (m_state == State::Open && wallNow() >= m_pingDeadlineWall)
        fail(QStringLiteral("ping timeout"));
}

bool EngineIoClient::sendMessage(const QByteArray &data, bool binary)
{
    return sendMessages({ { eio::PacketType::Message, data, binary } });
}

bool EngineIoClient::sendMessages(const QList<eio::Packet> &packets)
{
    if (m_state != State::Open)
        return false;
    const bool raw = !m_upgrading && m_transport->name() == kWebSocket;
    for (const eio::Packet &packet : packets) {
        // WebSocket carries binaries as they are; polling as base64 text.
        const qint64 size = raw && packet.binary ? packet.data.size() : eio::pollingSize(packet);
        if (size > m_info.maxPayload)
            return false;
    }
    if (m_upgrading)
        m_buffer.append(packets);
    else
        m_transport->send(packets);
    return true;
}

void EngineIoClient::startProbe()
{
    m_probe = createTransport(kWebSocket);
    m_probeAnswered = false;
    Transport *probe = m_probe;
    connect(probe, &Transport::opened, this, [probe] {
        probe->send({ { eio::PacketType::Ping, QByteArrayLiteral("probe"), false } });
    });
    connect(probe, &Transport::packetReceived, this, &EngineIoClient::onProbePacket);
    connect(probe, &Transport::failed, this,
            [this](const QString &reason) { abandonProbe(qPrintable(reason)); });
    m_probeTimer->start(m_options.probeTimeoutMs);
    probe->open(endpointUrl(m_options.serverUrl, kWebSocket, m_info.sid));
}

void EngineIoClient::onProbePacket(const eio::Packet &packet)
{
    if (m_probeAnswered)
        return;
    if (packet.type != eio::PacketType::Pong || packet.data != "probe") {
        abandonProbe("unexpected probe answer");
        return;
    }
    // Like the JS client: stop polling (let the in-flight GET and POST finish), then send
    // the upgrade packet on the new transport and flush what was written meanwhile.
    m_probeAnswered = true;
    m_upgrading = true;
    connect(m_transport, &Transport::paused, this, &EngineIoClient::onPaused, Qt::SingleShotConnection);
    m_transport->pause();
}

void EngineIoClient::onPaused()
{
    if (m_state != State::Open || !m_probe)
        return;
    m_probeTimer->stop();
    Transport *next = m_probe;
    m_probe = nullptr;
    next->disconnect(this);
    next->send({ { eio::PacketType::Upgrade, {}, false } });
    discard(m_transport);
    m_transport = next;
    attach(next);
    next->setSid(m_info.sid);
    next->setMaxPayload(m_info.maxPayload);
    m_upgrading = false;
    qCDebug(lcNet) << "upgraded to websocket";
    flushBuffer();
    emit upgraded(kWebSocket);
}

void EngineIoClient::abandonProbe(const char *why)
{
    if (!m_probe)
        return;
    qCInfo(lcNet) << "WebSocket upgrade abandoned:" << why;
    m_probeTimer->stop();
    discard(m_probe);
    if (m_upgrading) {
        // Polling is already paused and cannot take the session back cleanly.
        fail(QStringLiteral("transport error"));
    }
}

void EngineIoClient::flushBuffer()
{
    if (m_buffer.isEmpty() || !m_transport)
        return;
    const QList<eio::Packet> buffer = std::exchange(m_buffer, {});
    m_transport->send(buffer);
}

void EngineIoClient::close()
{
    if (m_state == State::Closed)
        return;
    if (m_state == State::Open && m_transport && !m_upgrading)
        m_transport->send({ { eio::PacketType::Close, {}, false } });
    m_state = State::Closed;
    m_pingTimer->stop();
    m_wallClockTimer->stop();
    m_probeTimer->stop();
    discard(m_probe);
    if (m_transport) {
        m_transport->disconnect(this);
        m_transport->shutdown();
        m_transport = nullptr;
    }
}

void EngineIoClient::fail(const QString &reason, const QString &sentence)
{
    if (m_state == State::Closed)
        return;
    close();
    qCInfo(lcNet) << "Engine.IO session closed:" << reason << sentence;
    emit closed(reason, sentence);
}

void EngineIoClient::discard(Transport *&transport)
{
    if (!transport)
        return;
    transport->disconnect(this);
    transport->stop();
    transport->deleteLater();
    transport = nullptr;
}

QString EngineIoClient::transportName() const
{
    return m_transport ? m_transport->name() : QString();
}

} // namespace ringchat::net
