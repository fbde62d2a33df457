// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/gapfiller.h"

#include "api/restclient.h"

#include <QPointer>

namespace ringchat::chat {

GapFiller::GapFiller(api::RestClient *rest, Deliver deliver, QObject *parent, int pageSize)
    : QObject(parent)
    , m_rest(rest)
    , m_deliver(std::move(deliver))
    , m_pageSize(pageSize)
{
}

void GapFiller::fillAfter(const QString &conversationId, qint64 afterSeq, Done done)
{
    m_jobs.enqueue(Job { conversationId, afterSeq, false, 0, std::move(done) });
    if (!m_running)
        next();
}

void GapFiller::loadLatest(const QString &conversationId, int limit, Done done)
{
    m_jobs.enqueue(Job { conversationId, 0, true, limit, std::move(done) });
    if (!m_running)
        next();
}

void GapFiller::next()
{
    if (m_jobs.isEmpty()) {
        m_running = false;
        return;
    }
    m_running = true;
    Job job = m_jobs.dequeue();
    fetchPage(std::move(job), -1);
}

void GapFiller::fetchPage(Job job, qint64 cursor)
{
    const auto direction
        = job.latest ? api::RestClient::Direction::Before : api::RestClient::Direction::After;
    const qint64 from = cursor >= 0 ? cursor : job.afterSeq;
    const int limit = job.latest ? job.limit : m_pageSize;
    QPointer<GapFiller> guard(this);
    m_rest->messages(job.conversationId, direction, from, limit)
        .then(this, [this, guard, job](const api::ApiResult<api::Page<api::Message>> &r) mutable {
            if (!guard)
                return;
            if (!r.ok()) {
                if (job.done)
                    job.done(false, r.error().message);
                return next();
            }
            const auto &page = r.value();
            if (!page.items.isEmpty())
                m_deliver(job.conversationId, page.items);
            bool ok = false;
            const qint64 nextCursor = page.cursor.toLongLong(&ok);
            const qint64 lastSeq = page.items.isEmpty() ? -1 : page.items.last().seq;
            // Keep paging forward while the server has more and we are making progress.
            if (!job.latest && page.hasMore && !page.items.isEmpty()) {
                const qint64 c = ok ? nextCursor : lastSeq;
                if (c > (job.afterSeq)) {
                    job.afterSeq = c;
                    return fetchPage(std::move(job), c);
                }
            }
            if (job.done)
                job.done(true, QString());
            next();
        });
}

} // namespace ringchat::chat
