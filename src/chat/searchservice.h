// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Message search for the UI and the CLI: the cache's full-text index (store/searchindex.h)
// first, then the server's search (GET /api/search/messages) merged in by message id for
// history the cache does not hold. The query's filters (searchquery.h) are resolved here to
// conversation and user ids from the conversations the chat service knows, so the cache
// and the server's hits are filtered by the same rule (SearchFilter). Every hit carries its
// ranges, computed in one place (store::searchHitRanges), for the CLI and the highlight.
//
//     search->search(text, {}).then(this, [](const SearchResults &r) { ... });

#include "api/types.h"
#include "store/searchindex.h"
#include "store/searchtext.h"

#include <QFuture>
#include <QObject>
#include <QSet>

namespace ringchat::store {
class ChatStore;
}

namespace ringchat::chat {

class ChatService;
struct SearchQuery;

struct SearchResult
{
    api::Message message;           // who (senderId, senderName), where (conversationId), when (timestamp)
    QList<store::TextRange> ranges; // of message.content, UTF-16, end exclusive
};

struct SearchResults
{
    QList<SearchResult> hits; // newest first (by timestamp)
    // false: messages cached before the index are still being indexed, so some may be missing.
    bool localComplete = true;
    // false: the server's results are missing (asked for local only, offline, or the
    // server failed: serverProblem says why).
    bool serverIncluded = false;
    QString serverProblem;
    // The query's problem, for people (a date that does not read, a filter that names no
    // one); empty when none.
    QString error;
};

// The filters of one search as ids and times; empty sets and invalid times: no bound.
struct SearchFilter
{
    QSet<QString> conversationIds, senderIds;
    QDateTime before, notBefore;
    bool accepts(const api::Message &message) const;
};

class SearchService : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString conversationId; // search only this conversation; empty: all of them
        int limit = 50;
        bool localOnly = false; // the cache only (as you type, or offline)
    };

    // Without a store (no cache) only the server is searched. The service and store must
    // outlive this object.
    SearchService(ChatService *chat, store::ChatStore *store, QObject *parent = nullptr);

    QFuture<SearchResults> search(const QString &query, const Options &options);
    // Every cached hit of one conversation, ascending by seq (the Ctrl+F bar's "3 of 17").
    // The filters of `query` are ignored; only its words count.
    QFuture<QList<store::ConversationHit>> findInConversation(const QString &conversationId,
                                                              const QString &query);
    // The ranges of `text` the words of `query` hit (its filters taken out): the highlight.
    static QList<store::TextRange> hitRanges(const QString &text, const QString &query);

    // The chat service the filters are resolved with (conversation titles for the UI).
    ChatService *chat() const { return m_chat; }

    // The background build of the index for a cache from before it (ChatStore).
    store::SearchIndexProgress indexProgress() const { return m_progress; }

Q_SIGNALS:
    void indexProgressChanged(qint64 indexed, qint64 total);

private:
    // The query's filters as ids, within `scope` (a conversation id, or empty); `error`
    // names a filter that matches nothing.
    SearchFilter resolve(const SearchQuery &query, const QString &scope, QString *error) const;

    ChatService *m_chat;
    store::ChatStore *m_store;
    store::SearchIndexProgress m_progress;
};

} // namespace ringchat::chat
