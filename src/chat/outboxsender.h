// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Sends the outbox: our messages (send_message) and our actions on messages
// (edit_message, delete_message, set_reaction), in one queue per conversation,
// in order and one in flight at a time, so an edit follows its send. An entry is
// handed to Persistence::save before its first emit (a send does not wait for the
// disk, an action does) and forgotten only when the server answered it. Every kind is
// idempotent on the server (a send by its clientId), so a resend after a lost
// answer does nothing twice.
//
// An action whose target is our own message's clientId goes out with the message's
// id: the send's ack gives it to the queued actions (and the disk); a target the
// ack could not name is asked of the resolver.
//
// Sends: RATE_LIMITED waits retryAfter and resends (not a failure); a lost link just
// waits for the next replay(); BAD_REQUEST/FORBIDDEN/NOT_FOUND, or too many timeouts
// or INTERNAL errors, mark the entry failed until retry() or discard(). An action
// waits while its target's send is failed.
// Actions: RATE_LIMITED waits as for sends; a lost answer (link lost, timeout) keeps
// the entry and sends it again; any refusal (or INTERNAL too often) removes it
// (actionRefused).
// Files (contract v2): a send whose files are not all on the server has them uploaded
// first (AttachmentUploader), as part of its turn; a lost upload starts again (same
// keys), a refused one is a failed send (Retry, Discard).

#include "api/ackreply.h"
#include "api/types.h"
#include "chat/emitevent.h"
#include "store/outboxentry.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

class QTimer;

namespace ringchat::api {
struct ApiError;
}

namespace ringchat::chat {

class AttachmentUploader;

using OutboxEntry = store::OutboxEntry;

// The client event an entry goes out as, and its payload.
struct OutboxEvent
{
    QString name;
    QJsonObject payload;
};
OutboxEvent outboxEvent(const OutboxEntry &entry);

class OutboxSender : public QObject
{
    Q_OBJECT
public:
    // Durable storage of the entries, done by the cache on its worker thread.
    struct Persistence
    {
        // Calls durable() once the entry is on disk.
        std::function<void(const OutboxEntry &entry, std::function<void()> durable)> save;
        // A change of a saved entry (state, content, target, emitted).
        std::function<void(const OutboxEntry &entry)> update;
        std::function<void(const QString &clientId)> remove;
    };
    // The id of our message whose clientId is `key`, empty when unknown.
    using ResolveTarget = std::function<QString(const QString &conversationId, const QString &key)>;

    static constexpr int kMaxAttempts = 5;

    OutboxSender(EmitEvent send, Persistence persistence, QObject *parent = nullptr);
    void setTargetResolver(ResolveTarget resolve) { m_resolve = std::move(resolve); }
    // Uploads sends' files; without one, a send with files fails.
    void setUploader(AttachmentUploader *uploader) { m_uploader = uploader; }

    // Entries read back from disk at start (already durable).
    void restore(const QList<OutboxEntry> &entries);
    // A new entry: saved, then sent when online.
    void enqueue(const OutboxEntry &entry);
    // The link is up and the conversations are synced: send everything pending.
    void replay();
    void setOnline(bool online);

    bool retry(const QString &clientId);   // a failed entry goes back in line
    bool discard(const QString &clientId); // drops an entry for good
    // A send that never went out takes new content instead of being edited later.
    // False when it has gone out (or is no send of ours).
    bool rewrite(const QString &clientId, const QString &content);

    QList<OutboxEntry> entries() const; // every entry, by conversation then order
    QList<OutboxEntry>
    actions(const QString &conversationId) const; // its edits, deletes, reactions, in order
    bool contains(const QString &clientId) const;
    std::optional<OutboxEntry> entry(const QString &clientId) const;
    int pendingCount() const; // entries not failed

signals:
    void delivered(const QString &clientId, const ringchat::api::Message &stored);
    void failed(const QString &clientId, const QString &error);
    void requeued(const QString &clientId);
    void discarded(const QString &clientId);
    // The server did the action (or it was so already): `state` is the message as the
    // server has it now (its id is empty when the ack was unreadable).
    void actionAnswered(const ringchat::store::OutboxEntry &entry, const ringchat::api::Message &state);
    // The server refused the action with `code` (EDIT_WINDOW_CLOSED, FORBIDDEN, GONE, ...).
    void actionRefused(const ringchat::store::OutboxEntry &entry, const QString &code);
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
    OutboxEntry *nextToSend(Queue &queue);
    void onAck(const QString &conversationId, const QString &clientId, quint64 epoch,
               const api::AckReply &ack);
    void answered(const QString &conversationId, const OutboxEntry &entry, const api::AckReply &ack);
    void sendFailed(const QString &conversationId, OutboxEntry &entry, const api::AckReply &ack);
    void actionFailed(const QString &conversationId, OutboxEntry &entry, const api::AckReply &ack);
    void takeOut(const QString &conversationId, const QString &clientId);
    void resolveTargets(const QString &conversationId, const QString &clientId, const QString &messageId);
    void waitThenPump(const QString &conversationId, int ms);
    void uploadFirst(const QString &conversationId, const OutboxEntry &entry);
    void onUploaded(const QString &conversationId, quint64 epoch, const OutboxEntry &uploaded,
                    const api::ApiError &error);
    OutboxEntry *find(const QString &clientId);
    void checkDrained();

    EmitEvent m_emit;
    Persistence m_persistence;
    ResolveTarget m_resolve;
    AttachmentUploader *m_uploader = nullptr;
    QHash<QString, Queue> m_queues;
    QSet<QString> m_notOnDisk; // actions whose save has not reached the disk yet
    QString m_savedAtEmit;     // the send enqueue() is handing to pump(): saved when it goes
    bool m_online = false;
    quint64 m_epoch = 0; // bumps on every link change; acks of older epochs are ignored
};

} // namespace ringchat::chat
