#include "chat/chatservice.h"

#include "api/restclient.h"
#include "auth/accesstokensource.h"
#include "chat/chatcache.h"
#include "chat/gapfiller.h"
#include "chat/modelfeeder.h"
#include "chat/presencetracker.h"
#include "chat/readreceiptbatcher.h"
#include "chat/typingnotifier.h"
#include "chat/typingtracker.h"
#include "chat/wakedetector.h"
#include "net/socketioclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMetaMethod>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <limits>
#include <memory>

Q_LOGGING_CATEGORY(lcChat, "ringchat.chat")

namespace ringchat::chat {

namespace {
const QString kConversationId = QStringLiteral("conversationId");
} // namespace

// ---------------------------------------------------------------- set-up

ChatService::ChatService(Options options, auth::AccessTokenSource *tokens, ChatCache *cache, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_tokens(tokens)
    , m_cache(cache)
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

    OutboxSender::Persistence persistence;
    persistence.save = [this](const OutboxEntry &e, std::function<void()> durable) {
        if (m_cache)
            m_cache->saveOutboxEntry(e, std::move(durable));
        else
            durable();
    };
    persistence.update = [this](const OutboxEntry &e) {
        if (m_cache)
            m_cache->updateOutboxEntry(e);
    };
    persistence.remove = [this](const QString &clientId) {
        if (m_cache)
            m_cache->removeOutboxEntry(clientId);
    };
    m_outbox = new OutboxSender(m_socket, std::move(persistence), this);

    m_gapFiller = new GapFiller(
        m_rest, [this](const QString &conv, const QList<api::Message> &page) { ingest(conv, page, false, false); },
        this, m_options.gapPageSize);

    m_typingOut = new TypingNotifier(
        [this](const QString &event, const QString &conv) {
            if (m_socket->state() == net::SocketIoClient::State::Connected)
                m_socket->emitEvent(event, QJsonObject{{kConversationId, conv}});
        },
        TypingNotifier::Timing{m_options.typingRepeatMs, m_options.typingIdleMs}, this);
    m_typingIn = new TypingTracker(this, m_options.typingExpiryMs);
    connect(m_typingIn, &TypingTracker::typersChanged, this, &ChatService::typersChanged);

    m_receipts = new ReadReceiptBatcher(
        [this](const QString &conv, qint64 upTo, ReadReceiptBatcher::Done done) {
            if (m_socket->state() != net::SocketIoClient::State::Connected)
                return done(false, 0);
            m_socket->emitEvent(QStringLiteral("mark_read"),
                                QJsonObject{{kConversationId, conv}, {QStringLiteral("upToSeq"), upTo}},
                                [done](const net::AckResult &r) {
                                    const QJsonObject ack = r.payload.args().isEmpty() ? QJsonObject()
                                                                                       : r.payload.args().at(0).toObject();
                                    const bool ok = r.ok() && ack.value(QStringLiteral("ok")).toBool();
                                    done(ok, qint64(ack.value(QStringLiteral("lastReadSeq")).toDouble()));
                                });
        },
        this, m_options.readBatchMs);
    connect(m_receipts, &ReadReceiptBatcher::markerAcknowledged, this,
            [this](const QString &conv, qint64 seq) { applyReadMarker(conv, m_userId, seq, QDateTime::currentDateTimeUtc()); });

    m_presence = new PresenceTracker(
        [this](const QString &status) {
            if (m_socket->state() == net::SocketIoClient::State::Connected)
                m_socket->emitEvent(QStringLiteral("update_presence"), QJsonObject{{QStringLiteral("status"), status}});
        },
        this, m_options.awayAfterMs);
    connect(m_presence, &PresenceTracker::presenceChanged, this, &ChatService::presenceChanged);

    connect(m_connection, &ConnectionManager::statusChanged, this, [this](ConnectionManager::Status s) {
        if (s != ConnectionManager::Status::Online && m_online)
            onLinkLost();
        emit statusChanged(s);
    });
    connect(m_connection, &ConnectionManager::secondsUntilRetryChanged, this, &ChatService::secondsUntilRetryChanged);
    connect(m_connection, &ConnectionManager::online, this, &ChatService::onOnline);
    connect(m_connection, &ConnectionManager::authFailed, this, &ChatService::authFailed);
    connect(m_socket, &net::SocketIoClient::disconnected, this, [this] {
        if (m_online)
            onLinkLost();
    });
    connect(m_socket, &net::SocketIoClient::eventReceived, this,
            [this](const QString &event, const net::Payload &payload) { onEvent(event, payload); });

    connect(m_outbox, &OutboxSender::delivered, this, [this](const QString &clientId, const api::Message &stored) {
        if (stored.id.isEmpty()) {
            // Stored, but the ack was unreadable: the gap fill brings it in.
            for (auto it = m_timelines.begin(); it != m_timelines.end(); ++it)
                if (!it->bySeq.empty())
                    requestFill(it.key(), it->bySeq.rbegin()->first);
            return;
        }
        ingest(stored.conversationId, {stored}, false, false);
        const auto &bySeq = m_timelines[stored.conversationId].bySeq;
        const auto held = bySeq.find(stored.seq);
        api::Message m = held != bySeq.end() ? held->second : stored;
        m.delivery = deliveryState(m);
        emit messageUpdated(stored.conversationId, m);
        emit messageDelivered(clientId, m);
    });
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

    m_userId = userIdFromToken(m_tokens ? m_tokens->accessToken() : QString());
}

ChatService::~ChatService() = default;

models::ConversationListModel *ChatService::conversationModel()
{
    if (!m_models)
        m_models = new ModelFeeder(this, m_cache ? m_cache->chatStore() : nullptr, this);
    return m_models->conversationModel();
}

models::MessageListModel *ChatService::messageModel(const QString &conversationId)
{
    conversationModel();
    loadCachedPage(conversationId);
    return m_models->messageModel(conversationId);
}

QString ChatService::userIdFromToken(const QString &token)
{
    const QStringList parts = token.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return QString();
    const QByteArray json = QByteArray::fromBase64(parts.at(1).toLatin1(),
                                                   QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return QJsonDocument::fromJson(json).object().value(QStringLiteral("sub")).toString();
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
    QPointer<ChatService> guard(this);
    // Only the newest message of each conversation: a page of every one would be
    // thousands of messages the first screen does not show (loadCachedPage reads
    // a conversation's page when it is shown).
    // Pages asked for before start() (messageModel / openConversation) come with it.
    QHash<QString, int> pages;
    for (auto it = m_timelines.cbegin(); it != m_timelines.cend(); ++it)
        if (it->pageRequested)
            pages.insert(it.key(), m_options.latestPageSize);
    m_cache->load(m_options.startupMessagesPerConversation, pages,
                  [this, guard, pages](const ChatCache::Snapshot &snapshot) {
        if (!guard)
            return;
        upsertConversations(snapshot.conversations, false);
        for (auto it = snapshot.latestMessages.begin(); it != snapshot.latestMessages.end(); ++it)
            ingest(it.key(), it.value(), false, true);
        m_outbox->restore(snapshot.outbox);
        QHash<QString, QList<api::Message>> pending;
        for (const OutboxEntry &e : snapshot.outbox)
            pending[e.conversationId].append(pendingMessage(e));
        for (auto it = pending.begin(); it != pending.end(); ++it)
            emit messagesInserted(it.key(), it.value());
        QStringList requested;
        for (auto it = m_timelines.cbegin(); it != m_timelines.cend(); ++it)
            if (it->pageRequested)
                requested.append(it.key());
        for (const QString &id : std::as_const(requested)) {
            if (pages.contains(id))
                emit latestPageLoaded(id);
            else
                readCachedPage(id); // asked for while the cache was being read
        }
        m_cacheLoaded = true;
        emit cacheLoaded();
        if (m_started)
            m_connection->start();
    });
}

void ChatService::stop()
{
    if (!m_started)
        return;
    m_started = false;
    for (const QString &conv : std::as_const(m_open))
        m_typingOut->stop(conv);
    m_connection->stop();
    if (m_online)
        onLinkLost();
}

void ChatService::signOut()
{
    stop();
    m_started = true; // no restart: the cache is gone
    const auto ids = m_timelines.keys();
    m_timelines.clear();
    m_open.clear();
    for (const OutboxEntry &e : m_outbox->entries())
        m_outbox->discard(e.clientId); // the cache goes below; these must not resurface
    if (m_cache)
        m_cache->destroy();
    m_cache = nullptr;
    emit conversationsChanged();
}

// ---------------------------------------------------------------- connection

void ChatService::onOnline(bool /*recovered*/)
{
    m_online = true;
    // Even a recovered session resyncs: recovery only covers a short window, and the
    // gap fill is cheap when nothing was missed.
    resync();
}

void ChatService::onLinkLost()
{
    m_online = false;
    ++m_syncGeneration;
    m_outbox->setOnline(false);
    m_typingOut->stopAll();
    m_typingIn->clearAll();
    setSynced(false);
}

void ChatService::resync()
{
    const quint64 generation = ++m_syncGeneration;
    for (const QString &conv : std::as_const(m_open))
        joinConversation(conv);
    QPointer<ChatService> guard(this);
    m_rest->allConversations().then(this, [this, guard, generation](const api::ApiResult<QList<api::Conversation>> &r) {
        if (!guard || generation != m_syncGeneration)
            return;
        if (!r.ok()) {
            qCWarning(lcChat) << "conversation list failed:" << r.error().message;
            // Send what we have anyway, and try the list again shortly.
            finishResync(generation);
            QTimer::singleShot(5000, this, [this, generation] {
                if (generation == m_syncGeneration && m_online)
                    resync();
            });
            return;
        }
        upsertConversations(r.value(), true);
        auto remaining = std::make_shared<int>(1);
        auto oneDone = [this, guard, generation, remaining](bool, const QString &) {
            if (guard && --*remaining == 0)
                finishResync(generation);
        };
        // Collect first: a fill that fails at once calls back into m_timelines.
        QList<QPair<QString, qint64>> fills;
        for (auto it = m_timelines.begin(); it != m_timelines.end(); ++it) {
            const Timeline &t = it.value();
            const qint64 held = t.bySeq.empty() ? 0 : t.bySeq.rbegin()->first;
            const bool wanted = held > 0 ? t.conversation.lastSeq > held : m_open.contains(it.key());
            if (!wanted || t.fillQueued)
                continue;
            it->fillQueued = true;
            fills.append({it.key(), held});
        }
        *remaining += int(fills.size());
        for (const auto &[conv, held] : std::as_const(fills)) {
            auto done = [this, guard, conv, oneDone](bool ok, const QString &error) {
                if (guard)
                    m_timelines[conv].fillQueued = false;
                oneDone(ok, error);
            };
            if (held > 0)
                m_gapFiller->fillAfter(conv, held, done);
            else
                m_gapFiller->loadLatest(conv, m_options.latestPageSize, done);
        }
        oneDone(true, QString());
    });
}

void ChatService::finishResync(quint64 generation)
{
    if (generation != m_syncGeneration || !m_online)
        return;
    m_outbox->setOnline(true);
    m_outbox->replay();
    m_receipts->flush();
    m_presence->resendOwnStatus();
    setSynced(true);
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
    emit userChanged();
}

void ChatService::joinConversation(const QString &conversationId)
{
    QPointer<ChatService> guard(this);
    m_socket->emitEvent(QStringLiteral("join_conversation"), QJsonObject{{kConversationId, conversationId}},
                        [this, guard, conversationId](const net::AckResult &r) {
                            if (!guard || !r.ok() || r.payload.args().isEmpty())
                                return;
                            const QJsonObject ack = r.payload.args().at(0).toObject();
                            if (!ack.value(QStringLiteral("ok")).toBool()) {
                                const QJsonObject err = ack.value(QStringLiteral("error")).toObject();
                                emit serverError(err.value(QStringLiteral("code")).toString(),
                                                 err.value(QStringLiteral("message")).toString());
                                return;
                            }
                            if (auto c = api::Conversation::fromJson(ack.value(QStringLiteral("conversation")).toObject()))
                                upsertConversation(*c, true);
                            for (const QJsonValue &v : ack.value(QStringLiteral("typing")).toArray()) {
                                const QString userId = v.toString();
                                if (userId.isEmpty() || userId == m_userId)
                                    continue;
                                QString name;
                                if (auto c = conversation(conversationId))
                                    if (auto p = c->participant(userId))
                                        name = p->name;
                                m_typingIn->update(conversationId, userId, name, true);
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

    if (event == QLatin1String("message_received")) {
        // The hot path: fields read straight from the parsed packet.
        QString error;
        auto m = api::Message::fromJson(payload.arg(0), &error);
        if (!m) {
            qCWarning(lcChat) << "ignoring a malformed message:" << error;
            return;
        }
        emit messageReceived(*m);
        ingest(m->conversationId, {*m}, true, false);
        return;
    }
    const QJsonObject data = payload.isEmpty() ? QJsonObject() : payload.args().at(0).toObject();
    if (event == QLatin1String("user_typing")) {
        const QString userId = data.value(QStringLiteral("userId")).toString();
        const QString conv = data.value(kConversationId).toString();
        if (userId.isEmpty() || conv.isEmpty() || userId == m_userId)
            return;
        const QString name = data.value(QStringLiteral("userName")).toString();
        const bool typing = data.value(QStringLiteral("isTyping")).toBool();
        m_typingIn->update(conv, userId, name, typing);
        emit userTyping(conv, userId, name, typing);
    } else if (event == QLatin1String("messages_read")) {
        applyReadMarker(data.value(kConversationId).toString(), data.value(QStringLiteral("userId")).toString(),
                        qint64(data.value(QStringLiteral("lastReadSeq")).toDouble()),
                        api::parseTime(data.value(QStringLiteral("readAt")).toString()));
    } else if (event == QLatin1String("presence_update")) {
        applyPresence(data.value(QStringLiteral("userId")).toString(), data.value(QStringLiteral("isOnline")).toBool(),
                      data.value(QStringLiteral("status")).toString(),
                      api::parseTime(data.value(QStringLiteral("lastSeen")).toString()));
    } else if (event == QLatin1String("conversation_updated")) {
        if (auto c = api::Conversation::fromJson(data))
            upsertConversation(*c, true);
    } else if (event == QLatin1String("connected")) {
        setUser(data.value(QStringLiteral("userId")).toString(), data.value(QStringLiteral("name")).toString());
    } else if (event == QLatin1String("error")) {
        emit serverError(data.value(QStringLiteral("code")).toString(), data.value(QStringLiteral("message")).toString());
    }
}

// ---------------------------------------------------------------- conversations

QList<api::Conversation> ChatService::conversations() const
{
    QList<api::Conversation> out;
    for (const Timeline &t : m_timelines)
        if (t.known)
            out.append(t.conversation);
    std::sort(out.begin(), out.end(), [](const api::Conversation &a, const api::Conversation &b) {
        const auto ta = a.lastActivity(), tb = b.lastActivity();
        return ta != tb ? ta > tb : a.id < b.id;
    });
    return out;
}

std::optional<api::Conversation> ChatService::conversation(const QString &id) const
{
    auto it = m_timelines.find(id);
    if (it == m_timelines.end() || !it->known)
        return std::nullopt;
    return it->conversation;
}

void ChatService::upsertConversations(const QList<api::Conversation> &list, bool fromServer)
{
    for (const api::Conversation &c : list)
        upsertConversation(c, fromServer);
}

void ChatService::upsertConversation(const api::Conversation &incoming, bool fromServer)
{
    Timeline &t = m_timelines[incoming.id];
    api::Conversation c = incoming;
    if (t.known) {
        // Markers only move forward, whatever order the answers came in.
        for (api::Participant &p : c.participants)
            if (const api::Participant *old = t.conversation.participant(p.userId))
                p.lastReadSeq = std::max(p.lastReadSeq, old->lastReadSeq);
        c.lastSeq = std::max(c.lastSeq, t.conversation.lastSeq);
        if (t.conversation.lastMessage && (!c.lastMessage || c.lastMessage->seq < t.conversation.lastMessage->seq))
            c.lastMessage = t.conversation.lastMessage;
    }
    t.conversation = c;
    t.known = true;
    for (const api::Participant &p : std::as_const(c.participants)) {
        if (p.userId == m_userId)
            m_receipts->setKnownMarker(c.id, p.lastReadSeq);
        else if (fromServer)
            applyPresence(p.userId, p.isOnline, QString(), p.lastSeen);
    }
    if (fromServer && m_cache)
        m_cache->saveConversations({c});
    emit conversationChanged(c.id);
    emit conversationsChanged();
}

void ChatService::openConversation(const QString &conversationId)
{
    if (!api::isValidConversationId(conversationId))
        return;
    m_open.insert(conversationId);
    m_timelines[conversationId]; // known or not, it is now followed
    loadCachedPage(conversationId);
    if (!m_online)
        return;
    joinConversation(conversationId);
    Timeline &t = m_timelines[conversationId];
    if (t.bySeq.empty() && !t.fillQueued)
        requestFill(conversationId, 0);
}

void ChatService::closeConversation(const QString &conversationId)
{
    m_typingOut->stop(conversationId);
    if (m_open.remove(conversationId) && m_online)
        m_socket->emitEvent(QStringLiteral("leave_conversation"), QJsonObject{{kConversationId, conversationId}});
    m_typingIn->clearConversation(conversationId);
}

// ---------------------------------------------------------------- messages

QList<api::Message> ChatService::messages(const QString &conversationId) const
{
    QList<api::Message> out;
    QSet<QString> ownClientIds;
    auto it = m_timelines.find(conversationId);
    if (it != m_timelines.end()) {
        for (const auto &[seq, m] : it->bySeq) {
            api::Message copy = m;
            copy.delivery = deliveryState(m);
            out.append(copy);
            if (m.senderId == m_userId)
                ownClientIds.insert(m.clientId);
        }
    }
    for (const OutboxEntry &e : m_outbox->entries())
        if (e.conversationId == conversationId && !ownClientIds.contains(e.clientId))
            out.append(pendingMessage(e));
    return out;
}

qint64 ChatService::highestHeldSeq(const QString &conversationId) const
{
    auto it = m_timelines.find(conversationId);
    return it == m_timelines.end() || it->bySeq.empty() ? 0 : it->bySeq.rbegin()->first;
}

QList<api::Message> ChatService::ingest(const QString &conversationId, const QList<api::Message> &incoming,
                                        bool live, bool fromCache)
{
    if (conversationId.isEmpty())
        return {};
    Timeline &t = m_timelines[conversationId];
    const qint64 heldBefore = t.bySeq.empty() ? 0 : t.bySeq.rbegin()->first;
    QList<api::Message> sorted = incoming;
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.seq < b.seq; });

    QList<api::Message> inserted, merged, added;
    int newFromOthers = 0;
    const qint64 myMarker = m_receipts->knownMarker(conversationId);
    for (api::Message m : sorted) {
        if (m.conversationId != conversationId || m.seq <= 0 || t.bySeq.count(m.seq))
            continue;
        m.delivery = api::DeliveryState::Sent;
        t.bySeq.emplace(m.seq, m);
        added.append(m);
        // Our own message coming back (echo, gap fill or ack): it replaces the optimistic row.
        if (m.senderId == m_userId && m_outbox->contains(m.clientId))
            merged.append(m);
        else
            inserted.append(m);
        if (m.senderId != m_userId && m.seq > myMarker)
            ++newFromOthers;
    }
    if (added.isEmpty())
        return {};

    const api::Message &newest = t.bySeq.rbegin()->second;
    if (t.known && (!t.conversation.lastMessage || t.conversation.lastMessage->seq < newest.seq)) {
        t.conversation.lastMessage = newest;
        t.conversation.updatedAt = std::max(t.conversation.updatedAt, newest.timestamp);
    }
    if (t.known && newest.seq > t.conversation.lastSeq) {
        t.conversation.lastSeq = newest.seq;
        if (!fromCache)
            t.conversation.unreadCount += newFromOthers;
    }
    if (!fromCache && m_cache)
        m_cache->saveMessages(added);
    // Bounded memory: new messages push the oldest out (the cache keeps them). Pages
    // read backwards on purpose (fetchOlder: neither live nor newer) are kept.
    if (added.last().seq >= heldBefore && m_options.maxHeldPerConversation > 0) {
        while (t.bySeq.size() > size_t(m_options.maxHeldPerConversation))
            t.bySeq.erase(t.bySeq.begin());
    }

    if (!inserted.isEmpty())
        emit messagesInserted(conversationId, inserted);
    for (api::Message m : std::as_const(merged)) {
        m.delivery = deliveryState(m);
        emit messageUpdated(conversationId, m);
    }
    if (t.known) {
        emit conversationChanged(conversationId);
        emit conversationsChanged();
    }

    // A live message past a hole means we missed some: fetch them.
    if (live && !fromCache) {
        const qint64 lowestNew = added.first().seq;
        // Never loaded: the latest page. Otherwise everything after what we held.
        if ((heldBefore > 0 && lowestNew > heldBefore + 1) || (heldBefore == 0 && lowestNew > 1))
            requestFill(conversationId, heldBefore);
    }
    return added;
}

void ChatService::requestFill(const QString &conversationId, qint64 afterSeq)
{
    Timeline &t = m_timelines[conversationId];
    if (t.fillQueued || !m_online)
        return;
    t.fillQueued = true;
    QPointer<ChatService> guard(this);
    auto done = [this, guard, conversationId](bool, const QString &) {
        if (guard)
            m_timelines[conversationId].fillQueued = false;
    };
    if (afterSeq > 0)
        m_gapFiller->fillAfter(conversationId, afterSeq, done);
    else
        m_gapFiller->loadLatest(conversationId, m_options.latestPageSize, done);
}

void ChatService::loadCachedPage(const QString &conversationId)
{
    if (!m_cache || m_options.latestPageSize <= m_options.startupMessagesPerConversation
        || !api::isValidConversationId(conversationId))
        return;
    Timeline &t = m_timelines[conversationId];
    if (t.pageRequested)
        return;
    t.pageRequested = true;
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
                            ingest(conversationId, page, false, true);
                            emit latestPageLoaded(conversationId);
                        });
}

void ChatService::fetchOlder(const QString &conversationId, int limit, std::function<void(bool, int)> done)
{
    const qint64 lowest = [&] {
        auto it = m_timelines.find(conversationId);
        return it == m_timelines.end() || it->bySeq.empty() ? 0 : it->bySeq.begin()->first;
    }();
    if (lowest == 1) {
        if (done)
            done(true, 0);
        return;
    }
    QPointer<ChatService> guard(this);
    auto fromServer = [this, guard, conversationId, lowest, limit, done] {
        m_rest->messages(conversationId, api::RestClient::Direction::Before, lowest, limit)
            .then(this, [this, guard, conversationId, done](const api::ApiResult<api::Page<api::Message>> &r) {
                if (!guard)
                    return;
                const int n = r.ok() ? int(ingest(conversationId, r.value().items, false, false).size()) : 0;
                if (done)
                    done(r.ok(), n);
            });
    };
    if (!m_cache || lowest == 0)
        return fromServer();
    m_cache->loadBefore(conversationId, lowest, limit,
                        [this, guard, conversationId, done, fromServer](const QList<api::Message> &list) {
                            if (!guard)
                                return;
                            if (list.isEmpty())
                                return fromServer();
                            const int n = int(ingest(conversationId, list, false, true).size());
                            if (done)
                                done(true, n);
                        });
}

QString ChatService::sendMessage(const QString &conversationId, const QString &content, const QString &replyTo)
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
    emit messagesInserted(conversationId, {pendingMessage(e)});
    return e.clientId;
}

bool ChatService::retryMessage(const QString &clientId)
{
    return m_outbox->retry(clientId);
}

bool ChatService::discardMessage(const QString &clientId)
{
    const auto e = m_outbox->entry(clientId);
    if (!e || !m_outbox->discard(clientId))
        return false;
    emit messageRemoved(e->conversationId, clientId);
    return true;
}

int ChatService::outboxPending() const
{
    return m_outbox->pendingCount();
}

api::Message ChatService::pendingMessage(const OutboxEntry &e) const
{
    api::Message m;
    m.conversationId = e.conversationId;
    m.clientId = e.clientId;
    m.senderId = m_userId;
    m.senderName = m_userName;
    if (m.senderName.isEmpty()) {
        // Offline since start: our name is in the cached participant list.
        if (auto c = conversation(e.conversationId))
            if (auto p = c->participant(m_userId))
                m.senderName = p->name;
    }
    m.content = e.content;
    m.type = e.type;
    m.replyTo = e.replyTo;
    m.timestamp = e.createdAt;
    m.delivery = e.state == OutboxEntry::State::Failed ? api::DeliveryState::Failed : api::DeliveryState::Sending;
    return m;
}

api::DeliveryState ChatService::deliveryState(const api::Message &m) const
{
    if (m.seq <= 0) {
        const auto e = m_outbox->entry(m.clientId);
        return e && e->state == OutboxEntry::State::Failed ? api::DeliveryState::Failed : api::DeliveryState::Sending;
    }
    if (m.senderId != m_userId)
        return api::DeliveryState::Sent;
    return readers(m.conversationId, m.seq).isEmpty() ? api::DeliveryState::Sent : api::DeliveryState::Read;
}

QStringList ChatService::readers(const QString &conversationId, qint64 seq) const
{
    QStringList out;
    auto it = m_timelines.find(conversationId);
    if (it == m_timelines.end())
        return out;
    QString sender;
    auto m = it->bySeq.find(seq);
    if (m != it->bySeq.end())
        sender = m->second.senderId;
    for (const api::Participant &p : it->conversation.participants)
        if (p.userId != sender && p.userId != (sender.isEmpty() ? m_userId : sender) && p.lastReadSeq >= seq)
            out.append(p.userId);
    return out;
}

// ---------------------------------------------------------------- read state

void ChatService::applyReadMarker(const QString &conversationId, const QString &userId, qint64 lastReadSeq,
                                  const QDateTime &readAt)
{
    auto it = m_timelines.find(conversationId);
    if (it == m_timelines.end() || userId.isEmpty())
        return;
    qint64 old = 0;
    bool found = false;
    for (api::Participant &p : it->conversation.participants) {
        if (p.userId != userId)
            continue;
        found = true;
        old = p.lastReadSeq;
        if (lastReadSeq <= old)
            return;
        p.lastReadSeq = lastReadSeq;
        if (readAt.isValid())
            p.lastReadAt = readAt;
    }
    if (!found)
        return;
    if (userId == m_userId) {
        m_receipts->setKnownMarker(conversationId, lastReadSeq);
        recomputeUnread(conversationId);
    } else {
        // Our messages in (old, new] may have become read.
        for (auto m = it->bySeq.upper_bound(old); m != it->bySeq.end() && m->first <= lastReadSeq; ++m) {
            if (m->second.senderId != m_userId)
                continue;
            api::Message copy = m->second;
            copy.delivery = deliveryState(copy);
            emit messageUpdated(conversationId, copy);
        }
    }
    if (m_cache)
        m_cache->saveConversations({it->conversation});
    emit readMarkersChanged(conversationId);
    emit conversationChanged(conversationId);
    emit conversationsChanged();
}

void ChatService::recomputeUnread(const QString &conversationId)
{
    Timeline &t = m_timelines[conversationId];
    const qint64 marker = m_receipts->knownMarker(conversationId);
    int unread = 0;
    qint64 counted = 0;
    for (auto m = t.bySeq.upper_bound(marker); m != t.bySeq.end(); ++m) {
        ++counted;
        if (m->second.senderId != m_userId)
            ++unread;
    }
    // Messages after the marker we do not hold count as unread.
    const qint64 notHeld = std::max<qint64>(0, t.conversation.lastSeq - marker - counted);
    t.conversation.unreadCount = int(unread + notHeld);
}

void ChatService::markVisible(const QString &conversationId, qint64 highestVisibleSeq)
{
    m_receipts->markVisible(conversationId, highestVisibleSeq);
}

// ---------------------------------------------------------------- typing, presence

void ChatService::userTyped(const QString &conversationId)
{
    noteUserActivity();
    m_typingOut->keystroke(conversationId);
}

void ChatService::userStoppedTyping(const QString &conversationId)
{
    m_typingOut->stop(conversationId);
}

QStringList ChatService::typers(const QString &conversationId) const
{
    return m_typingIn->typerIds(conversationId);
}

QStringList ChatService::typerNames(const QString &conversationId) const
{
    return m_typingIn->typerNames(conversationId);
}

void ChatService::noteUserActivity()
{
    m_presence->noteUserActivity();
}

QString ChatService::presenceText(const QString &userId) const
{
    return m_presence->describe(userId);
}

void ChatService::applyPresence(const QString &userId, bool isOnline, const QString &status, const QDateTime &lastSeen)
{
    if (userId.isEmpty() || userId == m_userId)
        return;
    m_presence->update(userId, isOnline, status, lastSeen);
    for (auto it = m_timelines.begin(); it != m_timelines.end(); ++it) {
        for (api::Participant &p : it->conversation.participants) {
            if (p.userId != userId || (p.isOnline == isOnline && (!lastSeen.isValid() || p.lastSeen == lastSeen)))
                continue;
            p.isOnline = isOnline;
            if (lastSeen.isValid())
                p.lastSeen = lastSeen;
        }
    }
}

} // namespace ringchat::chat
