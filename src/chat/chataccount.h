// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One signed-in account's chat, wired the same way by the app (Session) and the CLI:
// the account's cache (one SQLite file per account and server: ChatStore on its
// worker thread), the cache's write-batching front (StoreChatCache), and the chat
// service on top of them.

#include "chat/chatservice.h"

#include <QFuture>
#include <QString>
#include <QUrl>

#include <memory>

namespace ringchat::auth {
class AccessTokenSource;
}
namespace ringchat::store {
class ChatStore;
}

namespace ringchat::chat {

class SearchService;
class StoreChatCache;

class ChatAccount
{
public:
    struct Options
    {
        QUrl serverUrl;
        QString userId;        // whose cache it is (names the file, tells our own messages)
        bool withCache = true; // false: the service alone, nothing on disk
        // The folder of the cache file (ChatStore::databasePath); empty: the platform's place.
        QString cacheDirectory;
        ChatService::Options service; // its serverUrl is set from serverUrl
    };

    // The token source must outlive the account.
    ChatAccount(Options options, auth::AccessTokenSource *tokens);
    // Stops the service, then lets the cache write what it holds and closes the store,
    // which waits for every queued write (or deletes the file after forgetCache()).
    ~ChatAccount();

    ChatAccount(const ChatAccount &) = delete;
    ChatAccount &operator=(const ChatAccount &) = delete;

    ChatService *service() const { return m_service.get(); }
    // Message search: the cache's index (when there is a cache) and the server's.
    SearchService *search() const { return m_search.get(); }
    // The account's cache (null without one): the app keeps the drafts there.
    store::ChatStore *store() const { return m_store.get(); }
    // The store's open(): true once the cache is usable; already true without a cache.
    QFuture<bool> opened() const { return m_opened; }
    // Sign-out: the cache file, and the messages still queued in it (with their
    // files), go with the account.
    void forgetCache() { m_forgetCache = true; }
    // The folder of the queued messages' files of the cache at `databasePath`.
    static QString filesDirectoryOf(const QString &databasePath);
    // The folder of the received files the app keeps (media::FileCache), beside the
    // cache file too; empty without a cache. Gone with the cache at sign-out.
    QString receivedDirectory() const { return m_receivedDirectory; }

private:
    std::unique_ptr<store::ChatStore> m_store;
    std::unique_ptr<StoreChatCache> m_cache;
    std::unique_ptr<ChatService> m_service;
    std::unique_ptr<SearchService> m_search;
    QFuture<bool> m_opened;
    bool m_forgetCache = false;
    QString m_filesDirectory;
    QString m_receivedDirectory;
};

} // namespace ringchat::chat
