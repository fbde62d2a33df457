// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The desktop around the window: the tray icon with the unread count, desktop
// notifications (the freedesktop notification service with its actions, where
// there is one on the session bus; else the tray's balloon), and the window's geometry across runs. It tells
// QML about the tray, and asks for a conversation when a notification is clicked, through Desktop.

#include <QObject>
#include <QPointer>

class QQuickWindow;
class QSystemTrayIcon;
class QMenu;

namespace ringchat::app {
class Desktop;
class DesktopNotifications;
class MessageNotifier;
class ScreenLock;
class Session;
} // namespace ringchat::app

namespace ringchat::app {

class DesktopIntegration : public QObject
{
    Q_OBJECT
public:
    DesktopIntegration(Session *session, MessageNotifier *notifier, Desktop *desktop,
                       QObject *parent = nullptr);
    ~DesktopIntegration() override;

    // Restores the saved geometry, shows the window and saves the geometry when it closes.
    void attach(QQuickWindow *window);
    void raiseWindow();
    void saveGeometry();

private:
    void createTray();
    void updateTray(int unread);
    void notify(const QString &conversationId, const QString &title, const QString &text,
                const QString &messageId, qint64 seq);

    Session *m_session;
    Desktop *m_desktop;
    QPointer<QQuickWindow> m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QString m_lastNotifiedConversation;
    DesktopNotifications *m_notifications = nullptr; // freedesktop, with actions (Linux)
    ScreenLock *m_screenLock = nullptr;
};

} // namespace ringchat::app
