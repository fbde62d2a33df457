// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one place where a search's hits meet: the cache's and the server's pages, merged by
// message id (the newer state wins), filtered by the query's ids and times, newest first.
// While the server has more pages, the cache's hits older than the server's oldest are
// held back: the server's next page may hold newer ones, and the list grows only at its
// end as pages come.

#include "api/types.h"
#include "store/searchtext.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

#include <optional>

namespace ringchat::chat {

struct SearchResult
{
    api::Message message;           // who (senderId, senderName), where (conversationId), when (timestamp)
    QList<store::TextRange> ranges; // of message.content, UTF-16, end exclusive
};

// The filters of one search as ids and times; empty sets and invalid times: no bound.
struct SearchFilter
{
    QSet<QString> conversationIds, senderIds;
    QDateTime before, notBefore;
    bool accepts(const api::Message &message) const;
};

class SearchMerge
{
public:
    // `terms`: the query's words, for each hit's ranges.
    SearchMerge(SearchFilter filter, QStringList terms);

    void addLocal(const QList<api::Message> &found);
    // One page of the server's hits; `cursor`: where its next page starts (empty: none).
    void addServerPage(const QList<api::Message> &found, const QString &cursor);
    // The server gives no more (it failed, or was not asked): nothing is held back.
    void serverDone() { m_cursor.clear(); }

    // The server has more hits than its pages so far.
    bool serverHasMore() const { return !m_cursor.isEmpty(); }
    QString serverCursor() const { return m_cursor; }
    // The hits to show, newest first (by timestamp, seq, id), each with its ranges.
    QList<SearchResult> hits() const;

private:
    SearchFilter m_filter;
    QStringList m_terms;
    QHash<QString, api::Message> m_messages; // by id
    std::optional<api::Message> m_serverOldest;
    QString m_cursor;
};

} // namespace ringchat::chat
