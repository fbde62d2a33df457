// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ChatCache on top of the SQLite store (src/store): one database per account + server.

#include "chat/chatcache.h"
#include "store/messagebatch.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <deque>
#include <set>

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

    // A paced flood (messages one or two a turn, each write done before the next
    // message) would still commit once a message: writes start at most every
    // kWriteIntervalMs, so what comes sooner waits for the next one. The first
    // after a pause is written when its turn ends. This is server data: a crash
    // loses at most that much of the cache, and the next sync brings it back.
    static constexpr int kWriteIntervalMs = 10;

    void load(int messagesPerConversation, const QHash<QString, int> &limits,
              std::function<void(const Snapshot &)> done) override;
    void loadBefore(const QString &conversationId, qint64 beforeSeq, int limit,
                    std::function<void(const QList<api::Message> &)> done) override;
    void loadAfter(const QString &conversationId, qint64 afterSeq, int limit,
                   std::function<void(const QList<api::Message> &)> done) override;
    void saveConversations(const QList<api::Conversation> &conversations) override;
    void saveMessages(const QList<api::Message> &messages) override;
    void saveChanges(const QList<api::Message> &messages) override;
    void saveSyncedRev(const QString &conversationId, qint64 rev) override;
    void saveOutboxEntry(const OutboxEntry &entry, std::function<void()> durable) override;
    void updateOutboxEntry(const OutboxEntry &entry) override;
    void removeOutboxEntry(const QString &clientId) override;
    void findAttachment(const QString &attachmentId,
                        std::function<void(const std::optional<api::Attachment> &)> done) override;
    void destroy() override;

private:
    // Live messages and conversation updates (one of each per message in a
    // flood) arrive one event at a time; writing each in its own transaction
    // (one fsync each) costs ~15x the CPU of a batch. They are gathered, and one
    // write at a time is in flight: what arrives meanwhile becomes the next one
    // (group commit), so a slow disk means bigger batches rather than a growing
    // queue of small ones. Only the latest copy of a conversation is written, in
    // the same transaction as the messages (ChatStore::write).
    void writePending(); // one batch, then the next when it is done and due
    bool hasPending() const { return !m_pendingMessages.isEmpty() || !m_pendingConversations.isEmpty(); }
    // Every other store call goes after the pending writes, so the store sees
    // the writes in the order they were made.
    void flushPending();
    void scheduleWrite();
    // Hands what is pending to the store; `written` runs when the store has done it.
    void startWrite(std::function<void()> written = {});

    // A read the store answers after a later change was written would bring the
    // message back as it was: reads are answered with the changes saved since they
    // were asked for (kept only while such a read is in flight).
    struct LoggedChange
    {
        quint64 serial;
        api::Message message;
    };
    std::function<void(const QList<api::Message> &)>
    withLaterChanges(std::function<void(const QList<api::Message> &)> done);
    void applyChangesSince(quint64 serial, QList<api::Message> &messages) const;
    void readAnswered(quint64 serial);

    store::ChatStore *m_store;
    std::deque<LoggedChange> m_changeLog;
    quint64 m_changeSerial = 0;
    std::multiset<quint64> m_readsInFlight; // the serial each read was asked at
    // Compact: a slow disk can leave many waiting. It carries the synced revs too, so
    // they are written with (after) the messages they follow, in one transaction.
    store::MessageBatch m_pendingMessages;
    QHash<QString, api::Conversation> m_pendingConversations; // by id, the latest copy
    bool m_writeQueued = false;
    bool m_writeInFlight = false;
    QElapsedTimer m_lastWrite; // since the last batch was handed to the store
    QTimer m_writeDue;         // a queued write that waits for kWriteIntervalMs
};

} // namespace ringchat::chat
