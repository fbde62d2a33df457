// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/timelinewriter.h"

#include "chat/chatcache.h"

namespace ringchat::chat {

TimelineWriter::TimelineWriter(Timelines *timelines, ChatCache *cache, Hooks hooks, QObject *parent)
    : QObject(parent)
    , m_timelines(timelines)
    , m_cache(cache)
    , m_hooks(std::move(hooks))
{
    if (!m_hooks.overlaid)
        m_hooks.overlaid = [](api::Message m) { return m; };
}

void TimelineWriter::upsertConversation(const api::Conversation &incoming, bool fromServer)
{
    const api::Conversation &c = m_timelines->upsert(incoming);
    emit ownMarkerKnown(c.id, m_timelines->ownMarker(c.id));
    emit conversationHeld(c, fromServer);
    if (fromServer && m_cache)
        m_cache->saveConversations({ c });
    announceConversation(c.id);
}

QList<api::Message> TimelineWriter::ingest(const QString &conversationId, const QList<api::Message> &incoming,
                                           Timelines::Source source)
{
    const Timelines::Ingested r = m_timelines->ingest(conversationId, incoming, source, m_hooks.isOwnPending);
    if ((source == Timelines::Source::Live || source == Timelines::Source::Server) && m_cache) {
        if (!r.added.isEmpty())
            m_cache->saveMessages(r.added);
        if (!r.changed.isEmpty())
            m_cache->saveChanges(r.changed);
    }
    if (!r.changed.isEmpty())
        emit messagesChanged(conversationId, overlaid(r.changed));
    if (r.added.isEmpty()) {
        if (r.conversationChanged)
            announceConversation(conversationId);
        return {};
    }
    if (!r.inserted.isEmpty())
        emit messagesInserted(conversationId, r.inserted);
    for (const api::Message &m : r.merged)
        emit messageUpdated(conversationId, m_hooks.overlaid(m));
    if (r.conversationChanged)
        announceConversation(conversationId);
    if (r.gap)
        emit gapFound(conversationId, r.heldBefore);
    return r.added;
}

void TimelineWriter::applyChanges(const QString &conversationId, const QList<api::Message> &changes)
{
    QList<api::Message> held, unheld;
    for (const api::Message &m : changes)
        (m_timelines->isUnheldChange(conversationId, m) ? unheld : held).append(m);
    if (!held.isEmpty())
        ingest(conversationId, held, Timelines::Source::Live);
    if (unheld.isEmpty())
        return;
    if (m_cache)
        m_cache->saveChanges(unheld);
    emit messagesChanged(conversationId, overlaid(unheld));
}

void TimelineWriter::applyReadMarker(const QString &conversationId, const QString &userId, qint64 lastReadSeq,
                                     const QDateTime &readAt)
{
    const Timelines::MarkerMoved r
        = m_timelines->applyReadMarker(conversationId, userId, lastReadSeq, readAt);
    if (!r.moved)
        return;
    if (r.own)
        emit ownMarkerKnown(conversationId, lastReadSeq);
    for (const api::Message &m : r.becameRead)
        emit messageUpdated(conversationId, m);
    if (m_cache)
        m_cache->saveConversations({ *m_timelines->conversation(conversationId) });
    emit readMarkersChanged(conversationId);
    announceConversation(conversationId);
}

QList<api::Message> TimelineWriter::overlaid(QList<api::Message> messages) const
{
    for (api::Message &m : messages)
        m = m_hooks.overlaid(std::move(m));
    return messages;
}

void TimelineWriter::announceConversation(const QString &conversationId)
{
    emit conversationChanged(conversationId);
    emit conversationsChanged();
}

} // namespace ringchat::chat
