// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/searchindex.h"

#include "store/messagerow.h"
#include "store/searchtext.h"
#include "store/sqlhelpers.h"

namespace ringchat::store {

namespace {

// kMessageRowColumns of the messages table `m` (the index has a `content` column too).
QString qualifiedMessageColumns()
{
    QStringList columns = QString::fromLatin1(kMessageRowColumns).split(QLatin1StringView(", "));
    for (QString &c : columns)
        c.prepend(QLatin1StringView("m."));
    return columns.join(QLatin1StringView(", "));
}

// "?, ?, ?" for n values.
QString placeholders(qsizetype n)
{
    QStringList marks(n, QStringLiteral("?"));
    return marks.join(QLatin1StringView(", "));
}

// The background build's range of rowids: first to last, next the first not yet indexed.
struct Backfill
{
    qint64 first = 0, next = 0, last = 0;
    bool pending = false; // false: no build (every row is indexed)
    SearchIndexProgress progressAt(qint64 nextRowid) const
    {
        return pending ? SearchIndexProgress { nextRowid - first, last - first + 1 } : SearchIndexProgress();
    }
};

Backfill readBackfill(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT first_rowid, next_rowid, last_rowid FROM search_backfill"))
        || !q.next())
        return {};
    return { q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), true };
}

} // namespace

SearchIndex::RequestFilters::RequestFilters(const LocalSearchRequest &request)
    : m_request(request)
{
    sql = QStringLiteral(" AND m.deleted_at IS NULL");
    if (!request.conversationIds.isEmpty())
        sql += QStringLiteral(" AND m.conversation_id IN (%1)")
                   .arg(placeholders(request.conversationIds.size()));
    if (!request.senderIds.isEmpty())
        sql += QStringLiteral(" AND m.sender_id IN (%1)").arg(placeholders(request.senderIds.size()));
    if (request.before.isValid())
        sql += QStringLiteral(" AND m.timestamp < ?");
    if (request.notBefore.isValid())
        sql += QStringLiteral(" AND m.timestamp >= ?");
}

void SearchIndex::RequestFilters::bind(QSqlQuery &q) const
{
    for (const QString &id : m_request.conversationIds)
        q.addBindValue(id);
    for (const QString &id : m_request.senderIds)
        q.addBindValue(id);
    if (m_request.before.isValid())
        q.addBindValue(m_request.before.toMSecsSinceEpoch());
    if (m_request.notBefore.isValid())
        q.addBindValue(m_request.notBefore.toMSecsSinceEpoch());
}

std::optional<qint64> SearchIndex::rowsWaiting()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT coalesce(max(rowid), 0) - coalesce((SELECT indexed_upto FROM"
                               " search_state), 0) FROM messages"))
        || !q.next())
        return std::nullopt;
    return qMax<qint64>(0, q.value(0).toLongLong()); // below 0 when the newest rows were deleted
}

bool SearchIndex::indexNewRows(Pending pending)
{
    if (pending == Pending::Batch) {
        const std::optional<qint64> waiting = rowsWaiting();
        if (!waiting)
            return false;
        if (*waiting < kIndexBatch)
            return true;
    }
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral(
               "INSERT INTO message_search (rowid, content) SELECT rowid, content FROM messages"
               " WHERE rowid > coalesce((SELECT indexed_upto FROM search_state), 0)"))
        && q.exec(QStringLiteral("INSERT OR REPLACE INTO search_state (id, indexed_upto)"
                                 " SELECT 1, coalesce(max(rowid), 0) FROM messages"));
}

SearchIndexProgress SearchIndex::progress()
{
    const Backfill b = readBackfill(m_db);
    return b.progressAt(b.next);
}

SearchIndexProgress SearchIndex::fillChunk(int rows)
{
    Transaction tx(m_db);
    const Backfill b = readBackfill(m_db);
    if (!b.pending)
        return {};
    const qint64 next = b.next, last = b.last;
    const qint64 upTo = std::min(last, next + qMax(1, rows) - 1);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO message_search (rowid, content)"
                             " SELECT rowid, content FROM messages WHERE rowid BETWEEN ? AND ?"));
    q.addBindValue(next);
    q.addBindValue(upTo);
    if (!execLogged(q))
        return b.progressAt(next);
    // Moving next_rowid past a row hands it to the triggers, in the same transaction.
    q.prepare(upTo >= last ? QStringLiteral("DELETE FROM search_backfill")
                           : QStringLiteral("UPDATE search_backfill SET next_rowid = %1").arg(upTo + 1));
    if (!execLogged(q) || !tx.commit())
        return b.progressAt(next);
    return b.progressAt(upTo + 1);
}

bool SearchIndex::indexPendingRows()
{
    // Most searches find nothing waiting: no write then (a keystroke is a search).
    const std::optional<qint64> waiting = rowsWaiting();
    if (!waiting || *waiting == 0)
        return waiting.has_value();
    Transaction transaction(m_db);
    return transaction.active() && indexNewRows(Pending::All) && transaction.commit();
}

QList<api::Message> SearchIndex::find(const LocalSearchRequest &request)
{
    const QString match = ftsMatchExpression(request.terms);
    if (match.isEmpty() || request.limit <= 0 || !indexPendingRows())
        return {};
    const RequestFilters filters(request);
    const NewestHits newest = scanNewestRows(request.terms, filters, request.limit);
    QList<api::Message> out = messagesByRowid(newest.rowids);
    if (out.size() >= request.limit)
        return out;
    // The older rows through the index, newest rowid first: the index is the outer loop,
    // so the first page needs no sort.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT %1 FROM message_search s JOIN messages m ON m.rowid = s.rowid"
                       " WHERE s.message_search MATCH ? AND s.rowid <= ?%2 ORDER BY s.rowid DESC LIMIT ?")
            .arg(qualifiedMessageColumns(), filters.sql));
    q.addBindValue(match);
    q.addBindValue(newest.scannedAbove);
    filters.bind(q);
    q.addBindValue(request.limit - out.size());
    if (!execLogged(q))
        return out;
    while (q.next())
        out.append(messageFromRow(q));
    return out;
}

SearchIndex::NewestHits SearchIndex::scanNewestRows(const QStringList &terms, const RequestFilters &filters,
                                                    int limit)
{
    NewestHits hits;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT coalesce(max(rowid), 0) FROM messages")) || !q.next())
        return hits;
    hits.scannedAbove = qMax<qint64>(0, q.value(0).toLongLong() - kScannedRows);
    q.prepare(
        QStringLiteral("SELECT m.rowid, m.content FROM messages m WHERE m.rowid > ?%1 ORDER BY m.rowid DESC")
            .arg(filters.sql));
    q.addBindValue(hits.scannedAbove);
    filters.bind(q);
    if (!execLogged(q))
        return hits;
    while (hits.rowids.size() < limit && q.next()) {
        if (matchesAllTerms(q.value(1).toString(), terms))
            hits.rowids.append(q.value(0).toLongLong());
    }
    return hits;
}

QList<api::Message> SearchIndex::messagesByRowid(const QList<qint64> &rowids)
{
    QList<api::Message> out;
    if (rowids.isEmpty())
        return out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM messages m WHERE m.rowid IN (%2) ORDER BY m.rowid DESC")
                  .arg(qualifiedMessageColumns(), placeholders(rowids.size())));
    for (const qint64 rowid : rowids)
        q.addBindValue(rowid);
    if (!execLogged(q))
        return out;
    while (q.next())
        out.append(messageFromRow(q));
    return out;
}

QList<ConversationHit> SearchIndex::findInConversation(const QString &conversationId,
                                                       const QStringList &terms)
{
    QList<ConversationHit> out;
    const QString match = ftsMatchExpression(terms);
    if (match.isEmpty() || !indexPendingRows())
        return out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT m.id, m.seq FROM message_search s JOIN messages m ON m.rowid = s.rowid"
                       " WHERE s.message_search MATCH ? AND m.conversation_id = ? AND m.deleted_at IS NULL"
                       " ORDER BY m.seq"));
    q.addBindValue(match);
    q.addBindValue(conversationId);
    if (!execLogged(q))
        return out;
    while (q.next())
        out.append({ q.value(0).toString(), q.value(1).toLongLong() });
    return out;
}

} // namespace ringchat::store
