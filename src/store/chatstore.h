// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The local cache and durable outbox, for the GUI thread.
//
// Every method queues its work on the store's own worker thread (which holds
// the only SQLite connection) and returns at once with a QFuture. The work runs
// in call order, so "addToOutbox(...) then emit" is safe: consume the future
// with .then(context, ...) and the continuation runs on the context's thread
// after the entry is on disk:
//
//     store->addToOutbox(entry).then(this, [=](bool ok) { if (ok) socket->emit(...); });
//
// The GUI thread never waits for the disk, except in ~ChatStore (which lets
// queued writes finish so nothing the user wrote is lost).
//
// A future with a result is finished on the store's own (the GUI) thread, one
// event-loop turn after the worker set its result: Qt 6.4 crashes when a promise
// finishes on another thread while then(context, ...) attaches to it (the
// continuation's promise is started twice). result() waits for the result only, so
// a blocking reader (tests, benches, the CLI) still gets it without an event loop;
// waitForFinished() needs one. close() and releaseMemory() finish on the worker.
//
// One database file per account and server: databasePath(server, userId).
// A corrupt or foreign file is moved aside and rebuilt by open()
// (databaseMovedAside is emitted). Sign-out: destroyDatabase().

#include "api/types.h"
#include "store/draft.h"
#include "store/messagebatch.h"
#include "store/outboxentry.h"
#include "store/searchindex.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QUrl>

#include <memory>
#include <type_traits>

class QThread;

namespace ringchat::store {

class CacheDatabase;

class ChatStore : public QObject
{
    Q_OBJECT

public:
    explicit ChatStore(QObject *parent = nullptr);
    ~ChatStore() override;

    // <directory>/<sha256(normalized server URL + user id), 32 hex>.sqlite;
    // directory defaults to QStandardPaths::AppDataLocation + "/cache".
    static QString databasePath(const QUrl &serverUrl, const QString &userId, const QString &directory = {});

    // ownUserId tells our own messages (their echo confirms the outbox entry).
    QFuture<bool> open(const QString &path, const QString &ownUserId);
    QFuture<void> close();
    // Closes and deletes the file (sign-out).
    QFuture<bool> destroyDatabase();
    // Empties every table.
    QFuture<bool> deleteAll();
    // Gives back the page cache a burst of reads filled (e.g. the start-up read),
    // after the jobs queued before it. Later reads and writes fill it again.
    QFuture<void> releaseMemory();

    // Conversations (with participants and last message).
    QFuture<bool> upsertConversations(const QList<api::Conversation> &conversations);
    QFuture<QList<api::Conversation>> loadConversations();
    // Per conversation, the rev up to which every change is held (the changes
    // catch-up starts there); moving one only ever goes forward.
    QFuture<QHash<QString, qint64>> syncedRevs();
    QFuture<bool> advanceSyncedRev(const QString &conversationId, qint64 rev);

    // Messages. insertMessages is idempotent (conversation+seq, sender+clientId),
    // keeps the newest state of each message (the rev rule), one transaction per
    // call (batch floods), and removes the outbox entries of our own messages it
    // receives (InsertResult::confirmedClientIds).
    QFuture<InsertResult> insertMessages(const QList<api::Message> &messages);
    QFuture<InsertResult> insertMessages(MessageBatch batch);
    // upsertConversations and insertMessages as ONE job and one transaction.
    QFuture<InsertResult> write(const QList<api::Conversation> &conversations, MessageBatch batch);
    // All ascending by seq; delivery is Sent (the model derives Read).
    QFuture<QList<api::Message>> latestMessages(const QString &conversationId, int limit);
    QFuture<QList<api::Message>> messagesBefore(const QString &conversationId, qint64 beforeSeq, int limit);
    QFuture<QList<api::Message>> messagesAfter(const QString &conversationId, qint64 afterSeq, int limit);
    QFuture<qint64> highestSeq(const QString &conversationId);
    QFuture<std::optional<api::Attachment>> attachment(const QString &attachmentId);

    // The outbox (durable once the future says true).
    QFuture<bool> addToOutbox(const OutboxEntry &entry);
    // Oldest first; empty conversationId: all conversations.
    QFuture<QList<OutboxEntry>> outbox(const QString &conversationId = {});
    // What an entry's clientId names is rewritten with the rest of `entry`; false
    // when no entry has its clientId.
    QFuture<bool> updateOutbox(const OutboxEntry &entry);
    QFuture<bool> removeFromOutbox(const QString &clientId);

    // Unsent drafts, one per conversation: saving an empty draft removes it (the
    // message was sent, or the text deleted). drafts(): all of them, oldest first.
    QFuture<bool> saveDraft(const Draft &draft);
    QFuture<QList<Draft>> drafts();

    // Full-text search of the cached messages (searchindex.h). Messages cached before the
    // index existed (a cache older than schema v6) are indexed in the background after
    // open(), a chunk a job so that other work goes between (searchIndexProgress); until
    // then a search may miss some of them.
    QFuture<QList<api::Message>> searchMessages(const LocalSearchRequest &request);
    QFuture<QList<ConversationHit>> searchConversation(const QString &conversationId,
                                                       const QStringList &terms);
    QFuture<SearchIndexProgress> searchIndexState();
    // Rows the background build indexes per job.
    static constexpr int kSearchIndexChunk = 2000;

Q_SIGNALS:
    // open() found a broken or foreign file and moved it to brokenPath.
    void databaseMovedAside(const QString &brokenPath, const QString &reason);
    // The background build of the search index moved on (after each chunk; the last has
    // indexed == total). Not emitted when there is nothing to build.
    void searchIndexProgress(qint64 indexed, qint64 total);

private:
    // Queues the next chunk of the background build of the search index.
    void buildSearchIndex();

    // Runs fn(CacheDatabase&) on the worker thread; the future holds its result and is
    // finished on this object's thread (see the top of this file).
    template <typename F> auto run(F fn) -> QFuture<std::invoke_result_t<F, CacheDatabase &>>;

    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr; // lives in m_thread; queued calls run there
    std::shared_ptr<CacheDatabase> m_db;
};

} // namespace ringchat::store
