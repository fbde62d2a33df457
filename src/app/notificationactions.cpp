// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/notificationactions.h"

#include "app/currentconversation.h"
#include "app/desktopnotifications.h"
#include "app/session.h"
#include "chat/chatservice.h"

namespace ringchat::app {

NotificationActions::NotificationActions(DesktopNotifications *notifications, Session *session,
                                         CurrentConversation *current, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_current(current)
{
    connect(notifications, &DesktopNotifications::openRequested, this,
            [this](const QString &conversationId, const QString &, qint64 seq) {
                emit raiseRequested();
                m_current->openAt(conversationId, seq);
            });
    connect(notifications, &DesktopNotifications::markReadRequested, this,
            [this](const QString &conversationId, qint64 seq) {
                if (chat::ChatService *service = m_session->service(); service && seq > 0)
                    service->markVisible(conversationId, seq);
            });
    connect(notifications, &DesktopNotifications::replyRequested, this,
            [this](const QString &conversationId, const QString &messageId, const QString &text) {
                if (chat::ChatService *service = m_session->service())
                    service->sendMessage(conversationId, text.trimmed(), messageId);
            });
}

} // namespace ringchat::app
