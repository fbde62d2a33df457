#include "chat/storechatcache.h"

#include "store/chatstore.h"

#include <QLoggingCategory>
#include <QPointer>

#include <memory>
#include <utility>

Q_DECLARE_LOGGING_CATEGORY(lcChat)

namespace ringchat::chat {

StoreChatCache::StoreChatCache(store::ChatStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
}

StoreChatCache::~StoreChatCache()
{
    flushPendingMessages();
}

void StoreChatCache::writePendingMessages()
{
    if (m_writeInFlight || m_pendingMessages.isEmpty())
        return;
    m_writeInFlight = true;
    QPointer<StoreChatCache> self(this);
    m_store->insertMessages(std::exchange(m_pendingMessages, {})).then(this, [self](const store::InsertResult &) {
        if (!self)
            return;
        self->m_writeInFlight = false;
        self->writePendingMessages();
    });
}

void StoreChatCache::flushPendingMessages()
{
    // Queued behind the write in flight, if any: the store runs jobs in order.
    if (!m_pendingMessages.isEmpty())
        m_store->insertMessages(std::exchange(m_pendingMessages, {}));
}

void StoreChatCache::load(int messagesPerConversation, const QHash<QString, int> &limits,
                          std::function<void(const Snapshot &)> done)
{
    flushPendingMessages();
    auto snapshot = std::make_shared<Snapshot>();
    auto remaining = std::make_shared<int>(1);
    QPointer<store::ChatStore> store(m_store);
    auto finishOne = [snapshot, remaining, done, store] {
        if (--*remaining != 0)
            return;
        done(*snapshot);
        // The reads filled SQLite's page cache with pages the app does not read again,
        // and the snapshot's copies are gone once the service has taken them in.
        snapshot->latestMessages.clear();
        if (store)
            store->releaseMemory();
    };
    m_store->loadConversations().then(this, [this, snapshot, remaining, finishOne, messagesPerConversation, limits](
                                                const QList<api::Conversation> &conversations) {
        snapshot->conversations = conversations;
        ++*remaining; // the outbox
        for (const api::Conversation &c : conversations) {
            ++*remaining;
            const QString id = c.id;
            m_store->latestMessages(id, limits.value(id, messagesPerConversation))
                .then(this, [snapshot, finishOne, id](const QList<api::Message> &messages) {
                    snapshot->latestMessages.insert(id, messages);
                    finishOne();
                });
        }
        m_store->outbox().then(this, [snapshot, finishOne](const QList<OutboxEntry> &entries) {
            snapshot->outbox = entries;
            finishOne();
        });
        finishOne();
    });
}

void StoreChatCache::loadBefore(const QString &conversationId, qint64 beforeSeq, int limit,
                                std::function<void(const QList<api::Message> &)> done)
{
    flushPendingMessages();
    m_store->messagesBefore(conversationId, beforeSeq, limit)
        .then(this, [done](const QList<api::Message> &messages) { done(messages); });
}

void StoreChatCache::saveConversations(const QList<api::Conversation> &conversations)
{
    flushPendingMessages();
    m_store->upsertConversations(conversations);
}

void StoreChatCache::saveMessages(const QList<api::Message> &messages)
{
    const bool writeQueued = !m_pendingMessages.isEmpty();
    m_pendingMessages.append(messages);
    if (!writeQueued && !m_writeInFlight)
        QMetaObject::invokeMethod(this, &StoreChatCache::writePendingMessages, Qt::QueuedConnection);
}

void StoreChatCache::saveOutboxEntry(const OutboxEntry &entry, std::function<void()> durable)
{
    flushPendingMessages();
    m_store->addToOutbox(entry).then(this, [durable](bool ok) {
        if (!ok)
            qCWarning(lcChat) << "could not write the outbox entry to disk; sending it anyway";
        durable();
    });
}

void StoreChatCache::updateOutboxEntry(const OutboxEntry &entry)
{
    flushPendingMessages();
    m_store->updateOutbox(entry.clientId, entry.state, entry.attempts, entry.lastError);
}

void StoreChatCache::removeOutboxEntry(const QString &clientId)
{
    flushPendingMessages();
    m_store->removeFromOutbox(clientId);
}

void StoreChatCache::destroy()
{
    m_pendingMessages = {}; // the database goes, and what was not written with it
    m_store->destroyDatabase();
}

} // namespace ringchat::chat
