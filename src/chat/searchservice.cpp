// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/searchservice.h"

#include "api/restclient.h"
#include "chat/chatservice.h"
#include "chat/searchquery.h"
#include "store/chatstore.h"

namespace ringchat::chat {

using api::Message;

namespace {

bool startsWithFolded(const QString &name, const QString &prefix)
{
    return name.startsWith(prefix, Qt::CaseInsensitive);
}

// The server takes at most 200 characters of words, and pages of at most 200 hits.
QString serverQueryText(const QString &text)
{
    return text.left(200).trimmed();
}
constexpr int kMaxServerPage = 200;
constexpr int kMaxLocalHits = 1000;

} // namespace

// Where a search stands between its pages.
struct SearchPaging
{
    SearchMerge merge;
    QString serverText;     // the query's words, as the server takes them
    QString conversationId; // the one conversation the server searches, or empty
    int pageSize = 50;
};

bool SearchResults::hasMore() const
{
    return serverIncluded && paging && paging->merge.serverHasMore();
}

SearchService::SearchService(ChatService *chat, store::ChatStore *store, QObject *parent)
    : QObject(parent)
    , m_chat(chat)
    , m_store(store)
{
    if (!m_store)
        return;
    connect(m_store, &store::ChatStore::searchIndexProgress, this, [this](qint64 indexed, qint64 total) {
        m_progress = { indexed, total };
        Q_EMIT indexProgressChanged(indexed, total);
    });
    m_store->searchIndexState().then(this, [this](store::SearchIndexProgress progress) {
        if (m_progress.total == 0) // no chunk has said more yet
            m_progress = progress;
    });
}

SearchFilter SearchService::resolve(const SearchQuery &query, const QString &scope, QString *error) const
{
    SearchFilter filter;
    filter.before = query.before;
    filter.notBefore = query.notBefore;
    const QList<api::Conversation> conversations = m_chat->conversations();
    if (!query.in.isEmpty() || !scope.isEmpty()) {
        for (const api::Conversation &c : conversations) {
            if (!scope.isEmpty() && c.id != scope)
                continue;
            bool named = query.in.isEmpty() || c.id == query.in || startsWithFolded(c.title, query.in);
            // A direct chat is named by the other person.
            for (const api::Participant &p : c.participants)
                named = named
                    || (c.type == api::Conversation::Type::Direct && p.userId != m_chat->userId()
                        && startsWithFolded(p.name, query.in));
            if (named)
                filter.conversationIds.insert(c.id);
        }
        if (!scope.isEmpty() && query.in.isEmpty())
            filter.conversationIds.insert(scope); // searched even when not (yet) listed
        if (filter.conversationIds.isEmpty())
            *error = tr("No conversation is called “%1”.").arg(query.in);
    }
    if (!query.from.isEmpty()) {
        for (const api::Conversation &c : conversations)
            for (const api::Participant &p : c.participants)
                if (p.userId == query.from || startsWithFolded(p.name, query.from))
                    filter.senderIds.insert(p.userId);
        if (filter.senderIds.isEmpty())
            *error = tr("No one is called “%1”.").arg(query.from);
    }
    return filter;
}

QList<store::TextRange> SearchService::hitRanges(const QString &text, const QString &query)
{
    return store::searchHitRanges(text, store::searchTerms(SearchQuery::parse(query).text));
}

QFuture<QList<store::ConversationHit>> SearchService::findInConversation(const QString &conversationId,
                                                                         const QString &query)
{
    const QStringList terms = store::searchTerms(SearchQuery::parse(query).text);
    if (!m_store || terms.isEmpty() || !api::isValidConversationId(conversationId))
        return QtFuture::makeReadyFuture(QList<store::ConversationHit>());
    return m_store->searchConversation(conversationId, terms);
}

QFuture<SearchResults> SearchService::search(const QString &queryText, const Options &options)
{
    const SearchQuery query = SearchQuery::parse(queryText);
    const QStringList terms = store::searchTerms(query.text);
    auto results = std::make_shared<SearchResults>();
    results->error = query.error;
    const SearchFilter filter = resolve(query, options.conversationId, &results->error);
    const bool nothingToFind = terms.isEmpty()
        || ((!query.in.isEmpty() || !options.conversationId.isEmpty()) && filter.conversationIds.isEmpty())
        || (!query.from.isEmpty() && filter.senderIds.isEmpty());
    if (nothingToFind) {
        results->serverIncluded = !options.localOnly; // the server would find nothing either
        return QtFuture::makeReadyFuture(*results);
    }
    // One conversation: the server searches only there; otherwise the filter sorts its hits.
    const QString only = filter.conversationIds.size() == 1 ? *filter.conversationIds.cbegin() : QString();
    auto paging = std::make_shared<SearchPaging>(SearchPaging { SearchMerge(filter, terms),
                                                                serverQueryText(query.text), only,
                                                                qBound(1, options.limit, kMaxServerPage) });

    const auto askServer = [this, options, results, paging]() -> QFuture<SearchResults> {
        results->paging = paging;
        if (options.localOnly)
            return QtFuture::makeReadyFuture(*results);
        return askNextPage(*results);
    };
    if (!m_store)
        return askServer();
    store::LocalSearchRequest request;
    request.terms = terms;
    request.conversationIds = QStringList(filter.conversationIds.cbegin(), filter.conversationIds.cend());
    request.senderIds = QStringList(filter.senderIds.cbegin(), filter.senderIds.cend());
    request.before = filter.before;
    request.notBefore = filter.notBefore;
    request.limit = qBound(1, options.limit, kMaxLocalHits);
    return m_store->searchMessages(request)
        .then(this,
              [this, results, paging](const QList<Message> &found) {
                  results->localComplete = m_progress.complete();
                  paging->merge.addLocal(found);
                  results->hits = paging->merge.hits();
              })
        .then(this, askServer)
        .unwrap();
}

QFuture<SearchResults> SearchService::more(const SearchResults &results)
{
    if (!results.hasMore())
        return QtFuture::makeReadyFuture(results);
    return askNextPage(results);
}

QFuture<SearchResults> SearchService::askNextPage(const SearchResults &previous)
{
    // A copy: `previous` stays as it was, whatever comes of this page.
    auto paging = std::make_shared<SearchPaging>(*previous.paging);
    return m_chat->rest()
        ->searchMessages(paging->serverText, paging->conversationId, paging->pageSize,
                         paging->merge.serverCursor())
        .then(this, [previous, paging](const api::ApiResult<api::Page<api::SearchHit>> &r) {
            SearchResults next = previous;
            if (r.ok()) {
                QList<Message> found;
                for (const api::SearchHit &hit : r.value().items)
                    found.append(hit.message);
                paging->merge.addServerPage(found, r.value().hasMore ? r.value().cursor : QString());
                next.serverIncluded = true;
            } else {
                paging->merge.serverDone(); // what was held back shows
                next.serverIncluded = false;
                next.serverProblem = r.error().message;
            }
            next.hits = paging->merge.hits();
            next.paging = paging;
            return next;
        });
}

} // namespace ringchat::chat
