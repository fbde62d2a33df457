// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/historyloader.h"

#include "api/restclient.h"
#include "chat/chatcache.h"

#include <QPointer>

#include <limits>

namespace ringchat::chat {

namespace {

// The run of `page` (ascending) that ends right before `beforeSeq`, without a hole.
QList<api::Message> runBefore(const QList<api::Message> &page, qint64 beforeSeq)
{
    qint64 expect = beforeSeq == std::numeric_limits<qint64>::max() ? (page.isEmpty() ? 0 : page.last().seq)
                                                                    : beforeSeq - 1;
    qsizetype first = page.size();
    for (qsizetype i = page.size() - 1; i >= 0 && expect > 0; --i) {
        if (page.at(i).seq > expect)
            continue;
        if (page.at(i).seq != expect)
            break;
        first = i;
        --expect;
    }
    return page.mid(first);
}

// The run of `page` (ascending) that starts right after `afterSeq`, without a hole.
QList<api::Message> runAfter(const QList<api::Message> &page, qint64 afterSeq)
{
    qint64 expect = afterSeq + 1;
    qsizetype end = 0, begin = -1;
    for (qsizetype i = 0; i < page.size(); ++i) {
        if (page.at(i).seq < expect)
            continue;
        if (page.at(i).seq != expect)
            break;
        if (begin < 0)
            begin = i;
        end = i + 1;
        ++expect;
    }
    return begin < 0 ? QList<api::Message>() : page.mid(begin, end - begin);
}

} // namespace

HistoryLoader::HistoryLoader(ChatCache *cache, api::RestClient *rest, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_rest(rest)
{
}

void HistoryLoader::older(const QString &conversationId, qint64 beforeSeq, int limit, Done done)
{
    if (beforeSeq == 1)
        return done(Page { {}, true, true });
    const qint64 before = beforeSeq > 0 ? beforeSeq : std::numeric_limits<qint64>::max();
    if (!m_cache)
        return fromServer(conversationId, true, beforeSeq, limit, {}, std::move(done));
    QPointer<HistoryLoader> guard(this);
    m_cache->loadBefore(
        conversationId, before, limit,
        [this, guard, conversationId, before, limit, done](const QList<api::Message> &cached) {
            if (!guard)
                return;
            // A hole is filled from the server, never skipped.
            const QList<api::Message> run = runBefore(cached, before);
            const bool atStart = !run.isEmpty() && run.first().seq == 1;
            if (run.size() >= limit || atStart)
                return done(Page { run, true, atStart });
            const qint64 cursor = run.isEmpty() ? (before == std::numeric_limits<qint64>::max() ? 0 : before)
                                                : run.first().seq;
            fromServer(conversationId, true, cursor, limit - int(run.size()), run, done);
        });
}

void HistoryLoader::newer(const QString &conversationId, qint64 afterSeq, int limit, Done done)
{
    if (!m_cache)
        return fromServer(conversationId, false, afterSeq, limit, {}, std::move(done));
    QPointer<HistoryLoader> guard(this);
    m_cache->loadAfter(
        conversationId, afterSeq, limit,
        [this, guard, conversationId, afterSeq, limit, done](const QList<api::Message> &cached) {
            if (!guard)
                return;
            const QList<api::Message> run = runAfter(cached, afterSeq);
            if (run.size() >= limit)
                return done(Page { run, true, false });
            // Fewer without a hole: the cache's newest, which is the service's.
            if (run.size() == cached.size())
                return done(Page { run, true, true });
            const qint64 cursor = run.isEmpty() ? afterSeq : run.last().seq;
            fromServer(conversationId, false, cursor, limit - int(run.size()), run, done);
        });
}

void HistoryLoader::around(const QString &conversationId, qint64 seq, int limit, Done done)
{
    const int before = qMax(1, limit / 2 + 1); // seq itself and about half before it
    const int after = qMax(0, limit - before);
    auto fromServer = [this, conversationId, seq, limit, done] {
        QPointer<HistoryLoader> guard(this);
        m_rest->messagesAround(conversationId, seq, limit)
            .then(this, [this, guard, done](const api::ApiResult<api::Page<api::Message>> &r) {
                if (!guard)
                    return;
                if (!r.ok())
                    return done(Page { {}, false, false });
                const QList<api::Message> &items = r.value().items;
                if (m_cache && !items.isEmpty())
                    m_cache->saveMessages(items);
                done(Page { items, true, !r.value().hasMore && !items.isEmpty() });
            });
    };
    if (!m_cache)
        return fromServer();
    QPointer<HistoryLoader> guard(this);
    m_cache->loadBefore(
        conversationId, seq + 1, before,
        [this, guard, conversationId, seq, after, done, fromServer](const QList<api::Message> &upTo) {
            if (!guard)
                return;
            const QList<api::Message> head = runBefore(upTo, seq + 1);
            if (head.isEmpty() || head.last().seq != seq)
                return fromServer(); // the cache does not hold it
            m_cache->loadAfter(conversationId, seq, after,
                               [guard, seq, head, done](const QList<api::Message> &rest) {
                                   if (guard)
                                       done(Page { head + runAfter(rest, seq), true, false });
                               });
        });
}

void HistoryLoader::fromServer(const QString &conversationId, bool before, qint64 cursor, int limit,
                               QList<api::Message> local, Done done)
{
    const auto direction = before ? api::RestClient::Direction::Before : api::RestClient::Direction::After;
    QPointer<HistoryLoader> guard(this);
    m_rest->messages(conversationId, direction, cursor, limit)
        .then(this, [this, guard, before, local, done](const api::ApiResult<api::Page<api::Message>> &r) {
            if (!guard)
                return;
            if (!r.ok())
                return done(Page { local, false, false });
            const api::Page<api::Message> &page = r.value();
            if (m_cache && !page.items.isEmpty())
                m_cache->saveMessages(page.items);
            Page out;
            out.messages = before ? page.items + local : local + page.items;
            out.reachedEnd
                = !page.hasMore || (before && !out.messages.isEmpty() && out.messages.first().seq == 1);
            done(out);
        });
}

} // namespace ringchat::chat
