// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/socketioclient.h"

#include "net/backoff.h"
#include "net/engineioclient.h"
#include "net/logging.h"
#include "net/socketiopacket.h"

#include "core/transportsecurity.h"

#include <QJsonDocument>
#include <QNetworkInformation>
#include <QTimer>

namespace ringchat::net {

namespace {

constexpr size_t kMaxBufferedEvents = 100000; // replayed before CONNECT; beyond is abuse

QString reasonString(const char *reason)
{
    return QString::fromLatin1(reason);
}

} // namespace

SocketIoClient::SocketIoClient(SocketIoOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_backoff(std::make_unique<Backoff>(m_options.reconnect.initialDelayMs, m_options.reconnect.maxDelayMs,
                                          m_options.reconnect.randomizationFactor, m_options.randomSeed))
    , m_reassembler(std::make_unique<sio::BinaryReassembler>())
    , m_retryTimer(new QTimer(this))
    , m_connectTimer(new QTimer(this))
    , m_acks(new PendingAcks(this))
{
    m_clock.start();
    m_retryTimer->setSingleShot(true);
    m_connectTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &SocketIoClient::startAttempt);
    connect(m_connectTimer, &QTimer::timeout, this, [this] {
        attemptFailed(QStringLiteral("timeout"),
                      QStringLiteral("%1 did not answer within %2 s.")
                          .arg(m_options.serverUrl.host())
                          .arg(m_options.connectTimeoutMs / 1000.0));
    });
}

SocketIoClient::~SocketIoClient()
{
    // Pending ack callbacks are dropped, not called: their owners may be mid-destruction.
    teardownEngine();
}

void SocketIoClient::setAuth(const QJsonObject &auth)
{
    m_options.auth = auth;
}

void SocketIoClient::open()
{
    if (m_state == State::Connected || m_state == State::Connecting)
        return;
    if (m_state == State::Reconnecting) {
        retryNow();
        return;
    }
    QString insecure;
    if (!isSecureTransport(m_options.serverUrl, &insecure)) {
        // The token would travel in clear text: refuse before any byte is sent.
        qCWarning(lcNet) << "Not connecting:" << insecure;
        QTimer::singleShot(0, this, [this, insecure] {
            emit connectError(insecure,
                              QJsonObject { { QStringLiteral("code"), QStringLiteral("INSECURE_URL") } });
        });
        return;
    }
    m_backoff->reset();
    m_attempt = 0;
    watchNetworkReachability();
    setState(State::Connecting);
    startAttempt();
}

void SocketIoClient::close()
{
    if (m_state == State::Disconnected)
        return;
    const bool wasConnected = m_sioConnected;
    if (wasConnected)
        sendPacket(sio::Packet { sio::PacketType::Disconnect, QStringLiteral("/"), -1, 0, {}, {}, {} });
    teardownEngine();
    m_retryTimer->stop();
    m_retryDeadline = -1;
    m_attempt = 0;
    QPointer<SocketIoClient> self(this);
    setState(State::Disconnected);
    if (!self)
        return;
    m_acks->failAll(QStringLiteral("disconnected"));
    if (self && wasConnected)
        emit disconnected(QStringLiteral("io client disconnect"));
}

void SocketIoClient::retryNow()
{
    if (m_state == State::Reconnecting && m_retryTimer->isActive())
        startAttempt();
}

SocketIoClient::State SocketIoClient::state() const
{
    return m_state;
}
QString SocketIoClient::socketId() const
{
    return m_socketId;
}
QString SocketIoClient::transportName() const
{
    return m_engine ? m_engine->transportName() : QString();
}
int SocketIoClient::attempt() const
{
    return m_state == State::Connected ? 0 : m_attempt;
}
bool SocketIoClient::recovered() const
{
    return m_recovered;
}
QString SocketIoClient::recoveryPid() const
{
    return m_pid;
}
QString SocketIoClient::lastOffset() const
{
    return m_offset;
}

qint64 SocketIoClient::msUntilRetry() const
{
    if (!m_retryTimer->isActive())
        return -1;
    return qMax<qint64>(0, m_retryDeadline - m_clock.elapsed());
}

void SocketIoClient::on(const QString &event, EventHandler handler)
{
    if (handler)
        m_handlers[event].push_back(std::move(handler));
}

void SocketIoClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

// --- connection attempts -------------------------------------------------------------

void SocketIoClient::startAttempt()
{
    m_retryTimer->stop();
    m_retryDeadline = -1;
    teardownEngine();
    ++m_generation;
    EngineIoClient::Options options;
    options.serverUrl = m_options.serverUrl;
    options.transports = m_options.transports;
    options.upgrade = m_options.upgrade;
    options.maxIncomingBytes = m_options.maxIncomingBytes;
    m_engine = new EngineIoClient(options, this);
    connect(m_engine, &EngineIoClient::opened, this, &SocketIoClient::onEngineOpen);
    connect(m_engine, &EngineIoClient::messageReceived, this, &SocketIoClient::onEngineMessage);
    connect(m_engine, &EngineIoClient::closed, this, &SocketIoClient::onEngineClosed);
    m_connectTimer->start(m_options.connectTimeoutMs);
    m_engine->open();
}

void SocketIoClient::teardownEngine()
{
    m_connectTimer->stop();
    m_reassembler->reset();
    m_receiveBuffer.clear();
    m_sioConnected = false;
    m_socketId.clear();
    if (!m_engine)
        return;
    // deleteLater: we may be inside one of the engine's own signals.
    m_engine->disconnect(this);
    m_engine->close();
    m_engine->deleteLater();
    m_engine = nullptr;
}

void SocketIoClient::onEngineOpen()
{
    QJsonObject data = m_options.auth;
    if (!m_pid.isEmpty()) {
        // Connection state recovery: the server replays what we missed since `offset`.
        data.insert(QStringLiteral("pid"), m_pid);
        if (!m_offset.isEmpty())
            data.insert(QStringLiteral("offset"), m_offset);
    }
    sendPacket(sio::Packet { sio::PacketType::Connect, QStringLiteral("/"), -1, 0, data, {}, {} });
}

void SocketIoClient::protocolError()
{
    // Bad input from the server: drop the session and reconnect like any other link loss.
    if (m_sioConnected)
        linkLost(reasonString("parse error"), true);
    else
        attemptFailed(reasonString("parse error"));
}

void SocketIoClient::onEngineClosed(const QString &reason, const QString &sentence)
{
    if (m_sioConnected)
        linkLost(reason, true);
    else
        attemptFailed(reason, sentence);
}

void SocketIoClient::attemptFailed(const QString &reason, const QString &sentence)
{
    qCInfo(lcNet) << "connection attempt failed:" << reason << sentence;
    teardownEngine();
    QPointer<SocketIoClient> self(this);
    emit connectFailed(reason, sentence);
    if (!self)
        return;
    if (m_options.autoReconnect)
        scheduleReconnect();
    else
        setState(State::Disconnected);
}

void SocketIoClient::linkLost(const QString &reason, bool mayReconnect)
{
    qCInfo(lcNet) << "disconnected:" << reason;
    teardownEngine();
    QPointer<SocketIoClient> self(this);
    const bool reconnect = mayReconnect && m_options.autoReconnect;
    if (!reconnect)
        setState(State::Disconnected);
    if (!self)
        return;
    m_acks->failAll(QStringLiteral("disconnected"));
    if (!self)
        return;
    emit disconnected(reason);
    if (!self)
        return;
    // A handler may have called close() or open() meanwhile; only go on if nothing did.
    if (reconnect && !m_engine && m_state == State::Connected) {
        m_backoff->reset();
        scheduleReconnect();
    }
}

void SocketIoClient::scheduleReconnect()
{
    const int max = m_options.reconnect.maxAttempts;
    if (max >= 0 && m_backoff->attempts() >= max) {
        qCInfo(lcNet) << "giving up after" << m_backoff->attempts() << "reconnect attempts";
        m_retryDeadline = -1;
        QPointer<SocketIoClient> self(this);
        setState(State::Disconnected);
        if (self)
            emit reconnectFailed();
        return;
    }
    const int delay = m_backoff->nextDelay();
    m_attempt = m_backoff->attempts();
    m_retryTimer->start(delay);
    m_retryDeadline = m_clock.elapsed() + delay;
    QPointer<SocketIoClient> self(this);
    setState(State::Reconnecting);
    if (self)
        emit reconnectScheduled(m_attempt, delay);
}

void SocketIoClient::watchNetworkReachability()
{
    if (m_watchingNetwork || !m_options.watchNetwork)
        return;
    m_watchingNetwork = true;
    if (!QNetworkInformation::instance() && !QNetworkInformation::loadDefaultBackend()) {
        qCDebug(lcNet) << "no network information backend; reconnects rely on the backoff";
        return;
    }
    connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability reachability) {
                if (reachability == QNetworkInformation::Reachability::Online) {
                    qCInfo(lcNet) << "network is back, reconnecting now";
                    retryNow();
                }
            });
}

// --- incoming ------------------------------------------------------------------------

void SocketIoClient::onEngineMessage(const eio::Packet &packet)
{
    if (packet.binary) {
        if (!m_reassembler->active()) {
            qCWarning(lcNet) << "binary frame without a pending binary packet";
            protocolError();
            return;
        }
        if (m_reassembler->add(packet.data) == sio::BinaryReassembler::Result::Complete)
            handlePacket(m_reassembler->take());
        return;
    }
    if (m_reassembler->active()) {
        qCWarning(lcNet) << "text packet while waiting for binary attachments";
        protocolError();
        return;
    }
    QString error;
    // The text's spare capacity lets the JSON parser read it in place (no copy).
    auto decoded = sio::decode(packet.data, &error, packet.data.capacity() - packet.data.size());
    if (!decoded) {
        qCWarning(lcNet).noquote() << "malformed Socket.IO packet (" << error
                                   << "):" << packet.data.left(120);
        protocolError();
        return;
    }
    if ((decoded->type == sio::PacketType::BinaryEvent || decoded->type == sio::PacketType::BinaryAck)
        && decoded->attachments > 0) {
        m_reassembler->start(std::move(*decoded));
        return;
    }
    handlePacket(std::move(*decoded));
}

void SocketIoClient::handlePacket(sio::Packet packet)
{
    if (packet.nsp != QLatin1StringView("/")) {
        qCDebug(lcNet) << "ignoring packet for namespace" << packet.nsp;
        return;
    }
    switch (packet.type) {
    case sio::PacketType::Connect:
        onConnectPacket(packet.jsonData());
        return;
    case sio::PacketType::ConnectError: {
        const QJsonValue payload = packet.jsonData();
        const QJsonObject object = payload.toObject();
        const QString message
            = payload.isString() ? payload.toString() : object.value(QStringLiteral("message")).toString();
        const QJsonValue data = object.value(QStringLiteral("data"));
        qCInfo(lcNet) << "CONNECT refused:" << message;
        // The server refused us: retrying with the same credentials would be refused again.
        teardownEngine();
        m_retryTimer->stop();
        m_retryDeadline = -1;
        QPointer<SocketIoClient> self(this);
        setState(State::Disconnected);
        if (self)
            emit connectError(message, data);
        return;
    }
    case sio::PacketType::Disconnect:
        if (m_sioConnected)
            linkLost(QStringLiteral("io server disconnect"), false);
        return;
    case sio::PacketType::Event:
    case sio::PacketType::BinaryEvent: {
        if (!m_sioConnected) {
            // A recovering server replays the missed events before its CONNECT reply.
            if (m_receiveBuffer.size() >= kMaxBufferedEvents) {
                qCWarning(lcNet) << "more than" << kMaxBufferedEvents << "events before CONNECT";
                protocolError();
                return;
            }
            m_receiveBuffer.push_back(std::move(packet));
            return;
        }
        onEventPacket(std::move(packet));
        return;
    }
    case sio::PacketType::Ack:
    case sio::PacketType::BinaryAck: {
        const AckCallback callback = m_acks->take(packet.id);
        if (!callback) {
            qCDebug(lcNet) << "ack for unknown or expired id" << packet.id;
            return;
        }
        AckResult result;
        result.payload = Payload(packet.json, 0, packet.view().size(), std::move(packet.binaries));
        callback(result);
        return;
    }
    }
}

void SocketIoClient::onEventPacket(sio::Packet packet)
{
    // The hot path: the handlers get views into the packet's one parsed document; no
    // QJsonArray is built unless one of them asks for it.
    const JsonView array = packet.view();
    const QString event = array.at(0).toString();
    qsizetype count = array.size() - 1;
    // With connection state recovery on, the server appends the event's offset as a
    // last string argument to events that ask no ack. Keep it for the next CONNECT and
    // hand the application only its own arguments.
    if (!m_pid.isEmpty() && packet.id < 0 && count > 0) {
        const JsonView last = array.at(count);
        if (last.isString()) {
            m_offset = last.toString();
            --count;
        }
    }
    dispatchEvent(event, Payload(std::move(packet.json), 1, count, std::move(packet.binaries)), packet.id);
}

void SocketIoClient::onConnectPacket(const QJsonValue &data)
{
    if (m_sioConnected)
        return;
    const QJsonObject object = data.toObject();
    const QString sid = object.value(QStringLiteral("sid")).toString();
    if (sid.isEmpty()) {
        qCWarning(lcNet) << "CONNECT reply without a sid";
        attemptFailed(reasonString("parse error"));
        return;
    }
    const QString pid = object.value(QStringLiteral("pid")).toString();
    m_recovered = !pid.isEmpty() && pid == m_pid;
    if (!m_recovered)
        m_offset.clear();
    m_pid = pid;
    m_connectTimer->stop();
    m_sioConnected = true;
    m_socketId = sid;
    m_attempt = 0;
    m_backoff->reset();
    qCInfo(lcNet) << "connected, socket id" << sid << "via" << transportName()
                  << (m_recovered ? "(session recovered)" : "");
    QPointer<SocketIoClient> self(this);
    const quint64 generation = m_generation;
    setState(State::Connected);
    if (!self || !m_sioConnected)
        return;
    emit connected(sid, m_recovered);
    if (!self || !m_sioConnected || m_generation != generation)
        return;
    // Then the events the server replayed before its CONNECT reply (recovery), in order.
    std::vector<sio::Packet> buffered = std::exchange(m_receiveBuffer, {});
    for (sio::Packet &packet : buffered) {
        if (!self || !m_sioConnected || m_generation != generation)
            return;
        onEventPacket(std::move(packet));
    }
}

void SocketIoClient::dispatchEvent(const QString &event, const Payload &payload, qint64 ackId)
{
    Reply reply;
    if (ackId >= 0) {
        QPointer<SocketIoClient> self(this);
        const quint64 generation = m_generation;
        auto sent = std::make_shared<bool>(false);
        reply = [self, generation, ackId, sent](const Payload &answer) {
            if (!self || *sent)
                return;
            *sent = true;
            self->sendAck(generation, ackId, answer);
        };
    }
    QPointer<SocketIoClient> self(this);
    auto it = m_handlers.find(event);
    if (it != m_handlers.end()) {
        const std::vector<EventHandler> handlers = it->second; // a handler may call on()
        for (const EventHandler &handler : handlers) {
            handler(payload, reply);
            if (!self)
                return;
        }
    }
    emit eventReceived(event, payload);
}

void SocketIoClient::sendAck(quint64 generation, qint64 id, const Payload &payload)
{
    // An ack id belongs to the session that asked; after a reconnect it means nothing.
    if (generation != m_generation || !m_sioConnected)
        return;
    const bool binary = !payload.binaries.isEmpty();
    sendPacket(sio::Packet { binary ? sio::PacketType::BinaryAck : sio::PacketType::Ack,
                             QStringLiteral("/"),
                             id,
                             int(payload.binaries.size()),
                             payload.args(),
                             {},
                             payload.binaries });
}

// --- outgoing ------------------------------------------------------------------------

bool SocketIoClient::sendPacket(const sio::Packet &packet)
{
    if (!m_engine)
        return false;
    if (packet.binaries.isEmpty())
        return m_engine->sendMessage(sio::encode(packet));
    QList<eio::Packet> packets;
    packets.reserve(packet.binaries.size() + 1);
    packets.append({ eio::PacketType::Message, sio::encode(packet), false });
    for (const QByteArray &binary : packet.binaries)
        packets.append({ eio::PacketType::Message, binary, true });
    return m_engine->sendMessages(packets);
}

void SocketIoClient::emitEvent(const QString &event, const QJsonObject &arg, AckCallback ack, int timeoutMs)
{
    emitEvent(event, Payload { QJsonArray { arg }, {} }, std::move(ack), timeoutMs);
}

void SocketIoClient::emitEvent(const QString &event, const Payload &payload, AckCallback ack, int timeoutMs)
{
    if (!m_sioConnected) {
        qCDebug(lcNet) << "not connected, dropping" << event;
        if (ack)
            m_acks->failLater(std::move(ack), QStringLiteral("disconnected"));
        return;
    }
    QJsonArray args = payload.args();
    args.prepend(event);
    const bool binary = !payload.binaries.isEmpty();
    sio::Packet packet { binary ? sio::PacketType::BinaryEvent : sio::PacketType::Event,
                         QStringLiteral("/"),
                         -1,
                         int(payload.binaries.size()),
                         args,
                         {},
                         payload.binaries };
    if (ack)
        packet.id = m_acks->nextId();
    if (!sendPacket(packet)) {
        qCWarning(lcNet) << "event" << event << "exceeds the server's maxPayload"
                         << (m_engine ? m_engine->maxPayload() : 0) << ", not sent";
        if (ack)
            m_acks->failLater(std::move(ack), QStringLiteral("too large"));
        return;
    }
    if (ack) {
        const int timeout = timeoutMs >= 0 ? timeoutMs : m_options.ackTimeoutMs;
        m_acks->add(packet.id, std::move(ack), timeout);
    }
}

} // namespace ringchat::net
