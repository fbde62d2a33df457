// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One test user's app: a ChatService on its own cache (a real SQLite file), as the app makes it.
// Header only, for the tests that link RingChat::Core (the chat and app tests).

#include "auth/accesstokensource.h"
#include "chat/chatservice.h"
#include "chat/storechatcache.h"
#include "store/chatstore.h"

#include <QDeadlineTimer>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QtCore/qtestsupport_core.h> // QTest::qWaitFor, without QtTest

#include <memory>

// Hands out tokens in order; refreshing moves to the next one (like a session would).
class TokenList final : public ringchat::auth::AccessTokenSource
{
public:
    explicit TokenList(QStringList tokens)
        : m_tokens(std::move(tokens))
    {
    }
    QString accessToken() const override { return m_tokens.value(m_index); }
    void refreshAccessToken(RefreshDone done) override
    {
        ++refreshes;
        const bool ok = m_index + 1 < m_tokens.size();
        if (ok)
            ++m_index;
        QTimer::singleShot(0, [done, ok] { done(ok, ok ? QString() : QStringLiteral("no more tokens")); });
    }
    int refreshes = 0;

private:
    QStringList m_tokens;
    int m_index = 0;
};

struct ChatClient
{
    ChatClient(const QUrl &server, const QString &userId, QStringList tokens, const QString &dataDir,
               ringchat::chat::ChatService::Options options = fastOptions())
        : tokens(std::move(tokens))
        , databasePath(ringchat::store::ChatStore::databasePath(server, userId, dataDir))
    {
        store = std::make_unique<ringchat::store::ChatStore>();
        store->open(databasePath, userId);
        cache = std::make_unique<ringchat::chat::StoreChatCache>(store.get());
        options.serverUrl = server;
        service = std::make_unique<ringchat::chat::ChatService>(options, &this->tokens, cache.get());
    }
    ~ChatClient()
    {
        service.reset();
        cache.reset();
        if (store) {
            // After every queued write; bounded, so a stuck store fails here, by name.
            const QFuture<void> closed = store->close();
            const QDeadlineTimer deadline(30000);
            while (!closed.isFinished() && !deadline.hasExpired())
                QThread::msleep(5);
            if (!closed.isFinished())
                qFatal("ChatClient: the store %s did not close within 30 s", qPrintable(databasePath));
        }
        store.reset();
    }

    static ringchat::chat::ChatService::Options fastOptions()
    {
        ringchat::chat::ChatService::Options o;
        o.reconnectInitialMs = 200;
        o.reconnectMaxMs = 1000;
        o.watchNetwork = false;
        o.typingExpiryMs = 1500;
        return o;
    }

    ringchat::chat::ChatService *operator->() const { return service.get(); }

    // Opens the conversation, starts, and waits until synced and holding at least
    // minMessages of it (the reference server seeds three in each conversation).
    bool startSynced(const QString &conversationId, int minMessages = 0, int timeoutMs = 20000)
    {
        service->openConversation(conversationId);
        service->start();
        return QTest::qWaitFor(
            [&] { return service->isSynced() && service->messages(conversationId).size() >= minMessages; },
            timeoutMs);
    }

    TokenList tokens;
    QString databasePath;
    std::unique_ptr<ringchat::store::ChatStore> store;
    std::unique_ptr<ringchat::chat::StoreChatCache> cache;
    std::unique_ptr<ringchat::chat::ChatService> service;
};
