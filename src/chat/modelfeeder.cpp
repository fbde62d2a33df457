#include "chat/modelfeeder.h"

#include "api/restclient.h"
#include "chat/chatservice.h"
#include "chat/presencetracker.h"
#include "models/conversationlistmodel.h"
#include "models/messagelistmodel.h"
#include "store/chatstore.h"

#include <QJsonObject>

namespace ringchat::chat {

ModelFeeder::ModelFeeder(ChatService *service, store::ChatStore *store, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_store(store)
    , m_conversations(new models::ConversationListModel(this))
{
    m_conversations->setOwnUserId(service->userId());
    m_conversations->setConversations(service->conversations());

    connect(service, &ChatService::userChanged, this, [this] { m_conversations->setOwnUserId(m_service->userId()); });
    connect(service, &ChatService::conversationChanged, this, &ModelFeeder::syncConversation);
    connect(service, &ChatService::messagesInserted, this,
            [this](const QString &conv, const QList<api::Message> &list) {
                if (auto *m = m_messages.value(conv))
                    m->appendOrMerge(list);
            });
    connect(service, &ChatService::messageUpdated, this, [this](const QString &conv, const api::Message &msg) {
        auto *m = m_messages.value(conv);
        if (!m)
            return;
        m->appendOrMerge(msg);
        if (msg.isPending())
            m->setDeliveryState(msg.clientId, msg.delivery);
    });
    connect(service, &ChatService::messageRemoved, this, [this](const QString &conv, const QString &clientId) {
        if (auto *m = m_messages.value(conv))
            m->remove(clientId);
    });
    connect(service, &ChatService::readMarkersChanged, this, &ModelFeeder::syncReadMarkers);
    connect(service, &ChatService::presenceChanged, this, [this](const QString &userId) {
        const Presence p = m_service->presence()->presence(userId);
        m_conversations->setPresence(userId, p.isOnline, p.status, p.lastSeen);
    });
    // Typing goes straight through: the list model renews and expires typers itself.
    connect(service, &ChatService::serverEvent, this, [this](const QString &event, const QJsonValue &data) {
        if (event != QLatin1String("user_typing"))
            return;
        const QJsonObject o = data.toObject();
        const QString userId = o.value(QStringLiteral("userId")).toString();
        if (userId.isEmpty() || userId == m_service->userId())
            return;
        m_conversations->setTyping(o.value(QStringLiteral("conversationId")).toString(), userId,
                                   o.value(QStringLiteral("userName")).toString(),
                                   o.value(QStringLiteral("isTyping")).toBool());
    });
    connect(service, &ChatService::typersChanged, this, [this](const QString &conv) {
        // The service dropped someone (expiry, disconnect): the list follows.
        const QStringList now = m_service->typers(conv);
        if (auto c = m_service->conversation(conv))
            for (const api::Participant &p : c->participants)
                if (!now.contains(p.userId))
                    m_conversations->setTyping(conv, p.userId, p.name, false);
    });
}

models::MessageListModel *ModelFeeder::messageModel(const QString &conversationId)
{
    if (auto *m = m_messages.value(conversationId))
        return m;
    auto *m = new models::MessageListModel(conversationId, m_service->userId(), this);
    m->setStore(m_store);
    if (auto c = m_service->conversation(conversationId))
        m->setParticipants(c->participants);
    m->setMessages(m_service->messages(conversationId));
    // Older history the cache does not have: one page from the server.
    connect(m, &models::MessageListModel::olderMessagesRequested, this,
            [this, m = QPointer<models::MessageListModel>(m)](const QString &conv, qint64 beforeSeq, int limit) {
                m_service->rest()
                    ->messages(conv, api::RestClient::Direction::Before, beforeSeq, limit)
                    .then(this, [m](const api::ApiResult<api::Page<api::Message>> &r) {
                        if (!m)
                            return;
                        if (!r.ok())
                            return m->historyRequestFailed();
                        const auto &page = r.value();
                        m->prepend(page.items, !page.hasMore);
                    });
            });
    connect(m, &models::MessageListModel::latestMessagesRequested, this,
            [this, m](const QString &conv) { m->setMessages(m_service->messages(conv)); });
    m_messages.insert(conversationId, m);
    return m;
}

void ModelFeeder::releaseMessageModel(const QString &conversationId)
{
    if (auto *m = m_messages.take(conversationId))
        m->deleteLater();
}

void ModelFeeder::syncConversation(const QString &conversationId)
{
    const auto c = m_service->conversation(conversationId);
    if (!c)
        return;
    m_conversations->upsert(*c);
    if (auto *m = m_messages.value(conversationId))
        m->setParticipants(c->participants);
}

void ModelFeeder::syncReadMarkers(const QString &conversationId)
{
    const auto c = m_service->conversation(conversationId);
    if (!c)
        return;
    auto *m = m_messages.value(conversationId);
    for (const api::Participant &p : c->participants) {
        m_conversations->setReadMarker(conversationId, p.userId, p.lastReadSeq);
        if (m)
            m->setReadMarker(p.userId, p.lastReadSeq);
    }
}

} // namespace ringchat::chat
