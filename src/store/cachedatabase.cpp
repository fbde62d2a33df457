// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/cachedatabase.h"

#include "store/cacheschema.h"
#include "store/conversationwriter.h"
#include "store/drafttable.h"
#include "store/messagebatch.h"
#include "store/messagerow.h"
#include "store/outboxtable.h"
#include "store/sqlhelpers.h"
#include "store/sqlitestatement.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <QUuid>

Q_LOGGING_CATEGORY(lcStore, "ringchat.store")

namespace ringchat::store {

using api::Conversation;
using api::Message;
using api::Participant;

namespace {

// Milliseconds since the epoch, or NULL.
void bindTime(SqliteStatement &s, int index, bool valid, qint64 msecs)
{
    if (valid)
        s.bind(index, msecs);
    else
        s.bindNull(index);
}

} // namespace

// The statements of insertMessages, prepared once per connection: a flood
// runs them for every message.
struct CacheDatabase::MessageStatements
{
    SqliteStatement insert, change, confirm;

    bool prepare(sqlite3 *db)
    {
        // OR IGNORE: a row with the same (conversation, seq) is a copy of a stored one
        // (the server gives each sender's clientId one message, so one seq).
        // change: the rev rule (api::supersedes): a higher rev replaces the stored
        // state; between v1 copies (rev 0) a later editedAt does.
        return insert.prepare(
                   db,
                   "INSERT OR IGNORE INTO messages (conversation_id, seq, id, client_id, sender_id,"
                   " sender_name, content, type, reply_to, timestamp, edited_at, rev, format, deleted_at,"
                   " reactions, reply_preview, attachments, mentions)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            && change.prepare(
                db,
                "UPDATE messages SET content = ?1, edited_at = ?2, sender_name = ?3, rev = ?4,"
                " format = ?5, deleted_at = ?6, reactions = ?7, reply_preview = ?8, reply_to = ?11,"
                " attachments = ?12, mentions = ?13"
                " WHERE conversation_id = ?9 AND seq = ?10 AND (rev < ?4 OR (?4 = 0 AND rev = 0"
                " AND ?2 IS NOT NULL AND (edited_at IS NULL OR edited_at < ?2)))")
            && confirm.prepare(db, "DELETE FROM outbox WHERE client_id = ? AND conversation_id = ?");
    }
};

CacheDatabase::CacheDatabase()
    : m_connectionName(QStringLiteral("ringchat-store-%1").arg(QUuid::createUuid().toString(QUuid::Id128)))
{
}

CacheDatabase::~CacheDatabase()
{
    close();
}

bool CacheDatabase::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

void CacheDatabase::close()
{
    m_statements.reset(); // SQLite will not close a connection with live statements
    m_conversationWriter.reset();
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool CacheDatabase::open(const QString &path, const QString &ownUserId)
{
    close();
    m_path = path;
    m_ownUserId = ownUserId;
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        qCWarning(lcStore) << "Cannot create the directory of" << path;
        return false;
    }
    for (int round = 0; round < 2; ++round) {
        QString reason;
        switch (tryOpen(&reason)) {
        case OpenResult::Ok:
            return true;
        case OpenResult::Failed:
            qCWarning(lcStore) << "Cannot open the cache" << path << ":" << reason;
            close();
            return false;
        case OpenResult::Broken:
            if (round == 0) {
                moveAside(reason);
                continue;
            }
            qCWarning(lcStore) << "The rebuilt cache" << path << "is unusable:" << reason;
            close();
            return false;
        }
    }
    return false;
}

CacheDatabase::OpenResult CacheDatabase::tryOpen(QString *reason)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    SqliteStatement::configureProcess();
    if (!m_db.open()) {
        *reason = m_db.lastError().text();
        return OpenResult::Failed;
    }
    if (!SqliteStatement::driverSharesOurSqlite(m_db, reason))
        return OpenResult::Failed;
    if (!CacheSchema::prepare(m_db, reason))
        return OpenResult::Broken;
    return OpenResult::Ok;
}

void CacheDatabase::moveAside(const QString &reason)
{
    close();
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    const QString target = m_path + QStringLiteral(".broken-") + stamp;
    qCWarning(lcStore).noquote() << "The cache" << m_path << "is unusable (" + reason + "); moved to"
                                 << target << "and rebuilt.";
    if (!QFile::rename(m_path, target)) {
        qCWarning(lcStore) << "Could not move" << m_path << "aside; removing it";
        QFile::remove(m_path);
    }
    for (const char *suffix : { "-wal", "-shm" }) {
        const QString side = m_path + QLatin1StringView(suffix);
        if (QFile::exists(side) && !QFile::rename(side, target + QLatin1StringView(suffix)))
            QFile::remove(side);
    }
    m_movedAsidePath = target;
    m_movedAsideReason = reason;
}

bool CacheDatabase::destroy()
{
    const QString path = m_path;
    close();
    bool ok = true;
    for (const QString &file : { path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm") }) {
        if (QFile::exists(file) && !QFile::remove(file))
            ok = false;
    }
    return ok;
}

bool CacheDatabase::exec(const QString &sql)
{
    QSqlQuery q(m_db);
    q.prepare(sql);
    return execLogged(q);
}

void CacheDatabase::releaseMemory()
{
    if (!isOpen())
        return;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("PRAGMA shrink_memory"));
#ifdef __GLIBC__
    // What SQLite and the read gave back stays in this thread's malloc arena,
    // counted in the app's footprint, until handed back to the system (~0.7 MB
    // after the start-up read of a 10k-message cache).
    malloc_trim(0);
#endif
}

bool CacheDatabase::deleteAll()
{
    if (!isOpen())
        return false;
    DurableWrite durable(m_db); // it empties the outbox and the drafts too
    Transaction tx(m_db);
    for (const char *table : { "conversations", "participants", "messages", "outbox", "drafts",
                               "search_backfill", "search_state" }) {
        if (!exec(QStringLiteral("DELETE FROM %1").arg(QLatin1StringView(table))))
            return false;
    }
    return tx.commit();
}

// ---- conversations ----

bool CacheDatabase::upsertConversations(const QList<Conversation> &conversations)
{
    ConversationWriter *writer = isOpen() ? conversationWriter() : nullptr;
    if (!writer)
        return false;
    Transaction tx(m_db);
    return writer->upsert(conversations) && tx.commit();
}

QList<Conversation> CacheDatabase::loadConversations()
{
    QList<Conversation> out;
    if (!isOpen())
        return out;
    QHash<QString, qsizetype> index;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT id, type, title, last_seq, unread_count, created_at, updated_at, last_message,"
                       " unread_mention_count, notify, muted_until FROM conversations"));
    if (!execLogged(q))
        return out;
    while (q.next()) {
        Conversation c;
        c.id = q.value(0).toString();
        c.type = q.value(1).toInt() == 1 ? Conversation::Type::Group : Conversation::Type::Direct;
        c.title = q.value(2).toString();
        c.lastSeq = q.value(3).toLongLong();
        c.unreadCount = q.value(4).toInt();
        c.createdAt = timeFrom(q.value(5));
        c.updatedAt = timeFrom(q.value(6));
        if (!q.value(7).isNull())
            c.lastMessage
                = Message::fromJson(QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object());
        c.unreadMentionCount = q.value(8).toInt();
        c.settings.level = api::NotifySettings::Level(qBound(0, q.value(9).toInt(), 2));
        c.settings.mutedUntil = timeFrom(q.value(10));
        index.insert(c.id, out.size());
        out.append(std::move(c));
    }
    // Runs q and hands each row to fn with its conversation (a row of no known one is skipped).
    const auto forEachRow = [&](auto &&fn) {
        if (!execLogged(q))
            return false;
        while (q.next()) {
            const auto it = index.constFind(q.value(0).toString());
            if (it != index.constEnd())
                fn(out[*it]);
        }
        return true;
    };
    // The newest stored message is the truth of the last message: its row takes every
    // change (an edit, a delete), the conversation's copy only what the list said.
    q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE (conversation_id, seq) IN"
                             " (SELECT conversation_id, max(seq) FROM messages GROUP BY conversation_id)")
                  .arg(QLatin1StringView(kMessageRowColumns)));
    const bool newestRead = forEachRow([&](Conversation &c) {
        Message newest = messageFromRow(q);
        if (!c.lastMessage || c.lastMessage->seq <= newest.seq)
            c.lastMessage = std::move(newest);
    });
    if (!newestRead)
        return out;
    q.prepare(QStringLiteral(
        "SELECT conversation_id, user_id, name, role, joined_at, last_read_seq, last_read_at,"
        " is_online, last_seen FROM participants ORDER BY conversation_id, joined_at, user_id"));
    forEachRow([&](Conversation &c) {
        Participant p;
        p.userId = q.value(1).toString();
        p.name = q.value(2).toString();
        p.role = q.value(3).toInt() == 1 ? Participant::Role::Admin : Participant::Role::Member;
        p.joinedAt = timeFrom(q.value(4));
        p.lastReadSeq = q.value(5).toLongLong();
        p.lastReadAt = timeFrom(q.value(6));
        p.isOnline = q.value(7).toInt() != 0;
        p.lastSeen = timeFrom(q.value(8));
        c.participants.append(std::move(p));
    });
    return out;
}

// ---- messages ----

CacheDatabase::MessageStatements *CacheDatabase::messageStatements()
{
    if (!m_statements && isOpen()) {
        auto statements = std::make_unique<MessageStatements>();
        if (statements->prepare(SqliteStatement::handleOf(m_db)))
            m_statements = std::move(statements);
    }
    return m_statements.get();
}

ConversationWriter *CacheDatabase::conversationWriter()
{
    if (!m_conversationWriter && isOpen()) {
        auto writer = std::make_unique<ConversationWriter>();
        if (writer->prepare(SqliteStatement::handleOf(m_db)))
            m_conversationWriter = std::move(writer);
    }
    return m_conversationWriter.get();
}

InsertResult CacheDatabase::insertMessages(const QList<Message> &messages)
{
    return insertMessages(MessageBatch::from(messages));
}

InsertResult CacheDatabase::insertMessages(const MessageBatch &batch)
{
    return write({}, batch);
}

InsertResult CacheDatabase::write(const QList<Conversation> &conversations, const MessageBatch &batch)
{
    using T = MessageBatch::Text;
    InsertResult result;
    MessageStatements *st = isOpen() ? messageStatements() : nullptr;
    ConversationWriter *writer = st ? conversationWriter() : nullptr;
    if (!writer) {
        result.ok = false;
        return result;
    }
    result.skipped = batch.invalidCount();
    const QByteArray ownUserId = m_ownUserId.toUtf8();
    Transaction tx(m_db);
    if (!writer->upsert(conversations, batch)) {
        result.ok = false;
        return result;
    }
    bool confirmFailed = false;
    // The echo of our own message: the pending outbox row is done.
    const auto confirmOwn = [&](const MessageBatch::Row &r) {
        const QByteArrayView clientId = batch.text(r, T::ClientId);
        if (ownUserId.isEmpty() || batch.text(r, T::SenderId) != ownUserId || clientId.isEmpty())
            return;
        st->confirm.bindUtf8(1, clientId);
        st->confirm.bindUtf8(2, batch.text(r, T::ConversationId));
        if (!st->confirm.exec())
            confirmFailed = true;
        else if (st->confirm.changes() > 0)
            result.confirmedClientIds.append(QString::fromUtf8(clientId));
    };
    for (qsizetype i = 0; i < batch.size() && !confirmFailed; ++i) {
        const MessageBatch::Row &r = batch.row(i);
        const QByteArrayView conversationId = batch.text(r, T::ConversationId);
        if (!r.updateOnly) {
            SqliteStatement &insert = st->insert;
            insert.bindUtf8(1, conversationId);
            insert.bind(2, r.seq);
            insert.bindUtf8(3, batch.text(r, T::Id));
            insert.bindUtf8(4, batch.text(r, T::ClientId));
            insert.bindUtf8(5, batch.text(r, T::SenderId));
            insert.bindUtf8(6, batch.text(r, T::SenderName));
            insert.bindUtf8(7, batch.text(r, T::Content));
            insert.bind(8, r.system ? 1 : 0);
            insert.bindUtf8(9, batch.text(r, T::ReplyTo));
            bindTime(insert, 10, r.hasTimestamp, r.timestamp);
            bindTime(insert, 11, r.hasEditedAt, r.editedAt);
            insert.bind(12, r.rev);
            insert.bind(13, r.markdown ? 1 : 0);
            bindTime(insert, 14, r.hasDeletedAt, r.deletedAt);
            insert.bindUtf8(15, batch.text(r, T::Reactions));
            insert.bindUtf8(16, batch.text(r, T::ReplyPreview));
            insert.bindUtf8(17, batch.text(r, T::Attachments));
            insert.bindUtf8(18, batch.text(r, T::Mentions));
            if (!insert.exec()) {
                result.ok = false;
                return result;
            }
            if (insert.changes() == 1) {
                ++result.inserted;
                confirmOwn(r);
                continue;
            }
        }
        // A copy of a stored message (or a change to one): only a newer state replaces it.
        if (r.rev > 0 || r.hasEditedAt) {
            SqliteStatement &change = st->change;
            change.bindUtf8(1, batch.text(r, T::Content));
            bindTime(change, 2, r.hasEditedAt, r.editedAt);
            change.bindUtf8(3, batch.text(r, T::SenderName));
            change.bind(4, r.rev);
            change.bind(5, r.markdown ? 1 : 0);
            bindTime(change, 6, r.hasDeletedAt, r.deletedAt);
            change.bindUtf8(7, batch.text(r, T::Reactions));
            change.bindUtf8(8, batch.text(r, T::ReplyPreview));
            change.bindUtf8(9, conversationId);
            change.bind(10, r.seq);
            change.bindUtf8(11, batch.text(r, T::ReplyTo));
            change.bindUtf8(12, batch.text(r, T::Attachments)); // a tombstone has none
            change.bindUtf8(13, batch.text(r, T::Mentions));    // nor mentions
            if (!change.exec()) {
                result.ok = false;
                return result;
            }
            if (change.changes() == 1)
                ++result.updated;
            else
                ++result.skipped;
        } else {
            ++result.skipped;
        }
        if (!r.updateOnly)
            confirmOwn(r);
    }
    // New rows go into the search index in batches (searchindex.h).
    if (confirmFailed || (result.inserted > 0 && !searchIndex().indexNewRows())) {
        result.ok = false;
        return result;
    }
    for (auto it = batch.syncedRevs().cbegin(); it != batch.syncedRevs().cend(); ++it) {
        if (!writer->advanceSyncedRev(it.key(), it.value())) {
            result.ok = false;
            return result;
        }
    }
    if (!tx.commit()) {
        qCWarning(lcStore) << "Commit failed:" << m_db.lastError().text();
        return InsertResult { 0, 0, 0, {}, false };
    }
    return result;
}

QList<Message> CacheDatabase::latestMessages(const QString &conversationId, int limit)
{
    return messagesBefore(conversationId, std::numeric_limits<qint64>::max(), limit);
}

QList<Message> CacheDatabase::messagesBefore(const QString &conversationId, qint64 beforeSeq, int limit)
{
    return messagesBeside(conversationId, beforeSeq, limit, Side::Before);
}

QList<Message> CacheDatabase::messagesAfter(const QString &conversationId, qint64 afterSeq, int limit)
{
    return messagesBeside(conversationId, afterSeq, limit, Side::After);
}

// Up to `limit` messages next to `seq` on one side, oldest first.
QList<Message> CacheDatabase::messagesBeside(const QString &conversationId, qint64 seq, int limit, Side side)
{
    QList<Message> out;
    if (!isOpen() || limit <= 0)
        return out;
    const bool before = side == Side::Before;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
                  "SELECT %1 FROM messages WHERE conversation_id = ? AND seq %2 ? ORDER BY seq %3 LIMIT ?")
                  .arg(QLatin1StringView(kMessageRowColumns),
                       before ? QStringLiteral("<") : QStringLiteral(">"),
                       before ? QStringLiteral("DESC") : QStringLiteral("ASC")));
    q.addBindValue(conversationId);
    q.addBindValue(seq);
    q.addBindValue(limit);
    if (!execLogged(q))
        return out;
    while (q.next())
        out.append(messageFromRow(q));
    if (before)
        std::reverse(out.begin(), out.end());
    return out;
}

QHash<QString, qint64> CacheDatabase::syncedRevs()
{
    QHash<QString, qint64> out;
    if (!isOpen())
        return out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, synced_rev FROM conversations WHERE synced_rev > 0"));
    if (!execLogged(q))
        return out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

bool CacheDatabase::advanceSyncedRev(const QString &conversationId, qint64 rev)
{
    ConversationWriter *writer = isOpen() ? conversationWriter() : nullptr;
    return writer && writer->advanceSyncedRev(conversationId, rev);
}

qint64 CacheDatabase::highestSeq(const QString &conversationId)
{
    if (!isOpen())
        return 0;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coalesce(max(seq), 0) FROM messages WHERE conversation_id = ?"));
    q.addBindValue(conversationId);
    return execLogged(q) && q.next() ? q.value(0).toLongLong() : 0;
}

std::optional<api::Attachment> CacheDatabase::attachment(const QString &attachmentId)
{
    if (!isOpen() || !api::isValidConversationId(attachmentId))
        return std::nullopt;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT a.value FROM messages, json_each(messages.attachments) AS a"
                             " WHERE messages.attachments IS NOT NULL AND json_extract(a.value, '$.id') = ?"
                             " LIMIT 1"));
    q.addBindValue(attachmentId);
    if (!execLogged(q) || !q.next())
        return std::nullopt;
    return api::Attachment::fromJson(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
}

// ---- outbox ----

bool CacheDatabase::addToOutbox(const OutboxEntry &entry)
{
    if (!isOpen())
        return false;
    DurableWrite durable(m_db);
    return OutboxTable(m_db).add(entry);
}

QList<OutboxEntry> CacheDatabase::outbox(const QString &conversationId)
{
    return isOpen() ? OutboxTable(m_db).entries(conversationId) : QList<OutboxEntry>();
}

bool CacheDatabase::updateOutbox(const OutboxEntry &entry)
{
    if (!isOpen())
        return false;
    DurableWrite durable(m_db);
    return OutboxTable(m_db).update(entry);
}

bool CacheDatabase::removeFromOutbox(const QString &clientId)
{
    if (!isOpen())
        return false;
    DurableWrite durable(m_db);
    return OutboxTable(m_db).remove(clientId);
}

// ---- drafts ----

bool CacheDatabase::saveDraft(const Draft &draft)
{
    if (!isOpen())
        return false;
    DurableWrite durable(m_db);
    return DraftTable(m_db).save(draft);
}

QList<Draft> CacheDatabase::drafts()
{
    return isOpen() ? DraftTable(m_db).all() : QList<Draft>();
}

} // namespace ringchat::store
