// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/searchmerge.h"

#include <algorithm>

namespace ringchat::chat {

using api::Message;

namespace {

// The results' order: newest first, by timestamp; within one millisecond by seq (the
// server's order in one conversation), then id.
bool newerThan(const Message &a, const Message &b)
{
    if (a.timestamp != b.timestamp)
        return a.timestamp > b.timestamp;
    return a.seq != b.seq ? a.seq > b.seq : a.id > b.id;
}

} // namespace

bool SearchFilter::accepts(const Message &m) const
{
    return !m.isDeleted() && (conversationIds.isEmpty() || conversationIds.contains(m.conversationId))
        && (senderIds.isEmpty() || senderIds.contains(m.senderId))
        && (!before.isValid() || (m.timestamp.isValid() && m.timestamp < before))
        && (!notBefore.isValid() || (m.timestamp.isValid() && m.timestamp >= notBefore));
}

SearchMerge::SearchMerge(SearchFilter filter, QStringList terms)
    : m_filter(std::move(filter))
    , m_terms(std::move(terms))
{
}

void SearchMerge::addLocal(const QList<Message> &found)
{
    for (const Message &m : found) {
        if (!m_filter.accepts(m))
            continue;
        const auto it = m_messages.constFind(m.id);
        if (it == m_messages.constEnd() || api::supersedes(m, *it))
            m_messages.insert(m.id, m);
    }
}

void SearchMerge::addServerPage(const QList<Message> &found, const QString &cursor)
{
    addLocal(found);
    // The server's oldest hit, filtered or not, is how far its pages reach.
    for (const Message &m : found)
        if (!m_serverOldest || newerThan(*m_serverOldest, m))
            m_serverOldest = m;
    // A page that adds nothing, or the same cursor again, would page forever.
    m_cursor = found.isEmpty() || cursor == m_cursor ? QString() : cursor;
}

QList<SearchResult> SearchMerge::hits() const
{
    QList<Message> list;
    list.reserve(m_messages.size());
    for (const Message &m : m_messages)
        if (!serverHasMore() || !m_serverOldest || !newerThan(*m_serverOldest, m))
            list.append(m);
    std::sort(list.begin(), list.end(), newerThan);
    QList<SearchResult> out;
    out.reserve(list.size());
    for (const Message &m : list)
        out.append({ m, store::searchHitRanges(m.content, m_terms) });
    return out;
}

} // namespace ringchat::chat
