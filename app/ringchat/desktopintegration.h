#pragma once
// The desktop around the window: the tray icon with the unread count, desktop
// notifications (the tray's balloon, or the freedesktop notification service
// when there is no tray), and the window's geometry across runs.

#include <QObject>
#include <QPointer>

class QQuickWindow;
class QSystemTrayIcon;
class QMenu;

namespace ringchat::ui {
class AppController;
}

namespace ringchat::app {

class DesktopIntegration : public QObject
{
    Q_OBJECT
public:
    DesktopIntegration(ui::AppController *controller, QObject *parent = nullptr);
    ~DesktopIntegration() override;

    // Restores the saved geometry, shows the window and saves the geometry when it closes.
    void attach(QQuickWindow *window);
    void raiseWindow();
    void saveGeometry();

private:
    void createTray();
    void updateTray(int unread);
    void notify(const QString &conversationId, const QString &title, const QString &text);
    void notifyOverDBus(const QString &conversationId, const QString &title, const QString &text);

    ui::AppController *m_controller;
    QPointer<QQuickWindow> m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QString m_lastNotifiedConversation;
    uint m_lastDBusId = 0;
};

} // namespace ringchat::app
