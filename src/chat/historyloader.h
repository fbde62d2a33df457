// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one history path, for the message models and the CLI alike: a page of
// older (or newer) messages from the cache when it holds them without a gap,
// else from the server; and the page around a message (a jump to it). Pages
// that come from the server are written to the cache, so the next read of them
// is local.

#include "models/messagehistory.h"

#include <QObject>

namespace ringchat::api {
class RestClient;
}

namespace ringchat::chat {

class ChatCache;

class HistoryLoader : public QObject, public models::MessageHistory
{
    Q_OBJECT
public:
    // The cache may be null (then every page comes from the server).
    HistoryLoader(ChatCache *cache, api::RestClient *rest, QObject *parent = nullptr);

    // Sign-out: the cache is gone.
    void forgetCache() { m_cache = nullptr; }

    void older(const QString &conversationId, qint64 beforeSeq, int limit, Done done) override;
    void newer(const QString &conversationId, qint64 afterSeq, int limit, Done done) override;
    // The cache when it holds seq with the run around it, else messages?around= (cached).
    void around(const QString &conversationId, qint64 seq, int limit, Done done) override;

private:
    // The rest of a page from the server, after `local` (what the cache had).
    void fromServer(const QString &conversationId, bool before, qint64 cursor, int limit,
                    QList<api::Message> local, Done done);

    ChatCache *m_cache;
    api::RestClient *m_rest;
};

} // namespace ringchat::chat
