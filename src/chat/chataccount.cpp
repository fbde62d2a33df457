// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/chataccount.h"

#include "chat/searchservice.h"
#include "chat/storechatcache.h"
#include "store/chatstore.h"

#include <QDir>
#include <QFuture>

namespace ringchat::chat {

QString ChatAccount::filesDirectoryOf(const QString &databasePath)
{
    QString base = databasePath;
    if (base.endsWith(QLatin1StringView(".sqlite")))
        base.chop(7);
    return base + QStringLiteral(".files");
}

ChatAccount::ChatAccount(Options options, auth::AccessTokenSource *tokens)
{
    if (options.withCache) {
        m_store = std::make_unique<store::ChatStore>();
        const QString path
            = store::ChatStore::databasePath(options.serverUrl, options.userId, options.cacheDirectory);
        m_opened = m_store->open(path, options.userId);
        m_cache = std::make_unique<StoreChatCache>(m_store.get());
        // Queued files beside the cache file: the account's own folder, gone with it.
        m_filesDirectory = filesDirectoryOf(path);
        m_receivedDirectory = m_filesDirectory.chopped(6) + QStringLiteral(".received");
        options.service.filesDirectory = m_filesDirectory;
    } else {
        m_opened = QtFuture::makeReadyFuture(true);
    }
    options.service.serverUrl = options.serverUrl;
    m_service = std::make_unique<ChatService>(options.service, tokens, m_cache.get());
    m_search = std::make_unique<SearchService>(m_service.get(), m_store.get());
}

ChatAccount::~ChatAccount()
{
    // The service first (it writes to the cache), then the cache (it flushes to the
    // store), then the store (its destructor waits for the queued writes).
    m_search.reset();
    m_service->stop();
    m_service.reset();
    m_cache.reset();
    if (m_store && m_forgetCache) {
        m_store->destroyDatabase();
        QDir(m_filesDirectory).removeRecursively(); // the queued messages' files go with them
        QDir(m_receivedDirectory).removeRecursively();
    }
    m_store.reset();
}

} // namespace ringchat::chat
