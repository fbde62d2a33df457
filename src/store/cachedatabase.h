// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The SQLite cache and outbox, synchronous. Used only on ChatStore's worker
// thread (one QSqlDatabase connection per instance, so per thread); the GUI
// uses ChatStore, which runs these methods there and hands back QFutures.

#include "api/types.h"
#include "store/draft.h"
#include "store/outboxentry.h"
#include "store/searchindex.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace ringchat::store {

class ConversationWriter;
class MessageBatch;

class CacheDatabase
{
public:
    CacheDatabase();
    ~CacheDatabase();
    CacheDatabase(const CacheDatabase &) = delete;
    CacheDatabase &operator=(const CacheDatabase &) = delete;

    // Opens (creating or migrating, see CacheSchema) the file. A file that is not a SQLite
    // database, belongs to another program, comes from a newer schema or fails
    // the integrity check is renamed to "<path>.broken-<UTC timestamp>" (with
    // its -wal/-shm) and a new one is made. False only if no usable database
    // could be made (e.g. the directory is not writable).
    bool open(const QString &path, const QString &ownUserId);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }
    // Where the last broken file was moved to, and why (empty if none).
    QString movedAsidePath() const { return m_movedAsidePath; }
    QString movedAsideReason() const { return m_movedAsideReason; }
    // Closes and deletes the file with its -wal/-shm (sign-out).
    bool destroy();
    // Empties every table (keeps the file and schema).
    bool deleteAll();
    // Frees what SQLite caches for this connection (unused pages of the page cache).
    void releaseMemory();

    // Conversations and their participants (a conversation's participant list
    // is replaced; read markers never move back).
    bool upsertConversations(const QList<api::Conversation> &conversations);

    // The last message is the newest stored one when the messages table has it.
    QList<api::Conversation> loadConversations();
    // The rev up to which every change of each conversation is held (only those above 0),
    // and a move of one forward (never back).
    QHash<QString, qint64> syncedRevs();
    bool advanceSyncedRev(const QString &conversationId, qint64 rev);

    // Idempotent by (conversation, seq): a message is its seq. A copy of a
    // stored message replaces its state only when it is newer (the rev rule,
    // api::supersedes): InsertResult::updated. Rows marked updateOnly never add a
    // row. Our own message's arrival removes its outbox entry. One transaction
    // for the whole list.
    InsertResult insertMessages(const QList<api::Message> &messages);
    InsertResult insertMessages(const MessageBatch &batch);
    // upsertConversations and insertMessages in ONE transaction (the conversations
    // first): what the live events of a moment changed, written with one commit.
    InsertResult write(const QList<api::Conversation> &conversations, const MessageBatch &batch);
    // Ascending by seq.
    QList<api::Message> latestMessages(const QString &conversationId, int limit);
    QList<api::Message> messagesBefore(const QString &conversationId, qint64 beforeSeq, int limit);
    QList<api::Message> messagesAfter(const QString &conversationId, qint64 afterSeq, int limit);
    qint64 highestSeq(const QString &conversationId);
    // The attachment with this id on a stored message (the newest state), if any.
    std::optional<api::Attachment> attachment(const QString &attachmentId);

    // The outbox, oldest first.
    bool addToOutbox(const OutboxEntry &entry);
    QList<OutboxEntry> outbox(const QString &conversationId = {});
    bool updateOutbox(const OutboxEntry &entry);
    bool removeFromOutbox(const QString &clientId);

    // Drafts: saving an empty one removes it; all of them, oldest first.
    bool saveDraft(const Draft &draft);
    QList<Draft> drafts();

    // The full-text index of the messages (on this connection; open() must have succeeded).
    SearchIndex searchIndex() { return SearchIndex(m_db); }

private:
    enum class OpenResult { Ok, Broken, Failed };
    OpenResult tryOpen(QString *reason);
    void moveAside(const QString &reason);
    bool exec(const QString &sql);
    enum class Side { Before, After };
    QList<api::Message> messagesBeside(const QString &conversationId, qint64 seq, int limit, Side side);
    // The message statements, prepared on first use after open() (see MessageStatements).
    struct MessageStatements;
    MessageStatements *messageStatements();
    ConversationWriter *conversationWriter(); // the same, for the conversations

    QString m_connectionName;
    QString m_path;
    QString m_ownUserId;
    QString m_movedAsidePath;
    QString m_movedAsideReason;
    QSqlDatabase m_db;
    std::unique_ptr<MessageStatements> m_statements;          // finalized before m_db closes
    std::unique_ptr<ConversationWriter> m_conversationWriter; // likewise
};

} // namespace ringchat::store
