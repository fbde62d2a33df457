// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopintegration.h"

#include "app/currentconversation.h"
#include "app/desktop.h"
#include "app/desktopnotifications.h"
#include "app/messagenotifier.h"
#include "app/notificationactions.h"
#include "app/screenlock.h"
#include "app/session.h"

#include <QApplication>
#include <QDBusConnection>
#include <QGuiApplication>
#include <QMenu>
#include <QPainter>
#include <QQuickWindow>
#include <QScreen>
#include <QSettings>
#include <QSystemTrayIcon>

namespace ringchat::app {

namespace {
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kMaximizedKey = QStringLiteral("window/maximized");

// The app icon with the unread count drawn in a badge.
QIcon iconWithCount(int unread)
{
    const QIcon base(QStringLiteral(":/icons/ringchat.png"));
    if (unread <= 0)
        return base;
    QPixmap pixmap = base.pixmap(64, 64);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF badge(28, 28, 36, 36);
    painter.setBrush(QColor(0xd1, 0x24, 0x2f));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(badge);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(unread > 99 ? 14 : 20);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(badge, Qt::AlignCenter, unread > 99 ? QStringLiteral("99+") : QString::number(unread));
    return QIcon(pixmap);
}
} // namespace

DesktopIntegration::DesktopIntegration(Session *session, MessageNotifier *notifier, Desktop *desktop,
                                       CurrentConversation *current, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_desktop(desktop)
    , m_current(current)
{
    connect(session, &Session::unreadTotalChanged, this, &DesktopIntegration::updateTray);
    connect(notifier, &MessageNotifier::notificationRequested, this, &DesktopIntegration::notify);
    m_notifications = new DesktopNotifications(QDBusConnection::sessionBus(), this);
    connect(new NotificationActions(m_notifications, session, current, this),
            &NotificationActions::raiseRequested, this, &DesktopIntegration::raiseWindow);
    m_screenLock = new ScreenLock(QDBusConnection::sessionBus(), QDBusConnection::systemBus(), this);
    notifier->setLockedSource([lock = m_screenLock] { return lock->isLocked(); });
    // Asking the desktop for a tray takes a round trip or two (D-Bus, X11): do it
    // once the event loop runs, after the window is up, not before it.
    QMetaObject::invokeMethod(this, &DesktopIntegration::createTray, Qt::QueuedConnection);
}

void DesktopIntegration::createTray()
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(this);
        m_menu = new QMenu();
        m_menu->addAction(tr("Show Ring Chat"), this, &DesktopIntegration::raiseWindow);
        m_menu->addSeparator();
        m_menu->addAction(tr("Quit"), qApp, &QCoreApplication::quit);
        m_tray->setContextMenu(m_menu);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                raiseWindow();
        });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            raiseWindow();
            m_current->openAt(m_lastNotified.first, m_lastNotified.second);
        });
        updateTray(m_session->unreadTotal()); // icon and tooltip, with the count known by now
        m_tray->show();
    }
    m_desktop->setTrayAvailable(m_tray != nullptr);
}

DesktopIntegration::~DesktopIntegration()
{
    delete m_menu;
}

void DesktopIntegration::attach(QQuickWindow *window)
{
    m_window = window;
    QSettings settings;
    const QRect geometry = settings.value(kGeometryKey).toRect();
    // Only where it still fits on a screen (monitors come and go).
    if (geometry.isValid()) {
        for (QScreen *screen : QGuiApplication::screens()) {
            if (screen->availableGeometry().intersects(geometry)) {
                window->setGeometry(geometry);
                break;
            }
        }
    }
    if (settings.value(kMaximizedKey, false).toBool())
        window->showMaximized();
    else
        window->show();
    connect(qApp, &QCoreApplication::aboutToQuit, this, &DesktopIntegration::saveGeometry);
    connect(window, &QWindow::visibleChanged, this, [this](bool visible) {
        if (!visible)
            saveGeometry();
    });
}

void DesktopIntegration::saveGeometry()
{
    if (!m_window)
        return;
    QSettings settings;
    const bool maximized = m_window->windowStates() & Qt::WindowMaximized;
    settings.setValue(kMaximizedKey, maximized);
    if (!maximized && m_window->width() > 0)
        settings.setValue(kGeometryKey, m_window->geometry());
}

void DesktopIntegration::raiseWindow()
{
    if (!m_window)
        return;
    if (m_window->windowStates() & Qt::WindowMinimized)
        m_window->setWindowStates(m_window->windowStates() & ~Qt::WindowMinimized);
    m_window->show();
    m_window->raise();
    m_window->requestActivate();
}

void DesktopIntegration::updateTray(int unread)
{
    if (!m_tray)
        return;
    m_tray->setIcon(iconWithCount(unread));
    m_tray->setToolTip(unread > 0 ? tr("Ring Chat: %n unread", "", unread) : tr("Ring Chat"));
}

void DesktopIntegration::notify(const QString &conversationId, const QString &title, const QString &text,
                                const QString &messageId, qint64 seq)
{
    m_lastNotified = { conversationId, seq };
    if (m_notifications && m_notifications->isAvailable()) {
        m_notifications->show({ conversationId, messageId, seq, title, text });
        return;
    }
    if (m_tray && m_tray->supportsMessages())
        m_tray->showMessage(title, text, QSystemTrayIcon::Information, 6000);
}

} // namespace ringchat::app
