// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Sends queued messages over the socket, one in flight per conversation so they keep
// their order, each with its clientId so a resend is stored once. An entry is handed to
// Persistence::save before its first emit (the emit does not wait for the disk) and
// forgotten only when the server acked it.
//
// RATE_LIMITED waits retryAfter and resends (not a failure); a lost link just waits
// for the next replay(); BAD_REQUEST/FORBIDDEN/NOT_FOUND, or too many timeouts or
// INTERNAL errors, mark the entry failed until retry() or discard().

#include "api/ackreply.h"
#include "api/types.h"
#include "store/outboxentry.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QTimer;

namespace ringchat::net {
class SocketIoClient;
}

namespace ringchat::chat {

using OutboxEntry = store::OutboxEntry;

// The send_message payload of an entry.
QJsonObject sendPayload(const OutboxEntry &entry);

class OutboxSender : public QObject
{
    Q_OBJECT
public:
    // Durable storage of the entries, done by the cache on its worker thread.
    struct Persistence
    {
        // Calls durable() once the entry is on disk.
        std::function<void(const OutboxEntry &entry, std::function<void()> durable)> save;
        // A state change of a saved entry (failed, or back in line after Retry).
        std::function<void(const OutboxEntry &entry)> update;
        std::function<void(const QString &clientId)> remove;
    };

    static constexpr int kMaxAttempts = 5;

    OutboxSender(net::SocketIoClient *client, Persistence persistence, QObject *parent = nullptr);

    // Entries read back from disk at start (already durable).
    void restore(const QList<OutboxEntry> &entries);
    // A new message: saved, then sent when online.
    void enqueue(const OutboxEntry &entry);
    // The link is up and the conversations are synced: send everything pending.
    void replay();
    void setOnline(bool online);

    bool retry(const QString &clientId);   // a failed entry goes back in line
    bool discard(const QString &clientId); // drops a pending or failed entry for good

    QList<OutboxEntry> entries() const; // every entry, by conversation then order
    bool contains(const QString &clientId) const;
    std::optional<OutboxEntry> entry(const QString &clientId) const;
    int pendingCount() const; // entries not failed

signals:
    void delivered(const QString &clientId, const ringchat::api::Message &stored);
    void failed(const QString &clientId, const QString &error);
    void requeued(const QString &clientId);
    void discarded(const QString &clientId);
    void drained(); // nothing left to send (failed entries excepted)

private:
    struct Queue
    {
        QList<OutboxEntry> entries; // in send order
        bool inFlight = false;
        QTimer *wait = nullptr; // rate-limit or timeout back-off
    };
    void pump(const QString &conversationId);
    void sendHead(const QString &conversationId);
    void onAck(const QString &conversationId, const QString &clientId, quint64 epoch,
               const api::AckReply &ack);
    void waitThenPump(const QString &conversationId, int ms);
    OutboxEntry *find(const QString &clientId);
    void checkDrained();

    net::SocketIoClient *m_client;
    Persistence m_persistence;
    QHash<QString, Queue> m_queues;
    bool m_online = false;
    quint64 m_epoch = 0; // bumps on every link change; acks of older epochs are ignored
};

} // namespace ringchat::chat
