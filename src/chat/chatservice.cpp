// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/chatservice.h"

#include "api/ackreply.h"
#include "api/restclient.h"
#include "auth/accesstokensource.h"
#include "auth/jwtclaims.h"
#include "chat/historyloader.h"
#include "chat/modelfeeder.h"
#include "chat/serversync.h"
#include "chat/wakedetector.h"
#include "net/socketioclient.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QMetaMethod>
#include <QPointer>
#include <QTimer>
#include <QUuid>

#include <limits>
#include <memory>

Q_LOGGING_CATEGORY(lcChat, "ringchat.chat")

namespace ringchat::chat {

namespace {
const QString kConversationId = QStringLiteral("conversationId");

// The outbox's entries go where the service's cache is (none after sign-out).
OutboxSender::Persistence persistenceIn(ChatCache *const &cache)
{
    OutboxSender::Persistence p;
    p.save = [&cache](const OutboxEntry &e, std::function<void()> durable) {
        cache ? cache->saveOutboxEntry(e, std::move(durable)) : durable();
    };
    p.update = [&cache](const OutboxEntry &e) {
        if (cache)
            cache->updateOutboxEntry(e);
    };
    p.remove = [&cache](const QString &clientId) {
        if (cache)
            cache->removeOutboxEntry(clientId);
    };
    return p;
}
} // namespace

// ---------------------------------------------------------------- set-up

ChatService::ChatService(Options options, auth::AccessTokenSource *tokens, ChatCache *cache, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_tokens(tokens)
    , m_cache(cache)
    , m_timelines(m_options.maxHeldPerConversation)
{
    net::SocketIoOptions so;
    so.serverUrl = m_options.serverUrl;
    so.reconnect.initialDelayMs = m_options.reconnectInitialMs;
    so.reconnect.maxDelayMs = m_options.reconnectMaxMs;
    so.ackTimeoutMs = m_options.ackTimeoutMs;
    so.watchNetwork = m_options.watchNetwork;
    m_socket = new net::SocketIoClient(so, this);
    m_rest = new api::RestClient(m_options.serverUrl, tokens, this);
    m_connection = new ConnectionManager(m_socket, tokens, this);
    m_outbox = new OutboxSender(m_socket, persistenceIn(m_cache), this);
    m_history = new HistoryLoader(m_cache, m_rest, this);
    ServerSync::Hooks hooks;
    hooks.conversations = [this](const QList<api::Conversation> &list) {
        for (const api::Conversation &c : list)
            upsertConversation(c, true);
    };
    hooks.messages = [this](const QString &conv, const QList<api::Message> &page) {
        ingest(conv, page, Timelines::Source::Server);
    };
    hooks.wantsLatest = [this](const QString &conv) { return m_open.contains(conv); };
    m_sync = new ServerSync(m_rest, &m_timelines, std::move(hooks), m_options.latestPageSize,
                            m_options.gapPageSize, this);
    connect(m_sync, &ServerSync::synced, this, [this] {
        m_outbox->setOnline(true);
        m_outbox->replay();
        m_receipts->flush();
        m_presence->resendOwnStatus();
        setSynced(true);
    });

    const auto emitIfConnected
        = [this](const QString &event, const QJsonObject &data, net::AckCallback ack = {}) {
              if (m_socket->state() != net::SocketIoClient::State::Connected)
                  return false;
              m_socket->emitEvent(event, data, std::move(ack));
              return true;
          };
    m_typingOut = new TypingNotifier(
        [emitIfConnected](const QString &event, const QString &conv) {
            emitIfConnected(event, { { kConversationId, conv } });
        },
        TypingNotifier::Timing { m_options.typingRepeatMs, m_options.typingIdleMs }, this);
    m_typingIn = new TypingTracker(this, m_options.typingExpiryMs);
    connect(m_typingIn, &TypingTracker::typersChanged, this, &ChatService::typersChanged);
    m_receipts = new ReadReceiptBatcher(
        [emitIfConnected](const QString &conv, qint64 upTo, ReadReceiptBatcher::Done done) {
            const QJsonObject data { { kConversationId, conv }, { QStringLiteral("upToSeq"), upTo } };
            if (!emitIfConnected(QStringLiteral("mark_read"), data, [done](const net::AckResult &r) {
                    const api::AckReply ack = api::AckReply::from(r);
                    done(ack.ok, qint64(ack.data.value(QStringLiteral("lastReadSeq")).toDouble()));
                }))
                done(false, 0);
        },
        this, m_options.readBatchMs);
    connect(m_receipts, &ReadReceiptBatcher::markerAcknowledged, this,
            [this](const QString &conv, qint64 seq) {
                applyReadMarker(conv, m_userId, seq, QDateTime::currentDateTimeUtc());
            });
    m_presence = new PresenceTracker(
        [emitIfConnected](const QString &status) {
            emitIfConnected(QStringLiteral("update_presence"), { { QStringLiteral("status"), status } });
        },
        this, m_options.awayAfterMs);
    connect(m_presence, &PresenceTracker::presenceChanged, this, &ChatService::presenceChanged);

    connect(m_connection, &ConnectionManager::statusChanged, this, [this](ConnectionManager::Status s) {
        if (s != ConnectionManager::Status::Online && m_sync->isOnline())
            onLinkLost();
        emit statusChanged(s);
    });
    connect(m_connection, &ConnectionManager::secondsUntilRetryChanged, this,
            &ChatService::secondsUntilRetryChanged);
    connect(m_connection, &ConnectionManager::online, this, &ChatService::onOnline);
    connect(m_connection, &ConnectionManager::authFailed, this, &ChatService::authFailed);
    connect(m_socket, &net::SocketIoClient::disconnected, this, [this] {
        if (m_sync->isOnline())
            onLinkLost();
    });
    connect(m_socket, &net::SocketIoClient::eventReceived, this, &ChatService::onEvent);

    connect(m_outbox, &OutboxSender::delivered, this, &ChatService::onDelivered);
    connect(m_outbox, &OutboxSender::failed, this, [this](const QString &clientId, const QString &error) {
        if (auto e = m_outbox->entry(clientId))
            emit messageUpdated(e->conversationId, pendingMessage(*e));
        emit messageFailed(clientId, error);
    });
    connect(m_outbox, &OutboxSender::requeued, this, [this](const QString &clientId) {
        if (auto e = m_outbox->entry(clientId))
            emit messageUpdated(e->conversationId, pendingMessage(*e));
    });

    // After a suspend the old link is dead even if nobody told us: reconnect now.
    auto *wake = new WakeDetector(this);
    connect(wake, &WakeDetector::woke, this, [this](qint64 sleptMs) {
        qCInfo(lcChat) << "woke up after" << sleptMs << "ms; reconnecting";
        if (m_started)
            m_connection->resume();
    });

    // Names the timelines' own messages before the server says who we are (no
    // verification: the server checks the token).
    m_userId = auth::jwtClaims(m_tokens ? m_tokens->accessToken() : QString())
                   .value(QStringLiteral("sub"))
                   .toString();
    m_timelines.setOwnUserId(m_userId);
}

ChatService::~ChatService() = default;

models::ConversationListModel *ChatService::conversationModel()
{
    if (!m_models)
        m_models = new ModelFeeder(this, this);
    return m_models->conversationModel();
}

models::MessageListModel *ChatService::messageModel(const QString &conversationId)
{
    conversationModel();
    loadCachedPage(conversationId);
    return m_models->messageModel(conversationId);
}

void ChatService::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!m_cache) {
        m_cacheLoaded = true;
        emit cacheLoaded();
        m_connection->start();
        return;
    }
    // Only the newest message of each conversation: a page of every one would be
    // thousands of messages the first screen does not show (loadCachedPage reads
    // a conversation's page when it is shown). Pages asked for before start()
    // (messageModel / openConversation) come with it.
    QHash<QString, int> pages;
    for (const QString &id : std::as_const(m_pageRequested))
        pages.insert(id, m_options.latestPageSize);
    QPointer<ChatService> guard(this);
    m_cache->load(m_options.startupMessagesPerConversation, pages,
                  [this, guard, pages](const ChatCache::Snapshot &s) {
                      if (guard)
                          onCacheLoaded(s, pages);
                  });
}

void ChatService::onCacheLoaded(const ChatCache::Snapshot &snapshot, const QHash<QString, int> &pages)
{
    for (const api::Conversation &c : snapshot.conversations)
        upsertConversation(c, false);
    for (auto it = snapshot.latestMessages.begin(); it != snapshot.latestMessages.end(); ++it)
        ingest(it.key(), it.value(), Timelines::Source::Cache);
    m_outbox->restore(snapshot.outbox);
    QHash<QString, QList<api::Message>> pending;
    for (const OutboxEntry &e : snapshot.outbox)
        pending[e.conversationId].append(pendingMessage(e));
    for (auto it = pending.begin(); it != pending.end(); ++it)
        emit messagesInserted(it.key(), it.value());
    for (const QString &id : QStringList(m_pageRequested.begin(), m_pageRequested.end())) {
        if (pages.contains(id))
            emit latestPageLoaded(id);
        else
            readCachedPage(id); // asked for while the cache was being read
    }
    m_cacheLoaded = true;
    emit cacheLoaded();
    if (m_started)
        m_connection->start();
}

void ChatService::stop()
{
    if (!m_started)
        return;
    m_started = false;
    for (const QString &conv : std::as_const(m_open))
        m_typingOut->stop(conv);
    m_connection->stop();
    if (m_sync->isOnline())
        onLinkLost();
}

void ChatService::signOut()
{
    stop();
    m_started = true; // no restart: the cache is gone
    m_timelines.clear();
    m_open.clear();
    for (const OutboxEntry &e : m_outbox->entries())
        m_outbox->discard(e.clientId); // the cache goes below; these must not resurface
    if (m_cache)
        m_cache->destroy();
    m_cache = nullptr;
    m_history->forgetCache();
    emit conversationsChanged();
}

// ---------------------------------------------------------------- connection

void ChatService::onOnline()
{
    // Even a recovered session resyncs: recovery only covers a short window, and the
    // gap fill is cheap when nothing was missed.
    for (const QString &conv : std::as_const(m_open))
        joinConversation(conv);
    m_sync->start();
}

void ChatService::onLinkLost()
{
    m_sync->stop();
    m_outbox->setOnline(false);
    m_typingOut->stopAll();
    m_typingIn->clearAll();
    setSynced(false);
}

void ChatService::setSynced(bool synced)
{
    if (synced == m_synced)
        return;
    m_synced = synced;
    emit syncedChanged(synced);
}

void ChatService::setUser(const QString &id, const QString &name)
{
    if (id == m_userId && name == m_userName)
        return;
    m_userId = id;
    m_userName = name;
    m_timelines.setOwnUserId(id);
    emit userChanged();
}

void ChatService::joinConversation(const QString &conversationId)
{
    QPointer<ChatService> guard(this);
    m_socket->emitEvent(QStringLiteral("join_conversation"),
                        QJsonObject { { kConversationId, conversationId } },
                        [this, guard, conversationId](const net::AckResult &r) {
                            const api::AckReply ack = api::AckReply::from(r);
                            if (!guard || !ack.answered)
                                return;
                            if (!ack.ok)
                                return emit serverError(ack.code, ack.message);
                            const JoinReply reply = decodeJoinReply(ack.data);
                            if (reply.conversation)
                                upsertConversation(*reply.conversation, true);
                            const auto c = m_timelines.conversation(conversationId);
                            for (const QString &userId : reply.typing) {
                                const api::Participant *p = c ? c->participant(userId) : nullptr;
                                if (userId != m_userId)
                                    m_typingIn->update(conversationId, userId, p ? p->name : QString(), true);
                            }
                        });
}

// ---------------------------------------------------------------- server events

void ChatService::onEvent(const QString &event, const net::Payload &payload)
{
    // Raw event first, so listeners see it before the derived signals. Its QJsonValue
    // is a deep copy of the parsed packet, as costly as the parse: only for listeners.
    static const QMetaMethod serverEventSignal = QMetaMethod::fromSignal(&ChatService::serverEvent);
    if (isSignalConnected(serverEventSignal))
        emit serverEvent(event, payload.isEmpty() ? QJsonValue() : payload.args().at(0));
    QString error;
    if (const auto decoded = decodeServerEvent(event, payload, &error))
        apply(*decoded);
    else if (!error.isEmpty())
        qCWarning(lcChat) << "ignoring" << error;
}

void ChatService::apply(const ServerEvent &event)
{
    if (const auto *e = std::get_if<events::MessageReceived>(&event)) {
        emit messageReceived(e->message);
        ingest(e->message.conversationId, { e->message }, Timelines::Source::Live);
    } else if (const auto *e = std::get_if<events::UserTyping>(&event)) {
        if (e->userId != m_userId)
            m_typingIn->update(e->conversationId, e->userId, e->userName, e->isTyping);
    } else if (const auto *e = std::get_if<events::MessagesRead>(&event)) {
        applyReadMarker(e->conversationId, e->userId, e->lastReadSeq, e->readAt);
    } else if (const auto *e = std::get_if<events::PresenceUpdate>(&event)) {
        applyPresence(e->userId, e->isOnline, e->status, e->lastSeen);
    } else if (const auto *e = std::get_if<events::ConversationUpdated>(&event)) {
        upsertConversation(e->conversation, true);
    } else if (const auto *e = std::get_if<events::Connected>(&event)) {
        setUser(e->userId, e->name);
    } else if (const auto *e = std::get_if<events::ServerError>(&event)) {
        emit serverError(e->code, e->message);
    }
}

// ---------------------------------------------------------------- conversations

void ChatService::upsertConversation(const api::Conversation &incoming, bool fromServer)
{
    const api::Conversation &c = m_timelines.upsert(incoming);
    m_receipts->setKnownMarker(c.id, m_timelines.ownMarker(c.id));
    // The snapshot's presence until presence_update says more; a cached one is
    // too old to say anyone is online, but its last-seen times hold.
    for (const api::Participant &p : c.participants)
        applyPresence(p.userId, fromServer && p.isOnline, QString(), p.lastSeen);
    if (fromServer && m_cache)
        m_cache->saveConversations({ c });
    emit conversationChanged(c.id);
    emit conversationsChanged();
}

void ChatService::openConversation(const QString &conversationId)
{
    if (!api::isValidConversationId(conversationId))
        return;
    m_open.insert(conversationId);
    m_timelines.follow(conversationId);
    loadCachedPage(conversationId);
    if (!m_sync->isOnline())
        return;
    joinConversation(conversationId);
    if (m_timelines.highestHeldSeq(conversationId) == 0)
        m_sync->fill(conversationId, 0);
}

void ChatService::closeConversation(const QString &conversationId)
{
    m_typingOut->stop(conversationId);
    if (m_open.remove(conversationId) && m_sync->isOnline())
        m_socket->emitEvent(QStringLiteral("leave_conversation"),
                            QJsonObject { { kConversationId, conversationId } });
    m_typingIn->clearConversation(conversationId);
}

// ---------------------------------------------------------------- messages

QList<api::Message> ChatService::messages(const QString &conversationId) const
{
    QList<api::Message> out = m_timelines.messages(conversationId);
    QSet<QString> ownClientIds;
    for (const api::Message &m : std::as_const(out))
        if (m.senderId == m_userId)
            ownClientIds.insert(m.clientId);
    for (const OutboxEntry &e : m_outbox->entries())
        if (e.conversationId == conversationId && !ownClientIds.contains(e.clientId))
            out.append(pendingMessage(e));
    return out;
}

QList<api::Message> ChatService::ingest(const QString &conversationId, const QList<api::Message> &incoming,
                                        Timelines::Source source)
{
    const Timelines::Ingested r
        = m_timelines.ingest(conversationId, incoming, source,
                             [this](const QString &clientId) { return m_outbox->contains(clientId); });
    if (r.added.isEmpty())
        return {};
    // History pages from the server were cached by the history path.
    if ((source == Timelines::Source::Live || source == Timelines::Source::Server) && m_cache)
        m_cache->saveMessages(r.added);
    if (!r.inserted.isEmpty())
        emit messagesInserted(conversationId, r.inserted);
    for (const api::Message &m : r.merged)
        emit messageUpdated(conversationId, m);
    if (r.conversationChanged) {
        emit conversationChanged(conversationId);
        emit conversationsChanged();
    }
    if (r.gap) // a live message past a hole: fetch what we missed
        m_sync->fill(conversationId, r.heldBefore);
    return r.added;
}

void ChatService::loadCachedPage(const QString &conversationId)
{
    if (!m_cache || m_options.latestPageSize <= m_options.startupMessagesPerConversation
        || !api::isValidConversationId(conversationId) || m_pageRequested.contains(conversationId))
        return;
    m_pageRequested.insert(conversationId);
    m_timelines.follow(conversationId);
    if (m_cacheLoaded)
        readCachedPage(conversationId);
    // else: the start-up read is running; it asks for the page when done.
}

void ChatService::readCachedPage(const QString &conversationId)
{
    if (!m_cache)
        return;
    QPointer<ChatService> guard(this);
    m_cache->loadBefore(conversationId, std::numeric_limits<qint64>::max(), m_options.latestPageSize,
                        [this, guard, conversationId](const QList<api::Message> &page) {
                            if (!guard || !m_cache)
                                return;
                            ingest(conversationId, page, Timelines::Source::Cache);
                            emit latestPageLoaded(conversationId);
                        });
}

void ChatService::fetchOlder(const QString &conversationId, int limit, std::function<void(bool, int)> done)
{
    QPointer<ChatService> guard(this);
    m_history->older(conversationId, m_timelines.lowestHeldSeq(conversationId), limit,
                     [this, guard, conversationId, done](const models::MessageHistory::Page &page) {
                         if (!guard)
                             return;
                         const int n
                             = int(ingest(conversationId, page.messages, Timelines::Source::History).size());
                         if (done)
                             done(page.ok, n);
                     });
}

QString ChatService::sendMessage(const QString &conversationId, const QString &content,
                                 const QString &replyTo)
{
    if (!api::isValidConversationId(conversationId) || !api::isValidContent(content))
        return QString();
    OutboxEntry e;
    e.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.conversationId = conversationId;
    e.content = content;
    e.replyTo = replyTo;
    e.createdAt = QDateTime::currentDateTimeUtc();
    m_typingOut->stop(conversationId);
    m_outbox->enqueue(e);
    emit messagesInserted(conversationId, { pendingMessage(e) });
    return e.clientId;
}

bool ChatService::discardMessage(const QString &clientId)
{
    const auto e = m_outbox->entry(clientId);
    if (!e || !m_outbox->discard(clientId))
        return false;
    emit messageRemoved(e->conversationId, clientId);
    return true;
}

void ChatService::onDelivered(const QString &clientId, const api::Message &stored)
{
    if (stored.id.isEmpty()) {
        // Stored, but the ack was unreadable: the gap fill brings it in.
        for (const QString &id : m_timelines.ids())
            if (const qint64 held = m_timelines.highestHeldSeq(id); held > 0)
                m_sync->fill(id, held);
        return;
    }
    ingest(stored.conversationId, { stored }, Timelines::Source::Server);
    const api::Message m = m_timelines.message(stored.conversationId, stored.seq).value_or(stored);
    emit messageUpdated(stored.conversationId, m);
    emit messageDelivered(clientId, m);
}

api::Message ChatService::pendingMessage(const OutboxEntry &e) const
{
    QString name = m_userName;
    if (name.isEmpty()) // offline since start: our name is in the cached participant list
        if (auto c = conversation(e.conversationId))
            if (auto p = c->participant(m_userId))
                name = p->name;
    return e.toMessage(m_userId, name);
}

api::DeliveryState ChatService::deliveryState(const api::Message &m) const
{
    if (m.seq > 0)
        return m_timelines.deliveryState(m);
    const auto e = m_outbox->entry(m.clientId);
    return e && e->state == OutboxEntry::State::Failed ? api::DeliveryState::Failed
                                                       : api::DeliveryState::Sending;
}

// ---------------------------------------------------------------- read state, typing, presence

void ChatService::applyReadMarker(const QString &conversationId, const QString &userId, qint64 lastReadSeq,
                                  const QDateTime &readAt)
{
    const Timelines::MarkerMoved r = m_timelines.applyReadMarker(conversationId, userId, lastReadSeq, readAt);
    if (!r.moved)
        return;
    if (r.own)
        m_receipts->setKnownMarker(conversationId, lastReadSeq);
    for (const api::Message &m : r.becameRead)
        emit messageUpdated(conversationId, m);
    if (m_cache)
        m_cache->saveConversations({ *m_timelines.conversation(conversationId) });
    emit readMarkersChanged(conversationId);
    emit conversationChanged(conversationId);
    emit conversationsChanged();
}

void ChatService::userTyped(const QString &conversationId)
{
    noteUserActivity();
    m_typingOut->keystroke(conversationId);
}

void ChatService::applyPresence(const QString &userId, bool isOnline, const QString &status,
                                const QDateTime &lastSeen)
{
    if (!userId.isEmpty() && userId != m_userId)
        m_presence->update(userId, isOnline, status, lastSeen);
}

} // namespace ringchat::chat
