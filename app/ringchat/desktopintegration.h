// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The desktop around the window: the tray icon with the unread count, desktop
// notifications (the freedesktop notification service with its actions, where
// there is one on the session bus; else the tray's balloon), and the window's
// geometry across runs. It tells QML about the tray. A click on a notification (or
// on the tray's balloon) opens its conversation at the message
// (CurrentConversation::openAt).

#include <QObject>
#include <QPointer>

#include <utility>

class QQuickWindow;
class QSystemTrayIcon;
class QMenu;

namespace ringchat::app {
class CurrentConversation;
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
                       CurrentConversation *current, QObject *parent = nullptr);
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
    CurrentConversation *m_current;
    QPointer<QQuickWindow> m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    std::pair<QString, qint64> m_lastNotified;       // conversation and seq: the tray balloon's click
    DesktopNotifications *m_notifications = nullptr; // freedesktop, with actions (Linux)
    ScreenLock *m_screenLock = nullptr;
};

} // namespace ringchat::app
