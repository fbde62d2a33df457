// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Desktop notifications through the freedesktop notification service
// (org.freedesktop.Notifications on the session bus, QtDBus): each carries its
// conversation and message, a default action (a click: open the conversation at
// the message), "Mark as read", and "Reply" where the server offers
// `inline-reply`. What the user does comes back as the signals below; nothing
// here blocks (every call is asynchronous).

#include <QDBusConnection>
#include <QHash>
#include <QObject>
#include <QStringList>

namespace ringchat::app {

// One message to show (MessageNotifier words it).
struct MessageNotification
{
    QString conversationId;
    QString messageId;
    qint64 seq = 0;
    QString title;
    QString text; // plain text; escaped here for the spec's body markup
};

class DesktopNotifications : public QObject
{
    Q_OBJECT
public:
    explicit DesktopNotifications(const QDBusConnection &bus = QDBusConnection::sessionBus(),
                                  QObject *parent = nullptr);

    // A notification service answered GetCapabilities (until then, and without one,
    // callers fall back to their own way of notifying).
    bool isAvailable() const { return m_available; }
    bool canReply() const { return m_capabilities.contains(QStringLiteral("inline-reply")); }
    QStringList capabilities() const { return m_capabilities; }

    void show(const MessageNotification &notification);

signals:
    void availabilityChanged();
    void shown(uint id); // the service's id for the last show()
    void openRequested(const QString &conversationId, const QString &messageId, qint64 seq);
    void markReadRequested(const QString &conversationId, qint64 seq);
    void replyRequested(const QString &conversationId, const QString &messageId, const QString &text);

private slots:
    void onActionInvoked(uint id, const QString &action);
    void onReplied(uint id, const QString &text);
    void onClosed(uint id, uint reason);

private:
    void askCapabilities();

    QDBusConnection m_bus;
    bool m_available = false;
    QStringList m_capabilities;
    QHash<uint, MessageNotification> m_shown; // until closed
};

} // namespace ringchat::app
