// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/cachedatabase.h"

#include "store/messagebatch.h"
#include "store/sqlitestatement.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
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

QVariant timeValue(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
}

QDateTime timeFrom(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

const char *const kMessageColumns
    = "conversation_id, seq, id, client_id, sender_id, sender_name, content, type, reply_to, "
      "timestamp, edited_at";

Message messageFrom(const QSqlQuery &q)
{
    Message m;
    m.conversationId = q.value(0).toString();
    m.seq = q.value(1).toLongLong();
    m.id = q.value(2).toString();
    m.clientId = q.value(3).toString();
    m.senderId = q.value(4).toString();
    m.senderName = q.value(5).toString();
    m.content = q.value(6).toString();
    m.type = q.value(7).toInt() == 1 ? Message::Type::System : Message::Type::Text;
    m.replyTo = q.value(8).toString();
    m.timestamp = timeFrom(q.value(9));
    m.editedAt = timeFrom(q.value(10));
    m.delivery = api::DeliveryState::Sent;
    return m;
}

// Logs the failed statement; never the bound values (they hold message text).
bool run(QSqlQuery &q)
{
    if (q.exec())
        return true;
    qCWarning(lcStore) << "SQL failed:" << q.lastQuery().left(80) << q.lastError().text();
    return false;
}

// Commits on success, rolls back if the scope is left without commit().
class Transaction
{
public:
    explicit Transaction(QSqlDatabase &db)
        : m_db(db)
        , m_active(db.transaction())
    {
    }
    ~Transaction()
    {
        if (m_active)
            m_db.rollback();
    }
    bool active() const { return m_active; }
    bool commit()
    {
        m_active = false;
        return m_db.commit();
    }

private:
    QSqlDatabase &m_db;
    bool m_active;
};

// Milliseconds since the epoch, or NULL.
void bindTime(SqliteStatement &s, int index, bool valid, qint64 msecs)
{
    if (valid)
        s.bind(index, msecs);
    else
        s.bindNull(index);
}

} // namespace

// The statements of insertMessages and the sync cursor, prepared once per
// connection: a flood runs them for every message.
struct CacheDatabase::MessageStatements
{
    SqliteStatement insert, edit, confirm, cursor, firstSeq, seqsAfter, setCursor;

    bool prepare(sqlite3 *db)
    {
        // OR IGNORE: a row with the same (conversation, seq) or the same
        // (clientId, sender) is a duplicate.
        return insert.prepare(
                   db,
                   "INSERT OR IGNORE INTO messages (conversation_id, seq, id, client_id, sender_id,"
                   " sender_name, content, type, reply_to, timestamp, edited_at)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            && edit.prepare(db,
                            "UPDATE messages SET content = ?, edited_at = ?, sender_name = ?"
                            " WHERE conversation_id = ? AND seq = ? AND (edited_at IS NULL OR edited_at < ?)")
            && confirm.prepare(db, "DELETE FROM outbox WHERE client_id = ? AND conversation_id = ?")
            && cursor.prepare(db, "SELECT contiguous_seq FROM sync_cursors WHERE conversation_id = ?")
            && firstSeq.prepare(db, "SELECT min(seq) FROM messages WHERE conversation_id = ?")
            && seqsAfter.prepare(
                db, "SELECT seq FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq")
            && setCursor.prepare(
                db,
                "INSERT INTO sync_cursors (conversation_id, contiguous_seq) VALUES (?, ?)"
                " ON CONFLICT(conversation_id) DO UPDATE SET contiguous_seq = excluded.contiguous_seq");
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
    if (!m_db.open()) {
        *reason = m_db.lastError().text();
        return OpenResult::Failed;
    }
    if (!SqliteStatement::driverSharesOurSqlite(m_db, reason))
        return OpenResult::Failed;
    int appId = 0, version = 0, objects = 0;
    {
        QSqlQuery q(m_db);
        // The first read of the file: a file that is not SQLite fails here.
        if (!q.exec(QStringLiteral("PRAGMA application_id")) || !q.next()) {
            *reason = QStringLiteral("not a SQLite database (%1)").arg(q.lastError().text());
            return OpenResult::Broken;
        }
        appId = q.value(0).toInt();
        if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
            *reason = q.lastError().text();
            return OpenResult::Broken;
        }
        version = q.value(0).toInt();
        if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !q.next()) {
            *reason = q.lastError().text();
            return OpenResult::Broken;
        }
        objects = q.value(0).toInt();
    }
    const bool fresh = appId == 0 && version == 0 && objects == 0;
    if (!fresh) {
        if (appId != kApplicationId) {
            *reason = QStringLiteral("the file belongs to another program (application_id %1)").arg(appId);
            return OpenResult::Broken;
        }
        if (version > kSchemaVersion) {
            *reason = QStringLiteral("the file has schema version %1, newer than this program's %2")
                          .arg(version)
                          .arg(kSchemaVersion);
            return OpenResult::Broken;
        }
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next()
            || q.value(0).toString() != QLatin1StringView("ok")) {
            *reason = QStringLiteral("the integrity check failed (%1)")
                          .arg(q.isValid() ? q.value(0).toString() : q.lastError().text());
            return OpenResult::Broken;
        }
        // The check read every page through the page cache (up to cache_size,
        // ~2 MB): give it back, the work that follows reads far fewer pages.
        q.exec(QStringLiteral("PRAGMA shrink_memory"));
    }
    // WAL: readers don't block the writer. synchronous=FULL: a committed
    // outbox entry survives a crash and a power cut.
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL"))
            || !q.exec(QStringLiteral("PRAGMA synchronous=FULL"))) {
            *reason = q.lastError().text();
            return OpenResult::Broken;
        }
    }
    if (version < kSchemaVersion && !migrate(version, reason))
        return OpenResult::Broken;
    return OpenResult::Ok;
}

bool CacheDatabase::migrate(int fromVersion, QString *reason)
{
    Transaction tx(m_db);
    if (!tx.active()) {
        *reason = m_db.lastError().text();
        return false;
    }
    // One block per schema version; never edit a released block, add a new one.
    static const QStringList v1 = {
        QStringLiteral("CREATE TABLE conversations ("
                       " id TEXT PRIMARY KEY NOT NULL, type INTEGER NOT NULL, title TEXT,"
                       " last_seq INTEGER NOT NULL DEFAULT 0, unread_count INTEGER NOT NULL DEFAULT 0,"
                       " created_at INTEGER, updated_at INTEGER, last_message TEXT)"),
        QStringLiteral("CREATE TABLE participants ("
                       " conversation_id TEXT NOT NULL, user_id TEXT NOT NULL, name TEXT NOT NULL,"
                       " role INTEGER NOT NULL, joined_at INTEGER, last_read_seq INTEGER NOT NULL DEFAULT 0,"
                       " last_read_at INTEGER, is_online INTEGER NOT NULL DEFAULT 0, last_seen INTEGER,"
                       " PRIMARY KEY (conversation_id, user_id)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX participants_user ON participants(user_id)"),
        QStringLiteral("CREATE TABLE messages ("
                       " conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL,"
                       " client_id TEXT, sender_id TEXT NOT NULL, sender_name TEXT NOT NULL,"
                       " content TEXT NOT NULL, type INTEGER NOT NULL, reply_to TEXT,"
                       " timestamp INTEGER, edited_at INTEGER,"
                       " UNIQUE (conversation_id, seq))"),
        // One message per (sender, clientId) as on the server; NULL client ids never collide.
        QStringLiteral("CREATE UNIQUE INDEX messages_client_id ON messages(client_id, sender_id, "
                       "conversation_id)"),
        QStringLiteral("CREATE TABLE outbox ("
                       " client_id TEXT PRIMARY KEY NOT NULL, conversation_id TEXT NOT NULL,"
                       " content TEXT NOT NULL, type INTEGER NOT NULL, reply_to TEXT,"
                       " created_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,"
                       " state INTEGER NOT NULL DEFAULT 0, last_error TEXT)"),
        QStringLiteral("CREATE TABLE sync_cursors ("
                       " conversation_id TEXT PRIMARY KEY NOT NULL, contiguous_seq INTEGER NOT NULL)"),
    };
    const QList<QStringList> steps = { v1 };
    for (int v = fromVersion; v < kSchemaVersion; ++v) {
        for (const QString &sql : steps.at(v)) {
            QSqlQuery q(m_db);
            if (!q.exec(sql)) {
                *reason = QStringLiteral("migration to version %1 failed: %2")
                              .arg(v + 1)
                              .arg(q.lastError().text());
                return false;
            }
        }
    }
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA user_version=%1").arg(kSchemaVersion))
        || !q.exec(QStringLiteral("PRAGMA application_id=%1").arg(kApplicationId))) {
        *reason = q.lastError().text();
        return false;
    }
    if (!tx.commit()) {
        *reason = m_db.lastError().text();
        return false;
    }
    qCInfo(lcStore) << "Cache schema migrated from version" << fromVersion << "to" << kSchemaVersion;
    return true;
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
    return run(q);
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
    Transaction tx(m_db);
    for (const char *table : { "conversations", "participants", "messages", "outbox", "sync_cursors" }) {
        if (!exec(QStringLiteral("DELETE FROM %1").arg(QLatin1StringView(table))))
            return false;
    }
    return tx.commit();
}

// ---- conversations ----

bool CacheDatabase::upsertConversations(const QList<Conversation> &conversations)
{
    if (!isOpen())
        return false;
    Transaction tx(m_db);
    QSqlQuery conv(m_db), removeParts(m_db), part(m_db);
    conv.prepare(
        QStringLiteral("INSERT INTO conversations (id, type, title, last_seq, unread_count, created_at, "
                       "updated_at, last_message)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                       " ON CONFLICT(id) DO UPDATE SET type=excluded.type, title=excluded.title,"
                       " last_seq=max(last_seq, excluded.last_seq), unread_count=excluded.unread_count,"
                       " created_at=excluded.created_at, updated_at=excluded.updated_at,"
                       " last_message=coalesce(excluded.last_message, last_message)"));
    removeParts.prepare(QStringLiteral("DELETE FROM participants WHERE conversation_id = ?"));
    part.prepare(QStringLiteral("INSERT INTO participants (conversation_id, user_id, name, role, "
                                "joined_at, last_read_seq, last_read_at,"
                                " is_online, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    // Read markers only move forward: keep the higher of the stored and the new one.
    QSqlQuery oldMarkers(m_db);
    oldMarkers.prepare(QStringLiteral(
        "SELECT user_id, last_read_seq, last_read_at FROM participants WHERE conversation_id = ?"));
    for (const Conversation &c : conversations) {
        if (!api::isValidConversationId(c.id))
            continue;
        conv.addBindValue(c.id);
        conv.addBindValue(int(c.type));
        conv.addBindValue(c.title);
        conv.addBindValue(c.lastSeq);
        conv.addBindValue(c.unreadCount);
        conv.addBindValue(timeValue(c.createdAt));
        conv.addBindValue(timeValue(c.updatedAt));
        conv.addBindValue(c.lastMessage ? QVariant(QString::fromUtf8(
                              QJsonDocument(c.lastMessage->toJson()).toJson(QJsonDocument::Compact)))
                                        : QVariant());
        if (!run(conv))
            return false;
        QHash<QString, std::pair<qint64, QVariant>> markers;
        oldMarkers.addBindValue(c.id);
        if (!run(oldMarkers))
            return false;
        while (oldMarkers.next())
            markers.insert(oldMarkers.value(0).toString(),
                           { oldMarkers.value(1).toLongLong(), oldMarkers.value(2) });
        removeParts.addBindValue(c.id);
        if (!run(removeParts))
            return false;
        for (const Participant &p : c.participants) {
            const auto old = markers.value(p.userId, { 0, QVariant() });
            const bool keepOld = old.first > p.lastReadSeq;
            part.addBindValue(c.id);
            part.addBindValue(p.userId);
            part.addBindValue(p.name);
            part.addBindValue(int(p.role));
            part.addBindValue(timeValue(p.joinedAt));
            part.addBindValue(keepOld ? old.first : p.lastReadSeq);
            part.addBindValue(keepOld ? old.second : timeValue(p.lastReadAt));
            part.addBindValue(p.isOnline ? 1 : 0);
            part.addBindValue(timeValue(p.lastSeen));
            if (!run(part))
                return false;
        }
    }
    return tx.commit();
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
        QStringLiteral("SELECT id, type, title, last_seq, unread_count, created_at, updated_at, last_message"
                       " FROM conversations"));
    if (!run(q))
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
        index.insert(c.id, out.size());
        out.append(std::move(c));
    }
    q.prepare(QStringLiteral(
        "SELECT conversation_id, user_id, name, role, joined_at, last_read_seq, last_read_at,"
        " is_online, last_seen FROM participants ORDER BY conversation_id, joined_at, user_id"));
    if (!run(q))
        return out;
    while (q.next()) {
        const auto it = index.constFind(q.value(0).toString());
        if (it == index.constEnd())
            continue;
        Participant p;
        p.userId = q.value(1).toString();
        p.name = q.value(2).toString();
        p.role = q.value(3).toInt() == 1 ? Participant::Role::Admin : Participant::Role::Member;
        p.joinedAt = timeFrom(q.value(4));
        p.lastReadSeq = q.value(5).toLongLong();
        p.lastReadAt = timeFrom(q.value(6));
        p.isOnline = q.value(7).toInt() != 0;
        p.lastSeen = timeFrom(q.value(8));
        out[*it].participants.append(std::move(p));
    }
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

InsertResult CacheDatabase::insertMessages(const QList<Message> &messages)
{
    return insertMessages(MessageBatch::from(messages));
}

InsertResult CacheDatabase::insertMessages(const MessageBatch &batch)
{
    using T = MessageBatch::Text;
    InsertResult result;
    MessageStatements *st = isOpen() ? messageStatements() : nullptr;
    if (!st) {
        result.ok = false;
        return result;
    }
    result.skipped = batch.invalidCount();
    const QByteArray ownUserId = m_ownUserId.toUtf8();
    QList<QByteArray> touched; // conversations with new rows (usually one)
    Transaction tx(m_db);
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const MessageBatch::Row &r = batch.row(i);
        const QByteArrayView conversationId = batch.text(r, T::ConversationId);
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
        if (!insert.exec()) {
            result.ok = false;
            return result;
        }
        if (insert.changes() == 1) {
            ++result.inserted;
            if (std::none_of(touched.cbegin(), touched.cend(),
                             [&](const QByteArray &c) { return QByteArrayView(c) == conversationId; }))
                touched.append(conversationId.toByteArray());
        } else if (r.hasEditedAt) {
            SqliteStatement &edit = st->edit;
            edit.bindUtf8(1, batch.text(r, T::Content));
            bindTime(edit, 2, true, r.editedAt);
            edit.bindUtf8(3, batch.text(r, T::SenderName));
            edit.bindUtf8(4, conversationId);
            edit.bind(5, r.seq);
            bindTime(edit, 6, true, r.editedAt);
            if (!edit.exec()) {
                result.ok = false;
                return result;
            }
            if (edit.changes() == 1)
                ++result.updated;
            else
                ++result.skipped;
        } else {
            ++result.skipped;
        }
        // The echo of our own message: the pending outbox row is done.
        const QByteArrayView clientId = batch.text(r, T::ClientId);
        if (!ownUserId.isEmpty() && batch.text(r, T::SenderId) == ownUserId && !clientId.isEmpty()) {
            st->confirm.bindUtf8(1, clientId);
            st->confirm.bindUtf8(2, conversationId);
            if (!st->confirm.exec()) {
                result.ok = false;
                return result;
            }
            if (st->confirm.changes() > 0)
                result.confirmedClientIds.append(QString::fromUtf8(clientId));
        }
    }
    for (const QByteArray &conversationId : std::as_const(touched))
        advanceCursor(QString::fromUtf8(conversationId));
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
                  .arg(QLatin1StringView(kMessageColumns), before ? QStringLiteral("<") : QStringLiteral(">"),
                       before ? QStringLiteral("DESC") : QStringLiteral("ASC")));
    q.addBindValue(conversationId);
    q.addBindValue(seq);
    q.addBindValue(limit);
    if (!run(q))
        return out;
    while (q.next())
        out.append(messageFrom(q));
    if (before)
        std::reverse(out.begin(), out.end());
    return out;
}

qint64 CacheDatabase::highestSeq(const QString &conversationId)
{
    if (!isOpen())
        return 0;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coalesce(max(seq), 0) FROM messages WHERE conversation_id = ?"));
    q.addBindValue(conversationId);
    return run(q) && q.next() ? q.value(0).toLongLong() : 0;
}

// ---- sync cursors ----

qint64 CacheDatabase::syncCursor(const QString &conversationId)
{
    if (!isOpen())
        return 0;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT contiguous_seq FROM sync_cursors WHERE conversation_id = ?"));
    q.addBindValue(conversationId);
    return run(q) && q.next() ? q.value(0).toLongLong() : 0;
}

bool CacheDatabase::advanceSyncCursor(const QString &conversationId, qint64 seq)
{
    if (!isOpen())
        return false;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO sync_cursors (conversation_id, contiguous_seq) VALUES (?, ?)"
                             " ON CONFLICT(conversation_id) DO UPDATE SET"
                             " contiguous_seq = max(contiguous_seq, excluded.contiguous_seq)"));
    q.addBindValue(conversationId);
    q.addBindValue(qMax<qint64>(0, seq));
    if (!run(q))
        return false;
    advanceCursor(conversationId);
    return true;
}

void CacheDatabase::advanceCursor(const QString &conversationId)
{
    MessageStatements *st = messageStatements();
    if (!st)
        return;
    qint64 cursor = 0;
    st->cursor.bind(1, conversationId);
    const bool hadCursor = st->cursor.next();
    if (hadCursor) {
        cursor = st->cursor.int64At(0);
        st->cursor.reset();
    } else {
        // The first messages stored for this conversation start the run.
        st->firstSeq.bind(1, conversationId);
        const bool found = st->firstSeq.next() && !st->firstSeq.isNullAt(0);
        if (found)
            cursor = st->firstSeq.int64At(0) - 1;
        st->firstSeq.reset();
        if (!found)
            return;
    }
    // Walk the seqs after the cursor in index order to the first hole: each row
    // is visited once over the life of the run, so a flood costs one step a row.
    const qint64 before = cursor;
    st->seqsAfter.bind(1, conversationId);
    st->seqsAfter.bind(2, cursor);
    while (st->seqsAfter.next()) {
        if (st->seqsAfter.int64At(0) != cursor + 1) {
            st->seqsAfter.reset();
            break;
        }
        ++cursor;
    }
    if (hadCursor && cursor == before)
        return;
    st->setCursor.bind(1, conversationId);
    st->setCursor.bind(2, cursor);
    st->setCursor.exec();
}

// ---- outbox ----

bool CacheDatabase::addToOutbox(const OutboxEntry &e)
{
    if (!isOpen() || e.clientId.isEmpty() || e.conversationId.isEmpty())
        return false;
    QSqlQuery q(m_db);
    // Adding the same clientId twice keeps the first entry (a resend is not a new message).
    q.prepare(
        QStringLiteral("INSERT OR IGNORE INTO outbox (client_id, conversation_id, content, type, reply_to,"
                       " created_at, attempts, state, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(e.clientId);
    q.addBindValue(e.conversationId);
    q.addBindValue(e.content);
    q.addBindValue(e.type == Message::Type::System ? 1 : 0);
    q.addBindValue(e.replyTo.isEmpty() ? QVariant() : QVariant(e.replyTo));
    q.addBindValue(timeValue(e.createdAt.isValid() ? e.createdAt : QDateTime::currentDateTimeUtc()));
    q.addBindValue(e.attempts);
    q.addBindValue(int(e.state));
    q.addBindValue(e.lastError.isEmpty() ? QVariant() : QVariant(e.lastError));
    return run(q);
}

QList<OutboxEntry> CacheDatabase::outbox(const QString &conversationId)
{
    QList<OutboxEntry> out;
    if (!isOpen())
        return out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT client_id, conversation_id, content, type, reply_to, created_at, attempts, state,"
        " last_error FROM outbox WHERE :conv = '' OR conversation_id = :conv"
        " ORDER BY created_at, rowid"));
    q.bindValue(QStringLiteral(":conv"), conversationId.isNull() ? QStringLiteral("") : conversationId);
    if (!run(q))
        return out;
    while (q.next()) {
        OutboxEntry e;
        e.clientId = q.value(0).toString();
        e.conversationId = q.value(1).toString();
        e.content = q.value(2).toString();
        e.type = q.value(3).toInt() == 1 ? Message::Type::System : Message::Type::Text;
        e.replyTo = q.value(4).toString();
        e.createdAt = timeFrom(q.value(5));
        e.attempts = q.value(6).toInt();
        e.state = q.value(7).toInt() == 1 ? OutboxEntry::State::Failed : OutboxEntry::State::Queued;
        e.lastError = q.value(8).toString();
        out.append(std::move(e));
    }
    return out;
}

bool CacheDatabase::updateOutbox(const QString &clientId, OutboxEntry::State state, int attempts,
                                 const QString &lastError)
{
    if (!isOpen())
        return false;
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("UPDATE outbox SET state = ?, attempts = ?, last_error = ? WHERE client_id = ?"));
    q.addBindValue(int(state));
    q.addBindValue(attempts);
    q.addBindValue(lastError.isEmpty() ? QVariant() : QVariant(lastError));
    q.addBindValue(clientId);
    return run(q) && q.numRowsAffected() == 1;
}

bool CacheDatabase::removeFromOutbox(const QString &clientId)
{
    if (!isOpen())
        return false;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE client_id = ?"));
    q.addBindValue(clientId);
    return run(q) && q.numRowsAffected() == 1;
}

} // namespace ringchat::store
