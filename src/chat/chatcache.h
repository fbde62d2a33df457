// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the chat service needs from the on-disk cache (one per account + server).
// Every call returns at once; the work happens on the cache's worker thread and
// callbacks run on the GUI thread. The service works without a cache too (null).

#include "api/types.h"
#include "chat/outboxsender.h"

#include <QHash>
#include <QList>

#include <functional>

namespace ringchat::chat {

class ChatCache
{
public:
    struct Snapshot
    {
        QList<api::Conversation> conversations;
        QHash<QString, QList<api::Message>> latestMessages; // per conversation, ascending by seq
        QList<OutboxEntry> outbox;
        QHash<QString, qint64> syncedRevs; // per conversation: every change up to it is held
    };

    virtual ~ChatCache() = default;

    // Start-up: the cached conversations, the latest messages of each (limits[id], else
    // messagesPerConversation), the outbox.
    virtual void load(int messagesPerConversation, const QHash<QString, int> &limits,
                      std::function<void(const Snapshot &)> done)
        = 0;
    // History (HistoryLoader): up to `limit` messages with seq < beforeSeq, or with
    // seq > afterSeq, nearest first; both ascending.
    virtual void loadBefore(const QString &conversationId, qint64 beforeSeq, int limit,
                            std::function<void(const QList<api::Message> &)> done)
        = 0;
    virtual void loadAfter(const QString &conversationId, qint64 afterSeq, int limit,
                           std::function<void(const QList<api::Message> &)> done)
        = 0;
    virtual void saveConversations(const QList<api::Conversation> &conversations) = 0;
    // Messages as the server has them: new rows, and newer states of stored ones (the rev rule).
    virtual void saveMessages(const QList<api::Message> &messages) = 0;
    // Newer states of messages the cache may hold: they update stored copies and add no row.
    virtual void saveChanges(const QList<api::Message> &messages) = 0;
    // Every change of the conversation up to rev is saved: written after the messages
    // saved before it, never moving back.
    virtual void saveSyncedRev(const QString &conversationId, qint64 rev) = 0;
    // durable() runs once the entry is committed to disk.
    virtual void saveOutboxEntry(const OutboxEntry &entry, std::function<void()> durable) = 0;
    virtual void updateOutboxEntry(const OutboxEntry &entry) = 0;
    virtual void removeOutboxEntry(const QString &clientId) = 0;
    // The attachment with this id on a cached message (contract v2), for its download.
    // A cache that keeps none answers nullopt.
    virtual void findAttachment(const QString &attachmentId,
                                std::function<void(const std::optional<api::Attachment> &)> done)
    {
        Q_UNUSED(attachmentId)
        done(std::nullopt);
    }
    // Sign-out: deletes the cache (the account's messages and outbox) from disk.
    virtual void destroy() = 0;
};

} // namespace ringchat::chat
