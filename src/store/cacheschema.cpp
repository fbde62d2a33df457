// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/cacheschema.h"

#include "store/sqlhelpers.h"

#include <QStringList>

namespace ringchat::store {

namespace {

// v4: drafts, one per conversation (the text and the message it replies to, with
// what the quote bar shows of it). A table of its own: nothing else reads it.
QStringList draftsStep()
{
    return { QStringLiteral("CREATE TABLE drafts ("
                            " conversation_id TEXT PRIMARY KEY NOT NULL, text TEXT NOT NULL,"
                            " reply_to TEXT, reply_sender_name TEXT NOT NULL DEFAULT '',"
                            " reply_snippet TEXT NOT NULL DEFAULT '', updated_at INTEGER NOT NULL)") };
}

} // namespace

bool CacheSchema::prepare(QSqlDatabase &db, QString *reason)
{
    int appId = 0, version = 0, objects = 0;
    {
        QSqlQuery q(db);
        // The first read of the file: a file that is not SQLite fails here.
        if (!q.exec(QStringLiteral("PRAGMA application_id")) || !q.next()) {
            *reason = QStringLiteral("not a SQLite database (%1)").arg(q.lastError().text());
            return false;
        }
        appId = q.value(0).toInt();
        if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
            *reason = q.lastError().text();
            return false;
        }
        version = q.value(0).toInt();
        if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !q.next()) {
            *reason = q.lastError().text();
            return false;
        }
        objects = q.value(0).toInt();
    }
    const bool fresh = appId == 0 && version == 0 && objects == 0;
    if (!fresh) {
        if (appId != kApplicationId) {
            *reason = QStringLiteral("the file belongs to another program (application_id %1)").arg(appId);
            return false;
        }
        if (version > kVersion) {
            *reason = QStringLiteral("the file has schema version %1, newer than this program's %2")
                          .arg(version)
                          .arg(kVersion);
            return false;
        }
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next()
            || q.value(0).toString() != QLatin1StringView("ok")) {
            *reason = QStringLiteral("the integrity check failed (%1)")
                          .arg(q.isValid() ? q.value(0).toString() : q.lastError().text());
            return false;
        }
        // The check read every page through the page cache (up to cache_size,
        // ~2 MB): give it back, the work that follows reads far fewer pages.
        q.exec(QStringLiteral("PRAGMA shrink_memory"));
    }
    // WAL: readers don't block the writer. Commits at Durability::ServerCopy unless a
    // DurableWrite says otherwise (sqlhelpers.h).
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL"))) {
            *reason = q.lastError().text();
            return false;
        }
        if (!setDurability(db, Durability::ServerCopy, reason))
            return false;
        // A flood's transaction writes thousands of rows: its dirty pages may take about
        // 8 MiB (2,049 pages) before SQLite spills them to the WAL mid-transaction, where
        // each is read back and written again at the commit (a 200,000-message flood:
        // 60,800 page writes and 40,400 reads at the default, 49,900 and 32,700 so).
        // Clean pages still stay within cache_size (~2 MB). Not a multiple of 256: SQLite
        // also reads the number as on/off by its low byte, and 0 turns spilling off.
        q.exec(QStringLiteral("PRAGMA cache_spill=2049"));
    }
    return version == kVersion || migrate(db, version, reason);
}

bool CacheSchema::migrate(QSqlDatabase &db, int fromVersion, QString *reason)
{
    Transaction tx(db);
    if (!tx.active()) {
        *reason = db.lastError().text();
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
    // v2: the sync cursor went (the gap fill starts from what the timelines hold).
    static const QStringList v2 = { QStringLiteral("DROP TABLE IF EXISTS sync_cursors") };
    // v3: contract v2's message state (rev, format, tombstones, reactions and the
    // reply preview as the server's JSON) and the outbox's actions (edit, delete,
    // react) besides sends.
    static const QStringList v3 = {
        QStringLiteral("ALTER TABLE messages ADD COLUMN rev INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN format INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN deleted_at INTEGER"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN reactions TEXT"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN reply_preview TEXT"),
        // The highest rev up to which every change of the conversation is held:
        // the changes catch-up after a reconnect starts there.
        QStringLiteral("ALTER TABLE conversations ADD COLUMN synced_rev INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE outbox ADD COLUMN kind INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE outbox ADD COLUMN target_id TEXT"),
        QStringLiteral("ALTER TABLE outbox ADD COLUMN emoji TEXT"),
        QStringLiteral("ALTER TABLE outbox ADD COLUMN reaction_on INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE outbox ADD COLUMN format INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE outbox ADD COLUMN emitted INTEGER NOT NULL DEFAULT 0"),
    };
    const QList<QStringList> steps = { v1,
                                       v2,
                                       v3,
                                       draftsStep(),
                                       attachmentsStep(),
                                       searchIndexStep(),
                                       mentionsStep(),
                                       leanSearchIndexStep(),
                                       seqIdentityStep() };
    for (int v = fromVersion; v < kVersion; ++v) {
        for (const QString &sql : steps.at(v)) {
            QSqlQuery q(db);
            if (!q.exec(sql)) {
                *reason = QStringLiteral("migration to version %1 failed: %2")
                              .arg(v + 1)
                              .arg(q.lastError().text());
                return false;
            }
        }
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version=%1").arg(kVersion))
        || !q.exec(QStringLiteral("PRAGMA application_id=%1").arg(kApplicationId))) {
        *reason = q.lastError().text();
        return false;
    }
    if (!tx.commit()) {
        *reason = db.lastError().text();
        return false;
    }
    qCInfo(lcStore) << "Cache schema migrated from version" << fromVersion << "to" << kVersion;
    return true;
}

QStringList CacheSchema::attachmentsStep()
{
    return {
        // A message's files as the server's JSON (NULL when none), for history and for
        // the download of one by its id.
        QStringLiteral("ALTER TABLE messages ADD COLUMN attachments TEXT"),
        // A queued send's files: the copies in the account's folder, their idempotency
        // keys and, once uploaded, their attachment ids (JSON; NULL when none).
        QStringLiteral("ALTER TABLE outbox ADD COLUMN files TEXT"),
    };
}

QStringList CacheSchema::searchIndexStep()
{
    // A row is indexed when it is at or below indexed_upto and not waiting in the
    // background build's range.
    const auto indexed = [](const char *row) {
        return QStringLiteral(
                   "%1.rowid <= coalesce((SELECT indexed_upto FROM search_state), 0) AND NOT EXISTS"
                   " (SELECT 1 FROM search_backfill WHERE %1.rowid BETWEEN next_rowid AND last_rowid)")
            .arg(QLatin1StringView(row));
    };
    return {
        // The full-text index of messages.content (store/searchindex.h). External content:
        // no second copy of the text; rows are addressed by the messages' rowid (the table
        // is never VACUUMed). prefix '1 2': a word's first letters, typed one by one, read
        // one ready list instead of merging every word they begin.
        QStringLiteral("CREATE VIRTUAL TABLE message_search USING fts5 (content, content = 'messages',"
                       " content_rowid = 'rowid', tokenize = \"unicode61 remove_diacritics 2\","
                       " prefix = '1 2')"),
        // New rows are indexed in batches, not by a trigger (FTS5 writes its
        // pending terms out at every statement that touched it): every row up to
        // indexed_upto is indexed (SearchIndex::indexNewRows). No row: 0.
        QStringLiteral("CREATE TABLE search_state (id INTEGER PRIMARY KEY CHECK (id = 1),"
                       " indexed_upto INTEGER NOT NULL)"),
        QStringLiteral(
            "INSERT INTO search_state (id, indexed_upto) SELECT 1, coalesce(max(rowid), 0) FROM messages"),
        // The rows cached before this step, which the background build indexes: next_rowid
        // to last_rowid. No row: none left.
        QStringLiteral("CREATE TABLE search_backfill (id INTEGER PRIMARY KEY CHECK (id = 1),"
                       " first_rowid INTEGER NOT NULL, next_rowid INTEGER NOT NULL,"
                       " last_rowid INTEGER NOT NULL)"),
        QStringLiteral("INSERT INTO search_backfill (id, first_rowid, next_rowid, last_rowid)"
                       " SELECT 1, lo, lo, hi FROM (SELECT min(rowid) AS lo, max(rowid) AS hi FROM messages)"
                       " WHERE lo IS NOT NULL"),
        // The triggers keep indexed rows in step with every edit and delete, so the message
        // write path knows nothing of them.
        QStringLiteral("CREATE TRIGGER message_search_update AFTER UPDATE OF content ON messages"
                       " WHEN old.content IS NOT new.content AND %1 BEGIN"
                       " INSERT INTO message_search (message_search, rowid, content)"
                       " VALUES ('delete', old.rowid, old.content);"
                       " INSERT INTO message_search (rowid, content) VALUES (new.rowid, new.content); END")
            .arg(indexed("old")),
        QStringLiteral("CREATE TRIGGER message_search_delete AFTER DELETE ON messages WHEN %1 BEGIN"
                       " INSERT INTO message_search (message_search, rowid, content)"
                       " VALUES ('delete', old.rowid, old.content); END")
            .arg(indexed("old")),
    };
}

QStringList CacheSchema::mentionsStep()
{
    return {
        // Contract v2: who a message mentions (a JSON array of user ids, NULL when nobody),
        // and a queued send's mentions, sent with it.
        QStringLiteral("ALTER TABLE messages ADD COLUMN mentions TEXT"),
        QStringLiteral("ALTER TABLE outbox ADD COLUMN mentions TEXT"),
        // The conversation's unread mentions of me and my notification settings
        // (notify: 0 all, 1 mentions, 2 none; muted_until: ms since the epoch, NULL when not muted).
        QStringLiteral(
            "ALTER TABLE conversations ADD COLUMN unread_mention_count INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE conversations ADD COLUMN notify INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE conversations ADD COLUMN muted_until INTEGER"),
    };
}

QStringList CacheSchema::leanSearchIndexStep()
{
    return {
        // The index again, at a third of its cost per message (docs/performance.md): no
        // prefix indexes (SearchIndex::find reads the newest rows itself, where they paid
        // off), no word positions and no per-row sizes (nothing ranks or matches phrases).
        // The triggers name the table, so they stay and apply to the new one.
        QStringLiteral("DROP TABLE message_search"),
        QStringLiteral("CREATE VIRTUAL TABLE message_search USING fts5 (content, content = 'messages',"
                       " content_rowid = 'rowid', tokenize = \"unicode61 remove_diacritics 2\","
                       " detail = none, columnsize = 0)"),
        // Every row is then built again in the background (SearchIndex::fillChunk).
        QStringLiteral("INSERT OR REPLACE INTO search_state (id, indexed_upto)"
                       " SELECT 1, coalesce(max(rowid), 0) FROM messages"),
        QStringLiteral("DELETE FROM search_backfill"),
        QStringLiteral("INSERT INTO search_backfill (id, first_rowid, next_rowid, last_rowid)"
                       " SELECT 1, lo, lo, hi FROM (SELECT min(rowid) AS lo, max(rowid) AS hi FROM messages)"
                       " WHERE lo IS NOT NULL"),
    };
}

QStringList CacheSchema::seqIdentityStep()
{
    return {
        // A stored message is one (conversation, seq), the server's identity of it. The
        // (clientId, sender, conversation) index repeated the server's own rule (one
        // message per sender and clientId), which the server keeps itself and nothing
        // here reads by, and its random keys (UUIDs) cost more than the row's insert
        // under a flood (docs/performance.md, "The cache's clientId index").
        QStringLiteral("DROP INDEX IF EXISTS messages_client_id"),
    };
}

} // namespace ringchat::store
