// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// REST client for docs/protocol.md section 5.
//
// Every call returns a QFuture that finishes on the GUI thread (the thread the
// client lives in) with an ApiResult: the value, or an ApiError with a sentence.
// Consume it with .then(context, ...):
//
//     client->me().then(this, [this](const api::ApiResult<api::User> &r) {
//         if (!r.ok()) return showError(r.error().message);
//         ...
//     });
//
// Behaviour shared by every call:
//  - Authorization: Bearer <AccessTokenSource::accessToken()>.
//  - 401: refreshes through the token source and retries once; if that fails the
//    result is ApiError::Kind::Unauthorized.
//  - 429: waits Retry-After and retries (at most twice, and only if the wait is
//    at most maxRateLimitWait()); otherwise ApiError::Kind::RateLimited with
//    retryAfterSeconds set.
//  - Timeout (default 30 s per attempt): ApiError::Kind::Timeout.
//  - http:// is refused for servers that are not on loopback (InsecureUrl).
//  - Destroying the client finishes all pending futures with Kind::Cancelled.

#include "api/apiresult.h"
#include "api/searchhit.h"
#include "api/types.h"

#include <QFuture>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace ringchat::auth {
class AccessTokenSource;
}

namespace ringchat::api {

class RestClient : public QObject
{
    Q_OBJECT

public:
    enum class Direction { Before, After };

    // serverUrl is the server's base URL (e.g. https://chat.example.org). The
    // token source must outlive the client (it may be null: no Authorization).
    RestClient(const QUrl &serverUrl, auth::AccessTokenSource *tokens, QObject *parent = nullptr);
    ~RestClient() override;

    QUrl serverUrl() const { return m_serverUrl; }

    // Per attempt, from sending the request to the last byte of the answer.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }
    // Longest Retry-After the client waits by itself on 429 (default 10 s).
    void setMaxRateLimitWait(std::chrono::seconds wait) { m_maxRateLimitWait = wait; }
    std::chrono::seconds maxRateLimitWait() const { return m_maxRateLimitWait; }

    // True for https://, and for http:// to localhost / 127.0.0.0/8 / ::1.
    static bool isAllowedServerUrl(const QUrl &url, QString *error = nullptr);

    // For the file transfers (filetransfer.h), which stream rather than answer JSON:
    // a request for `path` on the server with the bearer token in its Authorization
    // header (the one place the token is put on a request), the network they go
    // through (no redirects followed) and the token source (for a refresh).
    QNetworkRequest request(const QString &path, const QUrlQuery &query = {}) const;
    QNetworkAccessManager *network() const { return m_network; }
    auth::AccessTokenSource *tokens() const { return m_tokens; }

    // GET /api/me
    QFuture<ApiResult<User>> me();
    // GET /api/users?query=&limit=
    QFuture<ApiResult<QList<User>>> searchUsers(const QString &query, int limit = 20);
    // GET /api/conversations?limit=&cursor= : one page.
    QFuture<ApiResult<Page<Conversation>>> conversations(int limit = 50, const QString &cursor = {});
    // Every page of GET /api/conversations, concatenated (fails if any page fails).
    QFuture<ApiResult<QList<Conversation>>> allConversations(int pageSize = 200);
    // POST /api/conversations. A direct chat with the same user is returned, not duplicated.
    QFuture<ApiResult<Conversation>>
    createConversation(Conversation::Type type, const QStringList &participantIds, const QString &title = {});
    // GET /api/conversations/:id/messages?limit=&cursor=&direction=
    // cursorSeq <= 0 omits the cursor (Before: the latest messages; After: from the start).
    // Items are ascending by seq. Page::cursor is the seq to pass for the next page.
    QFuture<ApiResult<Page<Message>>> messages(const QString &conversationId, Direction direction,
                                               qint64 cursorSeq = 0, int limit = 50);
    // GET /api/conversations/:id/changes?since=&limit= (contract v2): the messages changed
    // after rev `since`, each in its current state, ascending by rev. Page::cursor is the
    // rev to pass next. A v1 server answers 404 (ApiError::httpStatus).
    QFuture<ApiResult<Page<Message>>> changes(const QString &conversationId, qint64 sinceRev,
                                              int limit = 200);
    // GET /api/conversations/:id/messages?around=&limit= (contract v2): ascending by seq,
    // the message at `seq` included, about half of them before it. Page::hasMore: the
    // server said more follow after the page (pagination.hasMoreAfter; false when unsaid).
    QFuture<ApiResult<Page<Message>>> messagesAround(const QString &conversationId, qint64 seq,
                                                     int limit = 50);
    // GET /api/search/messages?q=&conversationId=&limit=&cursor= (contract v2): the hits in
    // the caller's conversations (or in conversationId), newest first. Page::cursor is
    // opaque, for the next page. q must have 1 to 200 characters.
    QFuture<ApiResult<Page<SearchHit>>> searchMessages(const QString &query,
                                                       const QString &conversationId = {}, int limit = 50,
                                                       const QString &cursor = {});
    // PUT /api/conversations/:id/settings (contract v2): my notification level and mute
    // for it (a null mutedUntil unmutes); answers the conversation as it now is.
    QFuture<ApiResult<Conversation>> putSettings(const QString &conversationId,
                                                 const NotifySettings &settings);
    // POST /api/conversations/:id/messages. Idempotent per clientId.
    QFuture<ApiResult<Message>> sendMessage(const QString &conversationId, const QString &clientId,
                                            const QString &content, Message::Type type = Message::Type::Text,
                                            const QString &replyTo = {});

private:
    struct Request
    {
        QByteArray verb;
        QString path;
        QUrlQuery query;
        QByteArray body;
        bool authRetried = false;
        int rateLimitRetries = 0;
    };
    // The parsed JSON body of a 2xx answer (its "data" and "pagination").
    struct Response
    {
        QJsonValue data;
        QJsonObject pagination;
    };
    using Done = std::function<void(const ApiError &error, const Response &response)>;

    void send(Request request, Done done);
    void attempt(quint64 id, Request request);
    void finished(quint64 id, QNetworkReply *reply, Request request);
    void complete(quint64 id, const ApiError &error, const Response &response = {});
    template <typename T, typename Parse> QFuture<ApiResult<T>> call(Request request, Parse parse);
    void collectConversations(int pageSize, QString cursor, QList<Conversation> soFar,
                              std::function<void(ApiResult<QList<Conversation>>)> done);

    QUrl m_serverUrl;
    auth::AccessTokenSource *m_tokens = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    std::chrono::milliseconds m_timeout { 30000 };
    std::chrono::seconds m_maxRateLimitWait { 10 };
    // Logical requests (across retries) by id, and the reply of the current attempt.
    quint64 m_nextId = 0;
    QHash<quint64, Done> m_inflight;
    QHash<quint64, QNetworkReply *> m_replies;
};

} // namespace ringchat::api
