// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/searchservice.h"

#include "api/restclient.h"
#include "chat/chatservice.h"
#include "chat/searchquery.h"
#include "store/chatstore.h"

#include <QPromise>

#include <algorithm>
#include <memory>

namespace ringchat::chat {

using api::Message;

namespace {

bool startsWithFolded(const QString &name, const QString &prefix)
{
    return name.startsWith(prefix, Qt::CaseInsensitive);
}

// The server takes at most 200 characters of words.
QString serverQueryText(const QString &text)
{
    return text.left(200).trimmed();
}

} // namespace

bool SearchFilter::accepts(const Message &m) const
{
    return !m.isDeleted() && (conversationIds.isEmpty() || conversationIds.contains(m.conversationId))
        && (senderIds.isEmpty() || senderIds.contains(m.senderId))
        && (!before.isValid() || (m.timestamp.isValid() && m.timestamp < before))
        && (!notBefore.isValid() || (m.timestamp.isValid() && m.timestamp >= notBefore));
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
    const int limit = qBound(1, options.limit, 200);
    auto promise = std::make_shared<QPromise<SearchResults>>();
    promise->start();
    QFuture<SearchResults> future = promise->future();

    // Merges `found` into the results by message id (the newer state of a message wins),
    // keeps the newest `limit`, and finishes.
    auto merged = std::make_shared<QHash<QString, Message>>();
    const auto add = [merged, filter](const QList<Message> &found) {
        for (const Message &m : found) {
            if (!filter.accepts(m))
                continue;
            const auto it = merged->constFind(m.id);
            if (it == merged->constEnd() || api::supersedes(m, *it))
                merged->insert(m.id, m);
        }
    };
    const auto finish = [promise, results, merged, terms, limit] {
        QList<Message> list = merged->values();
        std::sort(list.begin(), list.end(), [](const Message &a, const Message &b) {
            return a.timestamp != b.timestamp ? a.timestamp > b.timestamp : a.id > b.id;
        });
        for (const Message &m : list.mid(0, limit))
            results->hits.append({ m, store::searchHitRanges(m.content, terms) });
        promise->addResult(*results);
        promise->finish();
    };
    const auto askServer = [this, query, options, filter, limit, results, add, finish] {
        if (options.localOnly)
            return finish();
        // One conversation: the server searches only there; otherwise the filter sorts its hits.
        const QString only
            = filter.conversationIds.size() == 1 ? *filter.conversationIds.cbegin() : QString();
        m_chat->rest()
            ->searchMessages(serverQueryText(query.text), only, limit)
            .then(this, [results, add, finish](const api::ApiResult<api::Page<api::SearchHit>> &r) {
                if (r.ok()) {
                    QList<Message> found;
                    for (const api::SearchHit &hit : r.value().items)
                        found.append(hit.message);
                    add(found);
                    results->serverIncluded = true;
                } else {
                    results->serverProblem = r.error().message;
                }
                finish();
            });
    };
    if (!m_store) {
        askServer();
        return future;
    }
    store::LocalSearchRequest request;
    request.terms = terms;
    request.conversationIds = QStringList(filter.conversationIds.cbegin(), filter.conversationIds.cend());
    request.senderIds = QStringList(filter.senderIds.cbegin(), filter.senderIds.cend());
    request.before = filter.before;
    request.notBefore = filter.notBefore;
    request.limit = limit;
    m_store->searchMessages(request).then(this, [this, results, add, askServer](const QList<Message> &found) {
        results->localComplete = m_progress.complete();
        add(found);
        askServer();
    });
    return future;
}

} // namespace ringchat::chat
