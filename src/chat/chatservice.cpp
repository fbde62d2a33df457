// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/chatservice.h"

#include "api/restclient.h"
#include "auth/accesstokensource.h"
#include "auth/jwtclaims.h"
#include "chat/cachereader.h"
#include "chat/historyloader.h"
#include "chat/modelfeeder.h"
#include "chat/outgoingevents.h"
#include "chat/serversync.h"
#include "chat/timelinewriter.h"
#include "net/socketioclient.h"

#include <QLoggingCategory>
#include <QMetaMethod>
#include <QPointer>

Q_LOGGING_CATEGORY(lcChat, "ringchat.chat")

namespace ringchat::chat {

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
    const EmitEvent send = emitOn(m_socket);
    m_own = new OwnMessages(send, m_cache, m_timelines, this);
    m_own->enableAttachments(m_rest, m_options.filesDirectory);
    connect(m_own, &OwnMessages::uploadProgress, this, &ChatService::uploadProgress);
    m_actions = new MessageActions(m_own, m_timelines, this);
    m_history = new HistoryLoader(m_cache, m_rest, this);
    m_out = new OutgoingEvents(
        send, { m_options.typingRepeatMs, m_options.typingIdleMs, m_options.readBatchMs }, this);
    m_writer = new TimelineWriter(&m_timelines, m_cache,
                                  { [this](const QString &clientId) { return m_own->contains(clientId); },
                                    [this](api::Message m) { return m_actions->overlaid(std::move(m)); } },
                                  this);
    connect(m_writer, &TimelineWriter::ownMarkerKnown, m_out->receipts(),
            &ReadReceiptBatcher::setKnownMarker);
    m_presence = new PresenceTracker([this](const QString &status) { m_out->sendPresence(status); }, this,
                                     m_options.awayAfterMs);
    connect(m_presence, &PresenceTracker::presenceChanged, this, &ChatService::presenceChanged);
    connect(m_writer, &TimelineWriter::conversationHeld, m_presence, &PresenceTracker::updateFrom);
    connect(m_writer, &TimelineWriter::gapFound, this,
            [this](const QString &conv, qint64 heldBefore) { m_sync->fill(conv, heldBefore); });
    connect(m_writer, &TimelineWriter::conversationsChanged, this, &ChatService::conversationsChanged);
    connect(m_writer, &TimelineWriter::conversationChanged, this, &ChatService::conversationChanged);
    connect(m_writer, &TimelineWriter::messagesInserted, this, &ChatService::messagesInserted);
    connect(m_writer, &TimelineWriter::messageUpdated, this, &ChatService::messageUpdated);
    connect(m_writer, &TimelineWriter::messagesChanged, this, &ChatService::messagesChanged);
    connect(m_writer, &TimelineWriter::readMarkersChanged, this, &ChatService::readMarkersChanged);
    CacheReader::Hooks read;
    read.snapshot = [this](const ChatCache::Snapshot &s) {
        for (const api::Conversation &c : s.conversations)
            m_writer->upsertConversation(c, false);
        for (auto it = s.latestMessages.begin(); it != s.latestMessages.end(); ++it)
            m_writer->ingest(it.key(), it.value(), Timelines::Source::Cache);
        m_own->restore(s.outbox);
        m_sync->restoreSyncedRevs(s.syncedRevs);
    };
    read.page = [this](const QString &conv, const QList<api::Message> &page) {
        m_writer->ingest(conv, page, Timelines::Source::Cache);
    };
    m_reader
        = new CacheReader(m_cache, { m_options.startupMessagesPerConversation, m_options.latestPageSize },
                          std::move(read), this);
    connect(m_reader, &CacheReader::pageLoaded, this, &ChatService::latestPageLoaded);
    connect(m_reader, &CacheReader::loaded, this, [this] {
        emit cacheLoaded();
        if (m_started)
            m_connection->start();
    });
    ServerSync::Hooks hooks;
    hooks.conversations = [this](const QList<api::Conversation> &list) {
        for (const api::Conversation &c : list)
            m_writer->upsertConversation(c, true);
    };
    hooks.messages = [this](const QString &conv, const QList<api::Message> &page) {
        m_writer->ingest(conv, page, Timelines::Source::Server);
    };
    hooks.wantsLatest = [this](const QString &conv) { return m_out->isOpen(conv); };
    hooks.changes = [this](const QString &conv, const QList<api::Message> &page) {
        m_writer->applyChanges(conv, page);
    };
    hooks.syncedRevMoved = [this](const QString &conv, qint64 rev) {
        if (m_cache)
            m_cache->saveSyncedRev(conv, rev);
    };
    m_sync = new ServerSync(m_rest, &m_timelines, std::move(hooks), m_options.latestPageSize,
                            m_options.gapPageSize, this);
    connect(m_sync, &ServerSync::synced, this, [this] {
        m_own->setOnline(true);
        m_own->replay();
        m_out->receipts()->flush();
        m_presence->resendOwnStatus();
        setSynced(true);
    });

    connect(m_out, &OutgoingEvents::joined, this, &ChatService::onJoined);
    connect(m_out, &OutgoingEvents::refused, this, &ChatService::serverError);
    connect(m_out->receipts(), &ReadReceiptBatcher::markerAcknowledged, this,
            [this](const QString &conv, qint64 seq) {
                m_writer->applyReadMarker(conv, m_userId, seq, QDateTime::currentDateTimeUtc());
            });
    m_typingIn = new TypingTracker(this, m_options.typingExpiryMs);
    connect(m_typingIn, &TypingTracker::typersChanged, this, &ChatService::typersChanged);

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

    // Our rows come through MessageActions, which shows our pending actions on them.
    connect(m_actions, &MessageActions::rowsInserted, this, &ChatService::messagesInserted);
    connect(m_own, &OwnMessages::rowRemoved, this, &ChatService::messageRemoved);
    connect(m_own, &OwnMessages::delivered, this, &ChatService::onDelivered);
    connect(m_own, &OwnMessages::failed, this, &ChatService::messageFailed);
    // An action's ack: the server's state, taken like a message_updated (rev rule).
    connect(m_actions, &MessageActions::serverState, this,
            [this](const api::Message &state) { m_writer->applyChanges(state.conversationId, { state }); });
    connect(m_actions, &MessageActions::rowChanged, this, &ChatService::messageUpdated);
    connect(m_actions, &MessageActions::applied, this, &ChatService::actionApplied);
    connect(m_actions, &MessageActions::refused, this, &ChatService::actionRefused);

    // Names the timelines' own messages before the server says who we are (no
    // verification: the server checks the token).
    m_userId = auth::jwtClaims(m_tokens ? m_tokens->accessToken() : QString())
                   .value(QStringLiteral("sub"))
                   .toString();
    m_timelines.setOwnUserId(m_userId);
    m_presence->setOwnUserId(m_userId);
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
    if (m_reader->isLoaded())
        m_connection->start();
    else
        m_reader->start(); // connects when done
}

bool ChatService::isCacheLoaded() const
{
    return m_reader->isLoaded();
}

void ChatService::stop()
{
    if (!m_started)
        return;
    m_started = false;
    m_out->stopTyping();
    m_connection->stop();
    if (m_sync->isOnline())
        onLinkLost();
}

void ChatService::signOut()
{
    stop();
    m_started = true; // no restart: the cache is gone
    m_timelines.clear();
    m_out->forgetOpen();
    m_own->discardAll(); // the cache goes below; these must not resurface
    if (m_cache)
        m_cache->destroy();
    m_cache = nullptr;
    m_writer->forgetCache();
    m_history->forgetCache();
    emit conversationsChanged();
}

// ---------------------------------------------------------------- connection

void ChatService::onOnline()
{
    // Even a recovered session resyncs: recovery only covers a short window, and the
    // gap fill is cheap when nothing was missed.
    m_out->rejoinOpen();
    m_sync->start();
}

void ChatService::onLinkLost()
{
    m_sync->stop();
    m_own->setOnline(false);
    m_out->typing()->stopAll();
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
    m_own->setUserName(name);
    m_timelines.setOwnUserId(id);
    m_presence->setOwnUserId(id);
    emit userChanged();
}

void ChatService::onJoined(const QString &conversationId, const JoinReply &reply)
{
    if (reply.conversation)
        m_writer->upsertConversation(*reply.conversation, true);
    const auto c = m_timelines.conversation(conversationId);
    for (const QString &userId : reply.typing) {
        const api::Participant *p = c ? c->participant(userId) : nullptr;
        if (userId != m_userId)
            m_typingIn->update(conversationId, userId, p ? p->name : QString(), true);
    }
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
    if (auto decoded = decodeServerEvent(event, payload, &error))
        apply(std::move(*decoded));
    else if (!error.isEmpty())
        qCWarning(lcChat) << "ignoring" << error;
}

void ChatService::apply(ServerEvent event)
{
    // A one-message list that takes the decoded message over (a braced list would copy
    // it twice: live messages come one an event).
    const auto listOf = [](api::Message &&m) {
        QList<api::Message> one;
        one.append(std::move(m));
        return one;
    };
    if (auto *e = std::get_if<events::MessageReceived>(&event)) {
        emit messageReceived(e->message);
        const QString conversationId = e->message.conversationId;
        const qint64 rev = e->message.rev;
        m_writer->ingest(conversationId, listOf(std::move(e->message)), Timelines::Source::Live);
        m_sync->noteLiveRev(conversationId, rev);
    } else if (auto *e = std::get_if<events::MessageUpdated>(&event)) {
        const QString conversationId = e->message.conversationId;
        const qint64 rev = e->message.rev;
        m_writer->applyChanges(conversationId, listOf(std::move(e->message)));
        m_sync->noteLiveRev(conversationId, rev);
    } else if (const auto *e = std::get_if<events::UserTyping>(&event)) {
        if (e->userId != m_userId)
            m_typingIn->update(e->conversationId, e->userId, e->userName, e->isTyping);
    } else if (const auto *e = std::get_if<events::MessagesRead>(&event)) {
        m_writer->applyReadMarker(e->conversationId, e->userId, e->lastReadSeq, e->readAt);
    } else if (const auto *e = std::get_if<events::PresenceUpdate>(&event)) {
        m_presence->update(e->userId, e->isOnline, e->status, e->lastSeen);
    } else if (const auto *e = std::get_if<events::ConversationUpdated>(&event)) {
        m_writer->upsertConversation(e->conversation, true);
    } else if (const auto *e = std::get_if<events::Connected>(&event)) {
        setUser(e->userId, e->name);
    } else if (const auto *e = std::get_if<events::ServerError>(&event)) {
        emit serverError(e->code, e->message);
    }
}

// ---------------------------------------------------------------- conversations

void ChatService::openConversation(const QString &conversationId)
{
    if (!api::isValidConversationId(conversationId))
        return;
    m_timelines.follow(conversationId);
    loadCachedPage(conversationId);
    m_out->open(conversationId, m_sync->isOnline());
    if (m_sync->isOnline() && m_timelines.highestHeldSeq(conversationId) == 0)
        m_sync->fill(conversationId, 0);
}

void ChatService::closeConversation(const QString &conversationId)
{
    m_out->close(conversationId, m_sync->isOnline());
    m_typingIn->clearConversation(conversationId);
}

// ---------------------------------------------------------------- messages

QList<api::Message> ChatService::messages(const QString &conversationId) const
{
    QList<api::Message> out = m_timelines.messages(conversationId);
    out.append(m_own->pendingRows(conversationId, out));
    m_actions->overlay(out);
    return out;
}

void ChatService::loadCachedPage(const QString &conversationId)
{
    if (m_reader->requestPage(conversationId))
        m_timelines.follow(conversationId);
}

void ChatService::fetchOlder(const QString &conversationId, int limit, std::function<void(bool, int)> done)
{
    QPointer<ChatService> guard(this);
    m_history->older(
        conversationId, m_timelines.lowestHeldSeq(conversationId), limit,
        [this, guard, conversationId, done](const models::MessageHistory::Page &page) {
            if (!guard)
                return;
            const int n
                = int(m_writer->ingest(conversationId, page.messages, Timelines::Source::History).size());
            if (done)
                done(page.ok, n);
        });
}

QString ChatService::sendMessage(const QString &conversationId, const QString &content,
                                 const QString &replyTo, bool markdown, const QStringList &mentions)
{
    const QString clientId
        = m_own->send(conversationId, content, replyTo,
                      markdown ? api::Message::Format::Markdown : api::Message::Format::Plain, mentions);
    if (!clientId.isEmpty())
        m_out->typing()->stop(conversationId);
    return clientId;
}

void ChatService::onDelivered(const QString &clientId, const api::Message &stored)
{
    if (stored.id.isEmpty()) {
        m_sync->fillAll(); // stored, but the ack was unreadable: the gap fill brings it in
        return;
    }
    m_writer->ingest(stored.conversationId, { stored }, Timelines::Source::Server);
    const api::Message m = m_timelines.message(stored.conversationId, stored.seq).value_or(stored);
    emit messageUpdated(stored.conversationId, m_actions->overlaid(m));
    emit messageDelivered(clientId, m);
}

api::DeliveryState ChatService::deliveryState(const api::Message &m) const
{
    return m.seq > 0 ? m_timelines.deliveryState(m) : m_own->unsentState(m.clientId);
}

// ---------------------------------------------------------------- typing, presence

void ChatService::userTyped(const QString &conversationId)
{
    noteUserActivity();
    m_out->typing()->keystroke(conversationId);
}

} // namespace ringchat::chat
