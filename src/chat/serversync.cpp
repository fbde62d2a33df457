// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/serversync.h"

#include "api/restclient.h"
#include "chat/changecatchup.h"
#include "chat/gapfiller.h"
#include "chat/timelines.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcChat)

namespace ringchat::chat {

ServerSync::ServerSync(api::RestClient *rest, const Timelines *timelines, Hooks hooks, int latestPageSize,
                       int gapPageSize, QObject *parent)
    : QObject(parent)
    , m_rest(rest)
    , m_timelines(timelines)
    , m_hooks(std::move(hooks))
    , m_gapFiller(new GapFiller(rest, m_hooks.messages, this, gapPageSize))
    , m_changes(new ChangeCatchUp(rest, m_hooks.changes, m_hooks.syncedRevMoved, this, gapPageSize))
    , m_latestPageSize(latestPageSize)
{
}

void ServerSync::restoreSyncedRevs(const QHash<QString, qint64> &revs)
{
    m_changes->restore(revs);
}

qint64 ServerSync::syncedRev(const QString &conversationId) const
{
    return m_changes->syncedRev(conversationId);
}

void ServerSync::noteLiveRev(const QString &conversationId, qint64 rev)
{
    m_changes->noteLive(conversationId, rev);
}

void ServerSync::start()
{
    m_online = true;
    const quint64 generation = ++m_generation;
    QPointer<ServerSync> guard(this);
    m_rest->allConversations().then(
        this, [this, guard, generation](const api::ApiResult<QList<api::Conversation>> &r) {
            if (!guard || generation != m_generation)
                return;
            if (!r.ok()) {
                qCWarning(lcChat) << "conversation list failed:" << r.error().message;
                // Synced with what we have anyway (the outbox can send), and the list again shortly.
                finish(generation);
                QTimer::singleShot(5000, this, [this, generation] {
                    if (generation == m_generation)
                        start();
                });
                return;
            }
            m_hooks.conversations(r.value());
            QHash<QString, qint64> serverRevs;
            for (const api::Conversation &c : r.value())
                serverRevs.insert(c.id, c.rev);
            // Synced when every fill and catch-up has answered: the last copy of `allDone` goes.
            auto allDone = std::shared_ptr<void>(nullptr, [this, guard, generation](void *) {
                if (guard)
                    finish(generation);
            });
            for (const QString &id : m_timelines->ids()) {
                const qint64 held = m_timelines->highestHeldSeq(id);
                const auto c = m_timelines->conversation(id);
                if (held > 0 ? (c && c->lastSeq > held) : m_hooks.wantsLatest(id))
                    fill(id, held, [allDone] {});
                // The fill and the catch-up may overlap: both apply the rev rule, so
                // either order ends in the server's state.
                if (held > 0)
                    m_changes->catchUp(id, serverRevs.value(id), [allDone] {});
                else
                    m_changes->startAt(id, serverRevs.value(id));
            }
        });
}

void ServerSync::stop()
{
    m_online = false;
    ++m_generation;
}

void ServerSync::finish(quint64 generation)
{
    if (generation == m_generation && m_online)
        emit synced();
}

void ServerSync::fillAll()
{
    for (const QString &id : m_timelines->ids())
        if (const qint64 held = m_timelines->highestHeldSeq(id); held > 0)
            fill(id, held);
}

void ServerSync::fill(const QString &conversationId, qint64 afterSeq, std::function<void()> done)
{
    if (m_fillQueued.contains(conversationId) || !m_online)
        return;
    m_fillQueued.insert(conversationId);
    QPointer<ServerSync> guard(this);
    auto finished = [guard, conversationId, done](bool, const QString &) {
        if (guard)
            guard->m_fillQueued.remove(conversationId);
        if (done)
            done();
    };
    if (afterSeq > 0)
        m_gapFiller->fillAfter(conversationId, afterSeq, finished);
    else
        m_gapFiller->loadLatest(conversationId, m_latestPageSize, finished);
}

} // namespace ringchat::chat
