// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The full-text index of cached messages (schema v6, CacheSchema::searchIndexStep): an
// FTS5 table over messages.content. New rows are indexed in batches (indexNewRows, called
// by CacheDatabase::insertMessages before it commits, and before each search); triggers keep
// indexed rows in step with edits and deletes. Rows cached before the index existed are
// indexed by the background build, a chunk a call (fillChunk), so opening an old cache
// never waits for it. Synchronous: used on ChatStore's worker thread only.

#include "api/types.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

#include <optional>

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

    // Indexes the rows stored since the last indexing (in the caller's transaction), once
    // at least kIndexBatch of them wait (Pending::Batch) or always (Pending::All). One
    // statement for them all: FTS5 writes a segment per statement, which cost a trickled
    // message (one a commit) more than the rest of its write. The rows that wait are never
    // missed: find() and findInConversation() index them first.
    enum class Pending { Batch, All };
    bool indexNewRows(Pending pending = Pending::Batch);
    SearchIndexProgress progress();
    // Indexes up to `rows` more of the rows cached before the index, in one transaction.
    SearchIndexProgress fillChunk(int rows);
    // The hits, the most recently stored first, at most request.limit.
    QList<api::Message> find(const LocalSearchRequest &request);
    // Every hit of one conversation (no limit), ascending by seq.
    QList<ConversationHit> findInConversation(const QString &conversationId, const QStringList &terms);

private:
    // How many of the newest rows find() matches itself before it asks the index. FTS5
    // (SQLite 3.40) reads every row a prefix term matches before it returns the first one,
    // whatever the rowid bounds: for the first letters typed, which begin words of most
    // messages, that is most of the cache. Such a prefix fills a page from a few hundred
    // of the newest rows; a rarer one leaves the index a short list to read.
    static constexpr qint64 kScannedRows = 2000;
    // How many new rows wait for the index at most between searches (indexNewRows).
    static constexpr qint64 kIndexBatch = 256;
    // New rows not yet indexed (rowids above indexed_upto); none on a failed read.
    std::optional<qint64> rowsWaiting();
    // indexNewRows(Pending::All) in a transaction of its own, before a search, when rows wait.
    bool indexPendingRows();

    // A request's filters other than its words, as SQL on `m` (messages), tombstones out.
    class RequestFilters
    {
    public:
        explicit RequestFilters(const LocalSearchRequest &request);
        void bind(QSqlQuery &q) const; // their values, in the order of `sql`
        QString sql;

    private:
        const LocalSearchRequest &m_request;
    };
    struct NewestHits
    {
        QList<qint64> rowids;    // newest first
        qint64 scannedAbove = 0; // the rows above this rowid were scanned
    };
    NewestHits scanNewestRows(const QStringList &terms, const RequestFilters &filters, int limit);
    QList<api::Message> messagesByRowid(const QList<qint64> &rowids);

    QSqlDatabase &m_db;
};

} // namespace ringchat::store
