// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
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
    m_writeDue.setSingleShot(true);
    connect(&m_writeDue, &QTimer::timeout, this, &StoreChatCache::writePending);
}

StoreChatCache::~StoreChatCache()
{
    flushPending();
}

void StoreChatCache::startWrite(std::function<void()> written)
{
    // One job, one transaction: a live message comes with its conversation's update.
    m_lastWrite.start();
    QFuture<store::InsertResult> done = m_store->write(std::exchange(m_pendingConversations, {}).values(),
                                                       std::exchange(m_pendingMessages, {}));
    if (written)
        done.then(this, [written](const store::InsertResult &) { written(); });
}

void StoreChatCache::writePending()
{
    m_writeQueued = false;
    if (m_writeInFlight || !hasPending())
        return;
    m_writeInFlight = true;
    QPointer<StoreChatCache> self(this);
    startWrite([self] {
        if (!self)
            return;
        self->m_writeInFlight = false;
        if (self->hasPending())
            self->scheduleWrite();
    });
}

void StoreChatCache::scheduleWrite()
{
    if (m_writeQueued || m_writeInFlight)
        return; // the write in flight schedules the next when it is done
    m_writeQueued = true;
    const qint64 wait = m_lastWrite.isValid() ? kWriteIntervalMs - m_lastWrite.elapsed() : 0;
    if (wait > 0)
        m_writeDue.start(int(wait));
    else
        QMetaObject::invokeMethod(this, &StoreChatCache::writePending, Qt::QueuedConnection);
}

void StoreChatCache::flushPending()
{
    // Queued behind the write in flight, if any: the store runs jobs in order.
    if (hasPending())
        startWrite();
}

std::function<void(const QList<api::Message> &)>
StoreChatCache::withLaterChanges(std::function<void(const QList<api::Message> &)> done)
{
    const quint64 serial = m_changeSerial;
    m_readsInFlight.insert(serial);
    return [this, serial, done = std::move(done)](const QList<api::Message> &read) {
        QList<api::Message> messages = read;
        applyChangesSince(serial, messages);
        readAnswered(serial);
        done(messages);
    };
}

void StoreChatCache::applyChangesSince(quint64 serial, QList<api::Message> &messages) const
{
    for (const LoggedChange &change : m_changeLog) {
        if (change.serial <= serial)
            continue;
        for (api::Message &m : messages) {
            if (m.seq == change.message.seq && m.conversationId == change.message.conversationId
                && api::supersedes(change.message, m))
                m = change.message;
        }
    }
}

void StoreChatCache::readAnswered(quint64 serial)
{
    m_readsInFlight.erase(m_readsInFlight.find(serial));
    const quint64 oldest = m_readsInFlight.empty() ? m_changeSerial : *m_readsInFlight.begin();
    while (!m_changeLog.empty() && m_changeLog.front().serial <= oldest)
        m_changeLog.pop_front();
}

void StoreChatCache::load(int messagesPerConversation, const QHash<QString, int> &limits,
                          std::function<void(const Snapshot &)> done)
{
    flushPending();
    auto snapshot = std::make_shared<Snapshot>();
    auto remaining = std::make_shared<int>(1);
    QPointer<store::ChatStore> store(m_store);
    const quint64 serial = m_changeSerial;
    m_readsInFlight.insert(serial);
    auto finishOne = [this, snapshot, remaining, done, store, serial] {
        if (--*remaining != 0)
            return;
        for (QList<api::Message> &messages : snapshot->latestMessages)
            applyChangesSince(serial, messages);
        readAnswered(serial);
        done(*snapshot);
        // The reads filled SQLite's page cache with pages the app does not read again,
        // and the snapshot's copies are gone once the service has taken them in.
        snapshot->latestMessages.clear();
        if (store)
            store->releaseMemory();
    };
    m_store->loadConversations().then(
        this,
        [this, snapshot, remaining, finishOne, messagesPerConversation,
         limits](const QList<api::Conversation> &conversations) {
            snapshot->conversations = conversations;
            ++*remaining; // the outbox
            ++*remaining; // the synced revs
            m_store->syncedRevs().then(this, [snapshot, finishOne](const QHash<QString, qint64> &revs) {
                snapshot->syncedRevs = revs;
                finishOne();
            });
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
    flushPending();
    m_store->messagesBefore(conversationId, beforeSeq, limit).then(this, withLaterChanges(std::move(done)));
}

void StoreChatCache::loadAfter(const QString &conversationId, qint64 afterSeq, int limit,
                               std::function<void(const QList<api::Message> &)> done)
{
    flushPending();
    m_store->messagesAfter(conversationId, afterSeq, limit).then(this, withLaterChanges(std::move(done)));
}

void StoreChatCache::saveConversations(const QList<api::Conversation> &conversations)
{
    for (const api::Conversation &c : conversations)
        m_pendingConversations.insert(c.id, c);
    scheduleWrite();
}

void StoreChatCache::saveMessages(const QList<api::Message> &messages)
{
    m_pendingMessages.append(messages);
    scheduleWrite();
}

void StoreChatCache::saveChanges(const QList<api::Message> &messages)
{
    m_pendingMessages.append(messages, true);
    if (!m_readsInFlight.empty()) {
        ++m_changeSerial;
        for (const api::Message &m : messages)
            m_changeLog.push_back({ m_changeSerial, m });
    }
    scheduleWrite();
}

void StoreChatCache::saveSyncedRev(const QString &conversationId, qint64 rev)
{
    m_pendingMessages.advanceSyncedRev(conversationId, rev);
    scheduleWrite();
}

void StoreChatCache::saveOutboxEntry(const OutboxEntry &entry, std::function<void()> durable)
{
    flushPending();
    m_store->addToOutbox(entry).then(this, [durable](bool ok) {
        if (!ok)
            qCWarning(lcChat) << "could not write the outbox entry to disk; sending it anyway";
        durable();
    });
}

void StoreChatCache::updateOutboxEntry(const OutboxEntry &entry)
{
    flushPending();
    m_store->updateOutbox(entry);
}

void StoreChatCache::findAttachment(const QString &attachmentId,
                                    std::function<void(const std::optional<api::Attachment> &)> done)
{
    // After the messages waiting for the store, so one just received is found.
    flushPending();
    m_store->attachment(attachmentId).then(this, std::move(done));
}

void StoreChatCache::removeOutboxEntry(const QString &clientId)
{
    flushPending();
    m_store->removeFromOutbox(clientId);
}

void StoreChatCache::destroy()
{
    // The database goes, and what was not written with it.
    m_pendingMessages = {};
    m_pendingConversations.clear();
    m_changeLog.clear();
    m_store->destroyDatabase();
}

} // namespace ringchat::chat
