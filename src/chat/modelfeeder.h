// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Keeps the list models (src/models) in step with the chat service: the
// conversation list, and one message model per conversation the UI shows.
// The service stays model-agnostic (the CLI runs without models); this class
// translates its signals into the models' calls.
//
// Server messages and conversation changes reach the models once per
// event-loop pass: a burst of live messages (one service signal each) becomes
// one row insert and one list update, before anything is painted. Every other
// change flushes them first, so the models see the changes in order. Our own
// new (pending) messages show at once.

#include "api/types.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

namespace ringchat::models {
class ConversationListModel;
class MessageListModel;
} // namespace ringchat::models

namespace ringchat::chat {

class ChatService;

class ModelFeeder : public QObject
{
    Q_OBJECT
public:
    // Message models page their history through the service's history path.
    explicit ModelFeeder(ChatService *service, QObject *parent = nullptr);

    models::ConversationListModel *conversationModel() const { return m_conversations; }
    // Made on first use and kept (owned by the feeder).
    models::MessageListModel *messageModel(const QString &conversationId);
    void releaseMessageModel(const QString &conversationId);

private:
    void queueMessages(const QString &conversationId, const QList<api::Message> &messages);
    void queueConversationSync(const QString &conversationId);
    void scheduleFlush();
    void flush();
    void syncConversation(const QString &conversationId);
    void syncReadMarkers(const QString &conversationId);

    ChatService *m_service;
    models::ConversationListModel *m_conversations;
    QHash<QString, models::MessageListModel *> m_messages;
    QHash<QString, QList<api::Message>> m_queuedMessages; // per conversation, arrival order
    QList<QString> m_queuedSyncs;
    QHash<QString, QSet<QString>> m_shownTypers; // per conversation, as the list model shows them
    bool m_flushScheduled = false;
};

} // namespace ringchat::chat
