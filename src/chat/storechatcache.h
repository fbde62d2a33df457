// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ChatCache on top of the SQLite store (src/store): one database per account + server.

#include "chat/chatcache.h"
#include "store/messagebatch.h"

#include <QHash>
#include <QObject>

namespace ringchat::store {
class ChatStore;
}

namespace ringchat::chat {

class StoreChatCache : public QObject, public ChatCache
{
    Q_OBJECT
public:
    // The store must be open (or being opened: its queue keeps the order) and outlive this.
    explicit StoreChatCache(store::ChatStore *store, QObject *parent = nullptr);
    ~StoreChatCache() override;

    void load(int messagesPerConversation, const QHash<QString, int> &limits,
              std::function<void(const Snapshot &)> done) override;
    void loadBefore(const QString &conversationId, qint64 beforeSeq, int limit,
                    std::function<void(const QList<api::Message> &)> done) override;
    void loadAfter(const QString &conversationId, qint64 afterSeq, int limit,
                   std::function<void(const QList<api::Message> &)> done) override;
    void saveConversations(const QList<api::Conversation> &conversations) override;
    void saveMessages(const QList<api::Message> &messages) override;
    void saveOutboxEntry(const OutboxEntry &entry, std::function<void()> durable) override;
    void updateOutboxEntry(const OutboxEntry &entry) override;
    void removeOutboxEntry(const QString &clientId) override;
    void destroy() override;

private:
    // Live messages and conversation updates (one of each per message in a
    // flood) arrive one event at a time; writing each in its own transaction
    // (one fsync each) costs ~15x the CPU of a batch. They are gathered, and one
    // write at a time is in flight: what arrives meanwhile becomes the next one
    // (group commit), so a slow disk means bigger batches rather than a growing
    // queue of small ones. Only the latest copy of a conversation is written.
    void writePending(); // when idle: one batch, then the next when it is done
    // Every other store call goes after the pending writes, so the store sees
    // the writes in the order they were made.
    void flushPending();
    void scheduleWrite();
    // Hands what is pending to the store; `written` runs when the store has done it.
    void startWrite(std::function<void()> written = {});

    store::ChatStore *m_store;
    store::MessageBatch m_pendingMessages;                    // compact: a slow disk can leave many waiting
    QHash<QString, api::Conversation> m_pendingConversations; // by id, the latest copy
    bool m_writeQueued = false;
    bool m_writeInFlight = false;
};

} // namespace ringchat::chat
