// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads what the cache holds for the first screen: at start, the conversations, the
// newest message of each and the outbox; then the latest page of each conversation
// when it is shown (asked for once). A page asked for before the start-up read
// comes with it; one asked for during it is read right after it.

#include "api/types.h"
#include "chat/chatcache.h"

#include <QObject>
#include <QSet>

#include <functional>

namespace ringchat::chat {

class CacheReader : public QObject
{
    Q_OBJECT
public:
    // Where what was read goes (called before the signals below).
    struct Hooks
    {
        std::function<void(const ChatCache::Snapshot &snapshot)> snapshot;
        std::function<void(const QString &conversationId, const QList<api::Message> &page)> page;
    };
    struct Sizes
    {
        int startupMessagesPerConversation = 1;
        int latestPageSize = 50;
    };

    // `cache` is read at each use, so it may become null later (sign-out).
    CacheReader(ChatCache *const &cache, Sizes sizes, Hooks hooks, QObject *parent = nullptr);

    // The start-up read; with no cache, loaded() at once.
    void start();
    bool isLoaded() const { return m_loaded; }
    // Asks for the conversation's latest page; true the first time it is asked
    // (false with no cache, or when the start-up read brings enough already).
    bool requestPage(const QString &conversationId);

signals:
    void pageLoaded(const QString &conversationId);
    void loaded();

private:
    void onSnapshot(const ChatCache::Snapshot &snapshot, const QHash<QString, int> &pages);
    void readPage(const QString &conversationId);

    ChatCache *const &m_cache;
    Sizes m_sizes;
    Hooks m_hooks;
    QSet<QString> m_pageRequested;
    bool m_started = false;
    bool m_loaded = false;
};

} // namespace ringchat::chat
