// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Socket.IO v5 client (over Engine.IO v4) for one namespace, "/".
// Single-threaded: every call and every callback happens on the thread the client lives on.

#include "net/payload.h"
#include "net/pendingacks.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <map>
#include <memory>
#include <vector>

class QTimer;

namespace ringchat::net {

class EngineIoClient;
class Backoff;
namespace eio {
struct Packet;
}
namespace sio {
struct Packet;
class BinaryReassembler;
} // namespace sio

struct ReconnectPolicy
{
    int initialDelayMs = 1000;
    int maxDelayMs = 5000;
    double randomizationFactor = 0.5;
    int maxAttempts = -1; // -1 = unlimited (the Ring web client uses 5)
};

struct SocketIoOptions
{
    QUrl serverUrl;   // http(s)://host:port[/]; ws(s) URL derived from it
    QJsonObject auth; // sent in CONNECT (e.g. {"token": "..."})
    QStringList transports { QStringLiteral("websocket"), QStringLiteral("polling") };
    // websocket first; if its handshake fails, polling
    bool upgrade = true; // polling -> websocket probe when the server offers it
    int ackTimeoutMs = 10000;
    ReconnectPolicy reconnect;
    bool autoReconnect = true;
    quint64 randomSeed = 0; // 0 = seeded randomly; tests set it for an exact sequence
    // Additions:
    int connectTimeoutMs = 20000; // transport open + Socket.IO CONNECT must finish in this time
    bool watchNetwork = true;     // reconnect at once when QNetworkInformation says we're online
    // A larger incoming packet is a "parse error". The server's maxPayload only limits what
    // we send (socket.io itself sends bigger packets, and its JS client takes them).
    qint64 maxIncomingBytes = qint64(16) * 1024 * 1024;
};

using Reply = std::function<void(const Payload &)>; // set when the server asked for an ack
using EventHandler = std::function<void(const Payload &, const Reply &)>;

class SocketIoClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting };
    Q_ENUM(State)

    explicit SocketIoClient(SocketIoOptions options, QObject *parent = nullptr);
    ~SocketIoClient() override; // never blocks, safe at any moment

    void setAuth(const QJsonObject &auth); // used for the next CONNECT (token refresh)
    void open();                           // connect; no-op when already connecting/connected
    void close();                          // "io client disconnect"; no reconnect
    void retryNow();                       // skip the backoff wait

    State state() const;
    QString socketId() const;
    QString transportName() const; // "websocket" or "polling"
    int attempt() const;           // reconnect attempt number, 0 when connected
    qint64 msUntilRetry() const;   // -1 when no retry is scheduled
    bool recovered() const;        // the last CONNECT recovered the session (pid/offset)

    // Additions: connection state recovery bookkeeping (sent in the next CONNECT).
    QString recoveryPid() const;
    QString lastOffset() const;

    void emitEvent(const QString &event, const Payload &payload, AckCallback ack = {}, int timeoutMs = -1);
    void emitEvent(const QString &event, const QJsonObject &arg, AckCallback ack = {}, int timeoutMs = -1);
    void on(const QString &event, EventHandler handler);

signals:
    void stateChanged(ringchat::net::SocketIoClient::State state);
    void connected(const QString &socketId, bool recovered);
    void disconnected(const QString &reason); // "io server disconnect", "io client disconnect",
                                              // "ping timeout", "transport close",
                                              // "transport error", "parse error"
    void connectError(const QString &message, const QJsonValue &data); // no auto-reconnect
    void reconnectScheduled(int attempt, int delayMs);
    void eventReceived(const QString &event, const ringchat::net::Payload &payload);
    // Addition: a connection attempt failed below Socket.IO (transport/handshake/timeout);
    // a reconnect follows when allowed. `sentence` says why for the user (TLS, proxy,
    // refused, timeout...) when the transport could tell, else it is empty.
    void connectFailed(const QString &reason, const QString &sentence);
    // Addition: maxAttempts reconnects failed; the client is Disconnected until open().
    void reconnectFailed();

private:
    void startAttempt();
    void teardownEngine();
    void onEngineOpen();
    void onEngineMessage(const eio::Packet &packet);
    void onEngineClosed(const QString &reason, const QString &sentence);
    void handlePacket(sio::Packet packet);
    void onConnectPacket(const QJsonValue &data);
    void onEventPacket(sio::Packet packet);
    void attemptFailed(const QString &reason, const QString &sentence = {});
    void protocolError();
    void linkLost(const QString &reason, bool mayReconnect);
    void scheduleReconnect();
    void setState(State state);
    bool sendPacket(const sio::Packet &packet);
    void dispatchEvent(const QString &event, const Payload &payload, qint64 ackId);
    void sendAck(quint64 generation, qint64 id, const Payload &payload);
    void watchNetworkReachability();

    SocketIoOptions m_options;
    State m_state = State::Disconnected;
    EngineIoClient *m_engine = nullptr;
    std::unique_ptr<Backoff> m_backoff;
    std::unique_ptr<sio::BinaryReassembler> m_reassembler;
    QElapsedTimer m_clock;
    QTimer *m_retryTimer = nullptr;
    QTimer *m_connectTimer = nullptr;
    qint64 m_retryDeadline = -1; // m_clock ms when the scheduled retry fires
    int m_attempt = 0;
    bool m_sioConnected = false;
    bool m_watchingNetwork = false;
    quint64 m_generation = 0; // bumps with every engine session; stale replies are dropped
    QString m_socketId;
    QString m_pid;
    QString m_offset;
    bool m_recovered = false;
    PendingAcks *m_acks; // a child: a callback may delete this client
    std::map<QString, std::vector<EventHandler>> m_handlers;
    std::vector<sio::Packet> m_receiveBuffer; // events that came before the CONNECT reply
};

} // namespace ringchat::net
