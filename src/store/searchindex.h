// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The full-text index of cached messages (schema v6, CacheSchema::searchIndexStep): an
// FTS5 table over messages.content. New rows are indexed once per write transaction
// (indexNewRows, called by CacheDatabase::insertMessages before it commits); triggers keep
// indexed rows in step with edits and deletes. Rows cached before the index existed are
// indexed by the background build, a chunk a call (fillChunk), so opening an old cache
// never waits for it. Synchronous: used on ChatStore's worker thread only.

#include "api/types.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace ringchat::store {

// How far the background build is: rows indexed of the rows it had to index. Complete
// (indexed == total) when there was nothing to build, too.
struct SearchIndexProgress
{
    qint64 indexed = 0;
    qint64 total = 0;
    bool complete() const { return indexed >= total; }
};

// What a local search looks for: every one of `terms` (searchTerms()) as a word prefix,
// in these conversations and from these senders (empty: any), sent before / at or after
// these times (invalid: no bound). Tombstones are never found.
struct LocalSearchRequest
{
    QStringList terms;
    QStringList conversationIds;
    QStringList senderIds;
    QDateTime before, notBefore;
    int limit = 50;
};

// A hit of one conversation's search (the Ctrl+F bar steps through them).
struct ConversationHit
{
    QString messageId;
    qint64 seq = 0;
    friend bool operator==(const ConversationHit &, const ConversationHit &) = default;
};

class SearchIndex
{
public:
    explicit SearchIndex(QSqlDatabase &db)
        : m_db(db)
    {
    }

    // Indexes the rows stored since the last call (in the caller's transaction). One
    // statement for the whole batch: FTS5 writes its pending terms out per statement.
    bool indexNewRows();
    SearchIndexProgress progress();
    // Indexes up to `rows` more of the rows cached before the index, in one transaction.
    SearchIndexProgress fillChunk(int rows);
    // The hits, the most recently stored first, at most request.limit.
    QList<api::Message> find(const LocalSearchRequest &request);
    // Every hit of one conversation (no limit), ascending by seq.
    QList<ConversationHit> findInConversation(const QString &conversationId, const QStringList &terms);

private:
    QSqlDatabase &m_db;
};

} // namespace ringchat::store
