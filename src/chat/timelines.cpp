// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/timelines.h"

#include <algorithm>

namespace ringchat::chat {

const api::Conversation &Timelines::upsert(const api::Conversation &incoming)
{
    Timeline &t = m_timelines[incoming.id];
    api::Conversation c = incoming;
    if (t.known) {
        // Whatever order the answers came in.
        for (api::Participant &p : c.participants)
            if (const api::Participant *old = t.conversation.participant(p.userId))
                p.lastReadSeq = std::max(p.lastReadSeq, old->lastReadSeq);
        c.lastSeq = std::max(c.lastSeq, t.conversation.lastSeq);
        const auto &held = t.conversation.lastMessage;
        if (held
            && (!c.lastMessage || c.lastMessage->seq < held->seq
                || (c.lastMessage->seq == held->seq && !api::supersedes(*c.lastMessage, *held))))
            c.lastMessage = held;
    }
    if (const api::Participant *me = c.participant(m_ownUserId))
        t.ownMarker = std::max(t.ownMarker, me->lastReadSeq);
    t.conversation = std::move(c);
    t.known = true;
    return t.conversation;
}

QList<api::Conversation> Timelines::conversations() const
{
    QList<api::Conversation> out;
    for (const Timeline &t : m_timelines)
        if (t.known)
            out.append(t.conversation);
    std::sort(out.begin(), out.end(), [](const api::Conversation &a, const api::Conversation &b) {
        const auto ta = a.lastActivity(), tb = b.lastActivity();
        return ta != tb ? ta > tb : a.id < b.id;
    });
    return out;
}

std::optional<api::Conversation> Timelines::conversation(const QString &id) const
{
    auto it = m_timelines.find(id);
    if (it == m_timelines.end() || !it->known)
        return std::nullopt;
    return it->conversation;
}

qint64 Timelines::ownMarker(const QString &conversationId) const
{
    auto it = m_timelines.find(conversationId);
    return it == m_timelines.end() ? 0 : it->ownMarker;
}

Timelines::Ingested Timelines::ingest(const QString &conversationId, const QList<api::Message> &incoming,
                                      Source source, const std::function<bool(const QString &)> &isOwnPending)
{
    Ingested out;
    if (conversationId.isEmpty())
        return out;
    Timeline &t = m_timelines[conversationId];
    out.heldBefore = t.bySeq.empty() ? 0 : t.bySeq.rbegin()->first;
    // Live messages come one at a time and pages in order: then the list is shared as
    // it is, not copied to be sorted.
    const auto bySeq = [](const api::Message &a, const api::Message &b) { return a.seq < b.seq; };
    QList<api::Message> sorted = incoming;
    if (!std::is_sorted(incoming.cbegin(), incoming.cend(), bySeq))
        std::sort(sorted.begin(), sorted.end(), bySeq);

    int newFromOthers = 0, newMentions = 0;
    bool lastMessageChanged = false;
    for (const api::Message &in : std::as_const(sorted)) {
        if (in.conversationId != conversationId || in.seq <= 0)
            continue;
        // One lookup: the held copy, or where the new one goes. A live message goes
        // after the newest: the end, without walking the tree's cold nodes.
        const auto at = !t.bySeq.empty() && in.seq > t.bySeq.rbegin()->first ? t.bySeq.end()
                                                                             : t.bySeq.lower_bound(in.seq);
        if (at != t.bySeq.end() && at->first == in.seq) {
            if (!api::supersedes(in, at->second))
                continue;
            at->second = in;
            at->second.delivery = api::DeliveryState::Sent;
            const api::Message &m = at->second;
            out.changed.append(m);
            if (t.known && t.conversation.lastMessage && t.conversation.lastMessage->seq == m.seq) {
                t.conversation.lastMessage = m;
                lastMessageChanged = true;
            }
            continue;
        }
        api::Message &m = t.bySeq.emplace_hint(at, in.seq, in)->second;
        m.delivery = api::DeliveryState::Sent;
        const bool own = m.senderId == m_ownUserId;
        if (own && isOwnPending && isOwnPending(m.clientId)) {
            // Our message coming back (echo, gap fill or ack). The new rows so far
            // are all that was added before it.
            if (out.merged.isEmpty())
                out.inserted = out.added;
            out.merged.append(m);
        } else if (!out.merged.isEmpty()) {
            out.inserted.append(m);
        }
        out.added.append(m);
        if (!own && m.seq > t.ownMarker) {
            ++newFromOthers;
            newMentions += m.mentionsUser(m_ownUserId) ? 1 : 0;
        }
    }
    if (out.added.isEmpty()) {
        out.conversationChanged = lastMessageChanged;
        return out;
    }
    if (out.merged.isEmpty()) // every added message is a new row: one list, not two copies
        out.inserted = out.added;

    const api::Message &newest = t.bySeq.rbegin()->second;
    if (t.known && (!t.conversation.lastMessage || t.conversation.lastMessage->seq < newest.seq)) {
        t.conversation.lastMessage = newest;
        t.conversation.updatedAt = std::max(t.conversation.updatedAt, newest.timestamp);
    }
    if (t.known && newest.seq > t.conversation.lastSeq) {
        t.conversation.lastSeq = newest.seq;
        if (source == Source::Live || source == Source::Server) {
            t.conversation.unreadCount += newFromOthers;
            t.conversation.unreadMentionCount += newMentions;
        }
    }
    // Bounded memory: new messages push the oldest out. Pages read backwards on
    // purpose (neither live nor newer) are kept.
    if (out.added.last().seq >= out.heldBefore && m_maxHeld > 0) {
        while (t.bySeq.size() > size_t(m_maxHeld))
            t.bySeq.erase(t.bySeq.begin());
    }
    out.conversationChanged = t.known;
    if (source == Source::Live) {
        // Never loaded: the latest page is missing. Otherwise everything after what we held.
        const qint64 lowestNew = out.added.first().seq;
        out.gap = out.heldBefore > 0 ? lowestNew > out.heldBefore + 1 : lowestNew > 1;
    }
    return out;
}

QList<api::Message> Timelines::messages(const QString &conversationId) const
{
    QList<api::Message> out;
    auto it = m_timelines.find(conversationId);
    if (it == m_timelines.end())
        return out;
    out.reserve(qsizetype(it->bySeq.size()));
    for (const auto &[seq, m] : it->bySeq) {
        out.append(m);
        out.last().delivery = deliveryState(m);
    }
    return out;
}

std::optional<api::Message> Timelines::message(const QString &conversationId, qint64 seq) const
{
    auto it = m_timelines.find(conversationId);
    if (it == m_timelines.end())
        return std::nullopt;
    auto m = it->bySeq.find(seq);
    if (m == it->bySeq.end())
        return std::nullopt;
    api::Message copy = m->second;
    copy.delivery = deliveryState(copy);
    return copy;
}

std::optional<api::Message> Timelines::find(const QString &conversationId, const QString &key) const
{
    auto it = m_timelines.find(conversationId);
    if (it == m_timelines.end() || key.isEmpty())
        return std::nullopt;
    for (const auto &[seq, m] : it->bySeq) {
        if (m.id == key || (m.clientId == key && m.senderId == m_ownUserId)) {
            api::Message copy = m;
            copy.delivery = deliveryState(copy);
            return copy;
        }
    }
    return std::nullopt;
}

bool Timelines::isUnheldChange(const QString &conversationId, const api::Message &message) const
{
    auto it = m_timelines.find(conversationId);
    if (it == m_timelines.end() || it->bySeq.empty())
        return false;
    return message.seq < it->bySeq.rbegin()->first && !it->bySeq.count(message.seq);
}

qint64 Timelines::lowestHeldSeq(const QString &conversationId) const
{
    auto it = m_timelines.find(conversationId);
    return it == m_timelines.end() || it->bySeq.empty() ? 0 : it->bySeq.begin()->first;
}

qint64 Timelines::highestHeldSeq(const QString &conversationId) const
{
    auto it = m_timelines.find(conversationId);
    return it == m_timelines.end() || it->bySeq.empty() ? 0 : it->bySeq.rbegin()->first;
}

Timelines::MarkerMoved Timelines::applyReadMarker(const QString &conversationId, const QString &userId,
                                                  qint64 lastReadSeq, const QDateTime &readAt)
{
    MarkerMoved out;
    auto it = m_timelines.find(conversationId);
    if (it == m_timelines.end() || userId.isEmpty())
        return out;
    qint64 old = 0;
    bool found = false;
    for (api::Participant &p : it->conversation.participants) {
        if (p.userId != userId)
            continue;
        found = true;
        old = p.lastReadSeq;
        if (lastReadSeq <= old)
            return out;
        p.lastReadSeq = lastReadSeq;
        if (readAt.isValid())
            p.lastReadAt = readAt;
    }
    if (!found)
        return out;
    out.moved = true;
    out.own = userId == m_ownUserId;
    if (out.own) {
        it->ownMarker = std::max(it->ownMarker, lastReadSeq);
        recomputeUnread(*it);
        return out;
    }
    // Our messages in (old, new] may have become read.
    for (auto m = it->bySeq.upper_bound(old); m != it->bySeq.end() && m->first <= lastReadSeq; ++m) {
        if (m->second.senderId != m_ownUserId)
            continue;
        out.becameRead.append(m->second);
        out.becameRead.last().delivery = deliveryState(m->second);
    }
    return out;
}

void Timelines::recomputeUnread(Timeline &t) const
{
    int unread = 0, mentions = 0;
    qint64 counted = 0;
    for (auto m = t.bySeq.upper_bound(t.ownMarker); m != t.bySeq.end(); ++m) {
        ++counted;
        if (m->second.senderId != m_ownUserId) {
            ++unread;
            mentions += m->second.mentionsUser(m_ownUserId) ? 1 : 0;
        }
    }
    // Messages after the marker that we do not hold count as unread.
    const qint64 notHeld = std::max<qint64>(0, t.conversation.lastSeq - t.ownMarker - counted);
    t.conversation.unreadCount = int(unread + notHeld);
    // Mentions among those not held are unknown here: the server's count, never above
    // what is unread (its conversation_updated after mark_read brings the exact one).
    t.conversation.unreadMentionCount = notHeld == 0
        ? mentions
        : std::max(mentions, std::min(t.conversation.unreadMentionCount, int(notHeld) + mentions));
}

QStringList Timelines::readers(const QString &conversationId, qint64 seq) const
{
    QStringList out;
    auto it = m_timelines.find(conversationId);
    if (it == m_timelines.end())
        return out;
    auto m = it->bySeq.find(seq);
    // Unknown message: count everyone but us.
    const QString sender = m != it->bySeq.end() ? m->second.senderId : m_ownUserId;
    for (const api::Participant &p : it->conversation.participants)
        if (p.userId != sender && p.lastReadSeq >= seq)
            out.append(p.userId);
    return out;
}

api::DeliveryState Timelines::deliveryState(const api::Message &m) const
{
    if (m.senderId != m_ownUserId)
        return api::DeliveryState::Sent;
    return readers(m.conversationId, m.seq).isEmpty() ? api::DeliveryState::Sent : api::DeliveryState::Read;
}

} // namespace ringchat::chat
