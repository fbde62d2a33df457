// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/restclient.h"

#include "api/replyfailure.h"
#include "core/transportsecurity.h"

#include "auth/accesstokensource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QPromise>
#include <QSslError>
#include <QTimer>

#include <memory>

Q_LOGGING_CATEGORY(lcRest, "ringchat.api.rest")

namespace ringchat::api {

namespace {

// Retry-After is either delta-seconds or an HTTP date.
int retryAfterSeconds(const QByteArray &header)
{
    bool ok = false;
    const int seconds = header.trimmed().toInt(&ok);
    if (ok)
        return qMax(0, seconds);
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(header.trimmed()), Qt::RFC2822Date);
    if (when.isValid())
        return int(qMax<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(when)));
    return 1;
}

template <typename T> std::optional<T> parseObject(const QJsonValue &value, QString *error)
{
    if (!value.isObject()) {
        *error = QStringLiteral("\"data\" is not an object.");
        return std::nullopt;
    }
    return T::fromJson(value.toObject(), error);
}

template <typename T> std::optional<QList<T>> parseArray(const QJsonValue &value, QString *error)
{
    if (!value.isArray()) {
        *error = QStringLiteral("\"data\" is not an array.");
        return std::nullopt;
    }
    return listFromJson<T>(value.toArray(), error);
}

QString cursorText(const QJsonValue &cursor)
{
    if (cursor.isString())
        return cursor.toString();
    if (cursor.isDouble())
        return QString::number(qint64(cursor.toDouble()));
    return {};
}

} // namespace

RestClient::RestClient(const QUrl &serverUrl, auth::AccessTokenSource *tokens, QObject *parent)
    : QObject(parent)
    , m_serverUrl(serverUrl)
    , m_tokens(tokens)
    , m_network(new QNetworkAccessManager(this))
{
    // Redirects could carry the bearer token to another host: never follow them.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

RestClient::~RestClient()
{
    // Finish every pending future so no caller waits forever.
    const auto replies = m_replies;
    m_replies.clear();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
    }
    const auto inflight = std::exchange(m_inflight, {});
    ApiError cancelled { ApiError::Kind::Cancelled, 0, {}, QStringLiteral("The request was cancelled."), 0 };
    for (const Done &done : inflight)
        done(cancelled, {});
}

bool RestClient::isAllowedServerUrl(const QUrl &url, QString *error)
{
    return isSecureTransport(url, error);
}

void RestClient::send(Request request, Done done)
{
    const quint64 id = ++m_nextId;
    m_inflight.insert(id, std::move(done));
    QString error;
    if (!isAllowedServerUrl(m_serverUrl, &error)) {
        // Finish asynchronously like every other outcome.
        QTimer::singleShot(0, this, [this, id, error] {
            complete(id, ApiError { ApiError::Kind::InsecureUrl, 0, {}, error, 0 });
        });
        return;
    }
    attempt(id, std::move(request));
}

QNetworkRequest RestClient::request(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_serverUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + path);
    url.setQuery(query);
    QNetworkRequest nr(url);
    // The token goes in this header only, never in a URL.
    if (m_tokens) {
        const QString token = m_tokens->accessToken();
        if (!token.isEmpty())
            nr.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    }
    return nr;
}

void RestClient::attempt(quint64 id, Request request)
{
    QNetworkRequest nr = this->request(request.path, request.query);
    nr.setRawHeader("Accept", "application/json");
    if (!request.body.isEmpty())
        nr.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));

    QNetworkReply *reply = m_network->sendCustomRequest(nr, request.verb, request.body);
    m_replies.insert(id, reply);
    watchReply(reply, m_timeout);
    connect(reply, &QNetworkReply::finished, this, [this, id, reply, request = std::move(request)] {
        m_replies.remove(id);
        reply->deleteLater();
        finished(id, reply, request);
    });
}

void RestClient::finished(quint64 id, QNetworkReply *reply, Request request)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0 || reply->error() == QNetworkReply::OperationCanceledError) {
        const ApiError error = transportFailure(reply, m_serverUrl);
        qCInfo(lcRest) << request.verb << request.path << "failed:" << error.message;
        complete(id, error);
        return;
    }

    if (status == 401 && !request.authRetried && m_tokens) {
        request.authRetried = true;
        QPointer<RestClient> self(this);
        m_tokens->refreshAccessToken([self, id, request](bool ok, const QString &error) mutable {
            if (!self || !self->m_inflight.contains(id))
                return;
            if (ok) {
                self->attempt(id, std::move(request));
            } else {
                self->complete(
                    id,
                    ApiError { ApiError::Kind::Unauthorized, 401, QStringLiteral("UNAUTHORIZED"),
                               QStringLiteral("The server did not accept the sign-in and it could not "
                                              "be renewed: %1")
                                   .arg(error),
                               0 });
            }
        });
        return;
    }

    const QByteArray body = reply->readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject json = document.object();

    if (status == 429) {
        const int wait = retryAfterSeconds(reply->rawHeader("Retry-After"));
        if (request.rateLimitRetries < 2 && std::chrono::seconds(wait) <= m_maxRateLimitWait) {
            ++request.rateLimitRetries;
            qCInfo(lcRest) << request.verb << request.path << "rate limited; retrying in" << wait << "s";
            QTimer::singleShot(std::chrono::seconds(wait), this, [this, id, request]() mutable {
                if (m_inflight.contains(id))
                    attempt(id, std::move(request));
            });
            return;
        }
        complete(
            id,
            ApiError { ApiError::Kind::RateLimited, 429, QStringLiteral("RATE_LIMITED"),
                       QStringLiteral("The server is receiving too many requests; try again in %1 seconds.")
                           .arg(wait),
                       wait });
        return;
    }

    if (status < 200 || status >= 300) {
        const ApiError error = statusFailure(status, body, reply);
        qCInfo(lcRest) << request.verb << request.path << "->" << status << error.code;
        complete(id, error);
        return;
    }

    if (parseError.error != QJsonParseError::NoError || !document.isObject()
        || json.value(QLatin1StringView("success")) != QJsonValue(true)) {
        complete(id,
                 ApiError { ApiError::Kind::BadResponse,
                            status,
                            {},
                            QStringLiteral("The server's answer to %1 %2 is not the expected JSON.")
                                .arg(QString::fromLatin1(request.verb), request.path),
                            0 });
        return;
    }
    complete(id, {},
             Response { json.value(QLatin1StringView("data")),
                        json.value(QLatin1StringView("pagination")).toObject() });
}

void RestClient::complete(quint64 id, const ApiError &error, const Response &response)
{
    const Done done = m_inflight.take(id);
    if (done)
        done(error, response);
}

template <typename T, typename Parse> QFuture<ApiResult<T>> RestClient::call(Request request, Parse parse)
{
    auto promise = std::make_shared<QPromise<ApiResult<T>>>();
    promise->start();
    QFuture<ApiResult<T>> future = promise->future();
    const QString what = QString::fromLatin1(request.verb) + u' ' + request.path;
    send(std::move(request), [promise, parse, what](const ApiError &error, const Response &response) {
        if (error.isError()) {
            promise->addResult(ApiResult<T>::failure(error));
        } else {
            QString parseError;
            std::optional<T> value = parse(response, &parseError);
            if (value) {
                promise->addResult(ApiResult<T>::success(std::move(*value)));
            } else {
                promise->addResult(ApiResult<T>::failure(ApiError {
                    ApiError::Kind::BadResponse,
                    0,
                    {},
                    QStringLiteral("The server's answer to %1 could not be read: %2").arg(what, parseError),
                    0 }));
            }
        }
        promise->finish();
    });
    return future;
}

namespace {
template <typename T> QFuture<ApiResult<T>> refused(const QString &sentence)
{
    QPromise<ApiResult<T>> promise;
    promise.start();
    promise.addResult(
        ApiResult<T>::failure(ApiError { ApiError::Kind::InvalidArgument, 0, {}, sentence, 0 }));
    promise.finish();
    return promise.future();
}
} // namespace

QFuture<ApiResult<User>> RestClient::me()
{
    return call<User>(Request { "GET", QStringLiteral("/api/me"), {}, {} },
                      [](const Response &r, QString *error) { return parseObject<User>(r.data, error); });
}

QFuture<ApiResult<QList<User>>> RestClient::searchUsers(const QString &query, int limit)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("query"), query);
    q.addQueryItem(QStringLiteral("limit"), QString::number(qBound(1, limit, 200)));
    return call<QList<User>>(
        Request { "GET", QStringLiteral("/api/users"), q, {} },
        [](const Response &r, QString *error) { return parseArray<User>(r.data, error); });
}

QFuture<ApiResult<Page<Conversation>>> RestClient::conversations(int limit, const QString &cursor)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QString::number(qBound(1, limit, 200)));
    if (!cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), cursor);
    return call<Page<Conversation>>(
        Request { "GET", QStringLiteral("/api/conversations"), q, {} },
        [](const Response &r, QString *error) -> std::optional<Page<Conversation>> {
            auto items = parseArray<Conversation>(r.data, error);
            if (!items)
                return std::nullopt;
            return Page<Conversation> { std::move(*items),
                                        r.pagination.value(QLatin1StringView("hasMore")).toBool(),
                                        cursorText(r.pagination.value(QLatin1StringView("cursor"))) };
        });
}

void RestClient::collectConversations(int pageSize, QString cursor, QList<Conversation> soFar,
                                      std::function<void(ApiResult<QList<Conversation>>)> done)
{
    // No context object: the continuation also runs when ~RestClient cancels
    // the page, so the caller's future always finishes.
    QPointer<RestClient> self(this);
    conversations(pageSize, cursor)
        .then([self, pageSize, cursor, soFar = std::move(soFar),
               done = std::move(done)](const ApiResult<Page<Conversation>> &page) mutable {
            if (!page.ok())
                return done(ApiResult<QList<Conversation>>::failure(page.error()));
            if (!self)
                return done(ApiResult<QList<Conversation>>());
            soFar += page.value().items;
            // A cursor that does not move would loop forever.
            if (!page.value().hasMore || page.value().cursor.isEmpty() || page.value().cursor == cursor
                || page.value().items.isEmpty())
                return done(ApiResult<QList<Conversation>>::success(std::move(soFar)));
            self->collectConversations(pageSize, page.value().cursor, std::move(soFar), std::move(done));
        });
}

QFuture<ApiResult<QList<Conversation>>> RestClient::allConversations(int pageSize)
{
    auto promise = std::make_shared<QPromise<ApiResult<QList<Conversation>>>>();
    promise->start();
    auto future = promise->future();
    collectConversations(pageSize, {}, {}, [promise](ApiResult<QList<Conversation>> result) {
        promise->addResult(std::move(result));
        promise->finish();
    });
    return future;
}

QFuture<ApiResult<Conversation>> RestClient::createConversation(Conversation::Type type,
                                                                const QStringList &participantIds,
                                                                const QString &title)
{
    QJsonObject body { { QStringLiteral("type"),
                         type == Conversation::Type::Group ? QStringLiteral("group")
                                                           : QStringLiteral("direct") },
                       { QStringLiteral("participantIds"), QJsonArray::fromStringList(participantIds) } };
    if (!title.isEmpty())
        body.insert(QStringLiteral("title"), title);
    return call<Conversation>(
        Request { "POST",
                  QStringLiteral("/api/conversations"),
                  {},
                  QJsonDocument(body).toJson(QJsonDocument::Compact) },
        [](const Response &r, QString *error) { return parseObject<Conversation>(r.data, error); });
}

namespace {
// A page of one conversation's messages (messages, changes, around).
std::optional<Page<Message>> messagePage(const QJsonValue &data, const QJsonObject &pagination,
                                         const QString &conversationId, QString *error)
{
    auto items = parseArray<Message>(data, error);
    if (!items)
        return std::nullopt;
    for (const Message &m : *items) {
        if (m.conversationId != conversationId) {
            *error = QStringLiteral("a message of another conversation is in the page.");
            return std::nullopt;
        }
    }
    return Page<Message> { std::move(*items), pagination.value(QLatin1StringView("hasMore")).toBool(),
                           cursorText(pagination.value(QLatin1StringView("cursor"))) };
}

QString messagesPath(const QString &conversationId, const char *what)
{
    return QStringLiteral("/api/conversations/%1/%2").arg(conversationId, QLatin1StringView(what));
}

QString badConversationId(const QString &conversationId)
{
    return QStringLiteral("\"%1\" is not a valid conversation id.").arg(conversationId);
}
} // namespace

QFuture<ApiResult<Conversation>> RestClient::putSettings(const QString &conversationId,
                                                         const NotifySettings &settings)
{
    if (!isValidConversationId(conversationId))
        return refused<Conversation>(badConversationId(conversationId));
    QJsonObject body = settings.toJson();
    if (!settings.mutedUntil.isValid())
        body.insert(QStringLiteral("mutedUntil"), QJsonValue::Null); // clears a mute
    return call<Conversation>(
        Request { "PUT",
                  messagesPath(conversationId, "settings"),
                  {},
                  QJsonDocument(body).toJson(QJsonDocument::Compact) },
        [conversationId](const Response &r, QString *error) -> std::optional<Conversation> {
            auto c = parseObject<Conversation>(r.data, error);
            if (c && c->id != conversationId) {
                *error = QStringLiteral("the answer is another conversation.");
                return std::nullopt;
            }
            return c;
        });
}

QFuture<ApiResult<Page<Message>>> RestClient::messages(const QString &conversationId, Direction direction,
                                                       qint64 cursorSeq, int limit)
{
    if (!isValidConversationId(conversationId))
        return refused<Page<Message>>(badConversationId(conversationId));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QString::number(qBound(1, limit, 200)));
    if (cursorSeq > 0)
        q.addQueryItem(QStringLiteral("cursor"), QString::number(cursorSeq));
    q.addQueryItem(QStringLiteral("direction"),
                   direction == Direction::After ? QStringLiteral("after") : QStringLiteral("before"));
    return call<Page<Message>>(Request { "GET", messagesPath(conversationId, "messages"), q, {} },
                               [conversationId](const Response &r, QString *error) {
                                   return messagePage(r.data, r.pagination, conversationId, error);
                               });
}

QFuture<ApiResult<Page<Message>>> RestClient::changes(const QString &conversationId, qint64 sinceRev,
                                                      int limit)
{
    if (!isValidConversationId(conversationId))
        return refused<Page<Message>>(badConversationId(conversationId));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("since"), QString::number(qMax<qint64>(0, sinceRev)));
    q.addQueryItem(QStringLiteral("limit"), QString::number(qBound(1, limit, 200)));
    return call<Page<Message>>(Request { "GET", messagesPath(conversationId, "changes"), q, {} },
                               [conversationId](const Response &r, QString *error) {
                                   return messagePage(r.data, r.pagination, conversationId, error);
                               });
}

QFuture<ApiResult<Page<Message>>> RestClient::messagesAround(const QString &conversationId, qint64 seq,
                                                             int limit)
{
    if (!isValidConversationId(conversationId))
        return refused<Page<Message>>(badConversationId(conversationId));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("around"), QString::number(qMax<qint64>(1, seq)));
    q.addQueryItem(QStringLiteral("limit"), QString::number(qBound(1, limit, 200)));
    return call<Page<Message>>(
        Request { "GET", messagesPath(conversationId, "messages"), q, {} },
        [conversationId](const Response &r, QString *error) -> std::optional<Page<Message>> {
            auto page = messagePage(r.data, r.pagination, conversationId, error);
            if (page)
                page->hasMore = r.pagination.value(QLatin1StringView("hasMoreAfter")).toBool();
            return page;
        });
}

QFuture<ApiResult<Message>> RestClient::sendMessage(const QString &conversationId, const QString &clientId,
                                                    const QString &content, Message::Type type,
                                                    const QString &replyTo)
{
    if (!isValidConversationId(conversationId))
        return refused<Message>(badConversationId(conversationId));
    if (!isValidOpaqueId(clientId))
        return refused<Message>(QStringLiteral("The message has no valid client id."));
    if (!isValidContent(content))
        return refused<Message>(QStringLiteral("A message must have 1 to 10000 characters."));
    QJsonObject body { { QStringLiteral("conversationId"), conversationId },
                       { QStringLiteral("clientId"), clientId },
                       { QStringLiteral("content"), content },
                       { QStringLiteral("type"),
                         type == Message::Type::System ? QStringLiteral("system")
                                                       : QStringLiteral("text") } };
    if (!replyTo.isEmpty())
        body.insert(QStringLiteral("replyTo"), replyTo);
    return call<Message>(
        Request { "POST",
                  messagesPath(conversationId, "messages"),
                  {},
                  QJsonDocument(body).toJson(QJsonDocument::Compact) },
        [](const Response &r, QString *error) { return parseObject<Message>(r.data, error); });
}

QFuture<ApiResult<Page<SearchHit>>> RestClient::searchMessages(const QString &query,
                                                               const QString &conversationId, int limit,
                                                               const QString &cursor)
{
    if (query.trimmed().isEmpty() || query.size() > 200)
        return refused<Page<SearchHit>>(QStringLiteral("A search has 1 to 200 characters."));
    if (!conversationId.isEmpty() && !isValidConversationId(conversationId))
        return refused<Page<SearchHit>>(badConversationId(conversationId));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("q"), QString::fromLatin1(QUrl::toPercentEncoding(query)));
    if (!conversationId.isEmpty())
        q.addQueryItem(QStringLiteral("conversationId"), conversationId);
    q.addQueryItem(QStringLiteral("limit"), QString::number(qBound(1, limit, 200)));
    if (!cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), QString::fromLatin1(QUrl::toPercentEncoding(cursor)));
    return call<Page<SearchHit>>(
        Request { "GET", QStringLiteral("/api/search/messages"), q, {} },
        [conversationId](const Response &r, QString *error) -> std::optional<Page<SearchHit>> {
            auto items = parseArray<SearchHit>(r.data, error);
            if (!items)
                return std::nullopt;
            for (const SearchHit &hit : *items) {
                if (!conversationId.isEmpty() && hit.message.conversationId != conversationId) {
                    *error = QStringLiteral("a message of another conversation is in the page.");
                    return std::nullopt;
                }
            }
            return Page<SearchHit> { std::move(*items),
                                     r.pagination.value(QLatin1StringView("hasMore")).toBool(),
                                     cursorText(r.pagination.value(QLatin1StringView("cursor"))) };
        });
}

} // namespace ringchat::api
