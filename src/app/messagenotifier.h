// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Decides which incoming messages deserve a desktop notification, and words it:
// someone else's message, notifications on, the conversation's level allows it
// (api::shouldNotify: a mention notifies at "mentions", nothing while muted), and
// not in the conversation the user is looking at. The text is left out ("New
// message") while the session is locked or when the user chose to hide it. The
// desktop integration shows what it asks for.

#include <QObject>
#include <QPointer>

#include <functional>

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

    // Whether the session is locked now (ScreenLock on Linux); unset: never.
    void setLockedSource(std::function<bool()> isLocked) { m_isLocked = std::move(isLocked); }

signals:
    // title: the conversation ("Bob", or "Bob in Ring team" for a group); text: one
    // line of the message, at most 200 characters (or only that there is one);
    // messageId and seq: the message, for opening the conversation at it.
    void notificationRequested(const QString &conversationId, const QString &title, const QString &text,
                               const QString &messageId, qint64 seq);

private:
    void followService();
    void onMessageReceived(const api::Message &message);

    Session *m_session;
    Settings *m_settings;
    CurrentConversation *m_current;
    QPointer<chat::ChatService> m_service;
    std::function<bool()> m_isLocked;
};

} // namespace ringchat::app
