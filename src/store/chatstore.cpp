// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/chatstore.h"

#include "store/cachedatabase.h"

#include <QCryptographicHash>
#include <QDir>
#include <QPointer>
#include <QStandardPaths>
#include <QThread>

namespace ringchat::store {

template <typename F> auto ChatStore::run(F fn) -> QFuture<std::invoke_result_t<F, CacheDatabase &>>
{
    using T = std::invoke_result_t<F, CacheDatabase &>;
    auto promise = std::make_shared<QPromise<T>>();
    promise->start();
    QFuture<T> future = promise->future();
    QMetaObject::invokeMethod(
        m_worker,
        [db = m_db, promise, fn = std::move(fn), home = this]() mutable {
            if constexpr (std::is_void_v<T>) {
                fn(*db);
                promise->finish();
            } else {
                promise->addResult(fn(*db));
                // Finished where callers attach their continuations (chatstore.h). The
                // store outlives its worker (~ChatStore waits for it), so `home` is alive
                // here; a finish still queued when it goes is dropped and ~QPromise
                // cancels the future.
                QMetaObject::invokeMethod(
                    home, [promise] { promise->finish(); }, Qt::QueuedConnection);
            }
        },
        Qt::QueuedConnection);
    return future;
}

ChatStore::ChatStore(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread)
    , m_worker(new QObject)
    , m_db(std::make_shared<CacheDatabase>())
{
    m_thread->setObjectName(QStringLiteral("ringchat-store"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

ChatStore::~ChatStore()
{
    // Let queued writes finish, then close the connection on its own thread.
    // Quit from inside the queue: everything queued before runs first
    // (QThread::quit() from here could leave queued writes unrun).
    QMetaObject::invokeMethod(
        m_worker,
        [db = m_db] {
            db->close();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread->wait();
    delete m_thread;
}

QString ChatStore::databasePath(const QUrl &serverUrl, const QString &userId, const QString &directory)
{
    QString dir = directory;
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/cache");
    // https://Host/ and https://host name the same server.
    QUrl normalized = serverUrl.adjusted(QUrl::NormalizePathSegments | QUrl::RemoveQuery
                                         | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    QString path = normalized.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    normalized.setPath(path);
    const QByteArray server = normalized.toString(QUrl::FullyEncoded).toLower().toUtf8();
    const QByteArray hash
        = QCryptographicHash::hash(server + '\n' + userId.toUtf8(), QCryptographicHash::Sha256)
              .toHex()
              .left(32);
    return QDir(dir).filePath(QString::fromLatin1(hash) + QStringLiteral(".sqlite"));
}

QFuture<bool> ChatStore::open(const QString &path, const QString &ownUserId)
{
    QPointer<ChatStore> self(this);
    return run([path, ownUserId, self](CacheDatabase &db) {
        const QString before = db.movedAsidePath();
        const bool ok = db.open(path, ownUserId);
        if (ok && self && !db.searchIndex().progress().complete())
            QMetaObject::invokeMethod(self.data(), [self] {
                if (self)
                    self->buildSearchIndex();
            });
        if (db.movedAsidePath() != before && self) {
            QMetaObject::invokeMethod(
                self.data(),
                [self, moved = db.movedAsidePath(), reason = db.movedAsideReason()] {
                    if (self)
                        Q_EMIT self->databaseMovedAside(moved, reason);
                },
                Qt::QueuedConnection);
        }
        return ok;
    });
}

QFuture<void> ChatStore::close()
{
    return run([](CacheDatabase &db) { db.close(); });
}

QFuture<bool> ChatStore::destroyDatabase()
{
    return run([](CacheDatabase &db) { return db.destroy(); });
}

QFuture<bool> ChatStore::deleteAll()
{
    return run([](CacheDatabase &db) { return db.deleteAll(); });
}

QFuture<void> ChatStore::releaseMemory()
{
    return run([](CacheDatabase &db) { db.releaseMemory(); });
}

QFuture<bool> ChatStore::upsertConversations(const QList<api::Conversation> &conversations)
{
    return run([conversations](CacheDatabase &db) { return db.upsertConversations(conversations); });
}

QFuture<QList<api::Conversation>> ChatStore::loadConversations()
{
    return run([](CacheDatabase &db) { return db.loadConversations(); });
}

QFuture<QHash<QString, qint64>> ChatStore::syncedRevs()
{
    return run([](CacheDatabase &db) { return db.syncedRevs(); });
}

QFuture<bool> ChatStore::advanceSyncedRev(const QString &conversationId, qint64 rev)
{
    return run([=](CacheDatabase &db) { return db.advanceSyncedRev(conversationId, rev); });
}

QFuture<InsertResult> ChatStore::insertMessages(const QList<api::Message> &messages)
{
    return insertMessages(MessageBatch::from(messages));
}

QFuture<InsertResult> ChatStore::insertMessages(MessageBatch batch)
{
    return run([batch = std::move(batch)](CacheDatabase &db) { return db.insertMessages(batch); });
}

QFuture<InsertResult> ChatStore::write(const QList<api::Conversation> &conversations, MessageBatch batch)
{
    return run([conversations, batch = std::move(batch)](CacheDatabase &db) {
        return db.write(conversations, batch);
    });
}

QFuture<QList<api::Message>> ChatStore::latestMessages(const QString &conversationId, int limit)
{
    return run([=](CacheDatabase &db) { return db.latestMessages(conversationId, limit); });
}

QFuture<QList<api::Message>> ChatStore::messagesBefore(const QString &conversationId, qint64 beforeSeq,
                                                       int limit)
{
    return run([=](CacheDatabase &db) { return db.messagesBefore(conversationId, beforeSeq, limit); });
}

QFuture<QList<api::Message>> ChatStore::messagesAfter(const QString &conversationId, qint64 afterSeq,
                                                      int limit)
{
    return run([=](CacheDatabase &db) { return db.messagesAfter(conversationId, afterSeq, limit); });
}

QFuture<qint64> ChatStore::highestSeq(const QString &conversationId)
{
    return run([=](CacheDatabase &db) { return db.highestSeq(conversationId); });
}

QFuture<std::optional<api::Attachment>> ChatStore::attachment(const QString &attachmentId)
{
    return run([=](CacheDatabase &db) { return db.attachment(attachmentId); });
}

QFuture<bool> ChatStore::addToOutbox(const OutboxEntry &entry)
{
    return run([entry](CacheDatabase &db) { return db.addToOutbox(entry); });
}

QFuture<QList<OutboxEntry>> ChatStore::outbox(const QString &conversationId)
{
    return run([=](CacheDatabase &db) { return db.outbox(conversationId); });
}

QFuture<bool> ChatStore::updateOutbox(const OutboxEntry &entry)
{
    return run([=](CacheDatabase &db) { return db.updateOutbox(entry); });
}

QFuture<bool> ChatStore::removeFromOutbox(const QString &clientId)
{
    return run([=](CacheDatabase &db) { return db.removeFromOutbox(clientId); });
}

QFuture<bool> ChatStore::saveDraft(const Draft &draft)
{
    return run([draft](CacheDatabase &db) { return db.saveDraft(draft); });
}

QFuture<QList<Draft>> ChatStore::drafts()
{
    return run([](CacheDatabase &db) { return db.drafts(); });
}

// ---- search ----

QFuture<QList<api::Message>> ChatStore::searchMessages(const LocalSearchRequest &request)
{
    return run([request](CacheDatabase &db) {
        return db.isOpen() ? db.searchIndex().find(request) : QList<api::Message>();
    });
}

QFuture<QList<ConversationHit>> ChatStore::searchConversation(const QString &conversationId,
                                                              const QStringList &terms)
{
    return run([conversationId, terms](CacheDatabase &db) {
        return db.isOpen() ? db.searchIndex().findInConversation(conversationId, terms)
                           : QList<ConversationHit>();
    });
}

QFuture<SearchIndexProgress> ChatStore::searchIndexState()
{
    return run(
        [](CacheDatabase &db) { return db.isOpen() ? db.searchIndex().progress() : SearchIndexProgress(); });
}

void ChatStore::buildSearchIndex()
{
    run([](CacheDatabase &db) {
        return db.isOpen() ? db.searchIndex().fillChunk(kSearchIndexChunk) : SearchIndexProgress();
    }).then(this, [this](SearchIndexProgress progress) {
        Q_EMIT searchIndexProgress(progress.indexed, progress.total);
        if (!progress.complete())
            buildSearchIndex();
    });
}

} // namespace ringchat::store
