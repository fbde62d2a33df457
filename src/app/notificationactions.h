// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the user does on a desktop notification, done on the account: open the
// conversation (Desktop asks the window), mark it read up to the message (a read
// marker, as reading it on screen does), or send the inline reply through the
// outbox as a reply to the message.

#include <QObject>

namespace ringchat::app {

class Desktop;
class DesktopNotifications;
class Session;

class NotificationActions : public QObject
{
    Q_OBJECT
public:
    NotificationActions(DesktopNotifications *notifications, Session *session, Desktop *desktop,
                        QObject *parent = nullptr);

signals:
    // The window should come up (a click on the notification).
    void raiseRequested();

private:
    Session *m_session;
    Desktop *m_desktop;
};

} // namespace ringchat::app
