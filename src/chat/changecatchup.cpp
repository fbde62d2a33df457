// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/changecatchup.h"

#include "api/restclient.h"

#include <QLoggingCategory>
#include <QPointer>

Q_DECLARE_LOGGING_CATEGORY(lcChat)

namespace ringchat::chat {

ChangeCatchUp::ChangeCatchUp(api::RestClient *rest, Deliver deliver, Persist persist, QObject *parent,
                             int pageSize)
    : QObject(parent)
    , m_rest(rest)
    , m_deliver(std::move(deliver))
    , m_persist(std::move(persist))
    , m_pageSize(pageSize)
{
}

void ChangeCatchUp::restore(const QHash<QString, qint64> &revs)
{
    for (auto it = revs.cbegin(); it != revs.cend(); ++it) {
        qint64 &held = m_synced[it.key()];
        held = qMax(held, it.value());
    }
}

void ChangeCatchUp::advance(const QString &conversationId, qint64 rev)
{
    qint64 &held = m_synced[conversationId];
    if (rev <= held)
        return;
    held = rev;
    m_persist(conversationId, rev);
}

void ChangeCatchUp::startAt(const QString &conversationId, qint64 rev)
{
    advance(conversationId, rev);
}

void ChangeCatchUp::noteLive(const QString &conversationId, qint64 rev)
{
    // A later rev with a hole before it waits for the catch-up, which covers both.
    if (rev > 0 && rev == syncedRev(conversationId) + 1)
        advance(conversationId, rev);
}

void ChangeCatchUp::catchUp(const QString &conversationId, qint64 serverRev, std::function<void()> done)
{
    if (serverRev <= syncedRev(conversationId)) { // nothing missed, or a v1 server (rev 0)
        if (done)
            done();
        return;
    }
    auto it = m_waiters.find(conversationId);
    if (it != m_waiters.end()) { // queued or running already: it answers both
        it->append(std::move(done));
        return;
    }
    m_waiters.insert(conversationId, { std::move(done) });
    m_queue.enqueue(conversationId);
    if (!m_running)
        next();
}

void ChangeCatchUp::next()
{
    if (m_queue.isEmpty()) {
        m_running = false;
        return;
    }
    m_running = true;
    const QString conversationId = m_queue.dequeue();
    fetchPage(conversationId, syncedRev(conversationId));
}

void ChangeCatchUp::fetchPage(const QString &conversationId, qint64 since)
{
    QPointer<ChangeCatchUp> guard(this);
    m_rest->changes(conversationId, since, m_pageSize)
        .then(this, [this, guard, conversationId, since](const api::ApiResult<api::Page<api::Message>> &r) {
            if (!guard)
                return;
            if (!r.ok()) {
                // 404: a v1 server, which has no changes to give. Anything else: the
                // next reconnect asks again from the same synced rev.
                if (r.error().httpStatus != 404)
                    qCWarning(lcChat) << "changes of" << conversationId << "failed:" << r.error().message;
                return finish(conversationId);
            }
            const api::Page<api::Message> &page = r.value();
            qint64 last = since;
            for (const api::Message &m : page.items)
                last = qMax(last, m.rev);
            bool ok = false;
            const qint64 cursor = page.cursor.toLongLong(&ok);
            if (ok)
                last = qMax(last, cursor);
            if (!page.items.isEmpty())
                m_deliver(conversationId, page.items);
            advance(conversationId, last);
            // On while the server has more and the cursor moves (a stuck one would loop).
            if (page.hasMore && last > since)
                return fetchPage(conversationId, last);
            finish(conversationId);
        });
}

void ChangeCatchUp::finish(const QString &conversationId)
{
    const QList<std::function<void()>> waiters = m_waiters.take(conversationId);
    for (const auto &done : waiters)
        if (done)
            done();
    next();
}

} // namespace ringchat::chat
