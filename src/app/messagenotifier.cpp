// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/messagenotifier.h"

#include "app/currentconversation.h"
#include "app/session.h"
#include "app/settings.h"
#include "chat/chatservice.h"
#include "models/conversationtext.h"

namespace ringchat::app {

MessageNotifier::MessageNotifier(Session *session, Settings *settings, CurrentConversation *current,
                                 QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
    , m_current(current)
{
    connect(session, &Session::serviceChanged, this, &MessageNotifier::followService);
    followService();
}

void MessageNotifier::followService()
{
    if (m_service)
        m_service->disconnect(this);
    m_service = m_session->service();
    if (m_service)
        connect(m_service, &chat::ChatService::messageReceived, this, &MessageNotifier::onMessageReceived);
}

void MessageNotifier::onMessageReceived(const api::Message &message)
{
    if (message.senderId == m_session->userId() || message.type == api::Message::Type::System)
        return;
    if (!m_settings->notificationsEnabled() || m_current->isOnScreen(message.conversationId))
        return;
    // A conversation not known yet (its first message) is named by the sender.
    const auto conversation = m_service->conversation(message.conversationId);
    const bool mentionsMe = message.mentionsUser(m_session->userId());
    if (!api::shouldNotify(conversation ? conversation->settings : api::NotifySettings(), mentionsMe,
                           QDateTime::currentDateTimeUtc()))
        return;
    QString title
        = conversation ? models::conversationTitle(*conversation, m_session->userId()) : message.senderName;
    if (conversation && conversation->type == api::Conversation::Type::Group)
        title = tr("%1 in %2").arg(message.senderName, title);
    QString text;
    if (m_settings->hideNotificationText() || (m_isLocked && m_isLocked()))
        text = mentionsMe ? tr("Mentioned you") : tr("New message");
    else
        text = message.content.simplified();
    if (text.size() > 200)
        text = text.left(200) + QChar(0x2026);
    emit notificationRequested(message.conversationId, title, text, message.id, message.seq);
}

} // namespace ringchat::app
