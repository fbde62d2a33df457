// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Decides which incoming messages deserve a desktop notification, and words it:
// someone else's message, notifications on, and not in the conversation the user is
// looking at. The desktop integration shows what it asks for.

#include <QObject>
#include <QPointer>

namespace ringchat::api {
struct Message;
}
namespace ringchat::chat {
class ChatService;
}

namespace ringchat::app {

class CurrentConversation;
class Session;
class Settings;

class MessageNotifier : public QObject
{
    Q_OBJECT
public:
    MessageNotifier(Session *session, Settings *settings, CurrentConversation *current,
                    QObject *parent = nullptr);

signals:
    // title: the conversation ("Bob", or "Bob in Ring team" for a group); text: one
    // line of the message, at most 200 characters.
    void notificationRequested(const QString &conversationId, const QString &title, const QString &text);

private:
    void followService();
    void onMessageReceived(const api::Message &message);

    Session *m_session;
    Settings *m_settings;
    CurrentConversation *m_current;
    QPointer<chat::ChatService> m_service;
};

} // namespace ringchat::app
