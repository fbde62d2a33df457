// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/modelfeeder.h"

#include "chat/chatservice.h"
#include "chat/historyloader.h"
#include "chat/presencetracker.h"
#include "models/conversationlistmodel.h"
#include "models/messagelistmodel.h"

#include <algorithm>
#include <utility>

namespace ringchat::chat {

ModelFeeder::ModelFeeder(ChatService *service, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_conversations(new models::ConversationListModel(this))
{
    m_conversations->setOwnUserId(service->userId());
    // Presence has one owner, the service's tracker: the list reads it.
    m_conversations->setPresenceSource([tracker = service->presence()](const QString &userId) {
        const Presence p = tracker->presence(userId);
        return models::ConversationListModel::UserPresence { p.status, p.lastSeen };
    });
    m_conversations->setConversations(service->conversations());

    connect(service, &ChatService::userChanged, this, [this] {
        flush();
        m_conversations->setOwnUserId(m_service->userId());
    });
    connect(service, &ChatService::conversationChanged, this, &ModelFeeder::queueConversationSync);
    connect(service, &ChatService::messagesInserted, this, &ModelFeeder::queueMessages);
    connect(service, &ChatService::messageUpdated, this,
            [this](const QString &conv, const api::Message &msg) {
                flush();
                auto *m = m_messages.value(conv);
                if (!m)
                    return;
                m->appendOrMerge(msg);
                if (msg.isPending())
                    m->setDeliveryState(msg.clientId, msg.delivery);
            });
    // A conversation's page read lazily from the cache: the model, made with what the
    // service held (its newest message), takes the whole page (a reset: the view
    // goes to the end). Not while it is scrolled away from the latest rows.
    connect(service, &ChatService::latestPageLoaded, this, [this](const QString &conv) {
        flush();
        auto *m = m_messages.value(conv);
        if (m && m->atLatest())
            m->setMessages(m_service->messages(conv));
    });
    connect(service, &ChatService::messagesChanged, this,
            [this](const QString &conv, const QList<api::Message> &changed) {
                flush();
                if (auto *m = m_messages.value(conv))
                    m->applyChanges(changed);
            });
    connect(service, &ChatService::messageRemoved, this,
            [this](const QString &conv, const QString &clientId) {
                flush();
                if (auto *m = m_messages.value(conv))
                    m->remove(clientId);
            });
    // Our pending message's files on their way up: its row's bar.
    connect(service, &ChatService::uploadProgress, this,
            [this](const QString &conv, const QString &clientId, qint64 sent, qint64 total) {
                if (auto *m = m_messages.value(conv))
                    m->setUploadProgress(clientId, sent, total);
            });
    connect(service, &ChatService::readMarkersChanged, this, [this](const QString &conv) {
        flush();
        syncReadMarkers(conv);
    });
    connect(service, &ChatService::presenceChanged, this, [this](const QString &userId) {
        flush();
        m_conversations->presenceUpdated(userId);
    });
    // Typing follows the service's tracker, the one clock that renews and
    // expires typers. Not from serverEvent: a slot on it makes the service
    // build a QJsonValue for every event it receives, messages included.
    connect(service, &ChatService::typersChanged, this, [this](const QString &conv) {
        flush();
        const QStringList ids = m_service->typers(conv);
        const QStringList names = m_service->typerNames(conv);
        QSet<QString> &shown = m_shownTypers[conv];
        for (const QString &id : std::as_const(shown))
            if (!ids.contains(id))
                m_conversations->setTyping(conv, id, QString(), false);
        for (qsizetype i = 0; i < ids.size(); ++i)
            m_conversations->setTyping(conv, ids.at(i), names.value(i), true);
        shown = QSet<QString>(ids.cbegin(), ids.cend());
        if (shown.isEmpty())
            m_shownTypers.remove(conv);
    });
}

void ModelFeeder::queueMessages(const QString &conversationId, const QList<api::Message> &messages)
{
    const bool pending = std::any_of(messages.cbegin(), messages.cend(),
                                     [](const api::Message &m) { return m.isPending(); });
    if (pending) {
        // The user's own new message: the row shows now (after what came before).
        flush();
        if (auto *m = m_messages.value(conversationId))
            m->appendOrMerge(messages);
        return;
    }
    if (!m_messages.contains(conversationId))
        return;
    m_queuedMessages[conversationId] += messages;
    scheduleFlush();
}

void ModelFeeder::queueConversationSync(const QString &conversationId)
{
    if (!m_queuedSyncs.contains(conversationId))
        m_queuedSyncs.append(conversationId);
    scheduleFlush();
}

void ModelFeeder::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QMetaObject::invokeMethod(this, &ModelFeeder::flush, Qt::QueuedConnection);
}

void ModelFeeder::flush()
{
    m_flushScheduled = false; // a queued call that finds nothing is harmless
    for (const QString &conversationId : m_queuedMessages.keys()) {
        QList<api::Message> batch;
        batch.swap(m_queuedMessages[conversationId]); // what the models' signals queue goes in anew
        if (batch.isEmpty())
            continue;
        if (auto *m = m_messages.value(conversationId))
            m->appendOrMerge(batch);
        // Keep the list's buffer for the next pass: a flood would otherwise
        // allocate and free hundreds of KB per pass, which fragments the heap.
        batch.clear();
        auto it = m_queuedMessages.find(conversationId);
        if (it != m_queuedMessages.end() && it->isEmpty())
            it->swap(batch);
    }
    for (const QString &conversationId : std::exchange(m_queuedSyncs, {}))
        syncConversation(conversationId);
}

models::MessageListModel *ModelFeeder::messageModel(const QString &conversationId)
{
    if (auto *m = m_messages.value(conversationId))
        return m;
    flush(); // a new model reads the service's current state
    auto *m = new models::MessageListModel(conversationId, m_service->userId(), this);
    m->setHistory(m_service->history());
    if (auto c = m_service->conversation(conversationId)) {
        m->setParticipants(c->participants);
        m->setGroup(c->type == api::Conversation::Type::Group);
    }
    m->setMessages(m_service->messages(conversationId));
    m_messages.insert(conversationId, m);
    return m;
}

void ModelFeeder::releaseMessageModel(const QString &conversationId)
{
    m_queuedMessages.remove(conversationId);
    if (auto *m = m_messages.take(conversationId))
        m->deleteLater();
}

void ModelFeeder::syncConversation(const QString &conversationId)
{
    const auto c = m_service->conversation(conversationId);
    if (!c)
        return;
    m_conversations->upsert(*c);
    if (auto *m = m_messages.value(conversationId)) {
        m->setParticipants(c->participants);
        m->setGroup(c->type == api::Conversation::Type::Group);
    }
}

void ModelFeeder::syncReadMarkers(const QString &conversationId)
{
    const auto c = m_service->conversation(conversationId);
    if (!c)
        return;
    auto *m = m_messages.value(conversationId);
    if (!m)
        return;
    for (const api::Participant &p : c->participants)
        m->setReadMarker(p.userId, p.lastReadSeq);
}

} // namespace ringchat::chat
