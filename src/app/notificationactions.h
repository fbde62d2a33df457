// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the user does on a desktop notification, done on the account: open the
// conversation at the message (CurrentConversation::openAt, as a search result
// does), mark it read up to the message (a read marker, as reading it on screen
// does), or send the inline reply through the outbox as a reply to the message.

#include <QObject>

namespace ringchat::app {

class CurrentConversation;
class DesktopNotifications;
class Session;

class NotificationActions : public QObject
{
    Q_OBJECT
public:
    NotificationActions(DesktopNotifications *notifications, Session *session, CurrentConversation *current,
                        QObject *parent = nullptr);

signals:
    // The window should come up (a click on the notification).
    void raiseRequested();

private:
    Session *m_session;
    CurrentConversation *m_current;
};

} // namespace ringchat::app
