// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/cachereader.h"

#include <QPointer>

#include <limits>

namespace ringchat::chat {

CacheReader::CacheReader(ChatCache *const &cache, Sizes sizes, Hooks hooks, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_sizes(sizes)
    , m_hooks(std::move(hooks))
{
}

void CacheReader::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!m_cache) {
        m_loaded = true;
        emit loaded();
        return;
    }
    // Only the newest message of each conversation: a page of every one would be
    // thousands of messages the first screen does not show. Pages asked for
    // before start() come with it.
    QHash<QString, int> pages;
    for (const QString &id : std::as_const(m_pageRequested))
        pages.insert(id, m_sizes.latestPageSize);
    QPointer<CacheReader> guard(this);
    m_cache->load(m_sizes.startupMessagesPerConversation, pages,
                  [this, guard, pages](const ChatCache::Snapshot &s) {
                      if (guard)
                          onSnapshot(s, pages);
                  });
}

void CacheReader::onSnapshot(const ChatCache::Snapshot &snapshot, const QHash<QString, int> &pages)
{
    m_hooks.snapshot(snapshot);
    for (const QString &id : QStringList(m_pageRequested.begin(), m_pageRequested.end())) {
        if (pages.contains(id))
            emit pageLoaded(id);
        else
            readPage(id); // asked for while the cache was being read
    }
    m_loaded = true;
    emit loaded();
}

bool CacheReader::requestPage(const QString &conversationId)
{
    if (!m_cache || m_sizes.latestPageSize <= m_sizes.startupMessagesPerConversation
        || !api::isValidConversationId(conversationId) || m_pageRequested.contains(conversationId))
        return false;
    m_pageRequested.insert(conversationId);
    if (m_loaded)
        readPage(conversationId);
    // else: the start-up read is running; it asks for the page when done.
    return true;
}

void CacheReader::readPage(const QString &conversationId)
{
    if (!m_cache)
        return;
    QPointer<CacheReader> guard(this);
    m_cache->loadBefore(conversationId, std::numeric_limits<qint64>::max(), m_sizes.latestPageSize,
                        [this, guard, conversationId](const QList<api::Message> &page) {
                            if (!guard || !m_cache)
                                return;
                            m_hooks.page(conversationId, page);
                            emit pageLoaded(conversationId);
                        });
}

} // namespace ringchat::chat
