// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Message search for the UI and the CLI: the cache's full-text index (store/searchindex.h)
// first, then the server's search (GET /api/search/messages) merged in by message id for
// history the cache does not hold (SearchMerge); more() asks the server's next page while
// it says there is more. The query's filters (searchquery.h) are resolved here to
// conversation and user ids from the conversations the chat service knows, so the cache
// and the server's hits are filtered by the same rule (SearchFilter). Every hit carries its
// ranges, computed in one place (store::searchHitRanges), for the CLI and the highlight.
//
//     search->search(text, {}).then(this, [](const SearchResults &r) { ... });
//     if (r.hasMore()) search->more(r).then(...); // every hit so far, the next page merged in

#include "chat/searchmerge.h"
#include "store/searchindex.h"

#include <QFuture>
#include <QObject>

#include <memory>

namespace ringchat::store {
class ChatStore;
}

namespace ringchat::chat {

class ChatService;
struct SearchQuery;
struct SearchPaging;

struct SearchResults
{
    QList<SearchResult> hits; // newest first (by timestamp), each message once
    // false: messages cached before the index are still being indexed, so some may be missing.
    bool localComplete = true;
    // false: the server's results are missing (asked for local only, offline, or the
    // server failed, on the first page or a later one: serverProblem says why).
    bool serverIncluded = false;
    QString serverProblem;
    // The query's problem, for people (a date that does not read, a filter that names no
    // one); empty when none.
    QString error;
    // Where the search stands (its merge, the server's cursor), for SearchService::more.
    std::shared_ptr<const SearchPaging> paging;

    // The server said it has more hits than these: SearchService::more asks for them.
    bool hasMore() const;
};

class SearchService : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString conversationId; // search only this conversation; empty: all of them
        // The cache's hits asked (up to 1000), and the server's page (up to its 200).
        int limit = 50;
        bool localOnly = false; // the cache only (as you type, or offline)
    };

    // Without a store (no cache) only the server is searched. The service and store must
    // outlive this object.
    SearchService(ChatService *chat, store::ChatStore *store, QObject *parent = nullptr);

    QFuture<SearchResults> search(const QString &query, const Options &options);
    // `results` with the server's next page merged in: every hit so far, the new ones
    // where they belong (older than those shown, but for hits of equal time). When the page
    // fails, serverIncluded turns false, with serverProblem, and the paging ends. Without
    // hasMore(), `results` as they are.
    QFuture<SearchResults> more(const SearchResults &results);
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
    // `previous` with the server's page from its paging's cursor merged in.
    QFuture<SearchResults> askNextPage(const SearchResults &previous);

    ChatService *m_chat;
    store::ChatStore *m_store;
    store::SearchIndexProgress m_progress;
};

} // namespace ringchat::chat
